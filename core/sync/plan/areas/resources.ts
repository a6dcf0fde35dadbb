import { RESOURCE_TYPE_OF_KIND, canDetachResource, resourceKey, type Resource } from '@shared/domain'
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
      const spec = specOf(mi)
      if (spec) res.Spec = spec
      a.apply('resource', k, 'create', 'resource.create', { Resource: res })
    } else if (!mi && ci) {
      if (bi || !ctx.creating) a.refused('resource', k, 'detach', canDetachResource(ci))
    } else if (mi && ci) {
      const mDef = merge3(bi?.isDefault, mi.isDefault, ci.isDefault)
      const mSpec = merge3(bi ? specOf(bi) : undefined, specOf(mi), specOf(ci))
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
      if (mSpec.kind === 'apply' && mSpec.value) {
        upd.Spec = mSpec.value
        changed = true
      }
      if (changed) a.apply('resource', k, 'update', 'resource.update', upd)
      const conflicts = [
        ...conflictOf(`/resources/${seg(k)}/isDefault`, mDef),
        ...conflictOf(`/resources/${seg(k)}/spec`, mSpec),
      ]
      if (conflicts.length) a.conflict('resource', k, conflicts)
    }
  }
}
