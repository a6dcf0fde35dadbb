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
  const workspaces = shallowRef<AccessOverview['workspaces']>([])
  const customRoleNames = shallowRef<string[]>([])
  const users = shallowRef<(AccessOverview['users'][number] | undefined)[]>([])
  /** Cells by `<userId>|<workspace key>`, filled in place; `version` grows with every page taken. */
  const cells = shallowRef(new Map<string, AccessOverview['cells'][number]>())
  const version = ref(0)
  const loading = ref(false)
  const error = ref<unknown>(null)
  const loaded = new Set<number>()
  let generation = 0

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
      // the columns (about 0.5 MB at 1,000 workspaces) come once, with the first page
      columns: page === 0,
    })
    if (gen !== generation) return
    if (page === 0) {
      totalUsers.value = o.totalUsers
      totalMemberships.value = o.totalMemberships
      workspaces.value = o.workspaces
      customRoleNames.value = o.customRoleNames
    }
    take(page, o)
  }

  /** Reloads from the first page (after a filter change or a refresh). */
  async function load(): Promise<void> {
    const gen = ++generation
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
