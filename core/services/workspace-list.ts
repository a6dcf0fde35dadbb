import type { WorkspaceRow } from '@shared/ipc/channels/workspaces'

/** What the workspace list asks for (`workspaces.list`). */
export interface ListQuery {
  profileId?: string | null
  query?: string
  draftsOnly?: boolean
  status?: string
  sortBy: 'name' | 'displayName' | 'status' | 'updated' | 'fetched'
  order: 'asc' | 'desc'
  offset: number
  limit: number
}

/** The list's sort orders, as the cache repository names them. */
export const SORT_TO_REPO = {
  name: 'name',
  displayName: 'displayName',
  status: 'status',
  updated: 'gmtModified',
  fetched: 'fetchedAt',
} as const

export function sortRows(rows: WorkspaceRow[], by: ListQuery['sortBy'], order: 'asc' | 'desc'): void {
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
  rows.sort((a, b) => field(a).localeCompare(field(b)) * (order === 'desc' ? -1 : 1))
}
