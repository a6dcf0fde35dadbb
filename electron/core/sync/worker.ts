import { AppError } from '@shared/ipc/errors'
import type { EventName, EventPayload } from '@shared/ipc/events'
import type { CloudClients } from '../cloud'
import type { OutboxOp, Store } from '../store'
import { executeOp, type ExecResult } from './ops/execute'

/** Codes after which an op stays queued and is tried again later (PowerSync's "throw on network/5xx"). */
export const RETRYABLE = new Set(['CLOUD_THROTTLED', 'CLOUD_SERVER', 'CLOUD_NETWORK', 'CLOUD_TIMEOUT', 'CLOUD_ANSWER_LOST', 'CLOUD_BAD_RESPONSE', 'CLOUD_ROLE_JOB_TIMEOUT', 'SYNC_WORKSPACE_NOT_READY', 'KEYCHAIN_UNAVAILABLE'])
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

export interface WorkerDeps {
  store: Store
  clientsFor(profileId: string): Promise<CloudClients>
  secret(profileId: string, ref: string): Promise<string | null>
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void
  log?: { warn(msg: string, f?: Record<string, unknown>): void; info(msg: string, f?: Record<string, unknown>): void }
  /** Ops sent at once (each call also waits for the endpoint's limiter). Default 8. */
  maxInFlight?: number
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
  private loopDone: Promise<void> | null = null
  private readonly inflight = new Map<string, Promise<void>>()
  private wake: (() => void) | null = null
  private online = true
  private readonly settling = new Set<string>()
  private readonly max: number
  private readonly backoff: { baseMs: number; maxMs: number }
  private readonly random: () => number

  constructor(private readonly d: WorkerDeps) {
    this.max = d.maxInFlight ?? 8
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
    this.loopDone = this.loop()
  }

  /** Stops claiming; waits (up to `graceMs`) for ops in flight. Unfinished ones resume next start. */
  async stop(graceMs = 5_000): Promise<void> {
    this.running = false
    this.kick()
    await this.loopDone
    await Promise.race([Promise.allSettled([...this.inflight.values()]), new Promise((r) => setTimeout(r, graceMs).unref())])
  }

  /** Something was queued or finished: look for work now. */
  kick(): void {
    const w = this.wake
    this.wake = null
    w?.()
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        this.wake = null
        resolve()
      }, ms)
      this.wake = () => {
        clearTimeout(t)
        resolve()
      }
    })
  }

  private async loop(): Promise<void> {
    while (this.running) {
      const free = this.max - this.inflight.size
      let claimed: OutboxOp[] = []
      if (free > 0) {
        try {
          claimed = this.d.store.outbox.claim({ limit: free })
        } catch (err) {
          this.d.log?.warn('outbox claim failed', { error: err instanceof Error ? err.message : String(err) })
        }
        for (const op of claimed) {
          const p = this.send(op).finally(() => {
            this.inflight.delete(op.opId)
            this.kick()
          })
          this.inflight.set(op.opId, p)
        }
      }
      if (claimed.length > 0 && this.inflight.size < this.max) continue
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

  private async send(op: OutboxOp): Promise<void> {
    const store = this.d.store
    let outcome: { status: string; error?: OpError; requestId?: string }
    try {
      const clients = await this.d.clientsFor(op.profileId)
      const res = await executeOp(op.kind, op.payload, {
        clients,
        attempt: op.attempts,
        workspaceId: this.workspaceIdFor(op),
        secret: (ref) => this.d.secret(op.profileId, ref),
        pollMs: this.d.pollMs ?? 500,
      })
      store.transaction(() => {
        store.outbox.markDone(op.opId, { requestId: res.requestId ?? null, ...(res.result === undefined ? {} : { result: res.result }) })
        this.d.afterDone?.(op, res.result)
      })
      this.setOnline(true)
      outcome = { status: 'done' }
      store.activity.add({ profileId: op.profileId, workspace: op.workspaceKey, action: op.kind, result: 'ok', details: { opId: op.opId, runId: op.runId, result: res.result ?? null } })
    } catch (err) {
      const e = opErrorOf(err)
      if (!store.isOpen) return
      try {
        if (RETRYABLE.has(e.code)) {
          if (OFFLINE.has(e.code)) this.setOnline(false)
          else this.setOnline(true)
          const retryAfter = err instanceof AppError ? ((err.details as { retryAfterMs?: number } | undefined)?.retryAfterMs ?? 0) : 0
          const exp = Math.min(this.backoff.maxMs, this.backoff.baseMs * 2 ** Math.max(0, Math.min(op.attempts - 1, 16)))
          const delay = Math.max(retryAfter, Math.floor(exp * (0.5 + this.random() / 2)))
          store.outbox.markRetry(op.opId, { error: e, nextAttemptAt: new Date(Date.now() + delay), requestId: e.requestId ?? null })
          outcome = { status: 'retry', error: e }
        } else {
          this.setOnline(true)
          store.outbox.markFailed(op.opId, { error: e, requestId: e.requestId ?? null })
          outcome = { status: 'failed', error: e }
          store.activity.add({ profileId: op.profileId, workspace: op.workspaceKey, action: op.kind, result: 'failed', requestId: e.requestId ?? null, details: { opId: op.opId, runId: op.runId, error: e } })
        }
      } catch (inner) {
        this.d.log?.warn('outbox mark failed', { opId: op.opId, error: inner instanceof Error ? inner.message : String(inner) })
        return
      }
    }
    if (!store.isOpen) return
    const counts = store.outbox.counts({ runId: op.runId })
    const total = Object.values(counts).reduce((a, b) => a + b, 0)
    const finished = counts.done + counts.failed + counts.cancelled + counts.blocked
    this.d.emit('sync.progress', { runId: op.runId, opId: op.opId, status: outcome.status, done: finished, total, ...(outcome.error ? { message: outcome.error.code } : {}) })
    if (counts.pending === 0 && counts.in_flight === 0) await this.settle(op.runId)
  }

  /** Runs the run's settle hook once per process (it is idempotent across restarts). */
  async settle(runId: string): Promise<void> {
    if (this.settling.has(runId) || !this.d.onRunSettled) return
    this.settling.add(runId)
    try {
      await this.d.onRunSettled(runId)
    } catch (err) {
      this.d.log?.warn('run settle failed', { runId, error: err instanceof Error ? err.message : String(err) })
      this.settling.delete(runId)
    }
  }
}
