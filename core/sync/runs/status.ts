import type { OpView, RunStatus, RunSummary } from '@shared/ipc/channels/sync'
import { AppError } from '@shared/ipc/errors'
import { decodeDraftKey, encodeDraftKey } from '../../model/draft-key'
import type { HeldOp, OutboxOp, Store } from '../../store'
import type { OutboxWorker } from '../worker'
import type { RunRecords } from './records'

export type RunState = RunStatus & { settled: boolean }

/** The ops of one run, of one draft's runs, or of every run, with counts and whether they settled. */
export function runStatus(
  store: Store,
  units: { runs: RunRecords; worker: OutboxWorker },
  q: { key?: string; runId?: string },
): RunState {
  let runs: string[]
  if (q.runId) runs = [q.runId]
  else if (q.key) runs = units.runs.ofDraft(decodeDraftKey(q.key))
  else runs = units.runs.ids()
  const ops: OpView[] = []
  const counts: Record<string, number> = {}
  const summaries: RunSummary[] = []
  for (const runId of runs) {
    const held = new Map(store.outbox.heldOfRun(runId).map((h) => [h.opId, h]))
    for (const op of store.outbox.list({ runId, limit: 100_000 })) ops.push(viewOf(op, held.get(op.opId)))
    const meta = units.runs.get(runId)
    if (meta)
      summaries.push({
        runId,
        profileId: meta.profileId,
        workspaceKey: meta.workspaceKey,
        key: encodeDraftKey({ profileId: meta.profileId, workspaceKey: meta.workspaceKey }),
        createdAt: meta.createdAt,
        settled: meta.settled,
        ...(meta.outcome ? { outcome: meta.outcome } : {}),
      })
  }
  for (const o of ops) counts[o.status] = (counts[o.status] ?? 0) + 1
  const finished = ops.every((o) => o.status !== 'pending' && o.status !== 'in_flight')
  const settled = runs.every((r) => units.runs.get(r)?.settled ?? true)
  return { ops, counts, finished, online: units.worker.isOnline, settled, runs: summaries }
}

/** Waits until no op of the run is pending or in flight and the drift check ran (CLI, tests). */
export async function waitForRun(
  store: Store,
  units: { runs: RunRecords; worker: OutboxWorker },
  runId: string,
  opts: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<RunState> {
  const deadline = Date.now() + (opts.timeoutMs ?? 10 * 60_000)
  for (;;) {
    const s = runStatus(store, units, { runId })
    if (s.finished && !s.settled) void units.worker.settle(runId)
    if (s.finished && s.settled) return s
    if (Date.now() > deadline) throw new AppError('SYNC_WAIT_TIMEOUT', { params: { runId } })
    await new Promise((r) => setTimeout(r, opts.intervalMs ?? 100))
  }
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' && v !== '-' ? v : undefined)

/**
 * The stored error of an op as the op view shows it: its code with the params it was raised with (the message is
 * rendered from them), the rule, and the cloud's own code, message and request ID.
 */
export function errorViewOf(stored: unknown): OpView['lastError'] {
  const err = stored as {
    code?: unknown
    message?: unknown
    requestId?: unknown
    ruleId?: unknown
    params?: unknown
  } | null
  if (!err || typeof err.code !== 'string') return null
  const params = err.params && typeof err.params === 'object' ? (err.params as Record<string, unknown>) : undefined
  const requestId = str(err.requestId) ?? str(params?.requestId)
  const cloudCode = str(params?.cloudCode)
  const cloudMessage = str(params?.cloudMessage)
  return {
    code: err.code,
    ...(typeof err.message === 'string' ? { message: err.message } : {}),
    ...(requestId ? { requestId } : {}),
    ...(typeof err.ruleId === 'string' ? { ruleId: err.ruleId } : {}),
    ...(params ? { params } : {}),
    ...(cloudCode ? { cloudCode } : {}),
    ...(cloudMessage ? { cloudMessage } : {}),
  }
}

function subjectOf(payload: { subject?: unknown } | null): OpView['subject'] {
  const s = payload?.subject as Record<string, unknown> | undefined
  if (!s || typeof s.area !== 'string' || typeof s.target !== 'string' || typeof s.verb !== 'string') return undefined
  return { area: s.area, target: s.target, verb: s.verb, ...(typeof s.label === 'string' ? { label: s.label } : {}) }
}

function viewOf(op: OutboxOp, held: HeldOp | undefined): OpView {
  const payload = op.payload as { actionId?: unknown; subject?: unknown } | null
  const v: OpView = {
    opId: op.opId,
    runId: op.runId,
    workspaceKey: op.workspaceKey,
    seq: op.seq,
    kind: op.kind,
    status: op.status,
    attempts: op.attempts,
    nextAttemptAt: op.nextAttemptAt,
    // A row that succeeded (on a retry) no longer shows the error of an earlier attempt.
    lastError: op.status === 'done' ? null : errorViewOf(op.lastError),
    requestId: op.requestId,
    updatedAt: op.updatedAt,
  }
  const subject = subjectOf(payload)
  if (subject) v.subject = subject
  if (payload && typeof payload.actionId === 'string') v.actionId = payload.actionId
  if (held)
    v.held = { reason: held.reason, heldAt: held.heldAt, previousStatus: held.previousStatus, source: held.source }
  return v
}
