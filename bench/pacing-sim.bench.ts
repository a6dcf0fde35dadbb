import { PacingSim, restarted, type SimCloud, type SimRun } from '../tests/unit/cloud/pacing-sim'
import type { Bench, BenchFigure } from './types'

/**
 * The endpoint limiter alone against the emulator's throttle (fixed one-second windows at 100 QPS) on a virtual
 * clock (tests/unit/cloud/pacing-sim.ts): the pacing algorithm's own figures, which the machine's load does not
 * change, beside sync.bench.ts's end-to-end ones (worker, SQLite, HTTP). 1,000 requests per case, beside a fixed window
 * of 8 and the naive loop; each case prints its in-flight window every half second. The emulator's fixed window is an
 * assumption (docs/emulator.md): the adaptive cases run against a sliding one-second window too (no target: it shows
 * the pacing does not depend on the window being fixed).
 */
const QPS = 100
const OPS = 1000
const NAIVE_OPS = 100

async function learned(latencyMs: number, cloud: SimCloud, halveAfter?: number): Promise<SimRun> {
  const sim = new PacingSim({ qps: QPS, latencyMs, cloud })
  await sim.run(300)
  sim.idle(1100)
  return sim.run(OPS, halveAfter ? { halveAfter } : {})
}

function figures(label: string, r: SimRun, target: boolean, qps = QPS): BenchFigure[] {
  const out: BenchFigure[] = [
    {
      name: `${label}: throughput / limit`,
      value: round(r.throughput),
      unit: `x ${qps} QPS`,
      ...(target ? { target: '>= 0.95', ok: r.throughput >= 0.95 } : {}),
    },
    {
      name: `${label}: throttled share`,
      value: round(r.throttledShare * 100),
      unit: '% of requests',
      ...(target ? { target: '<= 2', ok: r.throttledShare <= 0.02 } : {}),
    },
  ]
  if (r.afterRamp !== undefined)
    out.push({
      name: `${label}: after the limit was learned / limit`,
      value: round(r.afterRamp),
      unit: `x ${qps} QPS`,
      note: 'from 1 s after the first throttling answer',
    })
  if (r.afterHalving !== undefined)
    out.push({ name: `${label}: after halving / 50 QPS`, value: round(r.afterHalving), unit: 'x' })
  out.push({ name: `${label}: in-flight window`, value: NaN, unit: 'requests', note: r.window })
  return out
}

const bench: Bench = {
  title: `Pacing, simulated (virtual clock, load-independent): ${OPS} requests, throttle ${QPS} QPS`,
  async run(): Promise<BenchFigure[]> {
    const out: BenchFigure[] = []
    for (const latencyMs of [50, 300]) {
      for (const cloud of ['fixed', 'sliding'] as const) {
        // the targets are the emulator's (fixed windows); the sliding window is printed beside them
        const at = cloud === 'fixed' ? `${latencyMs} ms` : `${latencyMs} ms, sliding window`
        const fixed = cloud === 'fixed'
        out.push(
          ...figures(`${at}, adaptive, cold`, await new PacingSim({ qps: QPS, latencyMs, cloud }).run(OPS), fixed),
        )
        out.push(...figures(`${at}, adaptive, learned`, await learned(latencyMs, cloud), fixed))
        out.push(
          ...figures(
            `${at}, adaptive, new process (limit remembered)`,
            await restarted({ qps: QPS, latencyMs, cloud }, OPS),
            fixed,
          ),
        )
        const lower = await restarted({ qps: QPS, latencyMs, cloud }, OPS, QPS / 2)
        out.push(...figures(`${at}, adaptive, new process, limit halved since it was learned`, lower, false, QPS / 2))
        out.push(...figures(`${at}, adaptive, limit halved after 300`, await learned(latencyMs, cloud, 300), false))
        out.push(
          ...figures(
            `${at}, fixed window 8`,
            await new PacingSim({ qps: QPS, latencyMs, fixed: 8, cloud }).run(OPS, { workers: 8 }),
            false,
          ),
        )
        // the naive loop: one request at a time (fewer of them: it is slow, and its throughput does not change)
        const naive = await new PacingSim({ qps: QPS, latencyMs, fixed: 1, cloud }).run(NAIVE_OPS, { workers: 1 })
        out.push(...figures(`${at}, naive loop (${NAIVE_OPS} requests)`, naive, false))
      }
    }
    return out
  },
}

function round(n: number): number {
  return Math.round(n * 100) / 100
}

export default bench
