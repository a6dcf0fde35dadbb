import type { WorkerLease, LeaseHolder } from './worker-lease'

/** Who sends this data directory's outbox, as the status views show it. */
export interface SenderState {
  /** This process holds the lease. */
  here: boolean
  /** The holder (this process or another), when one holds it; null when nobody sends right now. */
  holder: LeaseHolder | null
}

/**
 * Becoming the one sender of a data directory: take the worker lease now if it is free, else keep trying every
 * `retryMs` (the holder may quit: the desktop app takes over from a CLI `apply` when it ends, a CLI run waiting on
 * the app's queue takes over if the app quits). Nothing is re-queued or claimed before `onAcquired` runs.
 */
export class Sender {
  private timer: NodeJS.Timeout | null = null

  constructor(
    private readonly lease: WorkerLease,
    private readonly onAcquired: () => void,
    private readonly retryMs: number,
    private readonly log?: { warn(msg: string, f?: Record<string, unknown>): void },
  ) {}

  get held(): boolean {
    return this.lease.held
  }

  /** Takes the lease, or starts waiting for it; true when this process sends now. */
  want(): boolean {
    if (this.lease.held) return true
    if (this.attempt()) return true
    if (!this.timer) {
      // unref: waiting for the lease never keeps a process (the CLI) alive
      this.timer = setInterval(() => void this.attempt(), this.retryMs).unref()
    }
    return false
  }

  state(): SenderState {
    try {
      return this.lease.holder()
    } catch (err) {
      this.log?.warn('worker lease unreadable', { error: err instanceof Error ? err.message : String(err) })
      return { here: this.lease.held, holder: null }
    }
  }

  /** Stops waiting and gives the lease back (after the worker stopped). */
  release(): void {
    this.stopWaiting()
    this.lease.release()
  }

  private stopWaiting(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
  }

  private attempt(): boolean {
    let got = false
    try {
      got = this.lease.tryAcquire()
    } catch (err) {
      this.log?.warn('worker lease failed', { error: err instanceof Error ? err.message : String(err) })
    }
    if (!got) return false
    this.stopWaiting()
    this.onAcquired()
    return true
  }
}
