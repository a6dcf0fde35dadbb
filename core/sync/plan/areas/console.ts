import type { WorkspaceConfig } from '@shared/domain'
import { conflictOf, type Actions, type PlanContext } from '../actions'
import { merge3, same } from '../merge'

/** Settings with no public API: SLS forwarding (L1), the switches (G1-G3) and scheduling (S1-S3) are console steps. */
export function planConsoleSteps(ctx: PlanContext, a: Actions): void {
  const { base, mine, cloud } = ctx
  const s = merge3(base.sls, mine.sls, cloud.sls)
  if (s.kind === 'apply')
    a.manual(ctx, 'sls', 'forwarding', 'sls', [{ field: 'sls', before: cloud.sls, after: mine.sls }])
  if (s.kind === 'conflict') a.conflict('sls', 'forwarding', conflictOf('/sls', s))
  for (const sw of ['dlcContainerAccess', 'dswSsh', 'dswPublicAccess'] as const) {
    const r = merge3(base.switches[sw], mine.switches[sw], cloud.switches[sw])
    if (r.kind === 'apply')
      a.manual(ctx, 'switches', sw, sw, [{ field: sw, before: cloud.switches[sw], after: r.value }])
  }
  const sc = merge3(base.scheduling, mine.scheduling, cloud.scheduling)
  if (sc.kind === 'apply') a.manual(ctx, 'scheduling', 'policies', 'scheduling', schedulingChanges(mine, cloud))
  if (sc.kind === 'conflict') a.conflict('scheduling', 'policies', conflictOf('/scheduling', sc))
}

/** The scheduling settings the draft changes, field by field (the cloud's value before, the draft's after). */
function schedulingChanges(
  mine: WorkspaceConfig,
  cloud: WorkspaceConfig,
): Array<{ field: string; before: unknown; after: unknown }> {
  const m = mine.scheduling
  const c = cloud.scheduling
  return (Object.keys(m) as Array<keyof typeof m>)
    .filter((k) => !same(m[k], c[k]))
    .map((k) => ({ field: k, before: c[k] ?? null, after: m[k] ?? null }))
}
