import { describe, expect, it } from 'vitest'
import { INITIAL_WINDOW, Pacer } from '../../../core/cloud/pacing'
import { PacingSim, restarted } from './pacing-sim'

/**
 * Issue 17 item 2: the limiter against the emulator's own throttle (fixed one-second windows at 100 QPS) on a virtual
 * clock (pacing-sim.ts), so the figures are the algorithm's, not the machine's load. The end-to-end figures, with
 * the worker and SQLite, are bench/sync.bench.ts's.
 */
describe('adaptive pacing against a 100 QPS throttle (simulated, no tuning knob)', () => {
  it('cold start at 50 ms: 0.95 of the limit or more, at most 2% throttled', async () => {
    const r = await new PacingSim({ qps: 100, latencyMs: 50 }).run(1000)
    expect(r.throughput).toBeGreaterThanOrEqual(0.95)
    expect(r.throttledShare).toBeLessThanOrEqual(0.02)
  })

  it('cold start at 300 ms: at most 2% throttled (slow start at 1.75x what passed; x2 threw away 5.3%)', async () => {
    const r = await new PacingSim({ qps: 100, latencyMs: 300 }).run(1000)
    expect(r.throttledShare).toBeLessThanOrEqual(0.02)
    // not yet the 0.95 of issue 17 (0.85: the ramp from a window of 8 at 300 ms); it must not fall below today's
    expect(r.throughput).toBeGreaterThanOrEqual(0.84)
  })

  it("a sliding one-second window (not the emulator's fixed one): sane, cold and learned, at 50 and 300 ms", async () => {
    for (const latencyMs of [50, 300]) {
      const cold = await new PacingSim({ qps: 100, latencyMs, cloud: 'sliding' }).run(1000)
      expect(cold.throughput, `${latencyMs} ms cold`).toBeGreaterThanOrEqual(0.8)
      expect(cold.throttledShare, `${latencyMs} ms cold`).toBeLessThanOrEqual(0.04)
      const sim = new PacingSim({ qps: 100, latencyMs, cloud: 'sliding' })
      await sim.run(300)
      sim.idle(1100)
      const r = await sim.run(1000)
      expect(r.throughput, `${latencyMs} ms learned`).toBeGreaterThanOrEqual(0.95)
      expect(r.throttledShare, `${latencyMs} ms learned`).toBeLessThanOrEqual(0.01)
    }
  })

  it('learned (second run of a process), at 50 ms and at 300 ms: 0.95 of the limit or more, at most 1% throttled', async () => {
    for (const latencyMs of [50, 300]) {
      const sim = new PacingSim({ qps: 100, latencyMs })
      await sim.run(300)
      sim.idle(1100)
      const r = await sim.run(1000)
      expect(r.throughput, `${latencyMs} ms`).toBeGreaterThanOrEqual(0.95)
      expect(r.throttledShare, `${latencyMs} ms`).toBeLessThanOrEqual(0.01)
    }
  })

  it('a new process that starts from the limit the last one learned (as the core remembers it): 0.95 or more, at most 1% throttled, at 50 and 300 ms', async () => {
    for (const latencyMs of [50, 300]) {
      const r = await restarted({ qps: 100, latencyMs }, 1000)
      expect(r.throughput, `${latencyMs} ms`).toBeGreaterThanOrEqual(0.95)
      expect(r.throttledShare, `${latencyMs} ms`).toBeLessThanOrEqual(0.01)
      // without the memory the same process starts cold (0.85 at 300 ms): the memory is what makes the difference
      const cold = await new PacingSim({ qps: 100, latencyMs }).run(1000)
      if (latencyMs === 300) expect(r.throughput - cold.throughput).toBeGreaterThan(0.05)
    }
  })

  it('a remembered limit the service has lowered since (halved): followed at the first throttling answer', async () => {
    for (const latencyMs of [50, 300]) {
      const r = await restarted({ qps: 100, latencyMs }, 1000, 50)
      expect(r.rate, `${latencyMs} ms`).toBeLessThanOrEqual(50)
      expect(r.throughput, `${latencyMs} ms`).toBeGreaterThanOrEqual(0.9)
      expect(r.throttledShare, `${latencyMs} ms`).toBeLessThanOrEqual(0.04)
    }
  })

  it('the limit is counted by when requests reached the service: learned within 3% below it, at 300 ms too', async () => {
    for (const latencyMs of [50, 300]) {
      const sim = new PacingSim({ qps: 100, latencyMs })
      await sim.run(400)
      expect(sim.limiter.pacing!.throttles, `${latencyMs} ms`).toBeGreaterThan(0)
      expect(sim.limiter.pacing!.rate, `${latencyMs} ms`).toBeGreaterThanOrEqual(96)
      expect(sim.limiter.pacing!.rate, `${latencyMs} ms`).toBeLessThanOrEqual(101)
    }
  })

  it('the limit halved mid-run (another client): the rate follows at the first throttling answer', async () => {
    for (const latencyMs of [50, 300]) {
      const sim = new PacingSim({ qps: 100, latencyMs })
      await sim.run(300)
      sim.idle(1100)
      const r = await sim.run(1000, { halveAfter: 300 })
      expect(r.rate, `${latencyMs} ms`).toBeLessThanOrEqual(50)
      expect(r.afterHalving, `${latencyMs} ms`).toBeGreaterThanOrEqual(0.9)
    }
  })

  it('slow start sends at most 1.75x what the service accepted over the last second, not double per round trip', () => {
    const p = new Pacer(64)
    // 50 answers over the last second, 100 ms round trips: 1.75x that is 87.5/s, not the 58-window's 580/s
    for (let i = 0; i < 50; i++) p.accept(i * 20, i * 20 + 100)
    const now = 1100
    let sent = 0
    for (let t = now; t < now + 500; t++) if (p.take(t) === 0) sent++
    expect(p.window).toBe(INITIAL_WINDOW + 50)
    expect(sent).toBeLessThanOrEqual(Math.ceil(1.75 * 50 * 0.5) + 2)
    // at least a window a round trip, whatever was accepted
    expect(sent).toBeGreaterThanOrEqual(Math.floor(((INITIAL_WINDOW * 1000) / 100) * 0.5 * 0.9))
  })

  it('timers that fire late (a busy machine) do not lower the rate: what the lateness kept back goes when one fires', () => {
    const p = new Pacer(64)
    for (let i = 0; i < 100; i++) p.accept(i * 10, i * 10 + 50)
    p.throttled(1000, 1050, 0)
    const rate = p.state().rate
    expect(rate).toBeCloseTo(97)
    let sent = 0
    for (let now = 2000; now < 4000;) {
      const wait = p.take(now)
      if (wait === 0) sent++
      else now += wait + 30 // every wake 30 ms late
    }
    expect(sent).toBeGreaterThanOrEqual(Math.floor(2 * rate * 0.95))
    expect(sent).toBeLessThanOrEqual(Math.ceil(2 * rate * 1.02) + 2)
  })

  it('a throttle in a window that got the whole limit keeps the rate; one with fewer counted lowers it', () => {
    const p = new Pacer(64)
    // window 1: 100 sent 10 ms apart from 0 (50 ms trips), the 101st throttled, the window ends 1000 ms after the first
    for (let i = 0; i < 100; i++) p.accept(i * 10, i * 10 + 50)
    p.throttled(995, 1045, 5)
    expect(p.state().rate).toBeCloseTo(97)
    // window 2: 100 more reached it (sent in slow start before the answer came back), throttled again
    for (let i = 0; i < 100; i++) p.accept(1000 + i * 9, 1050 + i * 9)
    p.throttled(1905, 1955, 95)
    expect(p.state().rate).toBeCloseTo(97)
    // window 3: only 60 of ours got in (another client shares the quota): the rate follows them
    for (let i = 0; i < 60; i++) p.accept(2000 + i * 10, 2050 + i * 10)
    p.throttled(2605, 2655, 395)
    expect(p.state().rate).toBeCloseTo(60 * 0.97)
  })
})
