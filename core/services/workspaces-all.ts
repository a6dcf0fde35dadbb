import type { AllWorkspaceRow } from '@shared/ipc/channels/accounts'
import type { WorkspaceRow } from '@shared/ipc/channels/workspaces'
import type { Store } from '../store'
import type { ListQuery } from './workspace-list'
import type { WorkspacesService } from './workspaces'

/** The repository's page limit: deeper pages of one profile are read in chunks of this size. */
const CHUNK = 1000

/**
 * The workspace list across every profile (issue 15 item 5). Each profile's list is already ordered
 * (new-workspace drafts first, then the cache on its covering index); the first `offset + limit` rows
 * of each are merged in the same order, so a page costs one indexed query per profile.
 */
export function listAcrossProfiles(
  store: Store,
  workspaces: WorkspacesService,
  q: Omit<ListQuery, 'profileId'>,
): { total: number; rows: AllWorkspaceRow[]; profiles: Array<{ id: string; name: string; total: number }> } {
  const want = q.offset + q.limit
  const all: AllWorkspaceRow[] = []
  const profiles: Array<{ id: string; name: string; total: number }> = []
  for (const p of store.profiles.list()) {
    const rows: WorkspaceRow[] = []
    let total = 0
    for (let offset = 0; offset < want; offset += CHUNK) {
      const page = workspaces.list({ ...q, profileId: p.id, offset, limit: Math.min(CHUNK, want - offset) })
      total = page.total
      rows.push(...page.rows)
      if (page.rows.length === 0 || rows.length >= total) break
    }
    profiles.push({ id: p.id, name: p.name, total })
    for (const r of rows)
      all.push({
        ...r,
        profileId: p.id,
        profileName: p.name,
        profileKind: p.kind,
        region: p.region,
        accountId: p.caller?.accountId ?? null,
      })
  }
  all.sort(compare(q.sortBy, q.order))
  return { total: profiles.reduce((n, p) => n + p.total, 0), rows: all.slice(q.offset, want), profiles }
}

const isNew = (r: WorkspaceRow): boolean => r.workspaceId === undefined

/** Byte order, as SQLite's BINARY collation sorts the cache. */
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

function compare(by: ListQuery['sortBy'], order: 'asc' | 'desc'): (a: AllWorkspaceRow, b: AllWorkspaceRow) => number {
  const field = (r: WorkspaceRow): string =>
    by === 'displayName'
      ? r.displayName
      : by === 'status'
        ? r.status
        : by === 'updated'
          ? (r.draftUpdatedAt ?? '')
          : by === 'fetched'
            ? (r.fetchedAt ?? '')
            : r.name
  const dir = order === 'desc' ? -1 : 1
  return (a, b) =>
    Number(isNew(b)) - Number(isNew(a)) ||
    dir * cmp(field(a), field(b)) ||
    dir * cmp(a.name, b.name) ||
    cmp(a.profileName, b.profileName)
}
