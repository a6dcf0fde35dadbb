import { BUILTIN_ROLE_IDS, OWNER_ROLE } from '@shared/domain'
import type {
  AccessMembership,
  AccessOverview,
  AccessQuery,
  AccessRole,
  AccessUser,
  AccessWorkspace,
} from '@shared/ipc/channels/access'
import { AppError } from '@shared/ipc/errors'
import type { AccessFilter, AccessWorkspace as RepoWorkspace, Store } from '../store'
import { encodeDraftKey } from '../model/draft-key'

const DAY_MS = 86_400_000
const BUILTIN = new Set<string>(BUILTIN_ROLE_IDS)

/** The overview's query as the repo takes it. Unknown roles are refused (ACCESS_ROLE_UNKNOWN). */
function toFilter(store: Store, q: AccessQuery, now: Date): AccessFilter {
  const f: AccessFilter = {}
  if (q.user?.trim()) f.user = q.user.trim()
  if (q.workspace?.trim()) f.workspace = q.workspace.trim()
  if (q.profileIds) f.profileIds = q.profileIds
  if (q.adminsOnly) f.adminsOnly = true
  if (q.minWorkspaces !== undefined) f.minWorkspaces = q.minWorkspaces
  if (q.withoutPaiFullAccess) f.userIds = store.ramPolicies.withoutFullAccess()
  if (q.notRefreshedDays !== undefined)
    f.fetchedBefore = new Date(now.getTime() - q.notRefreshedDays * DAY_MS).toISOString()
  if (q.roles?.length) {
    const custom = new Set(store.access.customRoleNameList())
    const unknown = q.roles.filter((r) => !BUILTIN.has(r) && !custom.has(r))
    if (unknown.length) throw new AppError('ACCESS_ROLE_UNKNOWN', { params: { roles: unknown.join(', ') } })
    f.builtinRoles = q.roles.filter((r) => BUILTIN.has(r))
    f.customRoleNames = q.roles.filter((r) => !BUILTIN.has(r))
  }
  return f
}

const toWorkspace = (w: RepoWorkspace): AccessWorkspace => ({
  key: encodeDraftKey({ profileId: w.profileId, workspaceKey: w.workspaceId }),
  profileId: w.profileId,
  profileName: w.profileName,
  region: w.region,
  workspaceId: w.workspaceId,
  name: w.name,
  displayName: w.displayName,
  ownerUserId: w.ownerUserId,
  fetchedAt: w.fetchedAt,
})

/**
 * Who can do what across every profile's cache (issue 16 items 1, 2): the overview (a page of users, the
 * workspaces as columns, the cells with roles by name and the owner marked) and a user's memberships.
 */
export class AccessService {
  constructor(
    private readonly store: Store,
    private readonly now: () => Date = () => new Date(),
  ) {}

  overview(q: AccessQuery): AccessOverview {
    const filter = toFilter(this.store, q, this.now())
    const page = this.store.access.users(filter, {
      sort: q.sort ?? 'name',
      offset: q.offset ?? 0,
      limit: q.limit ?? 100,
    })
    const workspaces = this.store.access.workspaces(filter)
    const byKey = new Map(workspaces.map((w) => [`${w.profileId}/${w.workspaceId}`, w]))
    const raw = this.store.access.cells(
      page.rows.map((r) => r.userId),
      filter,
    )
    const names = this.store.access.customRoleNames(raw.flatMap((c) => c.roles.filter((r) => !BUILTIN.has(r))))
    const cells = raw.map((c) => {
      const ws = byKey.get(`${c.profileId}/${c.workspaceId}`)
      return {
        userId: c.userId,
        key: encodeDraftKey({ profileId: c.profileId, workspaceKey: c.workspaceId }),
        roles: c.roles.map((r) => roleOf(names, c.profileId, c.workspaceId, r)),
        owner: ws?.ownerUserId === c.userId || c.roles.includes(OWNER_ROLE),
      }
    })
    return {
      totalUsers: page.totalUsers,
      totalMemberships: page.totalMemberships,
      users: page.rows,
      workspaces: q.columns === false ? [] : workspaces.slice(0, q.columnLimit ?? workspaces.length).map(toWorkspace),
      totalWorkspaces: workspaces.length,
      cells,
      customRoleNames: this.store.access.customRoleNameList(),
    }
  }

  /** A user's page; ACCESS_USER_UNKNOWN when no cached workspace has them. */
  user(userId: string): { user: AccessUser; memberships: AccessMembership[] } {
    const user = this.store.access.user(userId)
    if (!user) throw new AppError('ACCESS_USER_UNKNOWN', { params: { userId } })
    const rows = this.store.access.memberships(userId)
    const names = this.store.access.customRoleNames(rows.flatMap((c) => c.roles.filter((r) => !BUILTIN.has(r))))
    const memberships = rows.map((m) => ({
      workspace: toWorkspace(m.workspace),
      memberId: m.memberId,
      roles: m.roles.map((r) => roleOf(names, m.profileId, m.workspaceId, r)),
      owner: m.workspace.ownerUserId === userId || m.roles.includes(OWNER_ROLE),
    }))
    return { user: { ...user, workspaces: memberships.length }, memberships }
  }
}

function roleOf(names: Map<string, string>, profileId: string, workspaceId: string, id: string): AccessRole {
  if (BUILTIN.has(id)) return { id, name: id, custom: false }
  return { id, name: names.get(`${profileId}/${workspaceId}/${id}`) ?? id, custom: true }
}
