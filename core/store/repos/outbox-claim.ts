import type { Db } from '../database'
import type { OpReader, OutboxOp, Row } from './outbox-rows'

/** Taking ready ops to send (pending, due, every dependency done), and giving back those a crash left in flight. */
export class OutboxClaim {
  private readonly qClaimable
  private readonly qClaim
  private readonly qRequeue

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
    this.qRequeue = db.prepare<[string]>(
      "UPDATE outbox SET status = 'pending', updated_at = ? WHERE status = 'in_flight'",
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
   * After a crash, ops left in_flight go back to pending. Safe because each retry sends the same
   * client token (or the sync area reconciles first for APIs without one).
   */
  requeueInFlight(): number {
    return this.qRequeue.run(this.now().toISOString()).changes
  }
}
