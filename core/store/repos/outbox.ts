import { AppError } from '@shared/ipc/errors'
import type { Db } from '../database'
import { newId } from '../ids'

export const OP_STATUSES = ['pending', 'in_flight', 'done', 'failed', 'blocked', 'cancelled'] as const
export type OpStatus = (typeof OP_STATUSES)[number]

export interface NewOp {
  /** Default: a new ULID-like id. */
  opId?: string
  profileId: string
  workspaceKey: string
  /** What to do, e.g. "workspace.create", "member.addRole" (the sync area names them). */
  kind: string
  payload: unknown
  /** Ops (in this batch, earlier, or already queued) that must be `done` first. */
  dependsOn?: readonly string[]
  /** Sent as ClientToken on every retry, so a create is never duplicated (D5). Default: the op id. */
  clientToken?: string
}

export interface OutboxOp {
  opId: string
  runId: string
  profileId: string
  workspaceKey: string
  seq: number
  dependsOn: string[]
  kind: string
  payload: unknown
  clientToken: string
  status: OpStatus
  attempts: number
  nextAttemptAt: string | null
  lastError: unknown
  requestId: string | null
  result: unknown
  createdAt: string
  updatedAt: string
}

interface Row {
  op_id: string
  run_id: string
  profile_id: string
  workspace_key: string
  seq: number
  depends_on: string
  kind: string
  payload_json: string
  client_token: string
  status: OpStatus
  attempts: number
  next_attempt_at: string | null
  last_error_json: string | null
  request_id: string | null
  result_json: string | null
  created_at: string
  updated_at: string
}

function parse(text: string | null): unknown {
  if (text === null) return null
  try {
    return JSON.parse(text) as unknown
  } catch {
    return { invalidJson: text }
  }
}

function toOp(r: Row): OutboxOp {
  const deps = parse(r.depends_on)
  return {
    opId: r.op_id,
    runId: r.run_id,
    profileId: r.profile_id,
    workspaceKey: r.workspace_key,
    seq: r.seq,
    dependsOn: Array.isArray(deps) ? deps.map(String) : [],
    kind: r.kind,
    payload: parse(r.payload_json),
    clientToken: r.client_token,
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    lastError: parse(r.last_error_json),
    requestId: r.request_id,
    result: parse(r.result_json),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }
}

/** Every op that depends on `@opId`, directly or through others. */
const DEPENDENTS = `
  WITH RECURSIVE dep(op_id) AS (
    SELECT o.op_id FROM outbox o, json_each(o.depends_on) d WHERE d.value = @opId
    UNION
    SELECT o.op_id FROM outbox o, json_each(o.depends_on) d JOIN dep ON d.value = dep.op_id
  )`

/**
 * The durable queue of operations to send to the cloud. Enqueue is one transaction per batch; a
 * claim moves ready ops (pending, due, every dependency done) to in_flight in one immediate transaction,
 * so two processes never claim the same op.
 */
export class OutboxRepo {
  private readonly qInsert
  private readonly qMaxSeq
  private readonly qExists
  private readonly qGet
  private readonly qClaimable
  private readonly qClaim
  private readonly qTransition
  private readonly qBlockDependents
  private readonly qCancelDependents
  private readonly qUnblockDependents
  private readonly qRequeue
  private readonly qList
  private readonly qCounts
  private readonly qOpenForProfile

  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {
    this.qInsert = db.prepare(
      `INSERT INTO outbox (op_id, run_id, profile_id, workspace_key, seq, depends_on, kind, payload_json, client_token, status, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?)`,
    )
    this.qMaxSeq = db.prepare<[], number>('SELECT coalesce(max(seq), 0) FROM outbox').pluck()
    this.qExists = db.prepare<[string], number>('SELECT 1 FROM outbox WHERE op_id = ?').pluck()
    this.qGet = db.prepare<[string], Row>('SELECT * FROM outbox WHERE op_id = ?')
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
       WHERE op_id IN (SELECT op_id FROM dep) AND status = 'blocked'`,
    )
    this.qRequeue = db.prepare<[string]>(
      "UPDATE outbox SET status = 'pending', updated_at = ? WHERE status = 'in_flight'",
    )
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

  /**
   * Queues a batch in ONE transaction, in order (seq). Dependencies must name ops queued earlier in
   * the batch or before it (so there are no cycles); otherwise nothing is queued (OUTBOX_DEPENDENCY_UNKNOWN).
   */
  enqueue(ops: readonly NewOp[], opts: { runId?: string } = {}): { runId: string; ops: OutboxOp[] } {
    const runId = opts.runId ?? newId()
    const at = this.now().toISOString()
    const ids = this.db
      .transaction(() => {
        let seq = this.qMaxSeq.get() as number
        const seen = new Set<string>()
        const out: string[] = []
        for (const op of ops) {
          const opId = op.opId ?? newId()
          const deps = [...(op.dependsOn ?? [])]
          for (const d of deps) {
            if (!seen.has(d) && !this.qExists.get(d)) {
              throw new AppError('OUTBOX_DEPENDENCY_UNKNOWN', { params: { opId, dependsOn: d } })
            }
          }
          seq += 1
          this.qInsert.run(
            opId,
            runId,
            op.profileId,
            op.workspaceKey,
            seq,
            JSON.stringify(deps),
            op.kind,
            JSON.stringify(op.payload ?? null),
            op.clientToken ?? opId,
            at,
            at,
          )
          seen.add(opId)
          out.push(opId)
        }
        return out
      })
      .immediate()
    return { runId, ops: ids.map((id) => this.mustGet(id)) }
  }

  get(opId: string): OutboxOp | undefined {
    const r = this.qGet.get(opId)
    return r ? toOp(r) : undefined
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
        return rows.map((r) => this.mustGet(r.op_id))
      })
      .immediate()
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

  /** failed, blocked or cancelled -> pending (the user asked to try again); its blocked dependents too. */
  retry(opId: string): OutboxOp {
    return this.db
      .transaction(() => {
        const op = this.transition(opId, ['failed', 'blocked', 'cancelled'], 'pending', {})
        this.qUnblockDependents.run({ opId, at: this.now().toISOString() })
        return op
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
        for (const op of this.list({ runId, limit: Number.MAX_SAFE_INTEGER })) {
          if (op.status === 'pending' || op.status === 'blocked') {
            const cur = this.mustGet(op.opId)
            if (cur.status === 'pending' || cur.status === 'blocked') n += this.cancel(op.opId).cancelled
          }
        }
        return n
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

  list(q: { runId?: string; profileId?: string; status?: OpStatus; limit?: number; offset?: number } = {}): OutboxOp[] {
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

  private blockDependents(opId: string): number {
    return this.qBlockDependents.run({
      opId,
      at: this.now().toISOString(),
      error: JSON.stringify({ code: 'DEPENDENCY_FAILED', opId }),
    }).changes
  }

  private mustGet(opId: string): OutboxOp {
    const op = this.get(opId)
    if (!op) throw new AppError('OUTBOX_OP_NOT_FOUND', { params: { opId } })
    return op
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
      const cur = this.mustGet(opId)
      throw new AppError('OUTBOX_BAD_TRANSITION', { params: { opId, status: cur.status, to } })
    }
    return this.mustGet(opId)
  }
}
