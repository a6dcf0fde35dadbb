import { defineStore } from 'pinia'
import { reactive, ref, shallowRef, triggerRef } from 'vue'
import type { AccessOverview, AccessQuery } from '@shared/ipc/channels/access'
import { call } from '../bridge'

/** Users in the first page: a screenful and some (a smaller answer is parsed and drawn sooner). */
const FIRST = 50
/** Users fetched per `access.overview` call while scrolling. */
const PAGE = 200
/** Page 0 holds rows [0, FIRST), page p > 0 rows [FIRST + (p - 1) * PAGE, FIRST + p * PAGE). */
const pageStart = (p: number): number => (p === 0 ? 0 : FIRST + (p - 1) * PAGE)
const pageOf = (row: number): number => (row < FIRST ? 0 : 1 + Math.floor((row - FIRST) / PAGE))
/**
 * Columns in the first answer: more than a wide screen shows. All 1,000 would be most of its size (about 0.5 MB);
 * the rest come in a call of their own once the first rows are drawn.
 */
const FIRST_COLUMNS = 40
/** How long after the first page the rest of the columns are asked for (not parsed while the rows are drawn). */
const COLUMNS_LATER_MS = 150

/**
 * 访问权限总览: the filters and a sparse list of users with their cells, filled page by page as the virtual
 * grid shows them. The columns (workspaces) and the counts come with the first page only.
 */
export const useAccessStore = defineStore('access', () => {
  const filters = reactive({
    user: '',
    workspace: '',
    roles: [] as string[],
    profileIds: [] as string[],
    adminsOnly: false,
    minWorkspaces: undefined as number | undefined,
    withoutPaiFullAccess: false,
    notRefreshedDays: undefined as number | undefined,
    sort: 'name' as 'name' | 'workspaces',
  })
  const totalUsers = ref(0)
  const totalMemberships = ref(0)
  /** The columns known so far: the first ones, then all `totalWorkspaces` of them. */
  const workspaces = shallowRef<AccessOverview['workspaces']>([])
  const totalWorkspaces = ref(0)
  const customRoleNames = shallowRef<string[]>([])
  const users = shallowRef<(AccessOverview['users'][number] | undefined)[]>([])
  /** Cells by `<userId>|<workspace key>`, filled in place; `version` grows with every page taken. */
  const cells = shallowRef(new Map<string, AccessOverview['cells'][number]>())
  const version = ref(0)
  const loading = ref(false)
  const error = ref<unknown>(null)
  const loaded = new Set<number>()
  let generation = 0
  let columnsLater: ReturnType<typeof setTimeout> | undefined

  function query(): AccessQuery {
    const q: AccessQuery = { sort: filters.sort }
    if (filters.user.trim()) q.user = filters.user.trim()
    if (filters.workspace.trim()) q.workspace = filters.workspace.trim()
    if (filters.roles.length) q.roles = [...filters.roles]
    if (filters.profileIds.length) q.profileIds = [...filters.profileIds]
    if (filters.adminsOnly) q.adminsOnly = true
    if (filters.minWorkspaces) q.minWorkspaces = filters.minWorkspaces
    if (filters.withoutPaiFullAccess) q.withoutPaiFullAccess = true
    if (filters.notRefreshedDays !== undefined) q.notRefreshedDays = filters.notRefreshedDays
    return q
  }

  /** A page into the sparse list and the cells, in place (no copy of what earlier pages brought). */
  function take(page: number, o: AccessOverview): void {
    const list = users.value
    if (list.length !== o.totalUsers) list.length = o.totalUsers
    o.users.forEach((u, i) => (list[pageStart(page) + i] = u))
    const m = cells.value
    for (const c of o.cells) m.set(`${c.userId}|${c.key}`, c)
    version.value++
    triggerRef(users)
    triggerRef(cells)
  }

  async function fetchPage(page: number, gen: number): Promise<void> {
    loaded.add(page)
    const o = await call('access.overview', {
      ...query(),
      offset: pageStart(page),
      limit: page === 0 ? FIRST : PAGE,
      // the first columns come with the first page only, the rest in restColumns
      columns: page === 0,
      ...(page === 0 ? { columnLimit: FIRST_COLUMNS } : {}),
    })
    if (gen !== generation) return
    if (page === 0) {
      totalUsers.value = o.totalUsers
      totalMemberships.value = o.totalMemberships
      totalWorkspaces.value = o.totalWorkspaces
      workspaces.value = o.workspaces
      customRoleNames.value = o.customRoleNames
      if (o.workspaces.length < o.totalWorkspaces)
        columnsLater = setTimeout(() => void restColumns(gen), COLUMNS_LATER_MS)
    }
    take(page, o)
  }

  /** Every column of the current view; the user and cells of this one-user answer are the first page's again. */
  async function restColumns(gen: number): Promise<void> {
    try {
      const o = await call('access.overview', { ...query(), offset: 0, limit: 1, columns: true })
      if (gen === generation) workspaces.value = o.workspaces
    } catch (err) {
      if (gen === generation) error.value = err
    }
  }

  /** Reloads from the first page (after a filter change or a refresh). */
  async function load(): Promise<void> {
    const gen = ++generation
    clearTimeout(columnsLater)
    loaded.clear()
    users.value = []
    cells.value = new Map()
    loading.value = true
    error.value = null
    try {
      await fetchPage(0, gen)
    } catch (err) {
      if (gen === generation) error.value = err
    } finally {
      if (gen === generation) loading.value = false
    }
  }

  /** Loads the pages covering rows [start, end) that are not loaded yet. */
  function ensureRange(start: number, end: number): void {
    const gen = generation
    for (let p = pageOf(start); pageStart(p) < Math.min(end, totalUsers.value); p++)
      if (!loaded.has(p))
        void fetchPage(p, gen).catch((err: unknown) => {
          loaded.delete(p)
          error.value = err
        })
  }

  return {
    filters,
    totalUsers,
    totalMemberships,
    workspaces,
    totalWorkspaces,
    customRoleNames,
    users,
    cells,
    version,
    loading,
    error,
    query,
    load,
    ensureRange,
  }
})
