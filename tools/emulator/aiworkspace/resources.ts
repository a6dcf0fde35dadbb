import type { Ctx } from '../core'
import { arr, bad, bool, csv, jsonBody, notFound, obj, page, str } from '../http'
import { nowIso, type ResourceRec, type WorkspaceRec } from '../model'
import type { Route } from './route'

/** Compute resources associated with a workspace (docs/pai-api-facts.md §1.4; rules C1, C3). */

const TYPES = [
  'MaxCompute',
  'ECS',
  'Lingjun',
  'ACS',
  'Flink',
  'SelfManagedAckPro',
  'SelfManagedAckLingjun',
  'SelfManagedASI',
]
const NAME_RE = /^[A-Za-z][A-Za-z0-9_]{2,27}$/

/** The API's spelling of a type given in any case (ROS sends `FLINK`, the API's own docs say `Flink`). */
const typeOf = (given: string): string | undefined => TYPES.find((t) => t.toLowerCase() === given.toLowerCase())
const sameType = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase()

/**
 * `Spec` keys documented per type: `clusterType`, `resourceId`, `resourceName` for ECS/Lingjun/ACS (the SDK's
 * text), `endpoint` and `odpsProject` for MaxCompute (ROS). A create keeps these and an update replaces them; any
 * other key is accepted and ignored, as PAI update calls are reported to do (docs/emulator.md). Seeded resources
 * (made in the console) keep every key.
 */
const SPEC_KEYS: Record<string, readonly string[]> = {
  ecs: ['clusterType', 'resourceId', 'resourceName'],
  lingjun: ['clusterType', 'resourceId', 'resourceName'],
  acs: ['clusterType', 'resourceId', 'resourceName'],
  maxcompute: ['endpoint', 'odpsProject'],
}

function labels(v: unknown): Array<{ Key: string; Value: string }> {
  return (arr(v, 'Labels') ?? []).map((l) => {
    const o = obj(l, 'Labels[]')
    return { Key: str(o.Key, 'Labels.Key', true), Value: str(o.Value, 'Labels.Value') ?? '' }
  })
}

function spec(v: unknown): Record<string, unknown> {
  if (v === undefined || v === null) return {}
  return obj(v, 'Spec')
}

/** The documented keys of a Spec sent for a type; the others are dropped (answered as success, not stored). */
function documented(type: string, sp: Record<string, unknown>): Record<string, unknown> {
  const known = SPEC_KEYS[type.toLowerCase()] ?? []
  return Object.fromEntries(Object.entries(sp).filter(([k]) => known.includes(k)))
}

function resourceView(ws: WorkspaceRec, r: ResourceRec, verbose: boolean): Record<string, unknown> {
  const v: Record<string, unknown> = {
    Id: r.Id,
    Name: r.Name,
    WorkspaceId: ws.WorkspaceId,
    EnvType: r.EnvType,
    GroupName: r.GroupName,
    ResourceType: r.ResourceType,
    ProductType: r.ResourceType,
    IsDefault: r.IsDefault,
    GmtCreateTime: r.GmtCreateTime,
    Spec: r.Spec,
    Labels: r.Labels,
  }
  if (verbose)
    v.Quotas = r.Quotas.map((q) => ({
      Id: q.Id,
      Name: q.Id,
      DisplayName: q.Id,
      Mode: 'isolate',
      ProductCode: `${r.ResourceType}_isolate`,
      QuotaType: r.ResourceType,
      CardType: 'CPU',
      Specs: [],
    }))
  if (sameType(r.ResourceType, 'MaxCompute')) v.Encryption = { Enabled: false, Algorithm: '', Key: '' }
  return v
}

/** One default resource per resource type and environment. */
function makeDefault(ws: WorkspaceRec, r: ResourceRec): void {
  for (const o of Object.values(ws.resources))
    if (sameType(o.ResourceType, r.ResourceType) && o.EnvType === r.EnvType) o.IsDefault = false
  r.IsDefault = true
}

function createWorkspaceResource(ctx: Ctx): unknown {
  const ws = ctx.core.workspace(ctx.caller, ctx.params.WorkspaceId)
  const b = jsonBody(ctx.inc)
  const items = (arr(b.Resources, 'Resources') ?? []).map((x) => obj(x, 'Resources[]'))
  for (const r of items)
    ctx.core.countCreate(
      `CreateWorkspaceResource:${ws.WorkspaceId}/${String(r.ResourceType ?? r.ProductType ?? '')}/${String(r.EnvType ?? '')}/${String(r.Name ?? '')}`,
    )
  ctx.core.requireAdmin(ctx.caller, ws)
  if (items.length === 0)
    throw bad(
      'MissingParameter',
      'The input parameter "Resources" that is mandatory for processing this request is not supplied.',
    )
  const option = str(b.Option, 'Option') ?? 'CreateAndAttach'
  if (option !== 'CreateAndAttach' && option !== 'Attach')
    throw bad('InvalidParameter.Option', 'Option must be CreateAndAttach or Attach.')
  const planned: ResourceRec[] = []
  for (const r of items) {
    const name = str(r.Name, 'Resources.Name', true)
    const given = str(r.ResourceType, 'Resources.ResourceType') ?? str(r.ProductType, 'Resources.ProductType', true)
    const env = str(r.EnvType, 'Resources.EnvType', true)
    if (!typeOf(given)) throw bad('InvalidParameter.ResourceType', `Unknown ResourceType ${given}.`)
    // Stored as sent: a resource attached through ROS lists as FLINK.
    const type = given
    if (!ws.EnvTypes.includes(env)) throw bad('InvalidParameter.EnvType', `The workspace has no ${env} environment.`)
    if (!NAME_RE.test(name))
      throw bad(
        'InvalidParameter.Name',
        'A resource Name is 3 to 28 letters, digits or underscores, starting with a letter.',
      )
    const mc = sameType(type, 'MaxCompute')
    if (mc && option !== 'Attach')
      throw bad('InvalidParameter.Option', 'MaxCompute resources only support Option=Attach.')
    const sp = spec(r.Spec)
    // C3: MaxCompute is CPU only.
    if (
      mc &&
      (sp.gpu !== undefined ||
        sp.GPU !== undefined ||
        (sp.gpuCount !== undefined && Number(sp.gpuCount) !== 0) ||
        (sp.gpuType !== undefined && sp.gpuType !== '') ||
        /gpu/i.test(String(sp.cardType ?? sp.CardType ?? '')))
    )
      throw bad('InvalidParameter.Spec', 'MaxCompute resources are CPU only.')
    if (!mc && !str(r.GroupName, 'Resources.GroupName'))
      throw bad('MissingParameter', `Resources.GroupName is required for ${type}.`)
    const clash = [...Object.values(ws.resources), ...planned].some(
      (o) => sameType(o.ResourceType, type) && o.EnvType === env && o.Name === name,
    )
    if (clash)
      throw bad(
        'ResourceAlreadyExists',
        `The ${type} resource ${name} (${env}) is already associated with the workspace.`,
      )
    const rec: ResourceRec = {
      Id: `Resource-${ctx.core.id().toString(36)}${ws.WorkspaceId}`,
      Name: name,
      EnvType: env,
      ResourceType: type,
      GroupName: str(r.GroupName, 'Resources.GroupName') ?? name,
      IsDefault: false,
      Labels: labels(r.Labels),
      Quotas: (arr(r.Quotas, 'Resources.Quotas') ?? []).map((q) => ({
        Id: str(obj(q, 'Quotas[]').Id, 'Quotas.Id', true),
      })),
      // MaxCompute's Spec as ROS spells it; created with the project's endpoint when none is given.
      Spec:
        mc && Object.keys(sp).length === 0
          ? { endpoint: `http://service.${ctx.core.opts.region}.maxcompute.aliyun-inc.com/api`, odpsProject: name }
          : documented(type, sp),
      GmtCreateTime: nowIso(ctx.now),
    }
    planned.push(rec)
    if (bool(r.IsDefault, 'Resources.IsDefault')) rec.IsDefault = true
  }
  for (const r of planned) {
    ws.resources[r.Id] = r
    if (r.IsDefault) makeDefault(ws, r)
  }
  return { TotalCount: planned.length, Resources: planned.map((r) => ({ Id: r.Id })) }
}

function listResources(ctx: Ctx): unknown {
  const q = ctx.inc.query
  const option = q.Option ?? 'ListResourceByWorkspace'
  let pairs: Array<[WorkspaceRec, ResourceRec]>
  if (option === 'ListResourceByWorkspace') {
    const ws = ctx.core.workspace(ctx.caller, str(q.WorkspaceId, 'WorkspaceId', true))
    pairs = Object.values(ws.resources).map((r) => [ws, r])
  } else if (option === 'ListResource') {
    pairs = Object.values(ctx.caller.tenant.workspaces).flatMap((ws) =>
      Object.values(ws.resources).map((r): [WorkspaceRec, ResourceRec] => [ws, r]),
    )
  } else throw bad('InvalidParameter.Option', 'Option must be ListResourceByWorkspace or ListResource.')
  const types = csv(q.ResourceTypes ?? q.ProductTypes)
  if (types.length) pairs = pairs.filter(([, r]) => types.some((t) => sameType(t, r.ResourceType)))
  if (q.ResourceName) pairs = pairs.filter(([, r]) => r.Name.toLowerCase().includes(q.ResourceName!.toLowerCase()))
  if (q.GroupName) pairs = pairs.filter(([, r]) => r.GroupName === q.GroupName)
  pairs.sort(([, a], [, b]) => a.GmtCreateTime.localeCompare(b.GmtCreateTime) || a.Id.localeCompare(b.Id))
  const verbose = bool(q.Verbose, 'Verbose') ?? true
  return { TotalCount: pairs.length, Resources: page(pairs, q).map(([ws, r]) => resourceView(ws, r, verbose)) }
}

function updateWorkspaceResource(ctx: Ctx): unknown {
  const ws = ctx.core.workspace(ctx.caller, ctx.params.WorkspaceId)
  ctx.core.requireAdmin(ctx.caller, ws)
  const b = jsonBody(ctx.inc)
  const group = str(b.GroupName, 'GroupName')
  const ids = (arr(b.ResourceIds, 'ResourceIds') ?? []).map(String)
  if (!group && ids.length === 0) throw bad('MissingParameter', 'GroupName or ResourceIds is required.')
  let targets: ResourceRec[]
  if (ids.length) {
    targets = ids.map((id) => {
      const r = ws.resources[id]
      if (!r) throw notFound('ResourceNotExists', `Resource ${id} not exists`)
      return r
    })
    if (new Set(targets.map((r) => r.GroupName)).size > 1)
      throw bad('InvalidParameter.ResourceIds', 'All ResourceIds must share one GroupName.')
  } else targets = Object.values(ws.resources).filter((r) => r.GroupName === group)
  if (targets.length === 0) throw notFound('ResourceNotExists', `No resource in group ${group ?? ''}`)
  const type = str(b.ResourceType, 'ResourceType') ?? str(b.ProductType, 'ProductType')
  if (type) targets = targets.filter((r) => sameType(r.ResourceType, type))
  const want = labels(b.Labels)
  if (want.length)
    targets = targets.filter((r) => want.every((l) => r.Labels.some((x) => x.Key === l.Key && x.Value === l.Value)))
  const isDefault = bool(b.IsDefault, 'IsDefault')
  if (isDefault === false) throw bad('InvalidParameter.IsDefault', 'IsDefault only accepts true.')
  const sp = b.Spec === undefined ? undefined : spec(b.Spec)
  for (const r of targets) {
    if (sp) {
      // The documented keys are replaced by what is sent; any other key is accepted and ignored.
      const known = SPEC_KEYS[r.ResourceType.toLowerCase()] ?? []
      const next: Record<string, unknown> = {}
      for (const [k, v] of Object.entries(r.Spec)) if (!known.includes(k)) next[k] = v
      for (const k of known) if (sp[k] !== undefined) next[k] = sp[k]
      r.Spec = next
    }
    if (isDefault) makeDefault(ws, r)
  }
  return { ResourceIds: targets.map((r) => r.Id) }
}

export const resourceRoutes: Route[] = [
  {
    method: 'POST',
    path: /^\/api\/v1\/workspaces\/(?<WorkspaceId>[^/]+)\/resources$/,
    action: 'CreateWorkspaceResource',
    mutating: true,
    handle: createWorkspaceResource,
  },
  {
    method: 'PUT',
    path: /^\/api\/v1\/workspaces\/(?<WorkspaceId>[^/]+)\/resources$/,
    action: 'UpdateWorkspaceResource',
    mutating: true,
    handle: updateWorkspaceResource,
  },
  { method: 'GET', path: /^\/api\/v1\/resources$/, action: 'ListResources', mutating: false, handle: listResources },
]
