import { AppError } from '@shared/ipc/errors'
import type { Db } from '../database'
import type { OutboxQueries } from './outbox-queries'
import type { OpReader, OpStatus, OutboxOp } from './outbox-rows'

/** Every op that depends on `@opId`, directly or through others. */
const DEPENDENTS = `
  WITH RECURSIVE dep(op_id) AS (
    SELECT o.op_id FROM outbox o, json_each(o.depends_on) d WHERE d.value = @opId
    UNION
    SELECT o.op_id FROM outbox o, json_each(o.depends_on) d JOIN dep ON d.value = dep.op_id
  )`

/** Every op `@opId` depends on, directly or through others. */
const ANCESTORS = `
  WITH RECURSIVE anc(op_id) AS (
    SELECT d.value FROM outbox o, json_each(o.depends_on) d WHERE o.op_id = @opId
    UNION
    SELECT d.value FROM outbox o, json_each(o.depends_on) d JOIN anc ON o.op_id = anc.op_id
  )`

/**
 * An op's results and state changes (done, retry, failed, blocked, retried, cancelled), each checked
 * against the state it comes from (OUTBOX_BAD_TRANSITION otherwise), with the cascade to dependents.
 */
export class OutboxTransitions {
  private readonly qTransition
  private readonly qBlockDependents
  private readonly qCancelDependents
  private readonly qUnblockDependents
  private readonly qReviveAncestors

  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
    private readonly reader: OpReader,
    private readonly queries: OutboxQueries,
  ) {
    this.qTransition = db.prepare<
      [
        {
          opId: string
          to: OpStatus
          from1: OpStatus
          from2: OpStatus
          from3: OpStatus
          at: string
          nextAttemptAt: string | null
          error: string | null
          setError: number
          requestId: string | null
          result: string | null
          setResult: number
        },
      ]
    >(
      `UPDATE outbox SET status = @to, updated_at = @at, next_attempt_at = @nextAttemptAt,
         last_error_json = CASE WHEN @setError THEN @error ELSE last_error_json END,
         request_id = coalesce(@requestId, request_id),
         result_json = CASE WHEN @setResult THEN @result ELSE result_json END
       WHERE op_id = @opId AND status IN (@from1, @from2, @from3)`,
    )
    this.qBlockDependents = db.prepare<[{ opId: string; at: string; error: string }]>(
      `${DEPENDENTS}
       UPDATE outbox SET status = 'blocked', updated_at = @at, last_error_json = @error
       WHERE op_id IN (SELECT op_id FROM dep) AND status IN ('pending', 'blocked')`,
    )
    this.qCancelDependents = db.prepare<[{ opId: string; at: string }]>(
      `${DEPENDENTS}
       UPDATE outbox SET status = 'cancelled', updated_at = @at
       WHERE op_id IN (SELECT op_id FROM dep) AND status IN ('pending', 'blocked')`,
    )
    this.qUnblockDependents = db.prepare<[{ opId: string; at: string }]>(
      `${DEPENDENTS}
       UPDATE outbox SET status = 'pending', updated_at = @at, next_attempt_at = NULL
       WHERE op_id IN (SELECT op_id FROM dep) AND status = 'blocked'
         AND op_id NOT IN (SELECT op_id FROM outbox_held)`,
    )
    this.qReviveAncestors = db.prepare<[{ opId: string; at: string }]>(
      `${ANCESTORS}
       UPDATE outbox SET status = 'pending', updated_at = @at, next_attempt_at = NULL
       WHERE op_id IN (SELECT op_id FROM anc) AND status IN ('failed', 'blocked', 'cancelled')
         AND op_id NOT IN (SELECT op_id FROM outbox_held)`,
    )
  }

  /** in_flight -> done, with the request id and whatever result later ops need (e.g. a new workspace id). */
  markDone(opId: string, res: { requestId?: string | null; result?: unknown } = {}): OutboxOp {
    return this.transition(opId, ['in_flight'], 'done', {
      requestId: res.requestId ?? null,
      ...(res.result === undefined ? {} : { result: res.result }),
    })
  }

  /** in_flight -> pending again, not before `nextAttemptAt` (a retryable error: throttling, 5xx, timeout). */
  markRetry(opId: string, res: { error: unknown; nextAttemptAt: Date; requestId?: string | null }): OutboxOp {
    return this.transition(opId, ['in_flight'], 'pending', {
      error: res.error,
      nextAttemptAt: res.nextAttemptAt.toISOString(),
      requestId: res.requestId ?? null,
    })
  }

  /** in_flight -> failed (refused for good); every op depending on it becomes blocked. */
  markFailed(opId: string, res: { error: unknown; requestId?: string | null }): { op: OutboxOp; blocked: number } {
    return this.db
      .transaction(() => {
        const op = this.transition(opId, ['in_flight'], 'failed', {
          error: res.error,
          requestId: res.requestId ?? null,
        })
        const blocked = this.blockDependents(opId)
        return { op, blocked }
      })
      .immediate()
  }

  /** pending or in_flight -> blocked (needs the user: a conflict, a missing secret); dependents too. */
  markBlocked(opId: string, res: { error: unknown }): { op: OutboxOp; blocked: number } {
    return this.db
      .transaction(() => {
        const op = this.transition(opId, ['pending', 'in_flight'], 'blocked', { error: res.error })
        return { op, blocked: this.blockDependents(opId) }
      })
      .immediate()
  }

  /**
   * failed, blocked or cancelled -> pending (the user asked to try again), with what it needs and what waits for
   * it: the ops it depends on that failed, were blocked or cancelled (a blocked op cannot run before them) and its
   * blocked dependents. Returns the op and how many ops became pending in all.
   */
  retry(opId: string): { op: OutboxOp; retried: number } {
    return this.db
      .transaction(() => {
        const at = this.now().toISOString()
        const op = this.transition(opId, ['failed', 'blocked', 'cancelled'], 'pending', {})
        const before = this.qReviveAncestors.run({ opId, at }).changes
        const after = this.qUnblockDependents.run({ opId, at }).changes
        return { op, retried: 1 + before + after }
      })
      .immediate()
  }

  /** pending or blocked -> cancelled, with everything that depends on it. In-flight ops cannot be cancelled. */
  cancel(opId: string): { op: OutboxOp; cancelled: number } {
    return this.db
      .transaction(() => {
        const op = this.transition(opId, ['pending', 'blocked'], 'cancelled', {})
        const n = this.qCancelDependents.run({ opId, at: this.now().toISOString() }).changes
        return { op, cancelled: n + 1 }
      })
      .immediate()
  }

  /** Cancels every pending or blocked op of a run. */
  cancelRun(runId: string): number {
    return this.db
      .transaction(() => {
        let n = 0
        for (const op of this.queries.list({ runId, limit: Number.MAX_SAFE_INTEGER })) {
          if (op.status === 'pending' || op.status === 'blocked') {
            const cur = this.reader.mustGet(op.opId)
            if (cur.status === 'pending' || cur.status === 'blocked') n += this.cancel(op.opId).cancelled
          }
        }
        return n
      })
      .immediate()
  }

  private blockDependents(opId: string): number {
    return this.qBlockDependents.run({
      opId,
      at: this.now().toISOString(),
      error: JSON.stringify({ code: 'DEPENDENCY_FAILED', opId }),
    }).changes
  }

  private transition(
    opId: string,
    from: readonly OpStatus[],
    to: OpStatus,
    set: { error?: unknown; nextAttemptAt?: string; requestId?: string | null; result?: unknown },
  ): OutboxOp {
    const changes = this.qTransition.run({
      opId,
      to,
      from1: from[0]!,
      from2: from[1] ?? from[0]!,
      from3: from[2] ?? from[0]!,
      at: this.now().toISOString(),
      nextAttemptAt: set.nextAttemptAt ?? null,
      error: set.error === undefined ? null : JSON.stringify(set.error),
      setError: set.error === undefined ? 0 : 1,
      requestId: set.requestId ?? null,
      result: set.result === undefined ? null : JSON.stringify(set.result),
      setResult: set.result === undefined ? 0 : 1,
    }).changes
    if (changes === 0) {
      const cur = this.reader.mustGet(opId)
      throw new AppError('OUTBOX_BAD_TRANSITION', { params: { opId, status: cur.status, to } })
    }
    return this.reader.mustGet(opId)
  }
}
