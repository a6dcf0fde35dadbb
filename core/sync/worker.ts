import { AppError } from '@shared/ipc/errors'
import type { EventName, EventPayload } from '@shared/ipc/events'
import type { CloudClients } from '../cloud'
import type { OutboxOp, Store } from '../store'
import { executeOp, type ExecResult } from './ops/execute'

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
const OFFLINE = new Set(['CLOUD_NETWORK', 'CLOUD_TIMEOUT'])

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

interface Completion {
  op: OutboxOp
  ok?: ExecResult
  error?: OpError
  retryAfter?: number
  status?: string
}

export interface WorkerDeps {
  store: Store
  clientsFor(profileId: string): Promise<CloudClients>
  secret(profileId: string, ref: string): Promise<string | null>
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void
  log?: { warn(msg: string, f?: Record<string, unknown>): void; info(msg: string, f?: Record<string, unknown>): void }
  /** Ops sent at once (each call also waits for the endpoint's limiter). Default 8. */
  maxInFlight?: number
  /** Shortest time between two outbox commits while ops are in flight (group commit). Default 15 ms. */
  commitIntervalMs?: number
  /** Polling interval for async cloud work (workspace INITIALIZING, role jobs). Default 500 ms. */
  pollMs?: number
  /** Backoff between tries of a queued op: base * 2^(attempt-1), capped, with jitter. */
  backoff?: { baseMs: number; maxMs: number }
  /** Runs in the transaction that marks the op done (e.g. moves a new workspace's draft to its id). */
  afterDone?(op: OutboxOp, result: ExecResult['result']): void
  /** Called once no op of the run is pending or in flight (the drift check). */
  onRunSettled?(runId: string): Promise<void>
  random?: () => number
}

/**
 * Sends the outbox: claims ready ops (pending, due, every dependency done) up to the in-flight cap,
 * sends each, and records the outcome durably. Retryable failures go back to pending with a backoff
 * (throttling waits at least `x-acs-retry-after`); others fail the op, and its dependants become
 * blocked while unrelated ops continue. Nothing is lost on a crash: in-flight ops are re-queued at
 * start (`resume`), and creates look their object up before a re-send.
 */
export class OutboxWorker {
  private running = false
  private claiming = false
  private loopDone: Promise<void> | null = null
  private readonly inflight = new Map<string, Promise<void>>()
  private readonly completed: Completion[] = []
  private lastCommit = 0
  private readonly commitMs: number
  private wake: (() => void) | null = null
  private online = true
  private readonly settling = new Set<string>()
  private readonly settleAgain = new Set<string>()
  private readonly max: number
  private readonly backoff: { baseMs: number; maxMs: number }
  private readonly random: () => number

  constructor(private readonly d: WorkerDeps) {
    this.max = d.maxInFlight ?? 8
    this.commitMs = d.commitIntervalMs ?? 15
    this.backoff = d.backoff ?? { baseMs: 500, maxMs: 30_000 }
    this.random = d.random ?? Math.random
  }

  get isOnline(): boolean {
    return this.online
  }

  /** Re-queues ops a previous process left in flight, then starts sending. */
  start(): void {
    if (this.running) return
    const n = this.d.store.outbox.requeueInFlight()
    if (n > 0) this.d.log?.info('outbox resumed', { requeued: n })
    this.running = true
    this.claiming = true
    this.loopDone = this.loop()
  }

  /** Stops claiming; waits (up to `graceMs`) for ops in flight. Unfinished ones resume next start. */
  async stop(graceMs = 5_000): Promise<void> {
    this.claiming = false
    this.kick()
    await Promise.race([
      Promise.allSettled([...this.inflight.values()]),
      new Promise((r) => setTimeout(r, graceMs).unref()),
    ])
    this.running = false
    this.kick()
    await this.loopDone
  }

  /** Something was queued or finished: look for work now. */
  kick(): void {
    const w = this.wake
    this.wake = null
    w?.()
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      // unref: an idle worker never keeps the process (e.g. the CLI) alive
      const t = setTimeout(() => {
        this.wake = null
        resolve()
      }, ms).unref()
      this.wake = () => {
        clearTimeout(t)
        resolve()
      }
    })
  }

  private async loop(): Promise<void> {
    while (this.running || this.completed.length > 0) {
      let free = this.running && this.claiming ? this.max - this.inflight.size : 0
      let claimed: OutboxOp[] = []
      let flushed: Completion[] = []
      if (this.completed.length > 0 || free > 0) {
        // Let outcomes gather for a few ms while others are in flight: fewer commits (each one fsyncs).
        const since = Date.now() - this.lastCommit
        if (this.inflight.size > 0 && since < this.commitMs)
          await new Promise((r) => setTimeout(r, this.commitMs - since))
        this.lastCommit = Date.now()
        free = this.running && this.claiming ? this.max - this.inflight.size : 0
        try {
          // Group commit: the outcomes gathered since the last turn and the next claim in ONE transaction
          // (one fsync). A crash before it commits leaves those ops in flight: they are re-sent at the next
          // start, and a create looks its object up first, so nothing is sent twice.
          ;({ claimed, flushed } = this.d.store.transaction(() => ({
            flushed: this.flush(),
            claimed: free > 0 ? this.d.store.outbox.claim({ limit: free }) : [],
          })))
        } catch (err) {
          this.d.log?.warn('outbox write failed', { error: err instanceof Error ? err.message : String(err) })
          if (!this.d.store.isOpen) return
        }
        for (const op of claimed) {
          const p = this.send(op).finally(() => {
            this.inflight.delete(op.opId)
            this.kick()
          })
          this.inflight.set(op.opId, p)
        }
        if (flushed.length > 0) await this.afterFlush(flushed)
      }
      if (!this.running && this.completed.length === 0) break
      if ((claimed.length > 0 && this.inflight.size < this.max) || this.completed.length > 0) continue
      await this.sleep(this.inflight.size > 0 ? 250 : 100)
    }
  }

  private setOnline(online: boolean): void {
    if (this.online === online) return
    this.online = online
    this.d.emit('net.status', { online })
  }

  private workspaceIdFor(op: OutboxOp): string | undefined {
    for (const dep of op.dependsOn) {
      const d = this.d.store.outbox.get(dep)
      if (d?.kind === 'workspace.create' && d.result && typeof d.result === 'object') {
        const id = (d.result as { workspaceId?: unknown }).workspaceId
        if (typeof id === 'string') return id
      }
    }
    return undefined
  }

  /** Sends one op; its outcome is recorded by the next group commit. */
  private async send(op: OutboxOp): Promise<void> {
    try {
      const clients = await this.d.clientsFor(op.profileId)
      const res = await executeOp(op.kind, op.payload, {
        clients,
        attempt: op.attempts,
        workspaceId: this.workspaceIdFor(op),
        secret: (ref) => this.d.secret(op.profileId, ref),
        pollMs: this.d.pollMs ?? 500,
      })
      this.setOnline(true)
      this.completed.push({ op, ok: res })
    } catch (err) {
      const e = opErrorOf(err)
      this.setOnline(!OFFLINE.has(e.code))
      const retryAfter =
        err instanceof AppError ? ((err.details as { retryAfterMs?: number } | undefined)?.retryAfterMs ?? 0) : 0
      this.completed.push({ op, error: e, retryAfter })
    }
  }

  /** Writes the gathered outcomes (inside the caller's transaction). */
  private flush(): Completion[] {
    const store = this.d.store
    const batch = this.completed.splice(0)
    for (const c of batch) {
      const op = c.op
      if (c.ok) {
        store.outbox.markDone(op.opId, {
          requestId: c.ok.requestId ?? null,
          ...(c.ok.result === undefined ? {} : { result: c.ok.result }),
        })
        this.d.afterDone?.(op, c.ok.result)
        c.status = 'done'
      } else if (c.error && RETRYABLE.has(c.error.code)) {
        const exp = Math.min(this.backoff.maxMs, this.backoff.baseMs * 2 ** Math.max(0, Math.min(op.attempts - 1, 16)))
        const delay = Math.max(c.retryAfter ?? 0, Math.floor(exp * (0.5 + this.random() / 2)))
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
    return batch
  }

  /** Progress per run touched, and the settle hook of runs with nothing left pending or in flight. */
  private async afterFlush(batch: Completion[]): Promise<void> {
    const store = this.d.store
    const byRun = new Map<string, Completion>()
    for (const c of batch) byRun.set(c.op.runId, c)
    for (const [runId, last] of byRun) {
      if (!store.isOpen) return
      const counts = store.outbox.counts({ runId })
      const total = Object.values(counts).reduce((a, b) => a + b, 0)
      const finished = counts.done + counts.failed + counts.cancelled + counts.blocked
      this.d.emit('sync.progress', {
        runId,
        opId: last.op.opId,
        status: last.status ?? 'unknown',
        done: finished,
        total,
        ...(last.error ? { message: last.error.code } : {}),
      })
      if (counts.pending === 0 && counts.in_flight === 0) void this.settle(runId)
    }
  }

  /**
   * Runs the run's settle hook, one at a time per run (it is idempotent, and a settled run skips it). Asked
   * again while it runs (a retried op of the run finished meanwhile), it runs once more afterwards.
   */
  async settle(runId: string): Promise<void> {
    if (!this.d.onRunSettled) return
    if (this.settling.has(runId)) {
      this.settleAgain.add(runId)
      return
    }
    this.settling.add(runId)
    try {
      do {
        this.settleAgain.delete(runId)
        try {
          await this.d.onRunSettled(runId)
        } catch (err) {
          this.d.log?.warn('run settle failed', { runId, error: err instanceof Error ? err.message : String(err) })
        }
      } while (this.settleAgain.has(runId))
    } finally {
      this.settling.delete(runId)
    }
  }
}
