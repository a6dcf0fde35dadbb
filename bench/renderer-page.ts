/// <reference lib="dom" />
import { execFileSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test'
import playwrightConfig from '../playwright.config.mjs'
import { openStore } from '../core/store'
import { SettingsService, sqliteSettingsStore } from '../core/services/settings'
import { startHarness as startE2eHarness } from '../tests/e2e/harness'
import { benchProfile } from './profile'

/** The built renderer the harness serves. */
export const OUT = path.resolve('out/renderer')

/** `count` cached workspaces under one active profile, written through the store repositories. */
function seed(dataDir: string, count: number): void {
  const store = openStore({ dataDir })
  const profileId = benchProfile(store)
  new SettingsService(sqliteSettingsStore(store.settings)).update({ activeProfileId: profileId })
  const rows = Array.from({ length: count }, (_, i) => ({
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

/** Starts the browser harness on `dataDir` (extra environment in `env`): the e2e tests' start, answering its address and process. */
export async function startHarness(
  dataDir: string,
  env: NodeJS.ProcessEnv = {},
): Promise<{ url: string; child: ChildProcess }> {
  const h = await startE2eHarness([], env, dataDir)
  return { url: h.url, child: h.process }
}

/** A harness over `count` seeded workspaces and a headless Chromium; `use` gets the app's address. */
export async function withRendererHarness<T>(
  count: number,
  use: (browser: Browser, url: string) => Promise<T>,
): Promise<T> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pai-bench-renderer-'))
  seed(dataDir, count)
  return withHarnessOn(dataDir, use)
}

/**
 * The built app served by a harness on `dataDir` (seeded by the caller) and a headless Chromium; `use` gets the
 * app's address. Builds first when nothing is built; stops both and removes `dataDir` afterwards.
 */
export async function withHarnessOn<T>(
  dataDir: string,
  use: (browser: Browser, url: string) => Promise<T>,
): Promise<T> {
  if (!fs.existsSync(path.join(OUT, 'index.html')) || !fs.existsSync('out/main/harness.js')) {
    execFileSync('npx', ['electron-vite', 'build'], { stdio: 'ignore' })
  }
  try {
    const { url, child } = await startHarness(dataDir)
    const browser = await chromium.launch(headlessChromium())
    try {
      return await use(browser, url)
    } finally {
      await browser.close()
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r))
        child.kill('SIGTERM')
        await exited
      }
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

/** The tests' launch options for Debian's Chromium, headless. */
function headlessChromium() {
  return {
    ...(playwrightConfig.use?.launchOptions ?? {}),
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
  }
}

/** The viewport of every load the renderer benches measure. */
const BENCH_VIEWPORT = { width: 1360, height: 860 }
/** Loads in a kept profile before the measured ones: V8 makes a script's code cache on its second load. */
const WARM_UP = 2

/**
 * `runs` loads measured two ways: in fresh browser contexts (the first start after an install, nothing cached; one
 * load more first, which warms the harness and the disk cache) and in a browser profile kept on disk, as the desktop
 * app keeps one (later starts: from the second load on, the hashed scripts come from the HTTP cache and V8 compiles
 * them from its code cache, as Electron does for the app scheme: electron/main/protocol.ts; each load a new page,
 * with a new renderer process, after WARM_UP loads).
 */
export async function freshAndKept<T>(
  browser: Browser,
  runs: number,
  measure: (context: BrowserContext, page: Page) => Promise<T>,
): Promise<{ fresh: T[]; kept: T[] }> {
  const fresh: T[] = []
  for (let i = 0; i < runs + 1; i++) {
    const context = await browser.newContext({ viewport: BENCH_VIEWPORT })
    const got = await measure(context, await context.newPage())
    if (i > 0) fresh.push(got)
    await context.close()
  }
  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pai-bench-profile-'))
  const context = await chromium.launchPersistentContext(profileDir, {
    ...headlessChromium(),
    viewport: BENCH_VIEWPORT,
  })
  try {
    const kept: T[] = []
    for (let i = 0; i < WARM_UP + runs; i++) {
      const page = await context.newPage()
      const got = await measure(context, page)
      if (i >= WARM_UP) kept.push(got)
      await page.close()
    }
    return { fresh, kept }
  } finally {
    await context.close()
    fs.rmSync(profileDir, { recursive: true, force: true })
  }
}
