/// <reference lib="dom" />
import fs from 'node:fs'
import type { CDPSession } from '@playwright/test'
import os from 'node:os'
import path from 'node:path'
import { openStore } from '../core/store'
import { SettingsService, sqliteSettingsStore } from '../core/services/settings'
import { seed } from './access-seed'
import { loadNote } from './emulator-process'
import { withHarnessOn } from './renderer-page'
import { median, percentile, type Bench, type BenchFigure } from './types'

const RUNS = 7

/**
 * Chromium's cumulative figures (seconds): the renderer main thread's CPU time (ThreadTime) and the renderer
 * process's (ProcessTime), beside the wall time its tasks, script, layout and style took (these grow with load).
 */
const METRICS = [
  'ThreadTime',
  'ProcessTime',
  'TaskDuration',
  'ScriptDuration',
  'LayoutDuration',
  'RecalcStyleDuration',
] as const
type Metric = (typeof METRICS)[number]

async function mainThread(cdp: CDPSession): Promise<Record<Metric, number>> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] }
  const at = new Map(metrics.map((m) => [m.name, m.value]))
  return Object.fromEntries(METRICS.map((k) => [k, at.get(k) ?? 0])) as Record<Metric, number>
}

/**
 * The access overview [访问权限总览] painted in Chromium (issue 16) on the access bench's cache (1,000 workspaces x
 * 200 members) through out/main/harness.js: from opening the screen (its route) to the first page of users in the
 * DOM and the frame after it, with the store query, the IPC and the virtualized grid in between.
 */
const bench: Bench = {
  title: 'Access overview painted in Chromium (1,000 workspaces x 200 members)',
  async run(): Promise<BenchFigure[]> {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pai-bench-access-paint-'))
    const store = openStore({ dataDir })
    const profileId = seed(store)
    new SettingsService(sqliteSettingsStore(store.settings)).update({ activeProfileId: profileId })
    store.close({ backup: false })
    const times: number[] = []
    const ipcEnds: number[] = []
    const ipcStarts: number[] = []
    const rowsAt: number[] = []
    const mountedAt: number[] = []
    const cpu = Object.fromEntries(METRICS.map((k) => [k, [] as number[]])) as Record<Metric, number[]>
    let dom = 0
    let counts = ''
    await withHarnessOn(dataDir, async (browser, url) => {
      for (let i = 0; i < RUNS + 1; i++) {
        const context = await browser.newContext({ viewport: { width: 1360, height: 860 } })
        const page = await context.newPage()
        await page.goto(url)
        await page.getByTestId('brand').waitFor({ timeout: 30_000 })
        // the renderer's main-thread time (CPU side, less noisy than wall time on a loaded machine)
        const cdp = await context.newCDPSession(page)
        await cdp.send('Performance.enable')
        const before = await mainThread(cdp)
        const t = await page.evaluate(async () => {
          const t0 = performance.now()
          const rowsAt = new Promise<number>((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error('no access-row within 60 s')), 60_000)
            const obs = new MutationObserver(() => {
              if (document.querySelector('[data-testid="access-row"]') === null) return
              obs.disconnect()
              clearTimeout(timer)
              resolve(performance.now())
            })
            obs.observe(document, { childList: true, subtree: true })
          })
          window.location.hash = '/access'
          const rows = await rowsAt
          // the frame after the rows: rAF may be throttled in a headless page, so wait at most 1 s for it
          const frame = await Promise.race([
            new Promise<number>((r) => requestAnimationFrame(() => r(performance.now()))),
            new Promise<number>((r) => setTimeout(() => r(rows), 1000)),
          ])
          const ipc = performance
            .getEntriesByType('resource')
            .find((e) => e.startTime >= t0 && e.name.endsWith('/access.overview'))
          return {
            total: frame - t0,
            rows: rows - t0,
            ipcStart: ipc ? ipc.startTime - t0 : NaN,
            ipcEnd: ipc ? ipc.startTime + ipc.duration - t0 : NaN,
            mounted: (performance.getEntriesByName('access-view-mounted').at(-1)?.startTime ?? NaN) - t0,
            dom: document.querySelectorAll('[data-testid="access-grid"] *').length,
          }
        })
        const after = await mainThread(cdp)
        if (i > 0) for (const k of METRICS) cpu[k].push((after[k] - before[k]) * 1000)
        counts = (await page.getByTestId('access-counts').textContent()) ?? ''
        if (i > 0) ipcEnds.push(t.ipcEnd)
        if (i > 0) ipcStarts.push(t.ipcStart)
        if (i > 0) rowsAt.push(t.rows)
        if (i > 0) mountedAt.push(t.mounted)
        dom = t.dom
        if (i > 0) times.push(t.total) // the first load warms the harness, the statements and the disk cache
        await context.close()
      }
    })
    if (!/20[,.]?\d{3}/.test(counts)) throw new Error(`the overview shows "${counts}", not about 20,000 users`)
    const med = median(times)
    return [
      {
        name: 'opening the overview to its first page painted (median)',
        value: Math.round(med),
        unit: 'ms',
        target: '< 300 ms',
        ok: med < 300,
        note: `${RUNS} loads (medians): renderer main thread CPU ${Math.round(median(cpu.ThreadTime))} ms (renderer process ${Math.round(median(cpu.ProcessTime))} ms; tasks took ${Math.round(median(cpu.TaskDuration))} ms of wall time: script ${Math.round(median(cpu.ScriptDuration))}, layout ${Math.round(median(cpu.LayoutDuration))}, style ${Math.round(median(cpu.RecalcStyleDuration))}) of the load; access.overview asked at ${Math.round(median(ipcStarts))} ms, its answer in by ${Math.round(median(ipcEnds))} ms, the screen mounted by ${Math.round(median(mountedAt))} ms (the answer waits for it), rows in the DOM by ${Math.round(median(rowsAt))} ms, the frame after; ${dom} elements in the grid; p99 ${Math.round(percentile(times, 99))} ms; "${counts.trim()}"; ${loadNote()}`,
      },
    ]
  },
}
export default bench
