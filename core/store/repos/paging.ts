/** Paging and the name filter, shared by the cache's list queries (workspaces, members, RAM users, access). */

export interface ListQuery<S extends string> {
  /** Substring match on the names, case-insensitive (every character is literal). */
  filter?: string
  sort?: S
  dir?: 'asc' | 'desc'
  limit?: number
  offset?: number
}

export interface Page<T> {
  total: number
  rows: T[]
}

export const MAX_PAGE = 1000

/** What the name filter searches: the names, lower-cased (Unicode-aware, unlike SQLite's lower()). */
export function searchText(...parts: Array<string | null | undefined>): string {
  return parts
    .filter((p) => p)
    .join('\u001f')
    .toLowerCase()
}

export function pageBounds(q: { limit?: number; offset?: number }): { limit: number; offset: number } {
  const limit = Math.min(Math.max(Math.trunc(q.limit ?? 50), 1), MAX_PAGE)
  const offset = Math.max(Math.trunc(q.offset ?? 0), 0)
  return { limit, offset }
}
