/** The access overview's filter and the SQL it becomes (over `cached_members cm` and `access_users u`). */

/**
 * What the access overview filters on. Filters on memberships (roles, administrators, workspace, profile,
 * staleness) choose the memberships that count; a user is listed when at least `minWorkspaces` (default 1)
 * of theirs count, and the grid shows those memberships only. Text filters are lower-cased substrings.
 */
export interface AccessFilter {
  /** Part of a user's member, display or account name, or UserId. */
  user?: string
  /** Only these UserIds (e.g. the RAM users A3 found without AliyunPAIFullAccess). */
  userIds?: readonly string[]
  /** Memberships holding any of these built-in roles (`PAI.*`) or custom roles (by name). */
  builtinRoles?: readonly string[]
  customRoleNames?: readonly string[]
  /** Memberships as administrator or owner. */
  adminsOnly?: boolean
  /** Part of the workspace's name or display name. */
  workspace?: string
  profileIds?: readonly string[]
  /** Workspaces whose members were last read before this time (ISO), or never. */
  fetchedBefore?: string
  minWorkspaces?: number
}

const ADMIN_ROLES = ['PAI.WorkspaceAdmin', 'PAI.WorkspaceOwner']

/**
 * The workspace terms of a filter (profile, name, staleness) on `cached_workspaces w` joined with
 * `access_workspaces a`: the columns of the grid, and the workspace set memberships are chosen from.
 */
export function workspaceWhere(f: AccessFilter): { where: string[]; params: Record<string, unknown> } {
  const where: string[] = []
  const params: Record<string, unknown> = {}
  if (f.profileIds) {
    where.push('w.profile_id IN (SELECT value FROM json_each(@profileIds))')
    params.profileIds = JSON.stringify(f.profileIds)
  }
  if (f.workspace) {
    where.push('instr(w.search, @workspace) > 0')
    params.workspace = f.workspace.toLowerCase()
  }
  if (f.fetchedBefore) {
    where.push('(a.config_fetched_at IS NULL OR a.config_fetched_at < @fetchedBefore)')
    params.fetchedBefore = f.fetchedBefore
  }
  return { where, params }
}

/**
 * The WHERE clause on memberships `cm`. Workspace terms become one `(profile, workspace) IN (…)` set and user
 * terms one `user_id IN (…)` set, so SQLite can start from them (the cache's primary key or the user index).
 */
export function membershipWhere(f: AccessFilter): { where: string[]; params: Record<string, unknown> } {
  const where: string[] = []
  const { where: ws, params } = workspaceWhere(f)
  if (ws.length)
    where.push(`(cm.profile_id, cm.workspace_id) IN (SELECT w.profile_id, w.workspace_id FROM cached_workspaces w
      LEFT JOIN access_workspaces a ON a.profile_id = w.profile_id AND a.workspace_id = w.workspace_id
      WHERE ${ws.join(' AND ')})`)
  const roleTerms: string[] = []
  ;(f.builtinRoles ?? []).forEach((r, i) => {
    roleTerms.push(`instr(cm.roles_json, @br${i}) > 0`)
    params[`br${i}`] = JSON.stringify(r)
  })
  if (f.customRoleNames?.length) {
    roleTerms.push(`EXISTS (SELECT 1 FROM access_custom_roles cr WHERE cr.profile_id = cm.profile_id
      AND cr.workspace_id = cm.workspace_id AND cr.name IN (SELECT value FROM json_each(@customRoleNames))
      AND instr(cm.roles_json, json_quote(cr.role_id)) > 0)`)
    params.customRoleNames = JSON.stringify(f.customRoleNames)
  }
  if (f.builtinRoles !== undefined || f.customRoleNames !== undefined)
    where.push(roleTerms.length ? `(${roleTerms.join(' OR ')})` : '0')
  if (f.adminsOnly)
    where.push(`(${ADMIN_ROLES.map((r) => `instr(cm.roles_json, '${JSON.stringify(r)}') > 0`).join(' OR ')}
      OR (cm.profile_id, cm.workspace_id, cm.user_id) IN (SELECT profile_id, workspace_id, owner_user_id FROM access_workspaces))`)
  return { where, params }
}

/** Terms on users `u` (access_users): by name or UserId. */
export function userWhere(f: AccessFilter): { where: string[]; params: Record<string, unknown> } {
  const where: string[] = []
  const params: Record<string, unknown> = {}
  if (f.user) {
    where.push('instr(u.search, @user) > 0')
    params.user = f.user.toLowerCase()
  }
  if (f.userIds) {
    where.push('u.user_id IN (SELECT value FROM json_each(@userIds))')
    params.userIds = JSON.stringify(f.userIds)
  }
  return { where, params }
}

export const hasMembershipFilter = (f: AccessFilter): boolean =>
  !!(
    f.profileIds ||
    f.workspace ||
    f.fetchedBefore ||
    f.adminsOnly ||
    f.builtinRoles !== undefined ||
    f.customRoleNames !== undefined
  )
export const and = (w: string[]): string => (w.length ? w.join(' AND ') : '1')
