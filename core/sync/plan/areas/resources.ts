import { RESOURCE_TYPE_OF_KIND, canDetachResource, resourceKey, type Resource } from '@shared/domain'
import type { ConflictField } from '@shared/ipc/channels/sync'
import type { OpPayload } from '../../ops/payloads'
import { conflictOf, type Actions, type PlanContext } from '../actions'
import { byKey, merge3, seg, unionKeys } from '../merge'

function specOf(r: Resource): Record<string, unknown> | undefined {
  const s: Record<string, unknown> = {}
  if (r.spec?.clusterType) s.clusterType = r.spec.clusterType
  if (r.spec?.gpuType) s.gpuType = r.spec.gpuType
  if (r.spec?.gpuCount !== undefined) s.gpuCount = r.spec.gpuCount
  return Object.keys(s).length > 0 ? s : undefined
}

/** The kinds whose `Spec` carries `clusterType` (docs/pai-api-facts.md §1.4, §3.2: ECS, Lingjun, ACS). */
const CLUSTERED = new Set<Resource['kind']>(['general', 'lingjun', 'acs'])

/**
 * The `Spec` a new resource is created with, as the API's own specs spell it: a general, Lingjun or ACS resource
 * with no cluster type chosen is a shared (pay-as-you-go) one, `{"clusterType": "share"}` (docs/pai-api-facts.md
 * §1.4, ROS `ALIYUN::PAI::WorkspaceResource`); MaxCompute gets its `{endpoint, odpsProject}`.
 */
function createSpec(r: Resource, region: string): Record<string, unknown> | undefined {
  if (r.kind === 'maxcompute') return specOf(r) ?? maxComputeSpec(r.name, region)
  if (CLUSTERED.has(r.kind)) return { clusterType: 'share', ...specOf(r) }
  return specOf(r)
}

/**
 * A MaxCompute resource's `Spec` as ROS documents it (`ALIYUN::PAI::WorkspaceResourceMaxCompute`): the
 * project's `endpoint` and `odpsProject`; the endpoint is the region's intranet MaxCompute endpoint.
 */
function maxComputeSpec(project: string, region: string): Record<string, unknown> {
  return { endpoint: `http://service.${region}.maxcompute.aliyun-inc.com/api`, odpsProject: project }
}

/** Compute resources by kind/env/name: associate new ones, update default and spec; C2: never detached. */
export function planResources(ctx: PlanContext, a: Actions): void {
  const b = byKey(ctx.base.resources, resourceKey)
  const m = byKey(ctx.mine.resources, resourceKey)
  const c = byKey(ctx.cloud.resources, resourceKey)
  for (const k of unionKeys(b, m, c)) {
    const [bi, mi, ci] = [b.get(k), m.get(k), c.get(k)]
    if (mi && !ci) {
      if (bi) continue // gone from the cloud (detached by the business manager): nothing to send
      const res: OpPayload<'resource.create'>['Resource'] = {
        Name: mi.name,
        EnvType: mi.envType,
        ResourceType: RESOURCE_TYPE_OF_KIND[mi.kind],
      }
      // GroupName is required for every type but MaxCompute (docs/pai-api-facts.md §1.4): the resource's own name by default.
      if (mi.groupName) res.GroupName = mi.groupName
      else if (mi.kind !== 'maxcompute') res.GroupName = mi.name
      if (mi.isDefault) res.IsDefault = true
      if (mi.spec?.quotaId) res.Quotas = [{ Id: mi.spec.quotaId }]
      const spec = createSpec(mi, ctx.input.region)
      if (spec) res.Spec = spec
      a.changed(a.apply('resource', k, 'create', 'resource.create', { Resource: res }), {
        fields: [{ field: 'isDefault', before: null, after: mi.isDefault }],
      })
    } else if (!mi && ci) {
      if (bi || !ctx.creating) a.refused('resource', k, 'detach', canDetachResource(ci))
    } else if (mi && ci) {
      const mDef = merge3(bi?.isDefault, mi.isDefault, ci.isDefault)
      // Spec key by key: only the keys the draft changed are sent (null removes one); the op lays them over
      // the cloud's current Spec, so keys the app does not model are kept.
      const [sb, sm, sc] = [bi ? (specOf(bi) ?? {}) : {}, specOf(mi) ?? {}, specOf(ci) ?? {}]
      const specChanges: Record<string, unknown> = {}
      const specConflicts: ConflictField[] = []
      for (const key of new Set([...Object.keys(sb), ...Object.keys(sm), ...Object.keys(sc)])) {
        const r = merge3(bi ? sb[key] : undefined, sm[key], sc[key])
        if (r.kind === 'apply') specChanges[key] = r.value ?? null
        specConflicts.push(...conflictOf(`/resources/${seg(k)}/spec/${seg(key)}`, r))
      }
      const upd: OpPayload<'resource.update'> = {
        Name: mi.name,
        EnvType: mi.envType,
        ResourceType: RESOURCE_TYPE_OF_KIND[mi.kind],
      }
      let changed = false
      // UpdateWorkspaceResource only accepts IsDefault=true: making another resource the default unsets this one.
      if (mDef.kind === 'apply' && mDef.value) {
        upd.IsDefault = true
        changed = true
      }
      if (Object.keys(specChanges).length > 0) {
        upd.Spec = specChanges
        changed = true
      }
      if (changed)
        a.changed(a.apply('resource', k, 'update', 'resource.update', upd), {
          fields: [
            ...(upd.IsDefault ? [{ field: 'isDefault', before: ci.isDefault, after: true }] : []),
            ...Object.entries(specChanges).map(([field, after]) => ({ field, before: sc[field] ?? null, after })),
          ],
        })
      const conflicts = [...conflictOf(`/resources/${seg(k)}/isDefault`, mDef), ...specConflicts]
      if (conflicts.length) a.conflict('resource', k, conflicts)
    }
  }
}
