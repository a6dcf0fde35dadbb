import { AppError } from '@shared/ipc/errors'
import type { OutboxOp, Store } from '../store'
import type { ExecResult } from './ops/execute'

/** Codes after which an op stays queued and is tried again later (PowerSync's "throw on network/5xx"). */
export const RETRYABLE = new Set([
  'CLOUD_THROTTLED',
  'CLOUD_SERVER',
  'CLOUD_NETWORK',
  'CLOUD_TIMEOUT',
  'CLOUD_ANSWER_LOST',
  'CLOUD_BAD_RESPONSE',
  'CLOUD_ROLE_JOB_TIMEOUT',
  'SYNC_WORKSPACE_NOT_READY',
  'KEYCHAIN_UNAVAILABLE',
])
export const OFFLINE = new Set(['CLOUD_NETWORK', 'CLOUD_TIMEOUT'])

export interface OpError {
  code: string
  message?: string
  requestId?: string
  ruleId?: string
  params?: Record<string, unknown>
}

export function opErrorOf(err: unknown): OpError {
  if (err instanceof AppError) {
    const d = (err.details ?? {}) as { requestId?: string }
    const out: OpError = { code: err.code, params: err.params }
    if (d.requestId) out.requestId = d.requestId
    if (err.ruleId) out.ruleId = err.ruleId
    return out
  }
  return { code: 'INTERNAL', message: err instanceof Error ? err.message : String(err) }
}

export interface Completion {
  op: OutboxOp
  ok?: ExecResult
  error?: OpError
  retryAfter?: number
  status?: string
  /** Commits in which writing this outcome failed on its own (not the whole commit). */
  recordFailures?: number
}

/** Tries to write one outcome before giving up on it (see `record`). */
const RECORD_TRIES = 3
/** Errors meaning the op is no longer in flight here: its outcome has no row to go to. */
const GONE = new Set(['OUTBOX_BAD_TRANSITION', 'OUTBOX_OP_NOT_FOUND'])

/** better-sqlite3's SqliteError other than a constraint: a problem of the database, not of one outcome. */
function isStorageError(err: unknown): boolean {
  if (!(err instanceof Error) || err.name !== 'SqliteError') return false
  return !String((err as { code?: unknown }).code ?? '').startsWith('SQLITE_CONSTRAINT')
}

/** What writing outcomes needs. */
interface OutcomeDeps {
  store: Store
  log?: { warn(msg: string, f?: Record<string, unknown>): void; info?(msg: string, f?: Record<string, unknown>): void }
  backoff: { baseMs: number; maxMs: number }
  random: () => number
  afterDone?(op: OutboxOp, result: ExecResult['result']): void
}

/** Writes the outcomes of sent ops to the outbox (the worker calls it inside each group commit). */
export class OutcomeWriter {
  constructor(private readonly d: OutcomeDeps) {}

  /**
   * Writes the gathered outcomes (inside the caller's transaction), each in a savepoint of its own: one outcome
   * that cannot be written never rolls back the others. An op no longer in flight here (changed by another
   * process) has nowhere for its outcome to go: it is dropped, with a warning. Any other failure to write one
   * outcome is tried again in the next commits; after RECORD_TRIES, a done op is recorded done without its
   * follow-up, and other outcomes are left (the op stays in flight and is resent, reconciled, at the next start).
   */
  flush(batch: Completion[]): { flushed: Completion[]; later: Completion[] } {
    const flushed: Completion[] = []
    const later: Completion[] = []
    for (const c of batch) {
      try {
        this.d.store.transaction(() => this.record(c, (c.recordFailures ?? 0) >= RECORD_TRIES))
        flushed.push(c)
        this.logOutcome(c)
      } catch (err) {
        delete c.status
        // The database refused a write (disk full, I/O error, busy), or rolled the whole transaction back: the
        // commit fails as a whole and its outcomes wait for the next one. Only a constraint is this op's own.
        if (!this.d.store.inTransaction || isStorageError(err)) throw err
        const code = err instanceof AppError ? err.code : undefined
        const fields = { opId: c.op.opId, kind: c.op.kind, error: err instanceof Error ? err.message : String(err) }
        if (code && GONE.has(code)) {
          this.d.log?.warn('outcome dropped: the op is no longer in flight here', fields)
          continue
        }
        c.recordFailures = (c.recordFailures ?? 0) + 1
        if (c.recordFailures <= RECORD_TRIES) later.push(c)
        else this.d.log?.warn('outcome not recorded; the op resumes at the next start', fields)
      }
    }
    return { flushed, later }
  }

  /**
   * One log line per recorded outcome (done, retry later, failed), so that a log a user sends explains what happened:
   * what the op acted on, its attempt, the error's code and params with the cloud's own code, message and request ID.
   * Never the payload (the logger redacts what the vault has seen, and AccessKey IDs, in every line).
   */
  private logOutcome(c: Completion): void {
    if (!c.status || !this.d.log?.info) return
    const p = c.op.payload as { subject?: unknown } | null
    const fields: Record<string, unknown> = {
      opId: c.op.opId,
      runId: c.op.runId,
      workspace: c.op.workspaceKey,
      kind: c.op.kind,
      subject: p?.subject,
      status: c.status,
      attempts: c.op.attempts,
    }
    if (c.ok) fields.requestId = c.ok.requestId ?? null
    if (c.error) fields.error = c.error
    if (c.status === 'failed') this.d.log.warn('op outcome', fields)
    else this.d.log.info('op outcome', fields)
  }

  /** Writes one outcome. `bare`: a done op without its follow-up (`afterDone`), the last resort. */
  private record(c: Completion, bare: boolean): void {
    const store = this.d.store
    const op = c.op
    if (c.ok) {
      store.outbox.markDone(op.opId, {
        requestId: c.ok.requestId ?? null,
        ...(c.ok.result === undefined ? {} : { result: c.ok.result }),
      })
      if (!bare) this.d.afterDone?.(op, c.ok.result)
      c.status = 'done'
    } else if (c.error && RETRYABLE.has(c.error.code)) {
      const exp = Math.min(
        this.d.backoff.maxMs,
        this.d.backoff.baseMs * 2 ** Math.max(0, Math.min(op.attempts - 1, 16)),
      )
      const delay = Math.max(c.retryAfter ?? 0, Math.floor(exp * (0.5 + this.d.random() / 2)))
      store.outbox.markRetry(op.opId, {
        error: c.error,
        nextAttemptAt: new Date(Date.now() + delay),
        requestId: c.error.requestId ?? null,
      })
      c.status = 'retry'
    } else if (c.error) {
      store.outbox.markFailed(op.opId, { error: c.error, requestId: c.error.requestId ?? null })
      store.activity.add({
        profileId: op.profileId,
        workspace: op.workspaceKey,
        action: op.kind,
        result: 'failed',
        requestId: c.error.requestId ?? null,
        details: { opId: op.opId, runId: op.runId, error: c.error },
      })
      c.status = 'failed'
    }
  }
}
