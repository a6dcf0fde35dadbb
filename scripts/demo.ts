// `npm run demo`: try the whole app without a PAI account. Starts the local emulator seeded with realistic
// workspaces (tools/emulator/seeds/demo.ts), a data folder with a ready profile that points at it, and the
// browser harness; prints the address to open. Ctrl+C stops everything (a throw-away data folder is removed).
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import type { Envelope } from '@shared/ipc/api'
import { createCore, type Core } from '../core/core'
import { Vault } from '../core/vault'
import { startHarness } from '../web/server'
import { startEmulator } from '../tools/emulator'
import { DEMO_ACCOUNT, demoSeed } from '../tools/emulator/seeds/demo'

/** The demo's keychain entries live under a service of their own: never the app's, never a test's. */
const DEMO_KEYCHAIN_SERVICE = 'pai-workspace-admin-demo'
const PROFILE_NAME = 'demo'

/** The OS keychain when one answers (a desktop session), else the process-memory vault `--credentials env` uses. */
async function pickVault(forced: string | undefined): Promise<'os' | 'memory'> {
  if (forced === 'os' || forced === 'memory') return forced
  const probe = new Vault({ service: DEMO_KEYCHAIN_SERVICE, backend: 'os' }).probe()
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no answer')), 5_000).unref())
  try {
    await Promise.race([probe, timeout])
    return 'os'
  } catch {
    return 'memory'
  }
}

function must<T>(env: Envelope<T>, what: string): T {
  if (!env.ok) throw new Error(`${what}: ${env.error.message} (${env.error.code})`)
  return env.value
}

/** The demo profile (made once per data folder), current, with its workspaces refreshed from the emulator. */
async function readyProfile(core: Core, endpoint: string): Promise<{ id: string; workspaces: number }> {
  const list = must(await core.invoke('profiles.list', {}), 'profiles.list')
  const fields = { region: 'cn-hangzhou', endpoint, protocol: 'http' as const, accessKeyId: DEMO_ACCOUNT.accessKeyId }
  const existing = list.profiles.find((p) => p.name === PROFILE_NAME)
  const profile = existing
    ? must(
        await core.invoke('profiles.update', {
          id: existing.id,
          ...fields,
          accessKeySecret: DEMO_ACCOUNT.accessKeySecret,
        }),
        'profiles.update',
      )
    : must(
        await core.invoke('profiles.add', {
          name: PROFILE_NAME,
          kind: 'access-key',
          ...fields,
          accessKeySecret: DEMO_ACCOUNT.accessKeySecret,
        }),
        'profiles.add',
      )
  must(await core.invoke('profiles.setActive', { id: profile.id }), 'profiles.setActive')
  const refreshed = must(await core.invoke('sync.refresh', { profileId: profile.id }), 'sync.refresh')
  if (refreshed.failed.length)
    console.warn(`demo: ${refreshed.failed.length} workspaces did not refresh`, refreshed.failed)
  return { id: profile.id, workspaces: refreshed.workspaces }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      'emulator-port': { type: 'string', default: '0' },
      'data-dir': { type: 'string' },
      vault: { type: 'string' },
      'renderer-dir': { type: 'string', default: path.resolve('out/renderer') },
    },
  })
  const rendererDir = values['renderer-dir']
  if (!fs.existsSync(path.join(rendererDir, 'index.html')))
    throw new Error(`no built renderer in ${rendererDir}: run \`npx electron-vite build\` (npm run demo does)`)
  const throwAway = !values['data-dir']
  const dataDir = values['data-dir'] ?? fs.mkdtempSync(path.join(os.tmpdir(), 'pai-admin-demo-'))
  const vault = await pickVault(values.vault)

  // A kept data folder keeps its emulator's state too (the cache then matches the cloud of the last run).
  const emu = await startEmulator({
    port: Number(values['emulator-port']),
    accounts: [DEMO_ACCOUNT],
    ...(throwAway ? {} : { stateFile: path.join(dataDir, 'demo-emulator-state.json') }),
  })
  const seeded = Object.values(emu.state().tenants).some((t) => Object.keys(t.workspaces).length > 0)
  if (!seeded) emu.seed(demoSeed())
  const core = createCore({ dataDir, runtime: 'web', vault, keychainService: DEMO_KEYCHAIN_SERVICE })
  const profile = await readyProfile(core, emu.endpoint)
  const harness = await startHarness({ core, port: Number(values.port), rendererDir })

  const where = vault === 'os' ? `OS keychain (service ${DEMO_KEYCHAIN_SERVICE})` : 'memory (no keychain reachable)'
  console.log(`Demo emulator (the only cloud it talks to): ${emu.url}`)
  console.log(`Demo data folder: ${dataDir}${throwAway ? ' (removed on exit)' : ''}`)
  console.log(`Profile "${PROFILE_NAME}": ${profile.workspaces} workspaces; its AccessKey secret is kept in ${where}`)
  console.log(`PAI Workspace Admin: ${harness.url}`)
  console.log('Open the address above in a browser; Ctrl+C stops the demo.')

  let stopping = false
  const stop = (): void => {
    if (stopping) return
    stopping = true
    void (async () => {
      await harness.close()
      // A throw-away data folder takes its profile with it: leave no keychain entry behind.
      if (throwAway && vault === 'os') await core.invoke('profiles.remove', { id: profile.id })
      await core.close()
      await emu.close()
      if (throwAway) fs.rmSync(dataDir, { recursive: true, force: true })
    })().finally(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((err: unknown) => {
  console.error(`demo: ${err instanceof Error ? err.message : String(err)}`)
  process.exit(1)
})
