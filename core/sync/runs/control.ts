import { AppError } from '@shared/ipc/errors'
import type { OutboxOp, Store } from '../../store'
import type { OutboxWorker } from '../worker'
import type { Sender } from '../worker-sender'
import type { RunRecords } from './records'

interface Units {
  runs: RunRecords
  worker: OutboxWorker
  sender: Sender
}

function mustGet(store: Store, opId: string): OutboxOp {
  const op = store.outbox.get(opId)
  if (!op) throw new AppError('OUTBOX_OP_NOT_FOUND', { params: { opId } })
  return op
}

/** The run is open again: its drift check (settle) runs once more when it ends. */
function reopen(units: Units, runId: string): void {
  units.runs.reopen(runId)
  units.worker.forget(runId)
}

/**
 * The user asked to send a failed, blocked or cancelled op again. It goes back to pending with what it needs (the
 * failed or blocked ops it depends on) and what waits for it; the worker then sends it like any op sent before:
 * `attempts > 1`, so a create looks its object up by natural key first, and the outcome is recorded by the same
 * group commit. The run is reopened so that its drift check runs again at the end (otherwise the draft would keep
 * a plan made before the retry). Ops restored from a backup are refused: they need a new plan.
 */
export function retryOp(store: Store, units: Units, opId: string): { retried: number } {
  const op = mustGet(store, opId)
  const held = store.outbox.held(opId)
  if (held) throw new AppError('SYNC_OP_HELD', { params: { opId, reason: held.reason, at: held.heldAt } })
  if (op.status !== 'failed' && op.status !== 'blocked' && op.status !== 'cancelled')
    throw new AppError('SYNC_RETRY_NOT_NEEDED', { params: { opId, status: op.status } })
  const { retried } = store.transaction(() => {
    const r = store.outbox.retry(opId)
    reopen(units, op.runId)
    store.activity.add({
      profileId: op.profileId,
      workspace: op.workspaceKey,
      action: 'sync.retry',
      result: 'info',
      details: { opId, runId: op.runId, kind: op.kind, retried: r.retried },
    })
    return r
  })
  units.worker.kick()
  return { retried }
}

/**
 * Cancels one op (and everything that depends on it) or every op of a run that was not sent yet. An op in flight
 * cannot be called back: its request is out, and its answer is recorded as it comes. The run is reopened so that
 * its drift check shows what is left once nothing is in flight.
 */
export function cancelOps(store: Store, units: Units, q: { opId: string } | { runId: string }): { cancelled: number } {
  let runId: string
  let cancelled: number
  if ('opId' in q) {
    const op = mustGet(store, q.opId)
    if (op.status === 'in_flight') throw new AppError('SYNC_CANCEL_IN_FLIGHT', { params: { opId: op.opId } })
    if (op.status !== 'pending' && op.status !== 'blocked')
      throw new AppError('SYNC_CANCEL_NOT_OPEN', { params: { opId: op.opId, status: op.status } })
    runId = op.runId
    cancelled = store.transaction(() => {
      const n = store.outbox.cancel(op.opId).cancelled
      reopen(units, runId)
      logCancel(store, op, runId, n)
      return n
    })
  } else {
    runId = q.runId
    const ops = store.outbox.list({ runId, limit: 1 })
    const first = ops[0]
    if (!first) throw new AppError('SYNC_RUN_NOT_FOUND', { params: { runId } })
    cancelled = store.transaction(() => {
      const n = store.outbox.cancelRun(runId)
      reopen(units, runId)
      logCancel(store, first, runId, n)
      return n
    })
  }
  const n = store.outbox.counts({ runId })
  if (n.pending === 0 && n.in_flight === 0) void units.worker.settle(runId)
  units.worker.kick()
  return { cancelled }
}

function logCancel(store: Store, op: OutboxOp, runId: string, n: number): void {
  store.activity.add({
    profileId: op.profileId,
    workspace: op.workspaceKey,
    action: 'sync.cancel',
    result: 'cancelled',
    details: { runId, cancelled: n },
  })
}
