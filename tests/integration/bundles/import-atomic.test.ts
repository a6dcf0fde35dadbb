import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { requireKeychain } from '../vault/keychain'
import {
  closeCores,
  exportedBundle,
  newCore,
  ok,
  OLD_SECRET_BEFORE,
  NEW_SECRET,
  OLD_SECRET_IN_BUNDLE,
  PASSPHRASE,
  profileWithWorkspace,
} from './atomic-fixture'

/**
 * An import that fails changes nothing, the keychain included (D2): the real OS keychain (run inside a
 * D-Bus session), real SQLite, and a second core on the same data directory (another window) that saves
 * the draft while the import is writing the bundle's secrets.
 */

afterEach(closeCores)
beforeAll(requireKeychain)

describe('an import that fails changes nothing', { timeout: 120_000 }, () => {
  it('D2: a draft saved by another window while the secrets are written: neither drafts nor keychain entries change', async () => {
    // The bundle: exported with both signing secrets, encrypted, from another machine's data directory.
    const content = await exportedBundle(newCore())

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
