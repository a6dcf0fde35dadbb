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

function viewOf(op: OutboxOp, held: HeldOp | undefined): OpView {
  const err = op.lastError as { code?: unknown; message?: unknown; requestId?: unknown } | null
  const payload = op.payload as { actionId?: unknown } | null
  const v: OpView = {
    opId: op.opId,
    runId: op.runId,
    workspaceKey: op.workspaceKey,
    seq: op.seq,
    kind: op.kind,
    status: op.status,
    attempts: op.attempts,
    nextAttemptAt: op.nextAttemptAt,
    lastError:
      err && typeof err.code === 'string'
        ? {
            code: err.code,
            ...(typeof err.message === 'string' ? { message: err.message } : {}),
            ...(typeof err.requestId === 'string' ? { requestId: err.requestId } : {}),
          }
        : null,
    requestId: op.requestId,
    updatedAt: op.updatedAt,
  }
  if (payload && typeof payload.actionId === 'string') v.actionId = payload.actionId
  if (held)
    v.held = { reason: held.reason, heldAt: held.heldAt, previousStatus: held.previousStatus, source: held.source }
  return v
}
