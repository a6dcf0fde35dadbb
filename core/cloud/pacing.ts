/**
 * What an endpoint's limiter learns from the answers it sees, with no setting to tune:
 * - an in-flight window, AIMD: +1 per answer until the first throttling answer (slow start, and only while the
 *   round trip does not stretch beyond twice the shortest: that is queueing, not the service), then +1 per window of
 *   answers; halved on a throttling answer (once per round trip: the answers of requests sent before the last
 *   decrease do not count again), never below what the learned rate needs over the round trip (Little's law), and
 *   never above it by much (requests beyond that would only queue here);
 * - a rate (a token bucket of small burst). Before the first throttling answer, slow start sends at most 1.75x what
 *   the service accepted over the last second (at least the initial window per round trip): the requests sent in the
 *   round trip before the first throttling answer comes back are the ones throttled, so the rate is kept near what
 *   is known to pass instead of doubling per round trip. A throttling answer teaches the limit: the requests the
 *   service accepted in its current one-second window, counted by when they were sent relative to the throttled
 *   one (`x-acs-retry-after`, the time to the next window, says where the window began), a little below it. Nothing throttled for a while: it probes upwards, gently at first (the limit just learned is right),
 *   faster the longer nothing is throttled (another client sharing the quota left);
 * - a gate: after a throttling answer nothing is sent before `x-acs-retry-after` has passed (less half the shortest
 *   round trip, the time a request takes to get there).
 */

/** The service's throttling window: Alibaba Cloud's API limits are per second. */
const WINDOW_MS = 1000
/** The in-flight window before anything was learned (also the sync worker's first window: core/sync/worker-window.ts). */
export const INITIAL_WINDOW = 8

/**
 * The pacing's three constants. The product always runs PACING_DEFAULTS (there is no setting); the simulated bench
 * also runs others, to print the best first run any of them reaches (bench/pacing-sim.bench.ts).
 */
export interface PacingConstants {
  /** The in-flight window before anything was learned, and slow start's least rate (this many per round trip). */
  initialWindow: number
  /** Slow start sends at most this many times what the service accepted over the last second. */
  slowStartGain: number
  /** The share of the learned limit the bucket sends at (the rest absorbs jitter in where the service's window falls). */
  headroom: number
}

export const PACING_DEFAULTS: Readonly<PacingConstants> = {
  initialWindow: INITIAL_WINDOW,
  /*
   * The requests sent in the round trip before the first throttling answer comes back are throttled (a fixed window
   * refuses all of them once full), so the gain bounds them: at 300 ms, x2 threw away 5.3% of the requests, x1.75
   * 1.2% for the same throughput (bench/pacing-sim.bench.ts); x1.5 ramps too slowly (0.82 of the limit).
   */
  slowStartGain: 1.75,
  headroom: 0.97,
}

export interface PacingState {
  /** Requests allowed in flight now. */
  window: number
  /** Requests a second the bucket sends at; Infinity until a throttling answer taught a limit. */
  rate: number
  /** No request is sent before this time (performance.now() milliseconds). */
  gateUntil: number
  /** Shortest round trip seen (ms). */
  minRttMs: number
  throttles: number
}

export class Pacer {
  private win: number
  private slowStart = true
  private learned = Infinity
  private tokens = 1
  private refilledAt = 0
  /** When the last caller told to wait was due back (0: none is). */
  private wakeAt = 0
  private gate = 0
  private minRtt = Infinity
  /** Smoothed round trip (ms), as TCP keeps it. */
  private srtt = 0
  private lastDecrease = -Infinity
  private lastThrottle = -Infinity
  private lastProbe = 0
  private throttleCount = 0
  /** When the requests of accepted answers were sent, and when the answers came (last two windows, oldest first). */
  private readonly accepted: Array<{ sentAt: number; at: number }> = []

  constructor(
    private ceiling: number,
    private readonly k: Readonly<PacingConstants> = PACING_DEFAULTS,
  ) {
    this.win = k.initialWindow
  }

  setCeiling(ceiling: number): void {
    this.ceiling = ceiling
  }

  /**
   * Starts from a limit an earlier run learned (core/services/pacing-memory.ts): the bucket sends at that rate from the
   * first request, the window starts at what the rate needs over the round trip seen then (Little's law; it grows
   * from there as answers come, as in slow start, capped by what the rate needs), and probing upwards starts gently,
   * as right after a throttling answer. A limit lowered since is learned at the first throttling answer, as when
   * another client takes part of the quota.
   */
  resume(rate: number, now: number, rttMs?: number): void {
    if (!(rate > 0) || !Number.isFinite(rate) || Number.isFinite(this.learned)) return
    this.learned = rate
    this.lastThrottle = now
    this.lastProbe = now
    if (rttMs !== undefined && rttMs > 0 && Number.isFinite(rttMs))
      this.win = Math.min(this.ceiling, Math.max(this.win, Math.ceil((rate * rttMs) / 1000) + 1))
  }

  state(): PacingState {
    return {
      window: this.window,
      rate: this.learned,
      gateUntil: this.gate,
      minRttMs: this.minRtt,
      throttles: this.throttleCount,
    }
  }

  /** Requests allowed in flight (at least 1, at most the ceiling). */
  get window(): number {
    return Math.max(1, Math.min(this.ceiling, Math.floor(this.win)))
  }

  /** 0 when a request may be sent now (and takes its token); else the milliseconds to wait. */
  take(now: number): number {
    if (now < this.gate) return this.gate - now
    const rate = Number.isFinite(this.learned) ? this.learned : this.slowStartRate(now)
    if (!Number.isFinite(rate)) return 0
    const elapsed = now - this.refilledAt
    let cap = Math.max(1, rate * 0.02)
    // A wake that came late (a busy event loop: timers fire late under load) may send what its lateness kept back,
    // so the rate is the learned one on a loaded machine too, not the small burst per late timer.
    if (this.wakeAt > 0 && now >= this.wakeAt) {
      cap += ((now - this.wakeAt) * rate) / 1000
      this.wakeAt = 0
    }
    // Tokens granted at this same instant are kept (the caller takes them one by one).
    this.tokens = Math.min(elapsed > 0 ? cap : Math.max(cap, this.tokens), this.tokens + (elapsed * rate) / 1000)
    this.refilledAt = now
    if (this.tokens >= 1) {
      this.tokens -= 1
      return 0
    }
    const wait = Math.max(1, Math.ceil(((1 - this.tokens) * 1000) / rate))
    this.wakeAt = now + wait
    return wait
  }

  /** Before any limit is known: slowStartGain x what was accepted over the last second, at least a window a trip. */
  private slowStartRate(now: number): number {
    if (!Number.isFinite(this.minRtt)) return Infinity
    let lastSecond = 0
    for (let i = this.accepted.length - 1; i >= 0 && this.accepted[i]!.at >= now - WINDOW_MS; i--) lastSecond++
    return Math.max((this.k.initialWindow * 1000) / Math.max(1, this.minRtt), this.k.slowStartGain * lastSecond)
  }

  /** An answer that was not a throttling one, to a request sent at `sentAt`. */
  accept(sentAt: number, now: number): void {
    const rtt = Math.max(0, now - sentAt)
    this.minRtt = Math.min(this.minRtt, rtt)
    this.srtt = this.srtt === 0 ? rtt : this.srtt * 0.875 + rtt * 0.125
    this.accepted.push({ sentAt, at: now })
    while (this.accepted.length > 0 && this.accepted[0]!.at < now - 2 * WINDOW_MS) this.accepted.shift()
    const need = this.bdp()
    // Slow start only while the round trip does not stretch: past that, more in flight only waits longer somewhere.
    if (this.slowStart) {
      if (this.srtt <= 2 * this.minRtt + 5) this.win += 1
    } else if (this.win < need + 2) this.win += 1 / Math.max(1, this.win)
    if (Number.isFinite(this.learned)) {
      this.win = Math.min(this.win, Math.max(need * 1.5, need + 2))
      if (now - this.lastThrottle >= WINDOW_MS && now - this.lastProbe >= WINDOW_MS) {
        // Gently near the limit just learned (it was counted, not guessed), faster the longer nothing is throttled.
        const quiet = Math.floor((now - this.lastThrottle) / WINDOW_MS)
        this.learned = this.learned * (1 + 0.01 * Math.max(1, Math.min(quiet - 4, 20))) + 0.1
        this.lastProbe = now
      }
    }
    this.win = Math.min(this.win, this.ceiling)
  }

  /** A throttling answer, to a request sent at `sentAt`, with the service's `x-acs-retry-after` when it gave one. */
  throttled(sentAt: number, now: number, retryAfterMs?: number): void {
    this.throttleCount++
    this.lastThrottle = now
    this.tokens = 0
    this.refilledAt = now
    const wait = retryAfterMs !== undefined && retryAfterMs > 0 ? Math.min(retryAfterMs, WINDOW_MS) : undefined
    if (wait !== undefined) {
      const trip = Number.isFinite(this.minRtt) ? this.minRtt / 2 : 0
      this.gate = Math.max(this.gate, now + wait - trip)
    }
    // One decrease per round trip: requests already on their way when we slowed down tell nothing new.
    if (sentAt < this.lastDecrease) return
    this.lastDecrease = now
    this.slowStart = false
    // The service's window, in the times our requests were sent: it ends `wait` after this request reached it, so
    // it began WINDOW_MS before that; the requests sent before this one reached it earlier, as it did, by about
    // the same way there (the throttled request's own timing, not a round trip guessed on a loaded machine).
    const since = sentAt + (wait ?? 0) - WINDOW_MS
    let inWindow = 0
    for (const a of this.accepted) if (a.sentAt >= since && a.sentAt < sentAt) inWindow++
    // Throttled at the rate already learned with fewer counted than it (the count is off, or another client shares
    // the quota): lower anyway. With as many counted as the limit, that window got more than the rate (requests sent
    // in slow start reached it after the last throttle): the rate stands.
    const counted = Math.max(1, inWindow)
    if (counted * this.k.headroom < this.learned) this.learned = Math.min(counted, this.learned) * this.k.headroom
    this.win = Math.min(this.win, Math.max(Math.floor(this.win / 2), Math.ceil(this.bdp()), 1))
  }

  /** What the learned rate needs in flight over the (smoothed) round trip: Little's law. */
  private bdp(): number {
    if (!Number.isFinite(this.learned) || this.srtt === 0) return this.ceiling
    return (this.learned * this.srtt) / 1000 + 1
  }
}
