import type { RefreshResult } from '@shared/ipc/channels/sync'
import { AppError } from '@shared/ipc/errors'
import type { CloudClients } from '../cloud'
import { writeProfileFacts } from '../model/profile-facts'
import { newId } from '../store/ids'
import type { SyncContext } from './deps'
import { refreshProfile, refreshWorkspace } from './refresh'

/**
 * `sync.refresh`: one workspace, or a whole profile with progress events, then the profile facts the
 * offline checks need (identity, DataWorks names, EventBridge authorization), an activity row and the
 * network status.
 */
export async function refreshJob(c: SyncContext, profileId: string, workspaceId?: string): Promise<RefreshResult> {
  const store = c.store
  if (!store.profiles.get(profileId)) throw new AppError('NOT_FOUND', { params: { what: `profile ${profileId}` } })
  try {
    const clients = await c.clientsFor(profileId)
    if (workspaceId) {
      const r = await refreshWorkspace(store, clients, profileId, workspaceId, c.now)
      store.activity.add({ profileId, workspace: workspaceId, action: 'sync.refreshWorkspace', result: 'ok' })
      c.emit('data.changed', { area: 'workspaces', id: workspaceId })
      return { jobId: newId(), workspaces: 1, fetchedAt: r.fetchedAt, failed: [] }
    }
    const identity = c.identity ? await c.identity(profileId) : undefined
    const res = await refreshProfile(
      store,
      clients,
      profileId,
      {
        progress: (done, total, message) =>
          c.emit('job.progress', {
            jobId: `refresh:${profileId}`,
            kind: 'refresh',
            done,
            total,
            ...(message ? { message } : {}),
          }),
      },
      c.now,
    )
    const facts: Parameters<typeof writeProfileFacts>[2] = { fetchedAt: res.fetchedAt }
    if (identity) facts.identity = identity.identity
    const dataworks = await dataWorksNames(clients, res.names)
    if (dataworks) facts.dataworksNames = dataworks
    if (res.eventBridge !== undefined) facts.eventBridgeAuthorized = res.eventBridge
    writeProfileFacts(store, profileId, facts)
    store.activity.add({
      profileId,
      action: 'sync.refresh',
      result: res.failed.length ? 'failed' : 'ok',
      details: { workspaces: res.workspaces, failed: res.failed },
    })
    c.emit('net.status', { online: true })
    c.emit('data.changed', { area: 'workspaces' })
    return { jobId: res.jobId, workspaces: res.workspaces, fetchedAt: res.fetchedAt, failed: res.failed }
  } catch (err) {
    if (err instanceof AppError && (err.code === 'CLOUD_NETWORK' || err.code === 'CLOUD_TIMEOUT'))
      c.emit('net.status', { online: false })
    throw err
  }
}

/**
 * W4: DataWorks workspaces share PAI's names. ListWorkspaces with ModuleList=DataWorks lists them; the
 * names not also PAI workspaces (`pai`: the refresh just listed them) are kept for the offline name check. Best
 * effort: undefined when the call is refused or fails, and the names already known are kept.
 */
async function dataWorksNames(clients: CloudClients, pai: string[]): Promise<string[] | undefined> {
  try {
    const dw = await clients.pai.listAllWorkspaces({ ModuleList: 'DataWorks' })
    const paiNames = new Set(pai)
    return [...new Set(dw.map((w) => w.WorkspaceName).filter((n) => !paiNames.has(n)))].sort()
  } catch {
    return undefined
  }
}
