import { z } from 'zod'
import { eventBusName, type WorkspaceConfig } from '@shared/domain'
import { AppError } from '@shared/ipc/errors'
import type { RefreshResult } from '@shared/ipc/channels/sync'
import type { CloudClients, Page } from '../cloud'
import type { Store } from '../store'
import { contentHash } from '../store/json'
import { newId } from '../store/ids'
import { spentRecords, withRecords } from './cloud-model'
import { eventBridgeState } from './eventbridge-state'
import { configFromCloud, memberRowsFromCloud, type CloudSnapshot } from './mapping/from-cloud'

type Workspace = CloudSnapshot['workspace']

const PAGE = 100
/**
 * Workspaces read at once during a profile refresh: enough to keep the endpoint limiter's queue full (each one sends
 * its reads in parallel), so the limiter's learned window and rate are what bound the refresh, not this number.
 */
const WORKSPACES_AT_ONCE = 16
/**
 * Shortest time between two cache commits during a profile refresh (the workspaces read meanwhile go in one). Each
 * commit writes the pages it touched (members' indexes, the access tables' triggers) to the WAL again: at 50 ms the
 * commits took 6.1 s of the core's CPU over a 500-workspace refresh and its no-change repeat, at 250 ms 1.9 s (a
 * commit of the ~4 workspaces read meanwhile blocks for a few ms; the limiter's bucket sends what a late timer held).
 */
const COMMIT_EVERY_MS = 250

/** Every page of a numbered list: the first page tells the total, the rest are read in parallel. */
export async function allPages<T>(fetch: (pageNumber: number, pageSize: number) => Promise<Page<T>>): Promise<T[]> {
  const first = await fetch(1, PAGE)
  if (first.items.length < PAGE || first.totalCount <= first.items.length) return first.items
  const pages = Math.ceil(first.totalCount / PAGE)
  const rest = await Promise.all(Array.from({ length: pages - 1 }, (_, i) => fetch(i + 2, PAGE)))
  return [first.items, ...rest.map((p) => p.items)].flat()
}

const isCode = (err: unknown, ...codes: string[]): boolean => err instanceof AppError && codes.includes(err.code)

/**
 * Reads one workspace's whole configuration from the cloud (members, roles, resources, configs, rules). `detail:
 * false` trusts `w` for the workspace's own fields (it is a GetWorkspace answer already, or a ListWorkspaces item
 * that `needsDetail` found unchanged) and sends no GetWorkspace.
 */
export async function fetchSnapshot(
  clients: CloudClients,
  w: Workspace,
  opts: { detail?: boolean } = {},
): Promise<{ snapshot: CloudSnapshot; eventBridge: boolean | undefined }> {
  const id = w.WorkspaceId
  const busName = eventBusName(w.WorkspaceName)
  let eventBridge: boolean | undefined
  const rules = clients.eventBridge.listAllRules({ EventBusName: busName }).then(
    (r) => {
      eventBridge = true
      return { exists: true, rules: r }
    },
    (err: unknown) => {
      if (isCode(err, 'CLOUD_NOT_FOUND')) {
        eventBridge = true
        return { exists: false, rules: [] }
      }
      if (isCode(err, 'CLOUD_SERVICE_NOT_ENABLED')) {
        eventBridge = false
        return { exists: false, rules: [] }
      }
      throw err
    },
  )
  const [full, members, roles, resources, configs, bus] = await Promise.all([
    opts.detail === false ? w : clients.pai.getWorkspace(id, { verbose: true }),
    allPages((n, s) => clients.pai.listMembers(id, { PageNumber: n, PageSize: s })),
    allPages((n, s) =>
      clients.pai.listWorkspaceRoles(id, { PageNumber: n, PageSize: s, VerboseFields: 'ModulePermissions' }),
    ),
    allPages((n, s) => clients.pai.listResources(id, { PageNumber: n, PageSize: s })),
    clients.pai.listConfigs(id),
    rules,
  ])
  return {
    snapshot: { workspace: { ...w, ...full }, members, roles, resources, configs, bus: { name: busName, ...bus } },
    eventBridge,
  }
}

/**
 * Writes one workspace's snapshot into the cache (list row, configuration with its version, members). The
 * configuration cached is the cloud model: the snapshot with the record laid over it (`cloud-model.ts`).
 */
export function cacheSnapshot(
  store: Store,
  profileId: string,
  s: CloudSnapshot,
  fetchedAt: string,
): { config: WorkspaceConfig; version: string } {
  const w = s.workspace
  // The cache holds the one model of the cloud: what was read, and the record of what cannot be read.
  const records = store.cloudRecords.list(profileId, w.WorkspaceId)
  const config = withRecords(configFromCloud(s), records, fetchedAt)
  const version = contentHash(config)
  store.transaction(() => {
    for (const r of spentRecords(records, fetchedAt)) store.cloudRecords.delete(profileId, w.WorkspaceId, r.path)
    store.workspaces.upsertMany(
      profileId,
      [
        {
          workspaceId: w.WorkspaceId,
          name: w.WorkspaceName,
          displayName: w.DisplayName ?? null,
          status: w.Status ?? null,
          mode: config.basic.mode,
          owner: config.owner?.userName ?? config.owner?.userId ?? null,
          gmtModified: w.GmtModifiedTime ?? null,
          gmtCreate: w.GmtCreateTime ?? null,
          cloudVersion: w.GmtModifiedTime ?? version,
        },
      ],
      { fetchedAt },
    )
    store.workspaces.saveConfig(profileId, w.WorkspaceId, config, { version, fetchedAt })
    store.members.upsertMany(profileId, w.WorkspaceId, memberRowsFromCloud(s.members), { replaceAll: true, fetchedAt })
  })
  return { config, version }
}

export interface RefreshHooks {
  progress?(done: number, total: number, message?: string): void
}

/**
 * Refreshes a profile: every workspace (all pages) and each one's full configuration, several at once
 * under the endpoint's concurrency cap. The list is replaced as a whole (workspaces gone from the cloud
 * leave the cache); one workspace that fails to read is reported and keeps its previous cache.
 */
export async function refreshProfile(
  store: Store,
  clients: CloudClients,
  profileId: string,
  hooks: RefreshHooks = {},
  now: () => Date = () => new Date(),
): Promise<RefreshResult & { eventBridge: boolean | undefined; names: string[]; detailsSkipped: number }> {
  const jobId = newId()
  const fetchedAt = now().toISOString()
  const list = await allPages((n, s) => clients.pai.listWorkspaces({ PageNumber: n, PageSize: s, Verbose: true }))
  // Before the listing is cached: what the last refresh of each workspace saw.
  const unchanged = unchangedWorkspaces(store, profileId, list)
  store.workspaces.upsertMany(
    profileId,
    list.map((w) => ({
      workspaceId: w.WorkspaceId,
      name: w.WorkspaceName,
      displayName: w.DisplayName ?? null,
      status: w.Status ?? null,
      gmtModified: w.GmtModifiedTime ?? null,
      gmtCreate: w.GmtCreateTime ?? null,
    })),
    { replaceAll: true, fetchedAt },
  )
  const total = list.length
  let done = 0
  hooks.progress?.(0, total)
  const failed: RefreshResult['failed'] = []
  const fail = (w: Workspace, err: unknown): void => {
    failed.push({
      workspaceId: w.WorkspaceId,
      code: err instanceof AppError ? err.code : 'INTERNAL',
      message: err instanceof Error ? err.message : String(err),
    })
  }
  const settled = (w: Workspace): void => {
    done++
    hooks.progress?.(done, total, w.WorkspaceName)
  }
  // Group commit: the workspaces read since the last commit are cached in one transaction, each in its own
  // savepoint (one that cannot be cached is reported, the others are kept), not one commit (one sync to disk) each.
  const toCache: Array<{ w: Workspace; snapshot: CloudSnapshot }> = []
  let commitTimer: NodeJS.Timeout | undefined
  let commitError: unknown
  const commit = (): void => {
    commitTimer = undefined
    const batch = toCache.splice(0)
    if (batch.length === 0) return
    store.transaction(() => {
      for (const { w, snapshot } of batch)
        try {
          cacheSnapshot(store, profileId, snapshot, fetchedAt)
        } catch (err) {
          fail(w, err)
        }
    })
    for (const { w } of batch) settled(w)
  }
  let eventBridge: boolean | undefined
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < list.length && commitError === undefined) {
      const w = list[next++] as Workspace
      try {
        const got = await fetchSnapshot(clients, w, { detail: !unchanged.has(w.WorkspaceId) })
        if (got.eventBridge !== undefined) eventBridge = eventBridge === true ? true : got.eventBridge
        toCache.push({ w, snapshot: got.snapshot })
        commitTimer ??= setTimeout(() => {
          try {
            commit()
          } catch (err) {
            commitError = err
          }
        }, COMMIT_EVERY_MS)
        continue
      } catch (err) {
        if (err instanceof AppError && (err.code === 'CLOUD_NETWORK' || err.code === 'CLOUD_TIMEOUT')) throw err
        fail(w, err)
      }
      settled(w)
    }
  }
  try {
    await Promise.all(Array.from({ length: Math.min(WORKSPACES_AT_ONCE, Math.max(1, list.length)) }, worker))
  } finally {
    // What was read is cached, also when a network error ends the refresh (as it was one by one).
    clearTimeout(commitTimer)
    if (commitError === undefined)
      try {
        commit()
      } catch (err) {
        commitError = err
      }
  }
  if (commitError !== undefined) throw commitError
  // E1: when no workspace's bus told, the account's PAI buses do (eventbridge-state.ts).
  eventBridge = await eventBridgeState(clients, eventBridge, total)
  return {
    jobId,
    workspaces: total,
    fetchedAt,
    failed,
    eventBridge,
    names: list.map((w) => w.WorkspaceName),
    detailsSkipped: unchanged.size,
  }
}

/**
 * The listed workspaces whose own fields need no GetWorkspace: the listing (Verbose, so with the Owner) carries
 * every field GetWorkspace does (docs/pai-api-facts.md §1.2), and its `GmtModifiedTime` is the one the cache
 * holds from a refresh that also read the workspace's detail (its configuration was saved in that same refresh,
 * so not one whose detail read failed). Only the workspace object's own fields are trusted so: members, roles,
 * resources, configs and rules are always read, because nothing documented says their changes move the
 * workspace's `GmtModifiedTime` (docs/sync.md "Refresh where nothing changed").
 */
function unchangedWorkspaces(store: Store, profileId: string, list: Workspace[]): Set<string> {
  const out = new Set<string>()
  for (const w of list) {
    if (!w.GmtModifiedTime || !w.Owner) continue
    const row = store.workspaces.get(profileId, w.WorkspaceId)
    if (!row || row.gmtModified !== w.GmtModifiedTime) continue
    const cached = store.workspaces.getConfig(profileId, w.WorkspaceId, z.unknown())
    if (cached?.fetchedAt === row.fetchedAt) out.add(w.WorkspaceId)
  }
  return out
}

/** Refreshes one workspace (after an apply, or on demand). CLOUD_NOT_FOUND when it is gone. */
export async function refreshWorkspace(
  store: Store,
  clients: CloudClients,
  profileId: string,
  workspaceId: string,
  now: () => Date = () => new Date(),
): Promise<{ config: WorkspaceConfig; version: string; fetchedAt: string }> {
  const w = await clients.pai.getWorkspace(workspaceId, { verbose: true })
  const { snapshot } = await fetchSnapshot(clients, w, { detail: false })
  const fetchedAt = now().toISOString()
  return { ...cacheSnapshot(store, profileId, snapshot, fetchedAt), fetchedAt }
}
