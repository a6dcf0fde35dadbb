import { afterEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { AppError } from '@shared/ipc/errors'
import { sqliteSettingsStore, SettingsService } from '../../../core/services/settings'
import type { Store } from '../../../core/store'
import { freshStore, profileFields } from './helpers'

let store: Store
afterEach(() => store.close({ backup: false }))

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn()
  } catch (err) {
    return err instanceof AppError ? err.code : `not an AppError: ${String(err)}`
  }
  return undefined
}

describe('profiles repository', () => {
  it('inserts, reads, updates and removes profiles', () => {
    const f = freshStore()
    store = f.store
    const p = store.profiles.insert(profileFields)
    expect(p).toMatchObject({ ...profileFields, createdAt: '2026-01-01T00:00:00.000Z' })
    expect(store.profiles.get(p.id)).toEqual(p)
    expect(store.profiles.getByName('PROD')?.id).toBe(p.id)
    f.tick(1000)
    const u = store.profiles.update(p.id, { region: 'cn-shanghai', endpoint: '127.0.0.1:9000', protocol: 'http' })
    expect(u).toMatchObject({
      region: 'cn-shanghai',
      endpoint: '127.0.0.1:9000',
      protocol: 'http',
      updatedAt: '2026-01-01T00:00:01.000Z',
    })
    expect(store.profiles.list().map((x) => x.name)).toEqual(['prod'])
    expect(store.profiles.remove(p.id)).toBe(true)
    expect(store.profiles.get(p.id)).toBeUndefined()
  })

  it('refuses a second profile with the same name, ignoring case', () => {
    store = freshStore().store
    const p = store.profiles.insert(profileFields)
    expect(codeOf(() => store.profiles.insert({ ...profileFields, name: 'Prod' }))).toBe('PROFILE_NAME_TAKEN')
    const q = store.profiles.insert({ ...profileFields, name: 'test' })
    expect(codeOf(() => store.profiles.update(q.id, { name: 'PROD' }))).toBe('PROFILE_NAME_TAKEN')
    expect(codeOf(() => store.profiles.update('nope', { name: 'x' }))).toBe('PROFILE_NOT_FOUND')
    expect(
      store.profiles
        .list()
        .map((x) => x.id)
        .sort(),
    ).toEqual([p.id, q.id].sort())
  })

  it('cascades a profile removal to its cache, drafts and outbox, but keeps the activity log', () => {
    store = freshStore().store
    const p = store.profiles.insert(profileFields)
    store.workspaces.upsertMany(p.id, [{ workspaceId: '1', name: 'ws1' }])
    store.members.upsertMany(p.id, '1', [{ memberId: 'm1', userId: 'u1', roles: ['PAI.Admin'] }])
    store.drafts.save({ profileId: p.id, workspaceKey: '1', draft: { a: 1 } })
    store.outbox.enqueue([{ profileId: p.id, workspaceKey: '1', kind: 'k', payload: {} }])
    store.activity.add({ profileId: p.id, action: 'x', result: 'ok' })
    store.profiles.remove(p.id)
    expect(store.workspaces.list(p.id).total).toBe(0)
    expect(store.members.list(p.id, '1').total).toBe(0)
    expect(store.drafts.list()).toEqual([])
    expect(store.outbox.list()).toEqual([])
    expect(store.activity.count({ profileId: p.id })).toBe(1)
  })
})

describe('settings in SQLite', () => {
  it('stores JSON values and validates them with the caller schema on read', () => {
    store = freshStore().store
    store.settings.set('theme', 'dark')
    expect(store.settings.get('theme', z.enum(['dark', 'light']))).toEqual({ ok: true, value: 'dark' })
    expect(store.settings.get('missing', z.string())).toBeUndefined()
    store.settings.set('theme', 42)
    expect(store.settings.get('theme', z.enum(['dark', 'light']))).toMatchObject({ ok: false })
  })

  it('backs the SettingsService: values survive a reopen, an invalid row is reported and defaulted', () => {
    const f = freshStore()
    store = f.store
    const svc = new SettingsService(sqliteSettingsStore(store.settings))
    svc.update({ locale: 'en', theme: 'dark' })
    expect(store.settings.keys()).toEqual(['activeProfileId', 'locale', 'showRuleIds', 'theme'])
    store.settings.set('theme', 'purple')
    const invalid: string[] = []
    const again = new SettingsService(sqliteSettingsStore(store.settings, (key) => invalid.push(key)))
    expect(again.get()).toEqual({ locale: 'en', theme: 'system', activeProfileId: null, showRuleIds: false })
    expect(invalid).toEqual(['theme'])
  })
})
