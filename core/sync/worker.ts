import { AppError } from '@shared/ipc/errors'
import type { EventName, EventPayload } from '@shared/ipc/events'
import type { CloudClients } from '../cloud'
import type { OutboxOp, Store } from '../store'
import { fromDependencies } from './ops/dependencies'
import { executeOp, type ExecResult } from './ops/execute'
import { OFFLINE, OutcomeWriter, opErrorOf, type Completion } from './worker-outcomes'
import { InFlightWindow } from './worker-window'
import { ProgressCoalescer } from './progress'

export interface WorkerDeps {
  store: Store
  clientsFor(profileId: string): Promise<CloudClients>
  secret(profileId: string, ref: string): Promise<string | null>
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void
  log?: { warn(msg: string, f?: Record<string, unknown>): void; info(msg: string, f?: Record<string, unknown>): void }
  /**
   * A hard cap on ops sent at once. Without it the window follows what the endpoints' limiters learn
   * (worker-window.ts), up to a safety bound of 64.
   */
  maxInFlight?: number
  /** Shortest time between two outbox commits while ops are in flight (group commit). Default 15 ms. */
  commitIntervalMs?: number
  /** Polling interval for async cloud work (workspace INITIALIZING, role jobs). Default 500 ms. */
  pollMs?: number
  /**
   * How long after it was sent an op left in flight by a sender that is gone waits before it is sent again
   * (its request may still be in the server). Default 60 s: a create's read timeout.
   */
  inFlightGraceMs?: number
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
  /** null until the first answer or failure of this process's sync: the first one is announced (net.status). */
  private online: boolean | null = null
  private readonly settling = new Set<string>()
  private readonly settlesRunning = new Set<Promise<void>>()
  private readonly settleAgain = new Set<string>()
  /** Ops allowed in flight now (learned from the endpoints' pacing). */
  readonly window: InFlightWindow
  private readonly outcomes: OutcomeWriter
  /** sync.progress a few times a second per run, with the latest counts (progress.ts). */
  private readonly progress: ProgressCoalescer
  /** Commits that failed in a row (disk full, database locked by another process...), and when to try again. */
  private commitFailures = 0
  private nextCommitAt = 0

  constructor(private readonly d: WorkerDeps) {
    this.window = new InFlightWindow(d.maxInFlight)
    this.progress = new ProgressCoalescer((p) => d.emit('sync.progress', p))
    this.commitMs = d.commitIntervalMs ?? 15
    this.outcomes = new OutcomeWriter({
      store: d.store,
      ...(d.log ? { log: d.log } : {}),
      backoff: d.backoff ?? { baseMs: 500, maxMs: 30_000 },
      random: d.random ?? Math.random,
      ...(d.afterDone ? { afterDone: d.afterDone } : {}),
    })
  }

  get isOnline(): boolean {
    return this.online !== false
  }

  /**
   * Re-queues ops a previous sender left in flight, then starts sending. Only the holder of the worker lease
   * calls this (SyncService), so no other process can have them in flight.
   */
  start(): void {
    if (this.running) return
    const n = this.d.store.outbox.requeueInFlight({ graceMs: this.d.inFlightGraceMs ?? 60_000 })
    if (n > 0) this.d.log?.info('outbox resumed', { requeued: n })
    this.running = true
    this.claiming = true
    this.loopDone = this.loop()
  }

  /**
   * Stops claiming; waits (up to `graceMs`) for ops in flight and then for the drift checks of runs that just
   * ended (a CLI `apply` exits right after its run: its draft is still cleared). What is unfinished resumes at the
   * next start.
   */
  async stop(graceMs = 5_000): Promise<void> {
    const deadline = Date.now() + graceMs
    const until = (ps: Promise<unknown>[]): Promise<unknown> =>
      Promise.race([
        Promise.allSettled(ps),
        new Promise((r) => setTimeout(r, Math.max(0, deadline - Date.now())).unref()),
      ])
    this.claiming = false
    this.kick()
    await until([...this.inflight.values()])
    this.running = false
    this.kick()
    await this.loopDone
    this.progress.flush()
    await until([...this.settlesRunning])
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
      let free = this.running && this.claiming ? this.window.size - this.inflight.size : 0
      let claimed: OutboxOp[] = []
      let flushed: Completion[] = []
      if (Date.now() < this.nextCommitAt) {
        // The last commit failed: wait a little before writing again (the outcomes are kept meanwhile).
        await this.sleep(this.nextCommitAt - Date.now())
        continue
      }
      if (this.completed.length > 0 || free > 0) {
        // Let outcomes gather for a few ms while others are in flight: fewer commits (each one fsyncs).
        const since = Date.now() - this.lastCommit
        if (this.inflight.size > 0 && since < this.commitMs)
          await new Promise((r) => setTimeout(r, this.commitMs - since))
        this.lastCommit = Date.now()
        free = this.running && this.claiming ? this.window.size - this.inflight.size : 0
        const batch = this.completed.splice(0)
        let later: Completion[] = []
        try {
          // Group commit: the outcomes gathered since the last turn and the next claim in ONE transaction
          // (one fsync). A crash before it commits leaves those ops in flight: they are re-sent at the next
          // start, and a create looks its object up first, so nothing is sent twice.
          ;({ claimed, flushed, later } = this.d.store.transaction(() => ({
            ...this.outcomes.flush(batch),
            claimed: free > 0 ? this.d.store.outbox.claim({ limit: free }) : [],
          })))
          this.commitFailures = 0
        } catch (err) {
          // Nothing of this commit was written: its outcomes go back to the queue, in order, for the next one.
          for (const c of batch) delete c.status
          this.completed.unshift(...batch)
          this.commitFailures += 1
          this.nextCommitAt = Date.now() + Math.min(5_000, 100 * 2 ** Math.min(this.commitFailures, 6))
          this.d.log?.warn('outbox write failed; outcomes kept for the next commit', {
            error: err instanceof Error ? err.message : String(err),
            outcomes: batch.length,
            failures: this.commitFailures,
          })
          if (!this.d.store.isOpen) return
        }
        this.completed.push(...later)
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
      if ((claimed.length > 0 && this.inflight.size < this.window.size) || this.completed.length > 0) continue
      await this.sleep(this.inflight.size > 0 ? 250 : 100)
    }
  }

  private setOnline(online: boolean): void {
    if (this.online === online) return
    this.online = online
    this.d.emit('net.status', { online })
  }

  /** Sends one op; its outcome is recorded by the next group commit. */
  private async send(op: OutboxOp): Promise<void> {
    try {
      const clients = await this.d.clientsFor(op.profileId)
      this.window.sentWith(clients)
      const res = await executeOp(op.kind, op.payload, {
        clients,
        attempt: op.attempts,
        ...fromDependencies(this.d.store, op),
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

  /** Progress per run touched (coalesced), and the settle hook of runs with nothing left pending or in flight. */
  private async afterFlush(batch: Completion[]): Promise<void> {
    const store = this.d.store
    const byRun = new Map<string, Completion>()
    for (const c of batch) byRun.set(c.op.runId, c)
    for (const [runId, last] of byRun) {
      if (!store.isOpen) return
      const counts = store.outbox.counts({ runId })
      const total = Object.values(counts).reduce((a, b) => a + b, 0)
      const finished = counts.done + counts.failed + counts.cancelled + counts.blocked
      const idle = counts.pending === 0 && counts.in_flight === 0
      this.progress.push(
        {
          runId,
          opId: last.op.opId,
          status: last.status ?? 'unknown',
          done: finished,
          total,
          ...(last.error ? { message: last.error.code } : {}),
        },
        idle,
      )
      if (idle) void this.settle(runId)
    }
  }

  /** The run was reopened (a retry, a cancel): if its settle hook is running, it runs once more afterwards. */
  forget(runId: string): void {
    if (this.settling.has(runId)) this.settleAgain.add(runId)
  }

  /**
   * Runs the run's settle hook, one at a time per run (it is idempotent, and a settled run skips it). Asked
   * again while it runs (a retried op of the run finished meanwhile), it runs once more afterwards. `stop`
   * waits for the hooks running.
   */
  settle(runId: string): Promise<void> {
    const hook = this.d.onRunSettled
    if (!hook) return Promise.resolve()
    if (this.settling.has(runId)) {
      this.settleAgain.add(runId)
      return Promise.resolve()
    }
    this.settling.add(runId)
    const loop = async (): Promise<void> => {
      do {
        this.settleAgain.delete(runId)
        try {
          await hook(runId)
        } catch (err) {
          this.d.log?.warn('run settle failed', { runId, error: err instanceof Error ? err.message : String(err) })
        }
      } while (this.settleAgain.has(runId))
    }
    const p = loop().finally(() => {
      this.settling.delete(runId)
      this.settlesRunning.delete(p)
    })
    this.settlesRunning.add(p)
    return p
  }
}
