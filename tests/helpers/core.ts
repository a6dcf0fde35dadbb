import { afterAll } from 'vitest'
import { createCore, type Core, type CoreOptions } from '../../core/core'

/**
 * The keychain service every test uses, never the app's `pai-workspace-admin` (an admin running the tests keeps
 * their real entries). vitest.config.mts and playwright.config.mts set it for the CLI and harness processes too.
 */
export const TEST_KEYCHAIN_SERVICE = process.env.PAI_ADMIN_KEYCHAIN_SERVICE ?? 'pai-workspace-admin-test'

const open: Core[] = []

/** A core on `dataDir` with the tests' keychain service; whatever the test file leaves open is closed after it. */
export function testCore(opts: Omit<CoreOptions, 'runtime' | 'keychainService'> & Partial<CoreOptions>): Core {
  const core = createCore({ runtime: 'test', keychainService: TEST_KEYCHAIN_SERVICE, ...opts })
  open.push(core)
  return core
}

afterAll(async () => {
  for (const core of open.splice(0)) await core.close()
})
