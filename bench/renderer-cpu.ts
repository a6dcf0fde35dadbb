/// <reference lib="dom" />
import type { Browser } from '@playwright/test'
import { median } from './types'

interface TraceEvent {
  name: string
  ph: string
  ts: number
  dur?: number
  tdur?: number
  pid: number
  tid: number
}

/**
 * The renderer main thread's CPU time from navigation to the first workspace row in the DOM, from a Chromium
 * trace of each of `runs` loads (the thread time of every task that started before the row came): a figure that
 * grows far less with the machine's load than the wall times do. The traced loads are extra ones (tracing slows
 * a load down), not the ones the wall times come from.
 */
export async function cpuToFirstRows(
  browser: Browser,
  url: string,
  runs: number,
): Promise<{ cpuMs: number; tasks: number; wallMs: number }> {
  const cpu: number[] = []
  const tasks: number[] = []
  const wall: number[] = []
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1360, height: 860 } })
    const page = await context.newPage()
    await page.addInitScript(() => {
      const obs = new MutationObserver(() => {
        if (document.querySelector('[data-testid="ws-row"]') === null) return
        performance.mark('bench:first-row')
        obs.disconnect()
      })
      obs.observe(document, { childList: true, subtree: true })
    })
    await browser.startTracing(page, { categories: ['disabled-by-default-devtools.timeline', 'blink.user_timing'] })
    await page.goto(url)
    await page.getByTestId('ws-row').first().waitFor({ timeout: 30_000 })
    const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] }
    await context.close()
    const mark = trace.traceEvents.find((e) => e.name === 'bench:first-row')
    if (!mark) throw new Error('the trace has no first-row mark')
    const nav = trace.traceEvents.find((e) => e.name === 'navigationStart' && e.pid === mark.pid && e.ts <= mark.ts)
    const before = trace.traceEvents.filter(
      (e) => e.name === 'RunTask' && e.ph === 'X' && e.pid === mark.pid && e.tid === mark.tid && e.ts <= mark.ts,
    )
    cpu.push(before.reduce((s, e) => s + (e.tdur ?? 0), 0) / 1000)
    tasks.push(before.length)
    wall.push(nav ? (mark.ts - nav.ts) / 1000 : NaN)
  }
  return { cpuMs: median(cpu), tasks: median(tasks), wallMs: median(wall) }
}
