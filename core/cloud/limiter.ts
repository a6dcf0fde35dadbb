import { Pacer, type PacingConstants, type PacingState } from './pacing'

/**
 * What a failed attempt tells the limiter: the `x-acs-retry-after` of a throttling answer (0 when it gave none), or
 * undefined when the service did not throttle it.
 */
export type ThrottleJudge = (err: unknown) => number | undefined

/** A limit a throttling answer taught (requests a second) and the shortest round trip seen then (ms). */
export interface LearnedLimit {
  rate: number
  rttMs?: number
}

/**
 * One endpoint's limiter: at most `max` requests at once, the rest wait in FIFO order. `max` is the smaller of a
 * hard cap and the window the limiter learns (pacing.ts), and requests also wait for the learned rate and for a
 * throttling answer's `x-acs-retry-after`. One per endpoint (see LimiterRegistry).
 */
export class ConcurrencyLimiter {
  private running = 0
  private readonly waiting: Array<(sentAt: number) => void> = []
  /** Null for a plain fixed cap (what the benchmark compares with). */
  private readonly pacer: Pacer | null
  private timer = false
  private readonly now: () => number
  private readonly later: (ms: number, fn: () => void) => void
  /**
   * Told each limit a throttling answer teaches, with the shortest round trip seen then (the registry's memory keeps
   * both for the next process).
   */
  onLearned: ((learned: LearnedLimit) => void) | undefined

  /**
   * `now` and `later` (a timer) are the clock: tests run the limiter on a virtual one. `pacing`: other constants than
   * the product's (the simulated bench only).
   */
  constructor(
    private cap: number,
    opts: {
      adaptive?: boolean
      now?: () => number
      later?: (ms: number, fn: () => void) => void
      pacing?: Readonly<PacingConstants>
    } = {},
  ) {
    if (!(cap >= 1)) throw new RangeError('maxConcurrent must be at least 1')
    this.pacer = opts.adaptive === false ? null : new Pacer(cap, opts.pacing)
    this.now = opts.now ?? (() => performance.now())
    // unref: a paced queue never keeps a process (the CLI) alive on its own
    this.later = opts.later ?? ((ms, fn) => void setTimeout(fn, ms).unref())
  }

  /** Requests allowed at once now: the learned window, within the cap. */
  get max(): number {
    return this.pacer ? Math.min(this.cap, this.pacer.window) : this.cap
  }
  /** The hard cap (`resize` sets it). */
  get maxConcurrent(): number {
    return this.cap
  }
  /** Tasks running now. */
  get active(): number {
    return this.running
  }
  /** Tasks waiting for a slot. */
  get pending(): number {
    return this.waiting.length
  }
  /** What the limiter has learned (window, rate, gate, round trip). */
  get pacing(): PacingState | null {
    return this.pacer?.state() ?? null
  }

  /** Starts from a limit an earlier run learned (pacing.ts `resume`); ignored once this limiter learned its own. */
  resume(learned: LearnedLimit): void {
    this.pacer?.resume(learned.rate, this.now(), learned.rttMs)
  }

  /** Changes the hard cap; raising it starts waiting tasks at once. */
  resize(max: number): void {
    if (!(max >= 1)) throw new RangeError('maxConcurrent must be at least 1')
    this.cap = max
    this.pacer?.setCeiling(max)
    this.drain()
  }

  /**
   * Runs `task` when a slot, a token and the gate allow. Its answer teaches the pacer: a success or a failure
   * `judge` does not call throttling is accepted; a throttling one slows the endpoint down.
   */
  async run<T>(task: () => Promise<T>, judge?: ThrottleJudge): Promise<T> {
    const sentAt = await this.acquire()
    try {
      const out = await task()
      this.pacer?.accept(sentAt, this.now())
      return out
    } catch (err) {
      const retryAfter = judge?.(err)
      if (retryAfter === undefined) this.pacer?.accept(sentAt, this.now())
      else this.throttled(sentAt, retryAfter)
      throw err
    } finally {
      this.release()
    }
  }

  private throttled(sentAt: number, retryAfter: number): void {
    if (!this.pacer) return
    const before = this.pacer.state().rate
    this.pacer.throttled(sentAt, this.now(), retryAfter)
    const { rate, minRttMs } = this.pacer.state()
    if (rate !== before && Number.isFinite(rate))
      this.onLearned?.({ rate, rttMs: Number.isFinite(minRttMs) ? minRttMs : undefined })
  }

  private acquire(): Promise<number> {
    return new Promise((resolve) => {
      this.waiting.push(resolve)
      this.drain()
    })
  }

  private release(): void {
    this.running--
    this.drain()
  }

  private drain(): void {
    while (this.running < this.max && this.waiting.length > 0) {
      const now = this.now()
      const wait = this.pacer?.take(now) ?? 0
      if (wait > 0) return this.wakeIn(wait)
      this.running++
      this.waiting.shift()!(now)
    }
  }

  private wakeIn(ms: number): void {
    if (this.timer) return
    this.timer = true
    this.later(ms, () => {
      this.timer = false
      this.drain()
    })
  }
}

/** Hard cap per endpoint when none is given: a safety bound; the learned window is what limits in practice. */
export const DEFAULT_MAX_CONCURRENT_PER_ENDPOINT = 64

/**
 * Where the limits the endpoints taught are kept between processes (core/services/pacing-memory.ts keeps them in the
 * store), so that a new process does not start cold against an endpoint it already knows.
 */
export interface PacingMemory {
  /** The limit last learned for the endpoint, if one is known and recent. */
  recall(endpointKey: string): LearnedLimit | undefined
  /** A limit a throttling answer just taught. Must not throw. */
  learned(endpointKey: string, learned: LearnedLimit): void
}

/** One limiter per endpoint key (`protocol://host:port`). */
export class LimiterRegistry {
  private readonly limiters = new Map<string, ConcurrencyLimiter>()

  /**
   * `adaptive: false`: a plain fixed cap per endpoint, no pacing (the old engine, which the benchmark compares with).
   * `memory`: each new endpoint's limiter starts from the limit remembered for it, and what it learns is remembered.
   */
  constructor(
    private readonly defaultMax = DEFAULT_MAX_CONCURRENT_PER_ENDPOINT,
    private readonly opts: { adaptive?: boolean; memory?: PacingMemory } = {},
  ) {}

  forEndpoint(key: string): ConcurrencyLimiter {
    let l = this.limiters.get(key)
    if (!l) {
      l = new ConcurrencyLimiter(this.defaultMax, { adaptive: this.opts.adaptive })
      const memory = this.opts.memory
      if (memory && this.opts.adaptive !== false) {
        const learned = memory.recall(key)
        if (learned) l.resume(learned)
        l.onLearned = (r) => memory.learned(key, r)
      }
      this.limiters.set(key, l)
    }
    return l
  }

  /** Sets the cap of one endpoint (creating its limiter if needed). */
  resize(key: string, max: number): void {
    this.forEndpoint(key).resize(max)
  }

  entries(): Array<[string, ConcurrencyLimiter]> {
    return [...this.limiters.entries()]
  }
}

/** The process-wide registry used when createCloudClients is given none. */
export const sharedLimiters = new LimiterRegistry()
