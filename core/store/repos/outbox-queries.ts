import type { Db } from '../database'
import { OP_STATUSES, toOp, type OpStatus, type OutboxOp, type Row } from './outbox-rows'

interface OutboxListQuery {
  runId?: string
  profileId?: string
  status?: OpStatus
  limit?: number
  offset?: number
}

/** Lists and counts of the outbox (status screens, run status, the profile-removal guard). */
export class OutboxQueries {
  private readonly qList
  private readonly qCounts
  private readonly qOpenForProfile

  constructor(db: Db) {
    this.qList = db.prepare<
      [{ runId: string | null; profileId: string | null; status: string | null; limit: number; offset: number }],
      Row
    >(
      `SELECT * FROM outbox
       WHERE (@runId IS NULL OR run_id = @runId) AND (@profileId IS NULL OR profile_id = @profileId)
         AND (@status IS NULL OR status = @status)
       ORDER BY seq LIMIT @limit OFFSET @offset`,
    )
    this.qCounts = db.prepare<[{ runId: string | null }], { status: OpStatus; n: number }>(
      'SELECT status, count(*) AS n FROM outbox WHERE (@runId IS NULL OR run_id = @runId) GROUP BY status',
    )
    this.qOpenForProfile = db
      .prepare<[string], number>(
        "SELECT count(*) FROM outbox WHERE profile_id = ? AND status IN ('pending', 'in_flight', 'blocked')",
      )
      .pluck()
  }

  list(q: OutboxListQuery = {}): OutboxOp[] {
    return this.qList
      .all({
        runId: q.runId ?? null,
        profileId: q.profileId ?? null,
        status: q.status ?? null,
        limit: Math.max(1, Math.trunc(q.limit ?? 100)),
        offset: Math.max(0, Math.trunc(q.offset ?? 0)),
      })
      .map(toOp)
  }

  counts(q: { runId?: string } = {}): Record<OpStatus, number> {
    const out = Object.fromEntries(OP_STATUSES.map((s) => [s, 0])) as Record<OpStatus, number>
    for (const r of this.qCounts.all({ runId: q.runId ?? null })) out[r.status] = r.n
    return out
  }

  /** Ops of the profile that are not finished (pending, in_flight, blocked). */
  openCount(profileId: string): number {
    return this.qOpenForProfile.get(profileId) as number
  }
}
