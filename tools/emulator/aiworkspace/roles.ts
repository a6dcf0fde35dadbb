import type { Ctx } from '../core'
import { arr, bad, conflict, csv, jsonBody, notFound, obj, page, str } from '../http'
import { nowIso, type JobRec, type ModulePermissionRec, type RoleRec, type WorkspaceRec } from '../model'
import { customRoleGrant, mergeGrants, ROLE_MODULES, ROLE_PERMISSIONS } from '../permissions'
import type { Route } from './route'

/** Permissions and custom roles (docs/pai-api-facts.md §1.6, §3.3; rules M4, M7). */

const ROLE_NAME_RE = /^[A-Za-z0-9_-]{1,64}$/
const TYPES = ['NoPrivilege', 'ReadOnly', 'ReadWrite', 'FullAccess', 'CustomPermissions']

function roleStatus(r: RoleRec, now: number): string {
  return now < r.readyAt ? r.pendingStatus : 'Succeeded'
}

function modulePermissions(v: unknown): ModulePermissionRec[] {
  return (arr(v, 'ModulePermissions') ?? []).map((raw) => {
    const m = obj(raw, 'ModulePermissions[]')
    const ModuleName = str(m.ModuleName, 'ModulePermissions.ModuleName', true)
    const PermissionType = str(m.PermissionType, 'ModulePermissions.PermissionType', true)
    if (!ROLE_MODULES.includes(ModuleName))
      throw bad('InvalidParameter.ModuleName', `Unknown ModuleName ${ModuleName}.`)
    if (!TYPES.includes(PermissionType))
      throw bad('InvalidParameter.PermissionType', `Unknown PermissionType ${PermissionType}.`)
    const rec: ModulePermissionRec = { ModuleName, PermissionType }
    if (PermissionType === 'CustomPermissions') {
      rec.Permissions = (arr(m.Permissions, 'ModulePermissions.Permissions') ?? []).map((p) => {
        const o = obj(p, 'Permissions[]')
        return {
          PermissionCodes: (arr(o.PermissionCodes, 'PermissionCodes') ?? []).map(String),
          PermissionRules: (arr(o.PermissionRules, 'PermissionRules') ?? []).map((r) => {
            const x = obj(r, 'PermissionRules[]')
            return {
              Accessibility: str(x.Accessibility, 'Accessibility', true),
              EntityAccessType: str(x.EntityAccessType, 'EntityAccessType'),
            }
          }),
        }
      })
      if (rec.Permissions.length === 0) throw bad('MissingParameter', 'Permissions is required with CustomPermissions.')
    }
    return rec
  })
}

function roleView(r: RoleRec, now: number, withModules: boolean): Record<string, unknown> {
  return {
    RoleId: r.RoleId,
    RoleName: r.RoleName,
    Creator: r.Creator,
    Status: roleStatus(r, now),
    GmtCreateTime: r.GmtCreateTime,
    GmtModifiedTime: r.GmtModifiedTime,
    ...(withModules ? { ModulePermissions: r.ModulePermissions } : {}),
  }
}

function role(ws: WorkspaceRec, id: string | undefined): RoleRec {
  const r = id ? ws.roles[id] : undefined
  if (!r) throw notFound('RoleNotExists', `Role ${id ?? ''} not exists`)
  return r
}

function startJob(ctx: Ctx, ws: WorkspaceRec, type: string, roleId: string): string {
  const id = `${type}-${roleId}-${ctx.core.id().toString(36)}`
  const job: JobRec = {
    InstanceJobId: id,
    Type: type,
    InstanceId: roleId,
    WorkspaceId: ws.WorkspaceId,
    GmtCreateTime: nowIso(ctx.now),
    readyAt: ctx.now + ctx.core.opts.asyncDelayMs,
    finalStatus: 'Successful',
    ReasonMessage: '',
  }
  ctx.core.state.jobs[id] = job
  return id
}

function listPermissions(ctx: Ctx): unknown {
  const ws = ctx.core.workspace(ctx.caller, ctx.params.WorkspaceId)
  let grants
  if (ctx.caller.isMain) grants = [ROLE_PERMISSIONS['PAI.WorkspaceOwner'] ?? []]
  else {
    const m = Object.values(ws.members).find((x) => x.UserId === ctx.caller.account.uid)
    grants = (m?.Roles ?? []).map((r) => ROLE_PERMISSIONS[r] ?? customRoleGrant(ws.roles[r]?.ModulePermissions ?? []))
  }
  const items = mergeGrants(grants)
  return { TotalCount: items.length, Permissions: items }
}

function createWorkspaceRole(ctx: Ctx): unknown {
  const ws = ctx.core.workspace(ctx.caller, ctx.params.WorkspaceId)
  const b = jsonBody(ctx.inc)
  const name = str(b.RoleName, 'RoleName', true)
  ctx.core.countCreate(`CreateWorkspaceRole:${ws.WorkspaceId}/${name}`)
  ctx.core.requireAdmin(ctx.caller, ws)
  if (!ROLE_NAME_RE.test(name))
    throw bad('InvalidParameter.RoleName', 'RoleName is 1 to 64 letters, digits, underscores or hyphens.')
  const type = str(b.RoleType, 'RoleType') ?? 'custom'
  if (type !== 'custom') throw bad('InvalidParameter.RoleType', 'RoleType must be custom.')
  const mods = modulePermissions(b.ModulePermissions)
  if (Object.values(ws.roles).some((r) => r.RoleName === name))
    throw conflict('RoleNameAlreadyExists', `The role name ${name} already exists in workspace ${ws.WorkspaceId}.`)
  const at = nowIso(ctx.now)
  const id = `role-${ctx.core.id().toString(36)}${ws.WorkspaceId}`
  ws.roles[id] = {
    RoleId: id,
    RoleName: name,
    Creator: ctx.caller.account.uid,
    ModulePermissions: mods,
    GmtCreateTime: at,
    GmtModifiedTime: at,
    readyAt: ctx.now + ctx.core.opts.asyncDelayMs,
    pendingStatus: 'Creating',
  }
  return { InstanceJobId: startJob(ctx, ws, 'CreateWorkspaceCustomRole', id) }
}

function getWorkspaceRole(ctx: Ctx): unknown {
  const ws = ctx.core.workspace(ctx.caller, ctx.params.WorkspaceId)
  return roleView(role(ws, ctx.params.RoleId), ctx.now, true)
}

function listWorkspaceRoles(ctx: Ctx): unknown {
  const ws = ctx.core.workspace(ctx.caller, ctx.params.WorkspaceId)
  const q = ctx.inc.query
  if (q.RoleType && q.RoleType !== 'custom') throw bad('InvalidParameter.RoleType', 'RoleType must be custom.')
  let items = Object.values(ws.roles)
  const ids = csv(q.RoleIds)
  if (ids.length) items = items.filter((r) => ids.includes(r.RoleId))
  if (q.RoleName) items = items.filter((r) => r.RoleName.includes(q.RoleName!))
  if (q.Status) items = items.filter((r) => roleStatus(r, ctx.now) === q.Status)
  const sortBy = q.SortBy === 'GmtModifiedTime' ? 'GmtModifiedTime' : 'GmtCreateTime'
  items.sort((a, b) => a[sortBy].localeCompare(b[sortBy]) || a.RoleId.localeCompare(b.RoleId))
  if (q.Order === 'DESC') items.reverse()
  const withModules = csv(q.VerboseFields).includes('ModulePermissions')
  return { TotalCount: items.length, Roles: page(items, q).map((r) => roleView(r, ctx.now, withModules)) }
}

function updateWorkspaceRole(ctx: Ctx): unknown {
  const ws = ctx.core.workspace(ctx.caller, ctx.params.WorkspaceId)
  ctx.core.requireAdmin(ctx.caller, ws)
  const r = role(ws, ctx.params.RoleId)
  const b = jsonBody(ctx.inc)
  const name = str(b.RoleName, 'RoleName')
  if (name !== undefined) {
    if (!ROLE_NAME_RE.test(name))
      throw bad('InvalidParameter.RoleName', 'RoleName is 1 to 64 letters, digits, underscores or hyphens.')
    if (Object.values(ws.roles).some((o) => o.RoleName === name && o.RoleId !== r.RoleId))
      throw conflict('RoleNameAlreadyExists', `The role name ${name} already exists.`)
    r.RoleName = name
  }
  if (b.ModulePermissions !== undefined) r.ModulePermissions = modulePermissions(b.ModulePermissions)
  r.GmtModifiedTime = nowIso(ctx.now)
  r.readyAt = ctx.now + ctx.core.opts.asyncDelayMs
  r.pendingStatus = 'Updating'
  return { InstanceJobId: startJob(ctx, ws, 'UpdateWorkspaceCustomRole', r.RoleId) }
}

function deleteWorkspaceRoles(ctx: Ctx): unknown {
  const ws = ctx.core.workspace(ctx.caller, ctx.params.WorkspaceId)
  ctx.core.requireAdmin(ctx.caller, ws)
  const ids = (arr(jsonBody(ctx.inc).RoleIds, 'RoleIds') ?? []).map(String)
  if (ids.length === 0) throw bad('MissingParameter', 'RoleIds is required.')
  const roles = ids.map((id) => role(ws, id))
  const held = Object.values(ws.members).find((m) => m.Roles.some((x) => ids.includes(x)))
  if (held)
    throw bad('RoleInUse', `The role is still held by member ${held.MemberId}; remove it from the members first.`)
  for (const r of roles) delete ws.roles[r.RoleId]
  return {}
}

function getInstanceJob(ctx: Ctx): unknown {
  const job = ctx.core.state.jobs[ctx.params.InstanceJobId ?? '']
  if (!job || !ctx.caller.tenant.workspaces[job.WorkspaceId])
    throw notFound('InstanceJobNotExists', `Instance job ${ctx.params.InstanceJobId ?? ''} not exists`)
  const done = ctx.now >= job.readyAt
  return {
    InstanceJobId: job.InstanceJobId,
    Type: job.Type,
    InstanceId: job.InstanceId,
    GmtCreateTime: job.GmtCreateTime,
    Status: done ? job.finalStatus : 'Running',
    ReasonMessage: done ? job.ReasonMessage : '',
  }
}

const W = '^\\/api\\/v1\\/workspaces\\/(?<WorkspaceId>[^/]+)'
export const roleRoutes: Route[] = [
  {
    method: 'GET',
    path: new RegExp(`${W}/permissions$`),
    action: 'ListPermissions',
    mutating: false,
    handle: listPermissions,
  },
  {
    method: 'POST',
    path: new RegExp(`${W}/roles$`),
    action: 'CreateWorkspaceRole',
    mutating: true,
    handle: createWorkspaceRole,
  },
  {
    method: 'GET',
    path: new RegExp(`${W}/roles$`),
    action: 'ListWorkspaceRoles',
    mutating: false,
    handle: listWorkspaceRoles,
  },
  {
    method: 'POST',
    path: new RegExp(`${W}/roles/action/delete$`),
    action: 'DeleteWorkspaceRoles',
    mutating: true,
    handle: deleteWorkspaceRoles,
  },
  {
    method: 'GET',
    path: new RegExp(`${W}/roles/(?<RoleId>[^/]+)$`),
    action: 'GetWorkspaceRole',
    mutating: false,
    handle: getWorkspaceRole,
  },
  {
    method: 'PUT',
    path: new RegExp(`${W}/roles/(?<RoleId>[^/]+)$`),
    action: 'UpdateWorkspaceRole',
    mutating: true,
    handle: updateWorkspaceRole,
  },
  {
    method: 'GET',
    path: /^\/api\/v1\/instancejobs\/(?<InstanceJobId>[^/]+)$/,
    action: 'GetInstanceJob',
    mutating: false,
    handle: getInstanceJob,
  },
]
