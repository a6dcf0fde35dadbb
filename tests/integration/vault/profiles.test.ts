import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Envelope } from '@shared/ipc/api'
import type { ProfileView } from '@shared/ipc/channels/profiles'
import type { Core } from '../../../core/core'
import { KEYCHAIN_SERVICE } from '../../../core/vault/accounts'
import { TEST_KEYCHAIN_SERVICE, testCore } from '../../helpers/core'
import { keychainEntries, requireKeychain } from './keychain'

beforeAll(requireKeychain)

let core: Core | undefined
afterEach(async () => {
  await core?.close()
  core = undefined
})

function newCore(dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pai-profiles-'))): Core {
  core = testCore({ dataDir })
  return core
}

function value<T>(env: Envelope<unknown>): T {
  if (!env.ok) throw new Error(`expected ok, got ${JSON.stringify(env.error)}`)
  return env.value as T
}

/** A profile as the screens see it: its row of profiles.list. */
async function listed(c: Core, id: string): Promise<ProfileView> {
  return value<{ profiles: ProfileView[] }>(await c.call('profiles.list', {})).profiles.find((x) => x.id === id)!
}

function errorOf(env: Envelope<unknown>): { code: string; message: string } {
  if (env.ok) throw new Error(`expected an error, got ${JSON.stringify(env.value)}`)
  return env.error
}

/** The keychain accounts of one profile under a service, read straight from the Secret Service. */
function keychainAccounts(profileId: string, service = TEST_KEYCHAIN_SERVICE): string[] {
  return keychainEntries(service)
    .map((c) => c.account)
    .filter((a) => a.startsWith(`${profileId}:`))
    .sort()
}

const base = { region: 'cn-hangzhou', accessKeyId: 'TESTAK5tTestKey0001' }

describe('profiles through the IPC contract (real SQLite, real keychain)', () => {
  it('D2: adds a profile with its secret in the keychain; answers say hasSecret, never the secret', async () => {
    const c = newCore()
    const secret = `sk-${randomBytes(15).toString('base64url')}`
    const p = value<ProfileView>(
      await c.call('profiles.add', { name: `dev-${randomBytes(3).toString('hex')}`, ...base, accessKeySecret: secret }),
    )
    expect(p).toMatchObject({
      ...base,
      endpoint: null,
      protocol: 'https',
      proxy: null,
      hasSecret: true,
      // The first profile of a data folder becomes the current one.
      active: true,
      draftCount: 0,
    })
    expect(p).not.toHaveProperty('accessKeySecret')
    expect(keychainAccounts(p.id)).toEqual([`${p.id}:accessKeySecret`])
    expect(await c.services.vault.get(p.id, 'accessKeySecret')).toBe(secret)
    // Under the service the core was given: the app's own entries (an admin's real secrets) are never touched.
    expect(c.services.vault.service).toBe(TEST_KEYCHAIN_SERVICE)
    expect(TEST_KEYCHAIN_SERVICE).not.toBe(KEYCHAIN_SERVICE)
    expect(keychainAccounts(p.id, KEYCHAIN_SERVICE)).toEqual([])

    const list = value<{ profiles: ProfileView[]; keychainError: unknown }>(await c.call('profiles.list', {}))
    expect(list.keychainError).toBeNull()
    expect(list.profiles.find((x) => x.id === p.id)?.hasSecret).toBe(true)

    // A profile without a secret says so.
    const q = value<ProfileView>(
      await c.call('profiles.add', { name: `nosecret-${randomBytes(3).toString('hex')}`, ...base }),
    )
    expect(q.hasSecret).toBe(false)
    expect(keychainAccounts(q.id)).toEqual([])
  })

  it('refuses a duplicate name (any case) with a localized message, and bad input before it reaches the store', async () => {
    const c = newCore()
    value(await c.call('profiles.add', { name: 'Shared', ...base }))
    const dup = errorOf(await c.call('profiles.add', { name: 'shared', ...base }, { locale: 'zh-CN' }))
    expect(dup).toMatchObject({ code: 'PROFILE_NAME_TAKEN', message: '账号配置名称「shared」已存在,请换一个名称' })
    expect(errorOf(await c.call('profiles.add', { name: 'x', ...base, region: 'Hangzhou' })).code).toBe('VALIDATION')
    const proxy = errorOf(
      await c.call('profiles.add', { name: 'y', ...base, proxy: 'http://bob:hunter2@proxy:3128' }, { locale: 'en' }),
    )
    expect(proxy.code).toBe('VALIDATION')
    expect(proxy.message).toMatch(/must not contain a user name or password/)
    expect(errorOf(await c.call('profiles.setActive', { id: 'NOPE' }, { locale: 'en' }))).toMatchObject({
      code: 'PROFILE_NOT_FOUND',
      message: 'Profile NOPE not found',
    })
    expect(c.services.store.profiles.list()).toHaveLength(1)
  })

  it('updates fields and replaces or deletes the secret; DingTalk secrets are listed by ref only', async () => {
    const c = newCore()
    const p = value<ProfileView>(
      await c.call('profiles.add', {
        name: `u-${randomBytes(3).toString('hex')}`,
        ...base,
        accessKeySecret: 'first-secret',
      }),
    )
    const u = value<ProfileView>(
      await c.call('profiles.update', {
        id: p.id,
        endpoint: '127.0.0.1:18080',
        protocol: 'http',
        proxy: 'http://proxy.local:3128',
        accessKeySecret: 'second-secret',
      }),
    )
    expect(u).toMatchObject({
      endpoint: '127.0.0.1:18080',
      protocol: 'http',
      proxy: 'http://proxy.local:3128',
      hasSecret: true,
    })
    expect(await c.services.vault.get(p.id, 'accessKeySecret')).toBe('second-secret')

    expect(value(await c.call('profiles.deleteSecret', { id: p.id }))).toEqual({ id: p.id, hasSecret: false })
    expect((await listed(c, p.id)).hasSecret).toBe(false)
    expect(value(await c.call('profiles.setSecret', { id: p.id, accessKeySecret: 'third-secret' }))).toEqual({
      id: p.id,
      hasSecret: true,
    })
    expect(await c.services.vault.get(p.id, 'accessKeySecret')).toBe('third-secret')

    expect(
      value(await c.call('secrets.setDingtalk', { profileId: p.id, ref: 'ops-robot', secret: 'SECabc123' })),
    ).toEqual({ ref: 'ops-robot', hasSecret: true })
    value(await c.call('secrets.setDingtalk', { profileId: p.id, ref: 'dev.robot', secret: 'SECdef456' }))
    expect(value(await c.call('secrets.listDingtalk', { profileId: p.id }))).toEqual({
      refs: ['dev.robot', 'ops-robot'],
    })
    expect(await c.services.profiles.getDingtalkSecret(p.id, 'ops-robot')).toBe('SECabc123')
    expect(value(await c.call('secrets.deleteDingtalk', { profileId: p.id, ref: 'dev.robot' }))).toEqual({
      ref: 'dev.robot',
      deleted: true,
    })
    expect(value(await c.call('secrets.listDingtalk', { profileId: p.id }))).toEqual({ refs: ['ops-robot'] })
    expect(errorOf(await c.call('secrets.setDingtalk', { profileId: p.id, ref: 'bad ref', secret: 'x' })).code).toBe(
      'VALIDATION',
    )

    expect(c.services.store.activity.list({ profileId: p.id }).map((e) => e.action)).toContain('secret.setDingtalk')
  })

  it('the first profile becomes the current one; a later one, or one added after choosing offline, does not', async () => {
    const c = newCore()
    const first = value<ProfileView>(await c.call('profiles.add', { name: 'first', ...base }))
    expect(first.active).toBe(true)
    expect(value<{ activeProfileId: string }>(await c.call('profiles.list', {})).activeProfileId).toBe(first.id)
    const second = value<ProfileView>(await c.call('profiles.add', { name: 'second', ...base }))
    expect(second.active).toBe(false)
    // Offline only, chosen with profiles present: a new profile leaves that choice alone.
    value(await c.call('profiles.setActive', { id: null }))
    const third = value<ProfileView>(await c.call('profiles.add', { name: 'third', ...base }))
    expect(third.active).toBe(false)
    expect(value(await c.call('settings.get', {}))).toMatchObject({ activeProfileId: null })
  })

  it('remembers the active profile across restarts and clears it when that profile is removed', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pai-profiles-'))
    const c = newCore(dataDir)
    const p = value<ProfileView>(await c.call('profiles.add', { name: `a-${randomBytes(3).toString('hex')}`, ...base }))
    expect(value(await c.call('profiles.setActive', { id: p.id }))).toEqual({ activeProfileId: p.id })
    value(await c.call('settings.update', { locale: 'en' }))
    await c.close()

    const c2 = newCore(dataDir)
    expect(value<{ activeProfileId: string }>(await c2.call('profiles.list', {})).activeProfileId).toBe(p.id)
    expect((await listed(c2, p.id)).active).toBe(true)
    expect(value<{ locale: string }>(await c2.call('settings.get', {})).locale).toBe('en')
    expect(errorOf(await c2.call('profiles.setActive', { id: 'missing' })).code).toBe('PROFILE_NOT_FOUND')
    value(await c2.call('profiles.remove', { id: p.id }))
    expect(value(await c2.call('settings.get', {}))).toMatchObject({ activeProfileId: null })
  })

  it('removing a profile deletes its keychain entries, cache and drafts; refused while outbox ops are open', async () => {
    const c = newCore()
    const p = value<ProfileView>(
      await c.call('profiles.add', {
        name: `r-${randomBytes(3).toString('hex')}`,
        ...base,
        accessKeySecret: 'to-be-removed',
      }),
    )
    value(await c.call('secrets.setDingtalk', { profileId: p.id, ref: 'r1', secret: 'SECremove' }))
    await c.services.vault.set(p.id, 'bundlePassphrase', 'phrase-to-remove')
    const s = c.services.store
    s.workspaces.upsertMany(p.id, [{ workspaceId: '1', name: 'w' }])
    s.drafts.save({ profileId: p.id, workspaceKey: '1', draft: { a: 1 } })
    expect((await listed(c, p.id)).draftCount).toBe(1)
    const { ops } = s.outbox.enqueue([{ profileId: p.id, workspaceKey: '1', kind: 'k', payload: {} }])

    const refused = errorOf(await c.call('profiles.remove', { id: p.id }, { locale: 'en' }))
    expect(refused.code).toBe('PROFILE_HAS_PENDING_OPS')
    expect(refused.message).toMatch(/1 unfinished outbox operations/)
    expect(keychainAccounts(p.id)).toHaveLength(3)

    s.outbox.cancel(ops[0]!.opId)
    expect(value(await c.call('profiles.remove', { id: p.id }))).toEqual({
      removed: true,
      deletedDrafts: 1,
      deletedSecrets: 3,
    })
    expect(keychainAccounts(p.id)).toEqual([])
    expect(s.profiles.get(p.id)).toBeUndefined()
    expect(s.drafts.list()).toEqual([])
    expect(s.workspaces.list(p.id).total).toBe(0)
    expect(s.activity.list({ profileId: p.id })[0]).toMatchObject({ action: 'profile.remove', result: 'ok' })
  })
})
