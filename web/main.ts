import path from 'node:path'
import { parseArgs } from 'node:util'
import { toErrorPayload } from '@shared/ipc/errors'
import { pickLocale } from '@shared/locale'
import { createCore } from '../core/core'
import { resolveDataDir, resolveKeychainService } from '../core/paths'
import { testOnlyRoutesFromEnv } from '../core/services/cloud-sessions'
import { startHarness } from './server'

/** `npm run web -- --port N --data-dir DIR`: the app in any browser, on 127.0.0.1 only. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      'data-dir': { type: 'string' },
      token: { type: 'string' },
      'renderer-dir': { type: 'string' },
    },
  })
  const port = Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a number from 0 to 65535, got "${values.port}"`)
    process.exit(2)
  }
  // The harness is also how the e2e tests run the app: it honours the test-only routes (the Electron shell does not).
  const keychainService = resolveKeychainService()
  const core = createCore({
    dataDir: resolveDataDir(values['data-dir']),
    runtime: 'web',
    testOnly: testOnlyRoutesFromEnv(),
    ...(keychainService ? { keychainService } : {}),
  })
  const harness = await startHarness({
    core,
    port,
    token: values.token,
    rendererDir: values['renderer-dir'] ?? path.join(__dirname, '../renderer'),
  })
  console.log(`PAI Workspace Admin: ${harness.url}`)
  const stop = (): void => {
    void harness
      .close()
      .then(() => core.close())
      .finally(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

void main().catch((err: unknown) => {
  // e.g. STORE_SCHEMA_TOO_NEW (data written by a newer app) or KEYCHAIN_UNAVAILABLE: say it in the user's language.
  const e = toErrorPayload(err, pickLocale(process.env.LC_ALL ?? process.env.LANG))
  console.error(`PAI Workspace Admin could not start: ${e.message} (${e.code})`)
  process.exit(1)
})
