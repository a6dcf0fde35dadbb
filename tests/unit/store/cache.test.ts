import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { AppError } from '@shared/ipc/errors'
import { type Store } from '../../../core/store'
import { contentHash } from '../../../core/store/json'
import { type CachedWorkspaceInput } from '../../../core/store/repos/workspaces'
import { freshStore, profileFields } from './helpers'

let store: Store
afterEach(() => store.close({ backup: false }))

function setup(): { pid: string; tick(ms?: number): void } {
  const f = freshStore()
  store = f.store
  return { pid: store.profiles.insert(profileFields).id, tick: f.tick }
}

describe('cached workspaces', () => {
  it('lists a page with a name filter, sort and total; % and _ in the filter are literal', () => {
    const { pid } = setup()
    const rows: CachedWorkspaceInput[] = Array.from({ length: 120 }, (_, i) => ({
      workspaceId: String(1000 + i),
      name: `ws_${String(i).padStart(3, '0')}`,
      displayName: i % 2 ? `开发空间 ${i}` : `Prod ${i}`,
      status: i % 10 === 0 ? 'DISABLED' : 'ENABLED',
      gmtModified: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
    }))
    rows.push({ workspaceId: '9', name: 'a%b', displayName: null, status: 'ENABLED', gmtModified: null })
    expect(store.workspaces.upsertMany(pid, rows)).toEqual({ upserted: 121, removed: 0 })

    const page = store.workspaces.list(pid, { filter: 'ws_01', sort: 'name', limit: 5 })
    expect(page.total).toBe(10)
    expect(page.rows.map((r) => r.name)).toEqual(['ws_010', 'ws_011', 'ws_012', 'ws_013', 'ws_014'])
    expect(store.workspaces.list(pid, { filter: 'ws_01', sort: 'name', limit: 5, offset: 5 }).rows[0]!.name).toBe(
      'ws_015',
    )
    // The last, short page and a page past the end both know the total.
    expect(store.workspaces.list(pid, { filter: 'ws_01', limit: 5, offset: 8 })).toMatchObject({
      total: 10,
      rows: [{ name: 'ws_018' }, { name: 'ws_019' }],
    })
    expect(store.workspaces.list(pid, { filter: 'ws_01', limit: 5, offset: 50 })).toEqual({ total: 10, rows: [] })
    expect(
      store.workspaces.list(pid, { filter: 'ws_01', sort: 'name', dir: 'desc', limit: 3 }).rows.map((r) => r.name),
    ).toEqual(['ws_019', 'ws_018', 'ws_017'])

    expect(store.workspaces.list(pid, { filter: '开发' }).total).toBe(60)
    expect(store.workspaces.list(pid, { filter: 'PROD 4', limit: 100 }).rows.map((r) => r.name)).toContain('ws_040')
    expect(store.workspaces.list(pid, { filter: '%' }).rows.map((r) => r.name)).toEqual(['a%b'])
    expect(store.workspaces.list(pid, { filter: 'ws%0' }).total).toBe(0)
    expect(store.workspaces.list(pid, { status: 'DISABLED' }).total).toBe(12)

    const newest = store.workspaces.list(pid, { sort: 'gmtModified', dir: 'desc', limit: 1 }).rows[0]!
    expect(newest.name).toBe('ws_119')
    expect(newest.cloudVersion).toBe(newest.gmtModified)
    expect(store.workspaces.get(pid, '9')!.cloudVersion).toBe(contentHash(rows[120]))
    expect(store.workspaces.names(pid)).toHaveLength(121)
  })

  it('replaceAll drops workspaces missing from a complete listing, with their members; configs are kept on update', () => {
    const { pid, tick } = setup()
    store.workspaces.upsertMany(pid, [
      { workspaceId: '1', name: 'one' },
      { workspaceId: '2', name: 'two' },
    ])
    store.members.upsertMany(pid, '2', [{ memberId: 'm', userId: 'u', roles: ['PAI.Visitor'] }])
    store.workspaces.saveConfig(pid, '1', { name: 'one', members: [] }, { version: '2026-01-01T00:00:00Z' })
    tick()
    expect(store.workspaces.upsertMany(pid, [{ workspaceId: '1', name: 'one-renamed' }], { replaceAll: true })).toEqual(
      { upserted: 1, removed: 1 },
    )
    expect(store.workspaces.list(pid).rows.map((r) => r.name)).toEqual(['one-renamed'])
    expect(store.members.list(pid, '2').total).toBe(0)
    const cfg = store.workspaces.getConfig(pid, '1', z.object({ name: z.string() }))
    expect(cfg).toMatchObject({ config: { ok: true, value: { name: 'one' } }, configVersion: '2026-01-01T00:00:00Z' })
  })

  it('reports a cached configuration that fails the caller schema instead of throwing', () => {
    const { pid } = setup()
    store.workspaces.upsertMany(pid, [{ workspaceId: '1', name: 'one' }])
    const { configVersion } = store.workspaces.saveConfig(pid, '1', { name: 7 })
    expect(configVersion).toBe(contentHash({ name: 7 }))
    const cfg = store.workspaces.getConfig(pid, '1', z.object({ name: z.string() }))
    expect(cfg?.config.ok).toBe(false)
    expect(store.workspaces.getConfig(pid, '404', z.unknown())).toBeUndefined()
    expect(() => store.workspaces.saveConfig(pid, '404', {})).toThrow(AppError)
  })
})

describe('list totals', () => {
  it('reuses a filter total only while the cached list is unchanged, by this process, another one, or a rollback', () => {
    const { pid } = setup()
    store.workspaces.upsertMany(pid, [{ workspaceId: '1', name: 'alpha' }])
    expect(store.workspaces.list(pid, { filter: 'ALP' }).total).toBe(1)
    store.workspaces.upsertMany(pid, [{ workspaceId: '2', name: 'alpine' }])
    expect(store.workspaces.list(pid, { filter: 'alp' }).total).toBe(2)

    // Another connection (the CLI, a second window) writes: the next list sees it.
    const other = new Database(store.file)
    other.prepare("UPDATE cached_workspaces SET name = 'beta', search = 'beta' WHERE workspace_id = '2'").run()
    other.close()
    expect(store.workspaces.list(pid, { filter: 'alp' })).toMatchObject({ total: 1, rows: [{ name: 'alpha' }] })

    // A total seen inside a transaction that is rolled back is not reused afterwards.
    expect(() =>
      store.transaction(() => {
        store.workspaces.upsertMany(pid, [{ workspaceId: '3', name: 'alpaca' }])
        expect(store.workspaces.list(pid, { filter: 'alp' }).total).toBe(2)
        throw new Error('roll back')
      }),
    ).toThrow('roll back')
    expect(store.workspaces.list(pid, { filter: 'alp' }).total).toBe(1)
    store.workspaces.remove(pid, '1')
    expect(store.workspaces.list(pid, { filter: 'alp' }).total).toBe(0)
  })
})

describe('cached members', () => {
  it('pages members of one workspace with a filter, and refuses members of an uncached workspace', () => {
    const { pid } = setup()
    store.workspaces.upsertMany(pid, [{ workspaceId: '1', name: 'one' }])
    const members = Array.from({ length: 230 }, (_, i) => ({
      memberId: `145883-${i}`,
      userId: `2151392600${i}`,
      memberName: `user${String(i).padStart(3, '0')}`,
      displayName: i === 7 ? '张三' : null,
      accountType: '5',
      roles: i === 0 ? ['PAI.Owner', 'PAI.Admin'] : ['PAI.AlgoDeveloper'],
    }))
    store.members.upsertMany(pid, '1', members)
    const page = store.members.list(pid, '1', { limit: 100, offset: 200 })
    expect(page.total).toBe(230)
    expect(page.rows).toHaveLength(30)
    expect(page.rows[0]!.memberName).toBe('user200')
    expect(store.members.list(pid, '1', { filter: '张' }).rows.map((m) => m.memberId)).toEqual(['145883-7'])
    expect(store.members.get(pid, '1', '145883-0')).toMatchObject({ roles: ['PAI.Owner', 'PAI.Admin'], problem: null })
    expect(() => store.members.upsertMany(pid, '2', members)).toThrow(AppError)
    expect(
      store.members.upsertMany(pid, '1', members.slice(0, 10), {
        replaceAll: true,
        fetchedAt: '2026-02-01T00:00:00.000Z',
      }),
    ).toEqual({
      upserted: 10,
      removed: 220,
    })
  })
})
