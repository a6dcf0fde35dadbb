import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator, type RunningEmulator } from '../../../tools/emulator'
import { requireKeychain } from '../vault/keychain'
import { ensureBuilt, runCli, type CliRun } from './support'

/** pai-admin ram users end to end: the built CLI, the keychain, real SQLite, RAM ListUsers on the emulator. */

const MAIN = {
  accessKeyId: 'TESTAK5tRamCliMain00001',
  accessKeySecret: 'ram-cli-main-secret-1',
  type: 'main' as const,
  uid: '1910000000000001',
  name: 'ram-cli',
}
/** May use PAI, may not read RAM. */
const PAI_ONLY = {
  accessKeyId: 'TESTAK5tRamCliPaiOnly01',
  accessKeySecret: 'ram-cli-pai-only-secret',
  type: 'ram' as const,
  uid: '2910000000000009',
  name: 'pai-only',
  policies: ['AliyunPAIFullAccess'],
}

let emu: RunningEmulator
let dataDir: string
const cli = (args: string[], input?: string): Promise<CliRun> =>
  runCli(['--data-dir', dataDir, ...args], input === undefined ? {} : { input })

beforeAll(async () => {
  await requireKeychain()
  ensureBuilt()
  emu = await startEmulator({ accounts: [MAIN, PAI_ONLY] })
  emu.seed({
    users: Array.from({ length: 120 }, (_, i) => ({
      UserId: `29200000000${String(i).padStart(5, '0')}`,
      UserName: `dev${String(i).padStart(3, '0')}`,
      DisplayName: i === 42 ? '王小明' : `Dev ${i}`,
    })),
  })
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pai-ram-cli-'))
  for (const [name, who] of [
    ['ram-main', MAIN],
    ['ram-pai-only', PAI_ONLY],
  ] as const) {
    const r = await cli(
      ['profile', 'add', name, '--region', 'cn-hangzhou', '--access-key-id', who.accessKeyId].concat([
        '--endpoint',
        emu.endpoint,
        '--protocol',
        'http',
      ]),
      who.accessKeySecret + '\n',
    )
    expect(r.code, r.stderr).toBe(0)
  }
}, 240_000)

afterAll(async () => {
  for (const name of ['ram-main', 'ram-pai-only']) await cli(['profile', 'remove', name])
  await emu?.close()
})

describe('pai-admin ram users against the emulator', { timeout: 240_000 }, () => {
  it('reads every page of RAM users, searches by display name, as JSON and as a table', async () => {
    const all = await cli(['ram', 'users', '--profile', 'ram-main', '--output', 'json'])
    expect(all.code, all.stderr).toBe(0)
    // 120 seeded and the RAM AccessKey pai-only: more than one ListUsers page of 100.
    expect(JSON.parse(all.stdout)).toMatchObject({ total: 121 })
    const found = await cli([
      'ram',
      'users',
      '--profile',
      'ram-main',
      '--offline',
      '--search',
      '王小',
      '--output',
      'json',
    ])
    expect(found.code, found.stderr).toBe(0)
    expect(JSON.parse(found.stdout).users).toEqual([
      expect.objectContaining({ userName: 'dev042', displayName: '王小明', userId: '2920000000000042' }),
    ])
    const t = await cli(['ram', 'users', '--profile', 'ram-main', '--offline', '--search', 'dev04'])
    expect(t.code, t.stderr).toBe(0)
    expect(t.stdout).toMatch(/USER NAME\s+DISPLAY NAME\s+UID/)
    expect(t.stdout).toContain('2920000000000042')
  })

  it('a key that may not read RAM: a non-zero exit and the localized reason', async () => {
    const r = await cli(['ram', 'users', '--profile', 'ram-pai-only'])
    expect(r.code).not.toBe(0)
    expect(r.stderr).toContain('may not read Resource Access Management (RAM) users')
    expect(r.stderr).toContain('NoPermission')
    expect(r.stderr).toMatch(/Request ID: [0-9A-F-]{36}/)
  })
})
