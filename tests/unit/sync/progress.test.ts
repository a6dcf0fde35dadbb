import { describe, expect, it, vi } from 'vitest'
import type { EventPayload } from '@shared/ipc/events'
import { ProgressCoalescer } from '../../../core/sync/progress'

type P = EventPayload<'sync.progress'>
const p = (done: number, total = 1000, runId = 'r1'): P => ({ runId, status: 'done', done, total })

describe('progress coalescing', () => {
  it('a burst of 1,000 op completions yields a few events, the last with the final counts', () => {
    vi.useFakeTimers()
    try {
      const sent: P[] = []
      const c = new ProgressCoalescer(
        (x) => sent.push(x),
        250,
        () => Date.now(),
      )
      // 999 completions within 600 ms, then the run's last one
      for (let i = 1; i < 1000; i++) {
        c.push(p(i), false)
        vi.advanceTimersByTime(0.6)
      }
      c.push(p(1000), true)
      expect(sent.length).toBeLessThanOrEqual(5)
      expect(sent.at(-1)).toEqual(p(1000))
      // each event carries the latest counts it had: increasing
      for (let i = 1; i < sent.length; i++) expect(sent[i]!.done).toBeGreaterThan(sent[i - 1]!.done)
      // nothing held is sent after the final one
      vi.advanceTimersByTime(1000)
      expect(sent.at(-1)).toEqual(p(1000))
    } finally {
      vi.useRealTimers()
    }
  })

  it('a held event goes out at the end of its interval with the latest counts (a run that stalls)', () => {
    vi.useFakeTimers()
    try {
      const sent: P[] = []
      const c = new ProgressCoalescer(
        (x) => sent.push(x),
        250,
        () => Date.now(),
      )
      c.push(p(1), false)
      c.push(p(2), false)
      c.push(p(3), false)
      expect(sent).toEqual([p(1)])
      vi.advanceTimersByTime(250)
      expect(sent).toEqual([p(1), p(3)])
      // runs are coalesced apart
      c.push(p(4), false)
      c.push(p(1, 5, 'r2'), false)
      expect(sent.at(-1)).toEqual(p(1, 5, 'r2'))
      c.flush()
      expect(sent.at(-1)).toEqual(p(4))
    } finally {
      vi.useRealTimers()
    }
  })

  it('issue 17: retries piling up with the cloud down (about 11 completions a second for 10 s) give at most 4 events a second, each with the latest state', () => {
    vi.useFakeTimers()
    try {
      const sent: Array<P & { at: number }> = []
      const c = new ProgressCoalescer(
        (x) => sent.push({ ...x, at: Date.now() }),
        250,
        () => Date.now(),
      )
      const start = Date.now()
      for (let i = 1; i <= 110; i++) {
        c.push({ runId: 'r1', status: 'failed', done: i, total: 1000, message: 'NETWORK' }, false)
        vi.advanceTimersByTime(91)
      }
      vi.advanceTimersByTime(300)
      const seconds = (Date.now() - start) / 1000
      expect(sent.length).toBeLessThanOrEqual(Math.ceil(seconds * 4) + 1)
      expect(sent.length).toBeGreaterThanOrEqual(Math.floor(seconds * 3))
      // no two events closer than the interval
      for (let i = 1; i < sent.length; i++) expect(sent[i]!.at - sent[i - 1]!.at).toBeGreaterThanOrEqual(250)
      // the held one is the latest: nothing is lost
      expect(sent.at(-1)!.done).toBe(110)
    } finally {
      vi.useRealTimers()
    }
  })
})
