import { z } from 'zod'
import type { Db } from '../database'
import { readJson } from '../json'
import { pageBounds } from './paging'
import {
  and,
  hasMembershipFilter,
  membershipWhere,
  userWhere,
  workspaceWhere,
  type AccessFilter,
} from './access-filter'
import {
  toUser,
  toWorkspace,
  USER_COLS,
  WS_COLS,
  type AccessCell,
  type AccessUserRow,
  type AccessWorkspace,
  type UserRow,
  type WsRow,
} from './access-rows'

export type { AccessFilter } from './access-filter'

export type { AccessWorkspace } from './access-rows'

type AccessSort = 'name' | 'workspaces'

const RolesSchema = z.array(z.string())

interface Built {
  sql: string
  params: Record<string, unknown>
}

/**
 * Who can do what across every profile's cache (migration 005): a page of users with their counts, the cells of
 * those users, the workspaces (columns), one user's memberships, and custom role names. Read-only.
 */
export class AccessRepo {
  private readonly statements = new Map<string, ReturnType<Db['prepare']>>()

  constructor(private readonly db: Db) {}

  private run<T>(b: Built, mode: 'all' | 'get'): T {
    let st = this.statements.get(b.sql)
    if (!st) {
      st = this.db.prepare(b.sql)
      if (this.statements.size > 200) this.statements.clear()
      this.statements.set(b.sql, st)
    }
    return (mode === 'all' ? st.all(b.params) : st.get(b.params)) as T
  }

  /** The matching memberships with their users (the CTE the page, the totals and the columns share). */
  private matching(f: AccessFilter): Built {
    const m = membershipWhere(f)
    const u = userWhere(f)
    const where = [...m.where]
    if (u.where.length) where.push(`cm.user_id IN (SELECT u.user_id FROM access_users u WHERE ${and(u.where)})`)
    return {
      sql: `SELECT cm.user_id, cm.profile_id, cm.workspace_id FROM cached_members cm WHERE ${and(where)}`,
      params: { ...m.params, ...u.params },
    }
  }

  /** One page of users (by name, or by number of workspaces), the number of users and of memberships that count. */
  users(
    f: AccessFilter,
    q: { sort?: AccessSort; offset?: number; limit?: number } = {},
  ): { totalUsers: number; totalMemberships: number; rows: AccessUserRow[] } {
    const { limit, offset } = pageBounds({ limit: q.limit ?? 100, offset: q.offset ?? 0 })
    const min = Math.max(1, Math.trunc(f.minWorkspaces ?? 1))
    const order =
      q.sort === 'workspaces' ? 'n DESC, u.name COLLATE NOCASE, u.user_id' : 'u.name COLLATE NOCASE, u.user_id'
    if (!hasMembershipFilter(f)) {
      const u = userWhere(f)
      const where = and([...u.where, 'u.memberships >= @min'])
      const params = { ...u.params, min }
      const rows = this.run<UserRow[]>(
        {
          sql: `SELECT ${USER_COLS}, u.memberships AS n FROM access_users u WHERE ${where}
            ORDER BY ${order.replace('n DESC', 'u.memberships DESC')} LIMIT @limit OFFSET @offset`,
          params: { ...params, limit, offset },
        },
        'all',
      )
      const t = this.run<{ users: number; memberships: number }>(
        {
          sql: `SELECT count(*) AS users, coalesce(sum(u.memberships), 0) AS memberships FROM access_users u WHERE ${where}`,
          params,
        },
        'get',
      )
      return { totalUsers: t.users, totalMemberships: t.memberships, rows: rows.map(toUser) }
    }
    const m = this.matching(f)
    const counted = `SELECT user_id, count(*) AS n FROM (${m.sql}) GROUP BY user_id HAVING count(*) >= @min`
    const rows = this.run<UserRow[]>(
      {
        sql: `SELECT ${USER_COLS}, c.n, count(*) OVER () AS total_users, sum(c.n) OVER () AS total_memberships
          FROM (${counted}) c JOIN access_users u ON u.user_id = c.user_id
          ORDER BY ${order} LIMIT @limit OFFSET @offset`,
        params: { ...m.params, min, limit, offset },
      },
      'all',
    )
    if (rows.length > 0)
      return {
        totalUsers: rows[0]!.total_users ?? 0,
        totalMemberships: rows[0]!.total_memberships ?? 0,
        rows: rows.map(toUser),
      }
    const t = this.run<{ users: number; memberships: number }>(
      {
        sql: `SELECT count(*) AS users, coalesce(sum(n), 0) AS memberships FROM (${counted})`,
        params: { ...m.params, min },
      },
      'get',
    )
    return { totalUsers: t.users, totalMemberships: t.memberships, rows: [] }
  }

  /**
   * The workspaces (grid columns) by name: every one the filter's workspace terms allow; with a filter on users,
   * roles or counts, only those where a listed user holds a membership that counts.
   */
  workspaces(f: AccessFilter): AccessWorkspace[] {
    const base = `FROM cached_workspaces w JOIN profiles p ON p.id = w.profile_id
      LEFT JOIN access_workspaces a ON a.profile_id = w.profile_id AND a.workspace_id = w.workspace_id`
    const narrows =
      !!f.user ||
      !!f.userIds ||
      !!f.adminsOnly ||
      f.builtinRoles !== undefined ||
      f.customRoleNames !== undefined ||
      (f.minWorkspaces ?? 1) > 1
    if (!narrows) {
      const { where, params } = workspaceWhere(f)
      const sql = `SELECT ${WS_COLS} ${base} WHERE ${and(where)} ORDER BY w.name, p.name, w.workspace_id`
      return this.run<WsRow[]>({ sql, params }, 'all').map(toWorkspace)
    }
    const m = this.matching(f)
    const min = Math.max(1, Math.trunc(f.minWorkspaces ?? 1))
    const chosen =
      min > 1
        ? `SELECT DISTINCT profile_id, workspace_id FROM mm WHERE user_id IN
             (SELECT user_id FROM mm GROUP BY user_id HAVING count(*) >= @min)`
        : 'SELECT DISTINCT profile_id, workspace_id FROM mm'
    const sql = `WITH mm AS (${m.sql}), sel AS (${chosen})
      SELECT ${WS_COLS} FROM sel JOIN cached_workspaces w ON w.profile_id = sel.profile_id AND w.workspace_id = sel.workspace_id
      JOIN profiles p ON p.id = w.profile_id
      LEFT JOIN access_workspaces a ON a.profile_id = w.profile_id AND a.workspace_id = w.workspace_id
      ORDER BY w.name, p.name, w.workspace_id`
    return this.run<WsRow[]>({ sql, params: { ...m.params, min } }, 'all').map(toWorkspace)
  }

  /** The memberships of these users that count under the filter (the cells of one page). */
  cells(userIds: readonly string[], f: AccessFilter = {}): AccessCell[] {
    if (userIds.length === 0) return []
    const m = membershipWhere(f)
    const sql = `SELECT cm.user_id, cm.profile_id, cm.workspace_id, cm.member_id, cm.roles_json
      FROM cached_members cm INDEXED BY cached_members_user
      WHERE cm.user_id IN (SELECT value FROM json_each(@ids)) AND ${and(m.where)}`
    const rows = this.run<
      Array<{ user_id: string; profile_id: string; workspace_id: string; member_id: string; roles_json: string }>
    >({ sql, params: { ...m.params, ids: JSON.stringify(userIds) } }, 'all')
    return rows.map((r) => {
      const roles = readJson(r.roles_json, RolesSchema)
      return {
        userId: r.user_id,
        profileId: r.profile_id,
        workspaceId: r.workspace_id,
        memberId: r.member_id,
        roles: roles.ok ? roles.value : [],
      }
    })
  }

  /** One user as the overview knows them (names from their latest cached membership). */
  user(userId: string): AccessUserRow | undefined {
    const r = this.run<UserRow | undefined>(
      {
        sql: `SELECT ${USER_COLS}, u.memberships AS n FROM access_users u WHERE u.user_id = @id`,
        params: { id: userId },
      },
      'get',
    )
    return r ? toUser(r) : undefined
  }

  /** Every membership of one user, with its workspace (the user's page). */
  memberships(userId: string): Array<AccessCell & { workspace: AccessWorkspace }> {
    const rows = this.run<Array<WsRow & { member_id: string; roles_json: string }>>(
      {
        sql: `SELECT ${WS_COLS}, cm.member_id, cm.roles_json FROM cached_members cm INDEXED BY cached_members_user
          JOIN cached_workspaces w ON w.profile_id = cm.profile_id AND w.workspace_id = cm.workspace_id
          JOIN profiles p ON p.id = w.profile_id
          LEFT JOIN access_workspaces a ON a.profile_id = cm.profile_id AND a.workspace_id = cm.workspace_id
          WHERE cm.user_id = @id ORDER BY w.name, p.name, w.workspace_id`,
        params: { id: userId },
      },
      'all',
    )
    // Most memberships share a handful of role sets: each distinct one is read (and checked) once.
    const read = new Map<string, string[]>()
    const rolesOf = (json: string): string[] => {
      let roles = read.get(json)
      if (!roles) {
        const got = readJson(json, RolesSchema)
        roles = got.ok ? got.value : []
        read.set(json, roles)
      }
      return [...roles]
    }
    return rows.map((r) => {
      return {
        userId,
        profileId: r.profile_id,
        workspaceId: r.workspace_id,
        memberId: r.member_id,
        roles: rolesOf(r.roles_json),
        workspace: toWorkspace(r),
      }
    })
  }

  /** Names of custom roles by `<profileId>/<workspaceId>/<roleId>`. */
  customRoleNames(roleIds: readonly string[]): Map<string, string> {
    const out = new Map<string, string>()
    if (roleIds.length === 0) return out
    const rows = this.run<Array<{ profile_id: string; workspace_id: string; role_id: string; name: string }>>(
      {
        sql: `SELECT profile_id, workspace_id, role_id, name FROM access_custom_roles
          WHERE role_id IN (SELECT value FROM json_each(@ids))`,
        params: { ids: JSON.stringify([...new Set(roleIds)]) },
      },
      'all',
    )
    for (const r of rows) out.set(`${r.profile_id}/${r.workspace_id}/${r.role_id}`, r.name)
    return out
  }

  /** Every custom role name in the cache (the role filter's choices). */
  customRoleNameList(): string[] {
    return this.run<Array<{ name: string }>>(
      { sql: 'SELECT DISTINCT name FROM access_custom_roles ORDER BY name', params: {} },
      'all',
    ).map((r) => r.name)
  }
}
