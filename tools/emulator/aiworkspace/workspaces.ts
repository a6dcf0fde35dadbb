import { OWNER_ROLE, ADMIN_ROLE, type Ctx } from '../core'
import { arr, bad, bool, csv, jsonBody, page, str } from '../http'
import { nowIso, type TenantRec, type WorkspaceRec } from '../model'
import type { Route } from './route'

/** Workspace lifecycle (docs/pai-api-facts.md §1.2, §2). */

const NAME_RE = /^[A-Za-z][A-Za-z0-9_]{2,22}$/

export function workspaceStatus(ws: WorkspaceRec, now: number): string {
  return now < ws.readyAt ? 'INITIALIZING' : 'ENABLED'
}

export function workspaceView(
  ctx: Ctx,
  ws: WorkspaceRec,
  opts: { verbose: boolean; listItem: boolean },
): Record<string, unknown> {
  const t = ctx.caller.tenant
  const members = Object.values(ws.members)
  const owner = members.find((m) => m.Roles.includes(OWNER_ROLE))
  const ownerUser = owner ? ctx.core.user(t, owner.UserId) : undefined
  const v: Record<string, unknown> = {
    WorkspaceId: ws.WorkspaceId,
    WorkspaceName: ws.WorkspaceName,
    DisplayName: ws.DisplayName,
    Description: ws.Description,
    EnvTypes: ws.EnvTypes,
    Status: workspaceStatus(ws, ctx.now),
    Creator: ws.Creator,
    AdminNames: members.filter((m) => m.Roles.includes(ADMIN_ROLE)).map((m) => ctx.core.user(t, m.UserId).UserName),
    GmtCreateTime: ws.GmtCreateTime,
    GmtModifiedTime: ws.GmtModifiedTime,
    IsDefault: ws.IsDefault,
    ExtraInfos: { TenantId: t.uid },
  }
  // The quirk of docs/pai-api-facts.md §1: list items spell it `resourceGroupId`.
  v[opts.listItem ? 'resourceGroupId' : 'ResourceGroupId'] = ws.ResourceGroupId
  if (opts.verbose && ownerUser)
    v.Owner = {
      UserId: ownerUser.UserId,
      UserKp: t.uid,
      UserName: ownerUser.UserName,
      DisplayName: ownerUser.DisplayName,
    }
  return v
}

/**
 * W4: the PAI or DataWorks workspace (they share one namespace) whose name clashes with `name`. Names are
 * compared ignoring case: our assumption, no published source says how (docs/emulator.md); the domain's offline
 * check makes the same one.
 */
function holderOf(ctx: Ctx, t: TenantRec, name: string): { WorkspaceId?: string; WorkspaceName: string } | undefined {
  const lower = name.toLowerCase()
  const ws = Object.values(t.workspaces).find((w) => w.WorkspaceName.toLowerCase() === lower)
  if (ws) return { WorkspaceId: ws.WorkspaceId, WorkspaceName: ws.WorkspaceName }
  const dw = [...ctx.core.opts.dataworksNames, ...t.dataworksNames].find((n) => n.toLowerCase() === lower)
  return dw === undefined ? undefined : { WorkspaceName: dw }
}
const nameTaken = (ctx: Ctx, t: TenantRec, name: string): boolean => holderOf(ctx, t, name) !== undefined

function description(v: unknown, required: boolean): string | undefined {
  const d = required ? str(v, 'Description', true) : str(v, 'Description')
  if (d !== undefined && [...d].length > 80)
    throw bad('InvalidParameter.Description', 'The Description must be at most 80 characters.')
  return d
}

function createWorkspace(ctx: Ctx): unknown {
  const b = jsonBody(ctx.inc)
  const t = ctx.caller.tenant
  const name = str(b.WorkspaceName, 'WorkspaceName', true)
  ctx.core.countCreate(`CreateWorkspace:${t.uid}/${name}`)
  if (!NAME_RE.test(name))
    throw bad(
      'InvalidParameter.WorkspaceName',
      'The WorkspaceName must be 3 to 23 letters, digits or underscores, starting with a letter.',
    )
  const desc = description(b.Description, true) ?? ''
  const envTypes = (arr(b.EnvTypes, 'EnvTypes') ?? []).map((e) => String(e))
  const env = [...envTypes].sort().join(',')
  if (env !== 'prod' && env !== 'dev,prod')
    throw bad('InvalidParameter.EnvTypes', 'EnvTypes must be ["prod"] (simple mode) or ["dev","prod"] (standard mode).')
  const rg = str(b.ResourceGroupId, 'ResourceGroupId')
  if (rg !== undefined && !/^rg-[a-z0-9]+$/.test(rg))
    throw bad('InvalidParameter.ResourceGroupId', 'The ResourceGroupId is invalid.')
  if (nameTaken(ctx, t, name)) throw bad('WorkspaceNameAlreadyExists', `The workspace name ${name} already exists.`)
  const id = String(ctx.core.id())
  const at = nowIso(ctx.now)
  const creator = ctx.caller.account.uid
  const ws: WorkspaceRec = {
    WorkspaceId: id,
    WorkspaceName: name,
    DisplayName: str(b.DisplayName, 'DisplayName') ?? name,
    Description: desc,
    EnvTypes: env === 'prod' ? ['prod'] : ['dev', 'prod'],
    ResourceGroupId: rg ?? `rg-default${t.uid.slice(-6)}`,
    Creator: creator,
    IsDefault: Object.keys(t.workspaces).length === 0,
    GmtCreateTime: at,
    GmtModifiedTime: at,
    readyAt: ctx.now + ctx.core.opts.asyncDelayMs,
    // A4: whoever creates the workspace becomes its owner.
    members: {
      [`${id}-${creator}`]: { MemberId: `${id}-${creator}`, UserId: creator, Roles: [OWNER_ROLE], GmtCreateTime: at },
    },
    configs: {},
    resources: {},
    roles: {},
  }
  t.workspaces[id] = ws
  // E2: PAI keeps one custom bus per workspace once EventBridge is activated.
  const bus = `pai-system-${name}`
  if (t.eventBridge && !t.buses[bus])
    t.buses[bus] = { EventBusName: bus, Description: `PAI workspace ${name}`, CreateTimestamp: ctx.now, rules: {} }
  return { WorkspaceId: id }
}

function listWorkspaces(ctx: Ctx): unknown {
  const q = ctx.inc.query
  const t = ctx.caller.tenant
  if (q.Option === 'GetResourceLimits')
    return { ResourceLimits: { PAI_share: 1, DLC_share: 1, MaxCompute_share: 1 }, TotalCount: 0 }
  if (q.Option === 'CheckWorkspaceExists') {
    // Alibaba's workspace skill reads TotalCount (>= 1: taken) and Workspaces[0]; the item's shape is our guess.
    const holder = holderOf(ctx, t, str(q.WorkspaceName, 'WorkspaceName', true))
    return { TotalCount: holder ? 1 : 0, Workspaces: holder ? [holder] : [] }
  }
  const modules = csv(q.ModuleList)
  if (modules.length && !modules.includes('PAI') && modules.includes('DataWorks')) {
    // DataWorks-only workspaces (names that PAI's share, W4): listed with ModuleList=DataWorks (docs/emulator.md).
    const names = [...new Set([...ctx.core.opts.dataworksNames, ...t.dataworksNames])].sort()
    const dw = names.map((n, i) => ({
      WorkspaceId: `dw-${i + 1}`,
      WorkspaceName: n,
      DisplayName: n,
      Status: 'ENABLED',
      EnvTypes: ['prod'],
      Description: 'DataWorks',
    }))
    const shownDw = page(dw, q)
    return { TotalCount: dw.length, Workspaces: shownDw }
  }
  let items = Object.values(t.workspaces)
  const ids = csv(q.WorkspaceIds)
  if (ids.length) items = items.filter((w) => ids.includes(w.WorkspaceId))
  if (q.WorkspaceName)
    items = items.filter((w) => w.WorkspaceName.toLowerCase().includes(q.WorkspaceName!.toLowerCase()))
  if (q.Status) items = items.filter((w) => workspaceStatus(w, ctx.now) === q.Status)
  if (q.ResourceGroupId) items = items.filter((w) => w.ResourceGroupId === q.ResourceGroupId)
  if (q.UserId) items = items.filter((w) => Object.values(w.members).some((m) => m.UserId === q.UserId))
  const sortBy = q.SortBy ?? 'GmtCreateTime'
  if (sortBy !== 'GmtCreateTime' && sortBy !== 'GmtModifiedTime')
    throw bad('InvalidParameter.SortBy', 'SortBy must be GmtCreateTime or GmtModifiedTime.')
  const order = q.Order ?? 'ASC'
  if (order !== 'ASC' && order !== 'DESC') throw bad('InvalidParameter.Order', 'Order must be ASC or DESC.')
  items.sort((a, b) => a[sortBy].localeCompare(b[sortBy]) || Number(a.WorkspaceId) - Number(b.WorkspaceId))
  if (order === 'DESC') items.reverse()
  const verbose = bool(q.Verbose, 'Verbose') ?? false
  const shown = page(items, q)
  if (q.Fields === 'Id')
    return { TotalCount: items.length, Workspaces: shown.map((w) => ({ WorkspaceId: w.WorkspaceId })) }
  return { TotalCount: items.length, Workspaces: shown.map((w) => workspaceView(ctx, w, { verbose, listItem: true })) }
}

function getWorkspace(ctx: Ctx): unknown {
  const ws = ctx.core.workspace(ctx.caller, ctx.params.WorkspaceId)
  return workspaceView(ctx, ws, { verbose: bool(ctx.inc.query.Verbose, 'Verbose') ?? false, listItem: false })
}

function updateWorkspace(ctx: Ctx): unknown {
  const ws = ctx.core.workspace(ctx.caller, ctx.params.WorkspaceId)
  ctx.core.requireAdmin(ctx.caller, ws)
  const b = jsonBody(ctx.inc)
  const dn = str(b.DisplayName, 'DisplayName')
  const desc = description(b.Description, false)
  if (dn !== undefined) {
    if ([...dn].length > 64) throw bad('InvalidParameter.DisplayName', 'The DisplayName must be at most 64 characters.')
    ws.DisplayName = dn
  }
  if (desc !== undefined) ws.Description = desc
  ws.GmtModifiedTime = nowIso(ctx.now)
  return {}
}

function deleteWorkspace(ctx: Ctx): unknown {
  const ws = ctx.core.workspace(ctx.caller, ctx.params.WorkspaceId)
  ctx.core.requireAdmin(ctx.caller, ws)
  delete ctx.caller.tenant.workspaces[ws.WorkspaceId]
  return {}
}

export const workspaceRoutes: Route[] = [
  {
    method: 'POST',
    path: /^\/api\/v1\/workspaces$/,
    action: 'CreateWorkspace',
    mutating: true,
    handle: createWorkspace,
  },
  { method: 'GET', path: /^\/api\/v1\/workspaces$/, action: 'ListWorkspaces', mutating: false, handle: listWorkspaces },
  {
    method: 'GET',
    path: /^\/api\/v1\/workspaces\/(?<WorkspaceId>[^/]+)$/,
    action: 'GetWorkspace',
    mutating: false,
    handle: getWorkspace,
  },
  {
    method: 'PUT',
    path: /^\/api\/v1\/workspaces\/(?<WorkspaceId>[^/]+)$/,
    action: 'UpdateWorkspace',
    mutating: true,
    handle: updateWorkspace,
  },
  {
    method: 'DELETE',
    path: /^\/api\/v1\/workspaces\/(?<WorkspaceId>[^/]+)$/,
    action: 'DeleteWorkspace',
    mutating: true,
    handle: deleteWorkspace,
  },
]
