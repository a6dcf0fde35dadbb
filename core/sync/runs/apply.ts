import type { PlanAction } from '@shared/ipc/channels/sync'
import { AppError } from '@shared/ipc/errors'
import { decodeDraftKey, type DraftKeyParts } from '../../model/draft-key'
import { newId } from '../../store/ids'
import type { SyncContext } from '../deps'
import type { Planning } from '../planning'
import type { OutboxWorker } from '../worker'
import type { RunRecords } from './records'

/** Kinds whose payload addresses a workspace by id. */
const WS_KINDS = new Set([
  'workspace.update',
  'role.create',
  'role.update',
  'role.delete',
  'member.create',
  'member.addRole',
  'member.removeRole',
  'member.delete',
  'resource.create',
  'resource.update',
  'config.update',
])

/**
 * Queues the plan's apply actions in ONE transaction and wakes the worker; ops of earlier runs of the draft held back
 * after a restore are cancelled in it (the new plan replaces them). Refuses a stale plan
 * (the draft or the cache changed since it was shown: SYNC_PLAN_STALE), unresolved conflicts, a
 * draft the rules refuse, and a second run while one is still going for the same draft.
 */
export function applyPlan(
  c: SyncContext,
  units: { planning: Planning; runs: RunRecords; worker: OutboxWorker },
  key: string,
  planFingerprint: string,
): { runId: string; queued: number } {
  const store = c.store
  const plan = units.planning.plan(key)
  if (plan.fingerprint !== planFingerprint) throw new AppError('SYNC_PLAN_STALE', { ruleId: 'D5', params: { key } })
  if (plan.counts.conflict > 0)
    throw new AppError('SYNC_CONFLICTS_UNRESOLVED', { ruleId: 'D5', params: { count: plan.counts.conflict } })
  const refusedRules = new Set(plan.actions.filter((a) => a.kind === 'refused').map((a) => a.ruleId))
  const blocking = plan.problems.filter((p) => p.severity === 'error' && !refusedRules.has(p.ruleId))
  if (blocking.length > 0)
    throw new AppError('SYNC_DRAFT_INVALID', {
      ruleId: blocking[0]?.ruleId,
      params: { count: blocking.length, rules: [...new Set(blocking.map((p) => p.ruleId))].join(', ') },
      details: { problems: blocking },
    })
  const parts = decodeDraftKey(plan.key) as DraftKeyParts & { profileId: string }
  const earlier = units.runs.ofDraft(parts)
  for (const runId of earlier) {
    const n = store.outbox.counts({ runId })
    if (n.pending + n.in_flight > 0) throw new AppError('SYNC_RUN_IN_PROGRESS', { params: { runId } })
  }
  const applies = plan.actions.filter(
    (a): a is PlanAction & { op: NonNullable<PlanAction['op']> } => a.kind === 'apply' && a.op !== undefined,
  )
  const opIds = new Map(applies.map((a) => [a.id, newId()]))
  const runId = newId()
  store.transaction(() => {
    // Ops held back after a restore are superseded by this new plan of the same draft.
    store.outbox.cancelHeldInRuns(earlier)
    store.outbox.enqueue(
      applies.map((a) => ({
        opId: opIds.get(a.id) as string,
        profileId: parts.profileId,
        workspaceKey: parts.workspaceKey,
        kind: a.op.kind,
        payload: {
          ...(a.op.payload as object),
          ...(plan.workspaceId && WS_KINDS.has(a.op.kind) ? { workspaceId: plan.workspaceId } : {}),
          actionId: a.id,
          subject: { area: a.area, target: a.target, verb: a.verb, ...(a.label ? { label: a.label } : {}) },
        },
        dependsOn: a.dependsOn.map((d) => opIds.get(d)).filter((x): x is string => x !== undefined),
      })),
      { runId },
    )
    units.runs.create(runId, {
      profileId: parts.profileId,
      workspaceKey: parts.workspaceKey,
      createdAt: c.now().toISOString(),
    })
    store.activity.add({
      profileId: parts.profileId,
      workspace: parts.workspaceKey,
      action: 'sync.apply',
      result: 'info',
      details: { runId, queued: applies.length, counts: plan.counts },
    })
  })
  c.emit('sync.progress', { runId, status: 'queued', done: 0, total: applies.length })
  if (applies.length === 0) void units.worker.settle(runId)
  else units.worker.kick()
  return { runId, queued: applies.length }
}
