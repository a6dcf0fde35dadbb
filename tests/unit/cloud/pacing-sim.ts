import { ConcurrencyLimiter, type LearnedLimit } from '../../../core/cloud/limiter'
import type { PacingConstants } from '../../../core/cloud/pacing'
import { Faults } from '../../../tools/emulator/faults'

/**
 * A simulated service for the pacing tests: the emulator's own throttle (tools/emulator/faults.ts: fixed one-second
 * windows, `x-acs-retry-after` to the next one) at `qps`, answering `latencyMs` after a request is sent (half on the
 * way there), on a virtual clock: no real time passes, so the figures do not depend on the machine's load. The
 * product's ConcurrencyLimiter (at its defaults) sends; `workers` keep it fed as the sync worker does, each retrying
 * a throttled request at once (the limiter's gate holds it).
 */
export interface SimRun {
  /** Accepted requests a second over the run, divided by the limit. */
  throughput: number
  throttledShare: number
  /** With `halveAfter`: accepted a second after the halving, divided by the halved limit. */
  afterHalving?: number
  /**
   * Accepted a second from one second after the first throttling answer to the end, divided by the limit: the rate
   * the pacing holds once it has learned the limit (a cold run's whole-run throughput includes its ramp up).
   */
  afterRamp?: number
  /** The limiter's learned rate at the end. */
  rate: number
  /** Requests in flight every half second of the run (`0.5s:29 1.0s:31 ...`). */
  window: string
}

/** How the simulated service counts its limit (see PacingSim's constructor). */
export type SimCloud = 'fixed' | 'sliding'

class Throttled extends Error {
  constructor(readonly retryAfter: number) {
    super('Throttling.User')
  }
}

export class PacingSim {
  /**
   * The virtual clock starts a minute in, as the emulator process has been up a while when the first request comes:
   * its first throttle window begins at that request (faults.ts), not a trip earlier at the clock's zero.
   */
  now = 60_000
  private seq = 0
  private readonly timers: Array<{ at: number; fn: () => void; seq: number }> = []
  readonly faults: Faults
  readonly limiter: ConcurrencyLimiter

  /** `fixed`: a plain fixed window of that size, no pacing (the old engine the benchmark compares with). */
  /** Arrival times of the accepted requests of the last second (`cloud: 'sliding'`). */
  private readonly slid: number[] = []

  /**
   * `fixed`: a plain fixed window of that size, no pacing (the old engine the benchmark compares with). `cloud`:
   * the emulator's fixed one-second windows (default), or a sliding one-second window (at most `qps` accepted in
   * any second; `x-acs-retry-after` until the oldest of them leaves it), as a service may count instead.
   */
  constructor(
    private readonly o: {
      qps: number
      latencyMs: number
      fixed?: number
      cloud?: SimCloud
      /** Other pacing constants than the product's (the bench's search for the best first run). */
      pacing?: Readonly<PacingConstants>
    },
  ) {
    this.faults = new Faults({ latencyMs: 0, throttleQps: o.qps, faultRate: 0, seed: 1 })
    this.limiter = new ConcurrencyLimiter(o.fixed ?? 64, {
      adaptive: o.fixed === undefined,
      now: () => this.now,
      later: (ms, fn) => this.later(ms, fn),
      ...(o.pacing ? { pacing: o.pacing } : {}),
    })
  }

  private later(ms: number, fn: () => void): void {
    this.timers.push({ at: this.now + Math.max(0, ms), fn, seq: this.seq++ })
  }

  /** `ops` requests, each until accepted; `halveAfter`: the service's limit halves once that many are done. */
  async run(ops: number, opts: { workers?: number; halveAfter?: number } = {}): Promise<SimRun> {
    const t0 = this.now
    let done = 0
    let requests = 0
    let throttled = 0
    let halvedAt: { t: number; done: number } | undefined
    /** One second after the first throttling answer, and the requests done by then (the ramp's end). */
    let rampEndsAt: number | undefined
    let doneAtRampEnd: number | undefined
    const send = (): Promise<void> =>
      new Promise((resolve, reject) => {
        requests++
        this.later(this.o.latencyMs / 2, () => {
          const wait = this.o.cloud === 'sliding' ? this.slide(this.now) : this.faults.throttle(this.now)
          this.later(this.o.latencyMs / 2, () => {
            if (wait === undefined) return resolve()
            throttled++
            rampEndsAt ??= this.now + 1000
            reject(new Throttled(wait))
          })
        })
      })
    let started = 0
    const worker = async (): Promise<void> => {
      while (started < ops) {
        started++
        for (;;) {
          try {
            await this.limiter.run(send, (e) => (e instanceof Throttled ? e.retryAfter : undefined))
            break
          } catch {
            // throttled: again
          }
        }
        done++
        if (doneAtRampEnd === undefined && rampEndsAt !== undefined && this.now >= rampEndsAt) doneAtRampEnd = done
        if (opts.halveAfter && !halvedAt && done >= opts.halveAfter) {
          this.faults.throttleQps = this.o.qps / 2
          halvedAt = { t: this.now, done }
        }
      }
    }
    const samples: string[] = []
    let sampled = -Infinity
    let finished = false
    void Promise.all(Array.from({ length: opts.workers ?? 66 }, worker)).then(() => (finished = true))
    while (!finished) {
      await new Promise((r) => setImmediate(r))
      if (finished) break
      this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq)
      const t = this.timers.shift()
      if (t) {
        this.now = Math.max(this.now, t.at)
        t.fn()
      }
      if (this.now - t0 - sampled >= 500) {
        sampled = Math.floor((this.now - t0) / 500) * 500
        samples.push(`${(sampled / 1000).toFixed(1)}s:${this.limiter.active}`)
      }
    }
    const sec = (this.now - t0) / 1000
    const out: SimRun = {
      throughput: done / sec / this.o.qps,
      throttledShare: throttled / requests,
      rate: this.limiter.pacing?.rate ?? Infinity,
      window: samples.join(' '),
    }
    if (rampEndsAt !== undefined && doneAtRampEnd !== undefined && this.now > rampEndsAt)
      out.afterRamp = (done - doneAtRampEnd) / ((this.now - rampEndsAt) / 1000) / this.o.qps
    if (halvedAt) out.afterHalving = (done - halvedAt.done) / ((this.now - halvedAt.t) / 1000) / (this.o.qps / 2)
    this.faults.throttleQps = this.o.qps
    return out
  }

  private slide(now: number): number | undefined {
    while (this.slid.length > 0 && this.slid[0]! <= now - 1000) this.slid.shift()
    if (this.slid.length < this.faults.throttleQps) {
      this.slid.push(now)
      return undefined
    }
    return Math.max(1, this.slid[0]! + 1000 - now)
  }

  /** Lets virtual time pass (a fresh throttle window). */
  idle(ms: number): void {
    this.now += ms
  }
}

/**
 * A new process (the next app start, the next CLI run) that starts from the limit the last one was taught, as the
 * core does (core/services/pacing-memory.ts keeps it in the store): a first process's limiter, 300 requests, tells
 * each limit it learns (`onLearned`); the second's starts from the last one (`resume`) and sends `ops`. `qpsNow`:
 * the service's limit in the second process (lower: the quota was lowered or is shared since).
 */
export async function restarted(
  o: { qps: number; latencyMs: number; cloud?: SimCloud },
  ops: number,
  qpsNow = o.qps,
): Promise<SimRun> {
  const first = new PacingSim(o)
  let taught: LearnedLimit | undefined
  first.limiter.onLearned = (limit) => (taught = limit)
  await first.run(300)
  const next = new PacingSim({ ...o, qps: qpsNow })
  if (taught) next.limiter.resume(taught)
  return next.run(ops)
}
