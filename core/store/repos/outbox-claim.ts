import type { Db } from '../database'
import type { OpReader, OutboxOp, Row } from './outbox-rows'

/** Taking ready ops to send (pending, due, every dependency done), and giving back those a crash left in flight. */
export class OutboxClaim {
  private readonly qClaimable
  private readonly qClaim
  private readonly qRequeue
  private readonly qInFlight

  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
    private readonly reader: OpReader,
  ) {
    this.qClaimable = db.prepare<[{ now: string; runId: string | null; profileId: string | null; limit: number }], Row>(
      `SELECT * FROM outbox o
       WHERE status = 'pending'
         AND (next_attempt_at IS NULL OR next_attempt_at <= @now)
         AND (@runId IS NULL OR run_id = @runId)
         AND (@profileId IS NULL OR profile_id = @profileId)
         AND NOT EXISTS (
           SELECT 1 FROM json_each(o.depends_on) d LEFT JOIN outbox p ON p.op_id = d.value
           WHERE p.status IS NOT 'done')
       ORDER BY seq LIMIT @limit`,
    )
    this.qClaim = db.prepare<[string, string]>(
      "UPDATE outbox SET status = 'in_flight', attempts = attempts + 1, updated_at = ? WHERE op_id = ? AND status = 'pending'",
    )
    this.qInFlight = db.prepare<[], { op_id: string; updated_at: string }>(
      "SELECT op_id, updated_at FROM outbox WHERE status = 'in_flight'",
    )
    this.qRequeue = db.prepare<[{ opId: string; at: string; notBefore: string | null }]>(
      "UPDATE outbox SET status = 'pending', updated_at = @at, next_attempt_at = @notBefore WHERE op_id = @opId AND status = 'in_flight'",
    )
  }

  /** Moves up to `limit` ready ops to in_flight (attempts + 1) and returns them, in seq order. */
  claim(opts: { limit?: number; runId?: string; profileId?: string; now?: Date } = {}): OutboxOp[] {
    const now = (opts.now ?? this.now()).toISOString()
    return this.db
      .transaction(() => {
        const rows = this.qClaimable.all({
          now,
          runId: opts.runId ?? null,
          profileId: opts.profileId ?? null,
          limit: opts.limit ?? 1,
        })
        for (const r of rows) this.qClaim.run(now, r.op_id)
        return rows.map((r) => this.reader.mustGet(r.op_id))
      })
      .immediate()
  }

  /**
   * Ops a sender that is gone left in_flight go back to pending (only the new holder of the worker lease calls
   * this). Their requests may still be on their way or in the server, so each waits until `graceMs` after it was
   * claimed (sent) before it is sent again: by then an answer the old sender was waiting for would have come or
   * timed out, and the resend's look-up by natural key (the sync area reconciles first: `attempts > 1`) sees what
   * the server did with it. An op claimed longer ago than that goes at once.
   */
  requeueInFlight(opts: { graceMs?: number } = {}): number {
    const now = this.now()
    const grace = opts.graceMs ?? 0
    return this.db
      .transaction(() => {
        let n = 0
        for (const r of this.qInFlight.all()) {
          const due = Date.parse(r.updated_at) + grace
          const notBefore = Number.isFinite(due) && due > now.getTime() ? new Date(due).toISOString() : null
          n += this.qRequeue.run({ opId: r.op_id, at: now.toISOString(), notBefore }).changes
        }
        return n
      })
      .immediate()
  }
}
