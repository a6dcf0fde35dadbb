import type { Db } from '../database'

export type HoldReason = 'restored' | 'wal-damaged'

/** An op held back after a restore or a damaged write-ahead log (see migration 002). */
export interface HeldOp {
  opId: string
  runId: string
  reason: HoldReason
  /** What it was when held: pending, in_flight (maybe sent: reconcile before anything else) or blocked. */
  previousStatus: string
  heldAt: string
  /** The backup it came back from, when restored. */
  source: string | null
}

interface HeldRow {
  op_id: string
  run_id: string
  reason: HoldReason
  previous_status: string
  held_at: string
  source: string | null
}

const toHeld = (r: HeldRow): HeldOp => ({
  opId: r.op_id,
  runId: r.run_id,
  reason: r.reason,
  previousStatus: r.previous_status,
  heldAt: r.held_at,
  source: r.source,
})

/** The message code an op carries while held. */
export const HOLD_CODES: Record<HoldReason, string> = {
  restored: 'SYNC_OP_RESTORED',
  'wal-damaged': 'SYNC_OP_WAL_DAMAGED',
}

/**
 * Holding back the open ops of a database whose history is not the last one written (restored from a backup, or
 * commits lost from a damaged WAL): they become `blocked` with a code saying why, are never claimed, retried or
 * unblocked on their own, and go away when a new plan of the same draft is applied (or the user cancels them).
 */
export class OutboxHeld {
  private readonly qHoldRows
  private readonly qBlockOpen
  private readonly qGet
  private readonly qOfRun
  private readonly qCancelRuns

  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {
    this.qHoldRows = db.prepare<[{ reason: string; at: string; source: string | null }]>(
      `INSERT OR IGNORE INTO outbox_held (op_id, reason, previous_status, held_at, source)
       SELECT op_id, @reason, status, @at, @source FROM outbox WHERE status IN ('pending', 'in_flight', 'blocked')`,
    )
    this.qBlockOpen = db.prepare<[{ at: string; error: string }]>(
      `UPDATE outbox SET status = 'blocked', updated_at = @at, next_attempt_at = NULL, last_error_json = @error
       WHERE status IN ('pending', 'in_flight', 'blocked')`,
    )
    this.qGet = db.prepare<[string], HeldRow>(
      'SELECT h.*, o.run_id FROM outbox_held h JOIN outbox o USING (op_id) WHERE h.op_id = ?',
    )
    this.qOfRun = db.prepare<[string], HeldRow>(
      'SELECT h.*, o.run_id FROM outbox_held h JOIN outbox o USING (op_id) WHERE o.run_id = ? ORDER BY o.seq',
    )
    this.qCancelRuns = db.prepare<[{ runs: string; at: string }]>(
      `UPDATE outbox SET status = 'cancelled', updated_at = @at
       WHERE status = 'blocked' AND run_id IN (SELECT value FROM json_each(@runs))
         AND op_id IN (SELECT op_id FROM outbox_held)`,
    )
  }

  /** Holds every open op (one immediate transaction); returns how many. */
  holdOpen(reason: HoldReason, source: string | null): number {
    return this.db
      .transaction(() => {
        const at = this.now().toISOString()
        this.qHoldRows.run({ reason, at, source })
        const error = JSON.stringify({ code: HOLD_CODES[reason], heldAt: at, ...(source ? { source } : {}) })
        return this.qBlockOpen.run({ at, error }).changes
      })
      .immediate()
  }

  get(opId: string): HeldOp | undefined {
    const r = this.qGet.get(opId)
    return r ? toHeld(r) : undefined
  }

  ofRun(runId: string): HeldOp[] {
    return this.qOfRun.all(runId).map(toHeld)
  }

  /** A new plan of the same draft was queued: the held ops of its earlier runs are cancelled. */
  cancelInRuns(runIds: readonly string[]): number {
    if (runIds.length === 0) return 0
    return this.qCancelRuns.run({ runs: JSON.stringify(runIds), at: this.now().toISOString() }).changes
  }
}
