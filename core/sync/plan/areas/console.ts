import type { WorkspaceConfig } from '@shared/domain'
import { conflictOf, type Actions, type PlanContext } from '../actions'
import { merge3, same } from '../merge'

/** Settings with no public API: SLS forwarding (L1), the switches (G1-G3) and scheduling (S1-S3) are console steps. */
export function planConsoleSteps(ctx: PlanContext, a: Actions): void {
  const { base, mine, cloud } = ctx
  const s = merge3(base.sls, mine.sls, cloud.sls)
  if (s.kind === 'apply')
    a.manual(
      ctx,
      'sls',
      'forwarding',
      'sls',
      `${mine.sls.project ?? '-'} / ${mine.sls.logstore ?? '-'} (${mine.sls.modules.join(', ') || '-'})`,
    )
  if (s.kind === 'conflict') a.conflict('sls', 'forwarding', conflictOf('/sls', s))
  for (const sw of ['dlcContainerAccess', 'dswSsh', 'dswPublicAccess'] as const) {
    const r = merge3(base.switches[sw], mine.switches[sw], cloud.switches[sw])
    if (r.kind === 'apply') a.manual(ctx, 'switches', sw, sw, r.value ? 'on / 开启' : 'off / 关闭')
  }
  const sc = merge3(base.scheduling, mine.scheduling, cloud.scheduling)
  if (sc.kind === 'apply') a.manual(ctx, 'scheduling', 'policies', 'scheduling', schedulingSummary(mine, cloud))
  if (sc.kind === 'conflict') a.conflict('scheduling', 'policies', conflictOf('/scheduling', sc))
}

function schedulingSummary(mine: WorkspaceConfig, cloud: WorkspaceConfig): string {
  const parts: string[] = []
  const m = mine.scheduling
  const c = cloud.scheduling
  for (const k of Object.keys(m) as Array<keyof typeof m>)
    if (!same(m[k], c[k])) parts.push(`${k} = ${JSON.stringify(m[k])}`)
  return parts.join('; ')
}
