import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { keychainSettled, Vault } from '../../../core/vault'
import { tracked } from '../../../core/vault/in-flight'
import { testCore } from '../../helpers/core'
import { requireKeychain } from './keychain'

beforeAll(requireKeychain)

const SERVICE = `pai-workspace-admin-exit-${randomBytes(4).toString('hex')}`

afterAll(async () => {
  await new Vault({ service: SERVICE }).deleteAll('leaving')
})

// A secret being saved when the app quits or the CLI ends must be written, not cut off: the core's close (which
// both call) waits for keychainSettled() (core/vault/in-flight.ts).
describe('leaving with keychain calls open', () => {
  it('D2: keychainSettled waits for every call in flight, also those started while it waits', async () => {
    const vault = new Vault({ service: SERVICE })
    const settled: string[] = []
    void vault.set('leaving', 'accessKeySecret', 'secret-leaving-1').then(() => settled.push('set'))
    const waiting = keychainSettled()
    // Started once keychainSettled already waits.
    void vault.list('leaving').then(() => settled.push('list'))
    expect(await waiting).toBe(true)
    // The calls' own callbacks run within microtasks of their answers; a D-Bus round trip takes longer than this.
    await new Promise((r) => setImmediate(r))
    expect(settled.sort()).toEqual(['list', 'set'])
  })

  it('D2: the core waits for open keychain calls when it closes', async () => {
    const core = testCore({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'pai-vault-exit-')), syncWorker: 'never' })
    // A slow keychain: the answer comes well after the rest of the close is done.
    let answered = false
    void tracked(new Promise<void>((r) => setTimeout(r, 600))).then(() => (answered = true))
    await core.close()
    expect(answered).toBe(true)
  })

  it('D2: a keychain call that never answers holds the exit up only until the timeout', async () => {
    let answer = (): void => {}
    void tracked(new Promise<void>((r) => (answer = r)))
    const started = Date.now()
    expect(await keychainSettled(200)).toBe(false)
    expect(Date.now() - started).toBeGreaterThanOrEqual(190)
    expect(Date.now() - started).toBeLessThan(2000)
    answer()
    expect(await keychainSettled(200)).toBe(true)
  })
})
