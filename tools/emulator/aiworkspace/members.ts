import { OWNER_ROLE, type Ctx } from '../core'
import { arr, bad, csv, jsonBody, notFound, obj, page, str } from '../http'
import { nowIso, type MemberRec, type WorkspaceRec } from '../model'
import { BUILTIN_ROLES } from '../permissions'
import type { Route } from './route'

/** Members and their roles (docs/pai-api-facts.md §1.3; rules M1, M5, M6, A4). */

function memberView(ctx: Ctx, m: MemberRec): Record<string, unknown> {
  const u = ctx.core.user(ctx.caller.tenant, m.UserId)
  return {
    MemberId: m.MemberId,
    UserId: m.UserId,
    MemberName: u.UserName,
    DisplayName: u.DisplayName,
    AccountName: u.UserName,
    AccountType: u.AccountType,
    Roles: [...m.Roles],
    GmtCreateTime: m.GmtCreateTime,
  }
}

/** A role a member may be given: a built-in role other than the owner's, or a custom role of the workspace. */
function grantableRole(ws: WorkspaceRec, role: string): void {
  if (role === OWNER_ROLE)
    throw bad(
      'InvalidParameter.RoleName',
      `The role ${OWNER_ROLE} belongs to the workspace creator and cannot be granted.`,
    )
  if (BUILTIN_ROLES.includes(role) || ws.roles[role]) return
  throw bad('InvalidParameter.RoleName', `The role ${role} does not exist.`)
}

/** The roles a member is really given: with `customRoleGrants: ignore`, custom roles are accepted and dropped. */
function granted(ctx: Ctx, ws: WorkspaceRec, roles: string[]): string[] {
  if (ctx.core.opts.customRoleGrants === 'grant') return roles
  const kept = roles.filter((r) => !ws.roles[r])
  // A member keeps one role at least: an ignored custom role leaves the member a guest.
  return kept.length > 0 ? kept : ['PAI.WorkspaceGuest']
}

function member(ws: WorkspaceRec, memberId: string | undefined): MemberRec {
  const m = memberId ? ws.members[memberId] : undefined
  if (!m) throw notFound('100600006', `Member ${memberId ?? ''} not exists`)
  return m
}

function createMember(ctx: Ctx): unknown {
  const ws = ctx.core.workspace(ctx.caller, ctx.params.WorkspaceId)
  const items = arr(jsonBody(ctx.inc).Members, 'Members') ?? []
  for (const raw of items)
    ctx.core.countCreate(`CreateMember:${ws.WorkspaceId}/${String(obj(raw, 'Members[]').UserId ?? '')}`)
  ctx.core.requireAdmin(ctx.caller, ws)
  if (items.length === 0)
    throw bad(
      'MissingParameter',
      'The input parameter "Members" that is mandatory for processing this request is not supplied.',
    )
  const t = ctx.caller.tenant
  const planned: MemberRec[] = []
  for (const raw of items) {
    const m = obj(raw, 'Members[]')
    const uid = str(m.UserId, 'Members.UserId', true)
    const roles = (arr(m.Roles, 'Members.Roles') ?? []).map(String)
    if (roles.length === 0) throw bad('MemberMustHaveRole', `A member must hold at least one role (user ${uid}).`)
    roles.forEach((r) => grantableRole(ws, r))
    if (!t.users[uid] || t.users[uid].AccountType === '1')
      throw bad('InvalidParameter.UserId', `The user ${uid} is not a RAM user or role of this account.`)
    if (Object.values(ws.members).some((x) => x.UserId === uid) || planned.some((x) => x.UserId === uid))
      throw bad('MemberAlreadyExists', `The user ${uid} is already a member of workspace ${ws.WorkspaceId}.`)
    planned.push({
      MemberId: `${ws.WorkspaceId}-${uid}`,
      UserId: uid,
      Roles: [...new Set(granted(ctx, ws, roles))],
      GmtCreateTime: nowIso(ctx.now),
    })
  }
  for (const m of planned) ws.members[m.MemberId] = m
  return {
    Members: planned.map((m) => ({
      MemberId: m.MemberId,
      UserId: m.UserId,
      DisplayName: ctx.core.user(t, m.UserId).DisplayName,
      Roles: m.Roles,
    })),
  }
}

function listMembers(ctx: Ctx): unknown {
  const ws = ctx.core.workspace(ctx.caller, ctx.params.WorkspaceId)
  const q = ctx.inc.query
  let items = Object.values(ws.members).sort(
    (a, b) => a.GmtCreateTime.localeCompare(b.GmtCreateTime) || a.MemberId.localeCompare(b.MemberId),
  )
  const roles = csv(q.Roles)
  if (roles.length) items = items.filter((m) => m.Roles.some((r) => roles.includes(r)))
  if (q.UserId) items = items.filter((m) => m.UserId === q.UserId)
  if (q.MemberName)
    items = items.filter((m) =>
      ctx.core.user(ctx.caller.tenant, m.UserId).UserName.toLowerCase().includes(q.MemberName!.toLowerCase()),
    )
  return { TotalCount: items.length, Members: page(items, q).map((m) => memberView(ctx, m)) }
}

function getMember(ctx: Ctx): unknown {
  const ws = ctx.core.workspace(ctx.caller, ctx.params.WorkspaceId)
  const { MemberId, UserId } = ctx.inc.query
  if ((MemberId === undefined) === (UserId === undefined))
    throw bad('InvalidParameter', 'Give exactly one of MemberId and UserId.')
  const m = MemberId !== undefined ? ws.members[MemberId] : Object.values(ws.members).find((x) => x.UserId === UserId)
  if (!m) throw notFound('100600006', `Member ${MemberId ?? UserId ?? ''} not exists`)
  const { AccountName: _a, ...v } = memberView(ctx, m)
  return v
}

function deleteMembers(ctx: Ctx): unknown {
  const ws = ctx.core.workspace(ctx.caller, ctx.params.WorkspaceId)
  ctx.core.requireAdmin(ctx.caller, ws)
  const ids = csv(str(ctx.inc.query.MemberIds, 'MemberIds', true))
  const targets = ids.map((id) => member(ws, id))
  // M6: the owner cannot be removed (the whole batch is refused). The answer is a 200 whose body carries the
  // code, as the SDK's own example of DeleteMembers' answer shows it (docs/emulator.md).
  if (targets.some((m) => m.Roles.includes(OWNER_ROLE)))
    return { Code: '100600017', Message: 'Owner not allowed to delete' }
  for (const m of targets) delete ws.members[m.MemberId]
  return { Code: '200', Message: 'success' }
}

function addMemberRole(ctx: Ctx): unknown {
  const ws = ctx.core.workspace(ctx.caller, ctx.params.WorkspaceId)
  ctx.core.requireAdmin(ctx.caller, ws)
  const m = member(ws, ctx.params.MemberId)
  const role = ctx.params.RoleName ?? ''
  grantableRole(ws, role)
  // M1: several roles per member; adding a role already held changes nothing.
  if (!m.Roles.includes(role) && granted(ctx, ws, [role]).length > 0) m.Roles.push(role)
  return {}
}

function removeMemberRole(ctx: Ctx): unknown {
  const ws = ctx.core.workspace(ctx.caller, ctx.params.WorkspaceId)
  ctx.core.requireAdmin(ctx.caller, ws)
  const m = member(ws, ctx.params.MemberId)
  const role = ctx.params.RoleName ?? ''
  // M6: the owner keeps the owner role.
  if (role === OWNER_ROLE) throw bad('100600017', 'Owner role not allowed to remove')
  if (!m.Roles.includes(role)) return {}
  // M5: a member keeps at least one role (remove the member instead).
  if (m.Roles.length === 1)
    throw bad(
      'MemberMustHaveRole',
      `A member must keep at least one role: ${role} is the last role of member ${m.MemberId}; delete the member instead.`,
    )
  m.Roles = m.Roles.filter((r) => r !== role)
  return {}
}

function listWorkspaceUsers(ctx: Ctx): unknown {
  const ws = ctx.core.workspace(ctx.caller, ctx.params.WorkspaceId)
  const q = ctx.inc.query
  const memberIds = new Set(Object.values(ws.members).map((m) => m.UserId))
  let users = Object.values(ctx.caller.tenant.users).filter((u) => u.AccountType !== '1' && !memberIds.has(u.UserId))
  if (q.UserId) users = users.filter((u) => u.UserId === q.UserId)
  if (q.UserName) users = users.filter((u) => u.UserName.toLowerCase().includes(q.UserName!.toLowerCase()))
  users.sort((a, b) => a.UserName.localeCompare(b.UserName))
  return { TotalCount: users.length, Users: users.map((u) => ({ UserId: u.UserId, UserName: u.UserName })) }
}

const W = '^\\/api\\/v1\\/workspaces\\/(?<WorkspaceId>[^/]+)'
export const memberRoutes: Route[] = [
  { method: 'POST', path: new RegExp(`${W}/members$`), action: 'CreateMember', mutating: true, handle: createMember },
  { method: 'GET', path: new RegExp(`${W}/members$`), action: 'ListMembers', mutating: false, handle: listMembers },
  {
    method: 'DELETE',
    path: new RegExp(`${W}/members$`),
    action: 'DeleteMembers',
    mutating: true,
    handle: deleteMembers,
  },
  { method: 'GET', path: new RegExp(`${W}/member$`), action: 'GetMember', mutating: false, handle: getMember },
  {
    method: 'POST',
    path: new RegExp(`${W}/members/(?<MemberId>[^/]+)/roles/(?<RoleName>[^/]+)$`),
    action: 'AddMemberRole',
    mutating: true,
    handle: addMemberRole,
  },
  {
    method: 'DELETE',
    path: new RegExp(`${W}/members/(?<MemberId>[^/]+)/roles/(?<RoleName>[^/]+)$`),
    action: 'RemoveMemberRole',
    mutating: true,
    handle: removeMemberRole,
  },
  {
    method: 'GET',
    path: new RegExp(`${W}/users$`),
    action: 'ListWorkspaceUsers',
    mutating: false,
    handle: listWorkspaceUsers,
  },
]
