import { WorkspaceConfigSchema } from '@shared/domain'
import type { CloudClients } from '../cloud'
import type { Store } from '../store'
import { memberRowsFromCloud, membersFromCloud } from './mapping/from-cloud'
import { allPages } from './refresh'

/** The op kinds that change a workspace's members and nothing else (`ops/members.ts`). */
const MEMBER_OPS = new Set(['member.create', 'member.addRole', 'member.removeRole', 'member.delete'])

/** Whether a run's ops all change members only (an empty run is not: it is read back whole, as before). */
export function onlyMemberOps(kinds: readonly string[]): boolean {
  return kinds.length > 0 && kinds.every((k) => MEMBER_OPS.has(k))
}

/**
 * The read-back after a run of member ops only (a bulk access change: one delete per workspace, issue 16): the
 * members are listed again (ListMembers, every page) and replace the cached configuration's members and the member
 * rows; every other section stays as the last refresh read it, with its read time (the plan's cache age is still
 * that of the whole configuration). The cached configuration is read inside the write's transaction, so a refresh
 * that wrote meanwhile is kept. False when nothing usable is cached: the caller reads the workspace whole.
 */
export async function refreshMembers(
  store: Store,
  clients: CloudClients,
  profileId: string,
  workspaceId: string,
  now: () => Date,
): Promise<boolean> {
  if (!store.workspaces.getConfig(profileId, workspaceId, WorkspaceConfigSchema)?.config.ok) return false
  const listed = await allPages((n, s) => clients.pai.listMembers(workspaceId, { PageNumber: n, PageSize: s }))
  const fetchedAt = now().toISOString()
  return store.transaction(() => {
    const got = store.workspaces.getConfig(profileId, workspaceId, WorkspaceConfigSchema)
    if (!got?.config.ok) return false
    const config = { ...got.config.value, members: membersFromCloud(listed) }
    store.workspaces.saveConfig(profileId, workspaceId, config, { fetchedAt: got.fetchedAt })
    store.members.upsertMany(profileId, workspaceId, memberRowsFromCloud(listed), { replaceAll: true, fetchedAt })
    return true
  })
}
