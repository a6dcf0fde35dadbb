import type { RequestOf } from '@shared/ipc/contract'

export type ListRequest = RequestOf<'workspaces.list'>
export type SortKey = NonNullable<ListRequest['sortBy']>

/** The list's filters and sort (the store's reactive copy, or the defaults). */
export interface ListFilters {
  query: string
  status: string
  draftsOnly: boolean
  sortBy: SortKey
  order: 'asc' | 'desc'
}

export const DEFAULT_FILTERS: ListFilters = { query: '', status: '', draftsOnly: false, sortBy: 'name', order: 'asc' }

/** The first call asks for one screenful only, so the first rows paint sooner; page 0 is then filled in. */
export const FIRST_SIZE = 40

/** One page's request: what the store asks for, and what the page asks for before the app is loaded. */
export function listRequest(f: ListFilters, offset: number, limit: number): ListRequest {
  const req: ListRequest = { sortBy: f.sortBy, order: f.order, offset, limit }
  if (f.query.trim() !== '') req.query = f.query.trim()
  if (f.status !== '') req.status = f.status
  if (f.draftsOnly) req.draftsOnly = true
  return req
}
