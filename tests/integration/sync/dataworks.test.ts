import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Core } from '../../../core/core'
import { testCore } from '../../helpers/core'
import { startEmulator, type RunningEmulator } from '../../../tools/emulator'
import { requireKeychain } from '../vault/keychain'
import { MAIN } from './harness'

let emu: RunningEmulator
let core: Core

async function ok<T>(
  p: Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }>,
): Promise<T> {
  const res = await p
  if (!res.ok) throw new Error(`${res.error.code}: ${res.error.message}`)
  return res.value
}

beforeAll(async () => {
  await requireKeychain()
  emu = await startEmulator({ accounts: [MAIN], dataworksNames: ['dw_finance'] })
  core = testCore({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'pai-sync-dw-')) })
})
afterAll(async () => {
  for (const p of core.services.store.profiles.list()) await core.services.vault.deleteAll(p.id).catch(() => undefined)
  await core.close()
  await emu.close()
})

describe('refresh learns the DataWorks names for the offline name check', () => {
  it('W4: a DataWorks workspace name seen at refresh makes an offline draft with that name an error naming DataWorks', async () => {
    const profile = await ok(
      core.invoke('profiles.add', {
        name: 'emu',
        region: 'cn-hangzhou',
        endpoint: emu.endpoint,
        protocol: 'http',
        accessKeyId: MAIN.accessKeyId,
        accessKeySecret: MAIN.accessKeySecret,
      }),
    )
    await ok(core.invoke('sync.refresh', { profileId: profile.id }))
    const ctx = await ok(core.invoke('workspaces.context', { profileId: profile.id }))
    expect(ctx.knownWorkspaces).toContainEqual(expect.objectContaining({ name: 'dw_finance', source: 'dataworks' }))

    const draft = await ok(
      core.invoke('drafts.create', {
        profileId: profile.id,
        config: { basic: { name: 'dw_finance', description: '与 DataWorks 重名' } },
      }),
    )
    const clash = draft.problems.find((p) => p.ruleId === 'W4' && p.pointer === '/basic/name')
    expect(clash?.severity).toBe('error')
    expect(clash?.code).toBe('DOMAIN_NAME_TAKEN_DATAWORKS')
  })
})

describe('the wizard checks a new name as the user types (W4)', () => {
  it("W4: online the cloud's own pre-check answers (names clash ignoring case, DataWorks too); offline the cache does", async () => {
    const profile = await ok(
      core.invoke('profiles.add', {
        name: 'emu-names',
        region: 'cn-hangzhou',
        endpoint: emu.endpoint,
        protocol: 'http',
        accessKeyId: MAIN.accessKeyId,
        accessKeySecret: MAIN.accessKeySecret,
      }),
    )
    emu.seed({ workspaces: [{ WorkspaceName: 'taken_ws' }] })
    const check = (name: string) => ok(core.invoke('workspaces.checkName', { profileId: profile.id, name }))
    emu.clearRequests()
    // Before any refresh the cache knows nothing: only the cloud can tell.
    expect(await check('Taken_WS')).toMatchObject({
      source: 'cloud',
      taken: true,
      problem: { ruleId: 'W4', severity: 'error', code: 'DOMAIN_NAME_TAKEN_CASE', params: { existing: 'taken_ws' } },
    })
    expect(emu.requests().map((r) => r.sent?.query)).toContainEqual(
      expect.objectContaining({ Option: 'CheckWorkspaceExists', WorkspaceName: 'Taken_WS' }),
    )
    expect(await check('DW_FINANCE')).toMatchObject({ source: 'cloud', taken: true, problem: { ruleId: 'W4' } })
    expect(await check('brand_new_ws')).toEqual({ name: 'brand_new_ws', source: 'cloud', taken: false })
    // A malformed name is never sent.
    emu.clearRequests()
    expect(await check('9bad')).toMatchObject({ source: 'cache', taken: false })
    expect(emu.requests()).toEqual([])

    // Offline (the emulator stopped answering), after a refresh: the cache decides, ignoring case as the cloud does.
    await ok(core.invoke('sync.refresh', { profileId: profile.id }))
    emu.faults({ inject: [{ kind: 'drop-before', count: 20 }] })
    const offline = await check('TAKEN_ws')
    emu.clearFaults()
    expect(offline).toMatchObject({
      source: 'cache',
      taken: true,
      cloudError: expect.stringMatching(/^CLOUD_/),
      problem: { ruleId: 'W4', code: 'DOMAIN_NAME_TAKEN_CASE' },
    })
  }, 60_000)
})
