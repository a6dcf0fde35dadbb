import type { CloudClients, ConcurrencyLimiter } from '../cloud'
import { INITIAL_WINDOW } from '../cloud/pacing'

/** The hard cap on ops in flight when none is given: a safety bound, not a setting to tune. */
export const MAX_IN_FLIGHT_CEILING = 64
/**
 * Ops claimed beyond the endpoint's window, so that one is always queued at the limiter when a slot frees: at least
 * two, and half the window more, because an op also spends time outside its request (claimed, its outcome waiting
 * for the group commit): measured at 50 ms latency, an op's turn is about 1.5 times its request's round trip.
 */
const QUEUED_AHEAD = 2
const TRACE_MAX = 5_000

/**
 * The worker's in-flight window. It follows the AIMD window the endpoints' limiters learn (core/cloud/pacing.ts):
 * it shrinks at once when the service throttles and grows back as answers come, so at default settings the worker
 * claims about what the cloud takes, no more (every op claimed is in flight in the database: a crash re-sends it,
 * a cancel cannot take it back).
 */
export class InFlightWindow {
  private readonly limiters = new Set<ConcurrencyLimiter>()
  private readonly points: Array<{ at: number; window: number }> = []
  private last = 0

  constructor(
    private readonly ceiling = MAX_IN_FLIGHT_CEILING,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** The endpoints an op was sent to (their limiters teach the window). */
  sentWith(clients: CloudClients): void {
    this.limiters.add(clients.limiterFor('pai'))
    this.limiters.add(clients.limiterFor('eventBridge'))
  }

  /** Ops allowed in flight now; each change is kept in the trace. */
  get size(): number {
    let w = 0
    for (const l of this.limiters) w = Math.max(w, l.max)
    const size = Math.max(
      1,
      Math.min(this.ceiling, w === 0 ? INITIAL_WINDOW : w + Math.max(QUEUED_AHEAD, Math.ceil(w / 2))),
    )
    if (size !== this.last) {
      this.last = size
      this.points.push({ at: this.now(), window: size })
      if (this.points.length > TRACE_MAX) this.points.splice(0, this.points.length - TRACE_MAX)
    }
    return size
  }

  /** The window's changes (performance.now() ms), oldest first: what the benchmark prints. */
  trace(): Array<{ at: number; window: number }> {
    return [...this.points]
  }
}
