/**
 * A concurrency cap: at most `max` tasks run at once, the rest wait in FIFO order. One limiter per
 * endpoint (see LimiterRegistry); the sync engine may share the registry and resize a limiter.
 */
export class ConcurrencyLimiter {
  private running = 0
  private readonly waiting: Array<() => void> = []

  constructor(private maxConcurrent: number) {
    if (!(maxConcurrent >= 1)) throw new RangeError('maxConcurrent must be at least 1')
  }

  get max(): number {
    return this.maxConcurrent
  }
  /** Tasks running now. */
  get active(): number {
    return this.running
  }
  /** Tasks waiting for a slot. */
  get pending(): number {
    return this.waiting.length
  }

  /** Changes the cap; raising it starts waiting tasks at once. */
  resize(max: number): void {
    if (!(max >= 1)) throw new RangeError('maxConcurrent must be at least 1')
    this.maxConcurrent = max
    this.drain()
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    await this.acquire()
    try {
      return await task()
    } finally {
      this.release()
    }
  }

  private acquire(): Promise<void> {
    if (this.running < this.maxConcurrent) {
      this.running++
      return Promise.resolve()
    }
    return new Promise((resolve) => this.waiting.push(resolve))
  }

  private release(): void {
    this.running--
    this.drain()
  }

  private drain(): void {
    while (this.running < this.maxConcurrent && this.waiting.length > 0) {
      this.running++
      this.waiting.shift()!()
    }
  }
}

/** Default cap per endpoint: the PAI and EventBridge APIs throttle per account well above this. */
export const DEFAULT_MAX_CONCURRENT_PER_ENDPOINT = 6

/** One limiter per endpoint key (`protocol://host:port`). */
export class LimiterRegistry {
  private readonly limiters = new Map<string, ConcurrencyLimiter>()

  constructor(private readonly defaultMax = DEFAULT_MAX_CONCURRENT_PER_ENDPOINT) {}

  forEndpoint(key: string): ConcurrencyLimiter {
    let l = this.limiters.get(key)
    if (!l) {
      l = new ConcurrencyLimiter(this.defaultMax)
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
