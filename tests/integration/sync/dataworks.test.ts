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
