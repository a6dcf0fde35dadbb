import { describe, expect, it } from 'vitest'
import { INITIAL_WINDOW, Pacer } from '../../../core/cloud/pacing'
import { ConcurrencyLimiter } from '../../../core/cloud/limiter'

/** Answers to requests sent every `gapMs` from `t`, each answered `rttMs` later; returns the time after the last. */
function answers(p: Pacer, from: number, n: number, gapMs: number, rttMs: number): number {
  let t = from
  for (let i = 0; i < n; i++, t += gapMs) p.accept(t, t + rttMs)
  return t
}

describe('pacing (the endpoint limiter learns the window and the rate)', () => {
  it('the window grows per answer until a throttling answer, then halves once per round trip and grows back', () => {
    const p = new Pacer(64)
    expect(p.window).toBe(INITIAL_WINDOW)
    let t = answers(p, 0, 40, 10, 200)
    const grown = p.window
    expect(grown).toBe(INITIAL_WINDOW + 40)
    expect(p.state().rate).toBe(Infinity)

    // throttled: the service's window ends in 400 ms
    p.throttled(t, t + 200, 400)
    const cut = p.window
    expect(cut).toBeLessThan(grown)
    expect(cut).toBeLessThanOrEqual(Math.ceil(grown / 2) + 1)
    const learned = p.state()
    expect(learned.rate).toBeLessThan(Infinity)
    // the answers counted in the service's window (all 40 arrived after it began), a little below
    expect(learned.rate).toBeCloseTo(40 * 0.97)
    expect(learned.gateUntil).toBe(t + 200 + 400 - 100)
    // nothing goes before the gate
    expect(p.take(t + 250)).toBeGreaterThan(0)

    // throttling answers to requests already on their way count once
    p.throttled(t + 5, t + 205, 395)
    expect(p.window).toBe(cut)
    expect(p.state().rate).toBe(learned.rate)

    // answers again, nothing throttled: the rate probes upwards and the window follows it back up
    let low = cut
    for (t += 600; t < 20_000; t += 25) {
      p.accept(t, t + 200)
      low = Math.min(low, p.window)
    }
    expect(p.state().rate).toBeGreaterThan(learned.rate * 1.5)
    expect(p.window).toBeGreaterThan(low)
  })

  it('a second client sharing the quota: the rate follows the smaller window count at once', () => {
    const p = new Pacer(64)
    let t = answers(p, 0, 100, 10, 50)
    p.throttled(t, t + 50, 10)
    const first = p.state().rate
    t = answers(p, t + 100, 50, 20, 50)
    // now only ~50 accepted in the service's window
    p.throttled(t, t + 50, 10)
    expect(p.state().rate).toBeLessThan(first * 0.6)
    expect(p.window).toBeGreaterThanOrEqual(1)
  })

  it('the bucket sends at most the learned rate (plus a small burst) in any second', () => {
    const p = new Pacer(64)
    const t = answers(p, 0, 60, 10, 100)
    p.throttled(t, t + 100, 0)
    const rate = p.state().rate
    let sent = 0
    for (let now = t + 1000; now < t + 2000; now++) if (p.take(now) === 0) sent++
    expect(sent).toBeLessThanOrEqual(Math.ceil(rate * 1.02) + 1)
    expect(sent).toBeGreaterThanOrEqual(Math.floor(rate * 0.95))
  })

  it('the limiter feeds its pacer: a throttled attempt cuts the window it lets run', async () => {
    let now = 0
    const l = new ConcurrencyLimiter(64, { now: () => now })
    for (let i = 0; i < 30; i++) {
      await l.run(async () => {
        now += 100
      })
    }
    const grown = l.max
    expect(grown).toBe(INITIAL_WINDOW + 30)
    const err = new Error('Throttling.User')
    await expect(
      l.run(
        async () => {
          now += 100
          throw err
        },
        (e) => (e === err ? 0 : undefined),
      ),
    ).rejects.toBe(err)
    expect(l.max).toBeLessThan(grown)
    expect(l.pacing?.throttles).toBe(1)
    // a failure that is not throttling does not slow it down (a second later: the bucket has a token again)
    now += 1000
    const rateBefore = l.pacing!.rate
    await expect(
      l.run(
        async () => {
          now += 100
          throw new Error('InternalError')
        },
        () => undefined,
      ),
    ).rejects.toThrow('InternalError')
    expect(l.pacing?.throttles).toBe(1)
    expect(l.pacing!.rate).toBeGreaterThanOrEqual(rateBefore)
    // a plain fixed cap learns nothing
    const fixed = new ConcurrencyLimiter(8, { adaptive: false })
    expect(fixed.max).toBe(8)
    expect(fixed.pacing).toBeNull()
  })
})
