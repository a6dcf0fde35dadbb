import { defineConfig } from '@playwright/test'

// The harness and seed processes the tests start use their own keychain service, never the app's.
process.env.PAI_ADMIN_KEYCHAIN_SERVICE ??= 'pai-workspace-admin-test'

/** End-to-end tests: Debian's Chromium against the browser harness (Playwright's own browsers cannot download here). */
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  // Two at once: most of a test's time is spent waiting on the harness, the emulator and the UI (measured on the
  // 2-core machine: the suite took 17.4 min with 2 workers against 24.3 min with 1, all passing, under the same load).
  workers: 2,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  outputDir: 'test-results',
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    viewport: { width: 1360, height: 860 },
    trace: 'off',
  },
})
