import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { WorkspaceConfigSchema } from '@shared/domain'
import type { Core } from '../../../core/core'
import { testCore } from '../../helpers/core'
import { requireKeychain } from '../vault/keychain'

/**
 * An import that fails changes nothing, the keychain included (D2): the real OS keychain (run inside a
 * D-Bus session), real SQLite, and a second core on the same data directory (another window) that saves
 * the draft while the import is writing the bundle's secrets.
 */

const cores: Core[] = []
function newCore(dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pai-bundles-atomic-'))): Core {
  const core = testCore({ dataDir, syncWorker: 'never' })
  cores.push(core)
  return core
}
afterEach(async () => {
  for (const c of cores.splice(0).reverse()) {
    for (const p of c.services.store.profiles.list()) await c.services.vault.deleteAll(p.id).catch(() => 0)
    await c.close()
  }
})
beforeAll(requireKeychain)

async function ok<T>(
  p: Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }>,
): Promise<T> {
  const res = await p
  if (!res.ok) throw new Error(`${res.error.code}: ${res.error.message}`)
  return res.value
}

const NEW_SECRET = 'SEC' + '1a2b3c4d'.repeat(8)
const OLD_SECRET_IN_BUNDLE = 'SEC' + '5e6f7a8b'.repeat(8)
const OLD_SECRET_BEFORE = 'SEC' + '99887766'.repeat(8)
const PASSPHRASE = 'a long passphrase'

const config = WorkspaceConfigSchema.parse({
  basic: { name: 'team_a', description: 'Team workspace', mode: 'standard' },
  owner: { userId: '1700000000000001' },
  members: [{ userId: '1700000000000001', roles: ['PAI.WorkspaceOwner'] }],
  notifications: {
    rules: [
      {
        name: 'ops',
        eventTypes: ['dlc.other'],
        targets: [
          { type: 'dingtalk', webhook: 'https://oapi.dingtalk.com/robot/send?access_token=a1', secretRef: 'new-robot' },
          { type: 'dingtalk', webhook: 'https://oapi.dingtalk.com/robot/send?access_token=b2', secretRef: 'old-robot' },
        ],
      },
    ],
  },
  storage: { defaultPath: 'oss://team-bucket/pai/' },
})

async function profileWithWorkspace(core: Core): Promise<{ profileId: string; key: string }> {
  const p = await ok(
    core.invoke('profiles.add', {
      name: 'emu',
      region: 'cn-hangzhou',
      accessKeyId: 'TESTAK5tMainAccount0001',
      endpoint: '127.0.0.1:9',
      protocol: 'http',
    }),
  )
  core.services.store.workspaces.upsertMany(p.id, [
    { workspaceId: '101', name: 'team_a', status: 'ENABLED', mode: 'standard' },
  ])
  core.services.store.workspaces.saveConfig(p.id, '101', config)
  return { profileId: p.id, key: `${p.id}:101` }
}

describe('an import that fails changes nothing', { timeout: 120_000 }, () => {
  it('D2: a draft saved by another window while the secrets are written: neither drafts nor keychain entries change', async () => {
    // The bundle: exported with both signing secrets, encrypted, from another machine's data directory.
    const source = newCore()
    const from = await profileWithWorkspace(source)
    await ok(source.invoke('secrets.setDingtalk', { profileId: from.profileId, ref: 'new-robot', secret: NEW_SECRET }))
    await ok(
      source.invoke('secrets.setDingtalk', {
        profileId: from.profileId,
        ref: 'old-robot',
        secret: OLD_SECRET_IN_BUNDLE,
      }),
    )
    const bundle = await ok(
      source.invoke('bundles.export', {
        keys: [from.key],
        format: 'yaml',
        source: 'cloud',
        secrets: { mode: 'encrypted', passphrase: PASSPHRASE },
      }),
    )
    const content = bundle.content.replace('description: Team workspace', 'description: From the bundle')

    // This machine: the same workspace, a draft open, and one of the two secrets already in the keychain.
    const core = newCore()
    const { profileId, key } = await profileWithWorkspace(core)
    await ok(core.invoke('secrets.setDingtalk', { profileId, ref: 'old-robot', secret: OLD_SECRET_BEFORE }))
    const opened = await ok(core.invoke('drafts.open', { key }))
    const other = newCore(core.services.info.dataDir)
    const preview = await ok(
      core.invoke('bundles.preview', { fileName: 'team_a.yaml', content, passphrase: PASSPHRASE }),
    )
    expect(preview.ok).toBe(true)
    expect(preview.secrets).toEqual({ present: true, count: 2, decrypted: true })

    // While the import writes the first secret, the other window saves the draft.
    const vault = core.services.vault
    const realSet = vault.set.bind(vault)
    let interfered = false
    vault.set = async (...args: Parameters<typeof vault.set>) => {
      await realSet(...args)
      if (interfered) return
      interfered = true
      await ok(
        other.invoke('drafts.save', {
          key,
          config: { ...opened.config, basic: { ...opened.config.basic, displayName: 'edited meanwhile' } },
          revision: opened.revision,
        }),
      )
    }
    const res = await core.invoke('bundles.import', {
      fileName: 'team_a.yaml',
      content,
      passphrase: PASSPHRASE,
      expectRevisions: { [key]: opened.revision },
    })
    vault.set = realSet
    expect(interfered).toBe(true)
    expect(res.ok).toBe(false)

    // The draft is the other window's, not the bundle's; the keychain is as it was before the import.
    const draft = await ok(core.invoke('drafts.open', { key }))
    expect(draft.config.basic.displayName).toBe('edited meanwhile')
    expect(draft.config.basic.description).toBe('Team workspace')
    expect(await vault.get(profileId, 'dingtalkSecret:new-robot')).toBeNull()
    expect(await vault.get(profileId, 'dingtalkSecret:old-robot')).toBe(OLD_SECRET_BEFORE)
    expect((await ok(core.invoke('secrets.listDingtalk', { profileId }))).refs).toEqual(['old-robot'])
    // Told as a stale preview, by workspace name.
    if (!res.ok) {
      expect(res.error.code).toBe('BUNDLE_STALE')
      expect(res.error.message).toContain('team_a')
    }

    // Preview again and import: now both land.
    const again = await ok(core.invoke('bundles.preview', { fileName: 'team_a.yaml', content, passphrase: PASSPHRASE }))
    const done = await ok(
      core.invoke('bundles.import', {
        fileName: 'team_a.yaml',
        content,
        passphrase: PASSPHRASE,
        expectRevisions: { [key]: again.workspaces[0]!.draftRevision! },
      }),
    )
    expect(done.secretsStored).toBe(2)
    expect(await vault.get(profileId, 'dingtalkSecret:new-robot')).toBe(NEW_SECRET)
    expect(await vault.get(profileId, 'dingtalkSecret:old-robot')).toBe(OLD_SECRET_IN_BUNDLE)
  })
})
