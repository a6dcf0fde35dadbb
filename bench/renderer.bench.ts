/// <reference lib="dom" />
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import { chromium } from '@playwright/test'
import playwrightConfig from '../playwright.config.mjs'
import { openStore } from '../core/store'
import { SettingsService, sqliteSettingsStore } from '../core/services/settings'
import { median, type Bench, type BenchFigure } from './types'
import { benchProfile } from './profile'

const WORKSPACES = 10_000
const RUNS = 5
const OUT = path.resolve('out/renderer')

/** 10,000 cached workspaces under one active profile, written through the store repositories. */
function seed(dataDir: string): void {
  const store = openStore({ dataDir })
  const profileId = benchProfile(store)
  new SettingsService(sqliteSettingsStore(store.settings)).update({ activeProfileId: profileId })
  const rows = Array.from({ length: WORKSPACES }, (_, i) => ({
    workspaceId: String(100_000 + i),
    name: `ws_${String(i + 1).padStart(5, '0')}`,
    displayName: `工作空间 ${i + 1}`,
    status: i % 7 === 5 ? 'FAILURE' : 'ENABLED',
    mode: i % 3 ? 'simple' : 'standard',
    owner: `owner${i % 97}`,
    gmtModified: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
  }))
  for (let i = 0; i < rows.length; i += 1000) store.workspaces.upsertMany(profileId, rows.slice(i, i + 1000))
  store.close()
}

export async function startHarness(dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['out/main/harness.js', '--port', '0', '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const url = await new Promise<string>((resolve, reject) => {
    let out = ''
    const timer = setTimeout(() => reject(new Error(`harness did not start: ${out}`)), 20_000)
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString()
      const m = /PAI Workspace Admin: (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(out)
      if (m?.[1]) {
        clearTimeout(timer)
        resolve(m[1])
      }
    })
    child.once('exit', (code) => reject(new Error(`harness exited with ${code}`)))
  })
  return { url, child }
}

/** The scripts and module preloads the built index.html loads before anything else, gzipped. */
function initialJsGzipBytes(): { bytes: number; files: string[] } {
  const html = fs.readFileSync(path.join(OUT, 'index.html'), 'utf8')
  const files = [
    ...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="\.?\/?([^"]+\.js)"/g),
  ].map((m) => m[1]!)
  const bytes = files.reduce(
    (sum, f) => sum + zlib.gzipSync(fs.readFileSync(path.join(OUT, f)), { level: 9 }).length,
    0,
  )
  return { bytes, files }
}

const bench: Bench = {
  title: `Renderer in Chromium (${WORKSPACES.toLocaleString('en')} cached workspaces)`,
  async run(): Promise<BenchFigure[]> {
    if (!fs.existsSync(path.join(OUT, 'index.html')) || !fs.existsSync('out/main/harness.js')) {
      execFileSync('npx', ['electron-vite', 'build'], { stdio: 'ignore' })
    }
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pai-bench-renderer-'))
    seed(dataDir)
    const { url, child } = await startHarness(dataDir)
    const launch = playwrightConfig.use?.launchOptions ?? {}
    const browser = await chromium.launch({
      ...launch,
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
    })
    const times: number[] = []
    try {
      for (let i = 0; i < RUNS + 1; i++) {
        const context = await browser.newContext({ viewport: { width: 1360, height: 860 } })
        const page = await context.newPage()
        // Records, relative to navigation start, when the first workspace row enters the DOM and the next frame.
        await page.addInitScript(() => {
          const w = window as unknown as { __rowsAt?: number; __paintAt?: number }
          const obs = new MutationObserver(() => {
            if (w.__rowsAt === undefined && document.querySelector('[data-testid="ws-row"]') !== null) {
              w.__rowsAt = performance.now()
              obs.disconnect()
              requestAnimationFrame(() => (w.__paintAt = performance.now()))
            }
          })
          obs.observe(document, { childList: true, subtree: true })
        })
        await page.bringToFront()
        await page.goto(url)
        await page.waitForFunction(() => (window as unknown as { __rowsAt?: number }).__rowsAt !== undefined, null, {
          timeout: 30_000,
        })
        // The frame after the rows: rAF may be throttled in a headless page, so wait at most 1 s for it.
        const t = await page.evaluate(async () => {
          const w = window as unknown as { __rowsAt: number; __paintAt?: number }
          for (let i = 0; i < 100 && w.__paintAt === undefined; i++) await new Promise((r) => setTimeout(r, 10))
          return w.__paintAt ?? w.__rowsAt
        })
        const total = await page.getByTestId('ws-total').textContent()
        if (!total?.includes(String(WORKSPACES)))
          throw new Error(`the list shows "${total}", not ${WORKSPACES} workspaces`)
        if (i > 0) times.push(t) // the first load warms the harness and the disk cache
        await context.close()
      }
    } finally {
      await browser.close()
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r))
        child.kill('SIGTERM')
        await exited
      }
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
    const js = initialJsGzipBytes()
    const firstRows = median(times)
    return [
      {
        name: 'navigation to first workspace rows painted (median)',
        value: Math.round(firstRows),
        unit: 'ms',
        target: '< 300 ms',
        ok: firstRows < 300,
        note: `${RUNS} loads, max ${Math.round(Math.max(...times))} ms`,
      },
      {
        name: 'initial JavaScript, gzipped',
        value: Math.round(js.bytes / 1024),
        unit: 'kB',
        target: '< 500 kB',
        ok: js.bytes < 500 * 1024,
        note: `${js.files.length} files from index.html`,
      },
    ]
  },
}
export default bench
