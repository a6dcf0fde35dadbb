import { afterEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { AppError } from '@shared/ipc/errors'
import { newLocalWorkspaceKey, type Store } from '../../../core/store'
import { freshStore, profileFields } from './helpers'

let store: Store
afterEach(() => store.close({ backup: false }))

const Draft = z.object({ name: z.string(), members: z.array(z.string()) })

function conflict(fn: () => unknown): Record<string, unknown> | undefined {
  try {
    fn()
  } catch (err) {
    if (err instanceof AppError && err.code === 'DRAFT_CONFLICT') return err.params
    throw err
  }
  return undefined
}

describe('drafts', () => {
  it('D1: every save is a new revision; the base snapshot is kept until replaced', () => {
    const f = freshStore()
    store = f.store
    const pid = store.profiles.insert(profileFields).id
    const base = { name: 'ws', members: ['a'] }
    expect(
      store.drafts.save({
        profileId: pid,
        workspaceKey: '42',
        draft: base,
        base,
        baseVersion: 'v1',
        expectedRevision: 0,
      }),
    ).toMatchObject({ revision: 1 })
    f.tick(10)
    expect(
      store.drafts.save({
        profileId: pid,
        workspaceKey: '42',
        draft: { name: 'ws', members: ['a', 'b'] },
        expectedRevision: 1,
      }),
    ).toEqual({
      revision: 2,
      updatedAt: '2026-01-01T00:00:00.010Z',
    })
    const d = store.drafts.get(pid, '42', Draft, Draft)!
    expect(d).toMatchObject({ revision: 2, baseVersion: 'v1', createdAt: '2026-01-01T00:00:00.000Z' })
    expect(d.draft).toEqual({ ok: true, value: { name: 'ws', members: ['a', 'b'] } })
    expect(d.base).toEqual({ ok: true, value: base })
    store.drafts.save({ profileId: pid, workspaceKey: '42', draft: base, base: null, baseVersion: null })
    expect(store.drafts.get(pid, '42', Draft)).toMatchObject({ revision: 3, base: null, baseVersion: null })
  })

  it('refuses a save based on a stale revision (two editors) and leaves the stored draft alone', () => {
    store = freshStore().store
    store.drafts.save({ profileId: null, workspaceKey: 'k', draft: { name: 'a', members: [] } })
    store.drafts.save({ profileId: null, workspaceKey: 'k', draft: { name: 'b', members: [] } })
    expect(
      conflict(() =>
        store.drafts.save({
          profileId: null,
          workspaceKey: 'k',
          draft: { name: 'c', members: [] },
          expectedRevision: 1,
        }),
      ),
    ).toMatchObject({
      current: 2,
      expected: 1,
    })
    expect(
      conflict(() => store.drafts.save({ profileId: null, workspaceKey: 'new', draft: {}, expectedRevision: 3 })),
    ).toMatchObject({ current: 0 })
    expect(store.drafts.get(null, 'k', Draft)?.draft).toEqual({ ok: true, value: { name: 'b', members: [] } })
    expect(conflict(() => store.drafts.delete(null, 'k', 1))).toMatchObject({ current: 2 })
    expect(store.drafts.delete(null, 'k', 2)).toBe(true)
    expect(store.drafts.delete(null, 'k')).toBe(false)
  })

  it('keeps offline drafts (no profile) apart from profile drafts of the same workspace key', () => {
    store = freshStore().store
    const pid = store.profiles.insert(profileFields).id
    const local = newLocalWorkspaceKey()
    expect(local).toMatch(/^local-[0-9A-Z]{26}$/)
    store.drafts.save({ profileId: null, workspaceKey: local, draft: { name: 'offline', members: [] } })
    store.drafts.save({ profileId: pid, workspaceKey: local, draft: { name: 'online', members: [] } })
    expect(store.drafts.get(null, local, Draft)?.draft).toEqual({ ok: true, value: { name: 'offline', members: [] } })
    expect(store.drafts.get(pid, local, Draft)?.draft).toEqual({ ok: true, value: { name: 'online', members: [] } })
    expect(store.drafts.list({ profileId: null }).map((d) => d.profileId)).toEqual([null])
    expect(store.drafts.list({ profileId: pid })).toHaveLength(1)
    expect(store.drafts.list()).toHaveLength(2)
    expect(store.drafts.count(pid)).toBe(1)
  })

  it('reports a draft that no longer matches the schema (e.g. after a model change) instead of crashing', () => {
    store = freshStore().store
    store.drafts.save({ profileId: null, workspaceKey: 'k', draft: { name: 1 } })
    const d = store.drafts.get(null, 'k', Draft)!
    expect(d.draft.ok).toBe(false)
    if (!d.draft.ok) {
      expect(d.draft.error).toMatch(/name/)
      expect(JSON.parse(d.draft.raw)).toEqual({ name: 1 })
    }
  })

  it('a draft save and its outbox ops commit together or not at all', () => {
    store = freshStore().store
    const pid = store.profiles.insert(profileFields).id
    expect(() =>
      store.transaction(() => {
        store.drafts.save({ profileId: pid, workspaceKey: '1', draft: { name: 'x', members: [] } })
        store.outbox.enqueue([{ profileId: pid, workspaceKey: '1', kind: 'k', payload: {}, dependsOn: ['missing'] }])
      }),
    ).toThrow(AppError)
    expect(store.drafts.list()).toEqual([])
    expect(store.outbox.list()).toEqual([])
  })
})
