import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'

export default defineConfig({
  plugins: [vue()],
  resolve: { alias: { '@shared': resolve(import.meta.dirname, 'shared') } },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Never the app's keychain entries: the CLI and harness processes the tests start read this too.
    env: { PAI_ADMIN_KEYCHAIN_SERVICE: 'pai-workspace-admin-test' },
    // Two cores: keep the suite from starving the emulator and Chromium.
    maxWorkers: 2,
  },
})
