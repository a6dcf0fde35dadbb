import { defineStore } from 'pinia'
import { reactive, ref, shallowRef, triggerRef } from 'vue'
import type { WorkspaceRow } from '@shared/ipc/channels/workspaces'
import type { AllWorkspaceRow } from '@shared/ipc/channels/accounts'
import { call } from '../bridge'
import { callEarly } from '../bridge/early'
import { DEFAULT_FILTERS, FIRST_SIZE, listRequest, type SortKey } from './list-request'

export type { SortKey }
/** A row of either scope: the all-profiles rows also say whose they are. */
export type ListRow = WorkspaceRow | AllWorkspaceRow

export function isAllRow(r: ListRow): r is AllWorkspaceRow {
  return 'profileName' in r
}

/** Rows fetched per `workspaces.list` call while scrolling (the core pages in SQL). */
export const PAGE_SIZE = 200

/**
 * The workspace list [工作空间列表]: filters, sort, and a sparse array of rows that is filled page by page
 * as the virtual table shows them, so 10,000 cached workspaces cost a few small calls.
 */
export const useWorkspacesStore = defineStore('workspaces', () => {
  const filters = reactive({
    ...DEFAULT_FILTERS,
    /** Every profile at once (each row says which), instead of the active profile's workspaces. */
    allProfiles: false,
  })
  const total = ref(0)
  const rows = shallowRef<(ListRow | undefined)[]>([])
  const loading = ref(false)
  const error = ref<unknown>(null)
  const loadedPages = new Set<number>()
  let generation = 0

  /** One page: the active profile's list (the first one maybe asked for already, ../early.ts), or every profile's. */
  function list(offset: number, limit: number): Promise<{ total: number; rows: ListRow[] }> {
    const req = listRequest(filters, offset, limit)
    return filters.allProfiles ? call('workspaces.listAll', req) : callEarly('workspaces.list', req)
  }

  async function fetchPage(page: number, gen: number): Promise<void> {
    if (loadedPages.has(page)) return
    loadedPages.add(page)
    try {
      const res = await list(page * PAGE_SIZE, PAGE_SIZE)
      if (gen !== generation) return
      if (res.total !== total.value) {
        total.value = res.total
        rows.value.length = res.total
      }
      // Rows already there (the first screenful) keep their objects, so the rows drawn are not drawn again.
      let added = 0
      res.rows.forEach((r, i) => {
        if (rows.value[page * PAGE_SIZE + i] === undefined) {
          rows.value[page * PAGE_SIZE + i] = r
          added++
        }
      })
      if (added > 0) triggerRef(rows)
    } catch (err) {
      loadedPages.delete(page)
      if (gen === generation) error.value = err
    }
  }

  /** Starts over from the first page (after a filter, sort or data change). */
  async function reload(): Promise<void> {
    generation++
    const gen = generation
    loadedPages.clear()
    error.value = null
    loading.value = true
    try {
      const res = await list(0, FIRST_SIZE)
      if (gen !== generation) return
      total.value = res.total
      const next = new Array<ListRow | undefined>(res.total)
      res.rows.forEach((r, i) => (next[i] = r))
      rows.value = next
    } catch (err) {
      if (gen === generation) error.value = err
    } finally {
      if (gen === generation) loading.value = false
    }
  }

  /** Makes sure the rows from `start` to `end` (inclusive) are loaded. */
  function ensureRange(start: number, end: number): void {
    const first = Math.floor(Math.max(0, start) / PAGE_SIZE)
    const last = Math.floor(Math.max(0, end) / PAGE_SIZE)
    for (let p = first; p <= last; p++) if (p * PAGE_SIZE < total.value) void fetchPage(p, generation)
  }

  /** Set by `prefetch` (at boot) so the screen does not ask for the same first page again. */
  let prefetched = false
  /** The first page, asked for at boot beside settings.get; settles when it is answered (never rejects). */
  function prefetch(): Promise<void> {
    prefetched = true
    return reload()
  }
  /** True once after a prefetch: the screen's first load is already on its way. */
  function takePrefetched(): boolean {
    const was = prefetched
    prefetched = false
    return was
  }

  return { filters, total, rows, loading, error, reload, ensureRange, prefetch, takePrefetched }
})
