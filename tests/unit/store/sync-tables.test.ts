import Database from 'better-sqlite3'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { openStore, type Store } from '../../../core/store'
import { applyPragmas } from '../../../core/store/database'
import { migrate } from '../../../core/store/migrate'
import { migrations } from '../../../core/store/migrations'
import { freshStore, profileFields, tempDir } from './helpers'

let store: Store | undefined
afterEach(() => store?.close({ backup: false }))

const Any = z.unknown()

describe('sync tables (migration 003)', () => {
  it('moves runs, profile facts and manual-step overlays out of settings, into tables that cascade', () => {
    // A database as the previous version left it: version 1, sync data as JSON rows of settings.
    const dataDir = tempDir()
    const file = path.join(dataDir, 'pai-admin.db')
    const db = new Database(file)
    applyPragmas(db)
    migrate(db, file, migrations.slice(0, 1))
    const at = '2026-01-02T00:00:00.000Z'
    db.prepare(
      `INSERT INTO profiles (id, name, region, endpoint, protocol, access_key_id, proxy, created_at, updated_at)
       VALUES ('p1', 'prod', 'cn-hangzhou', NULL, 'https', 'AK', NULL, ?, ?)`,
    ).run(at, at)
    db.prepare(
      `INSERT INTO drafts (profile_id, workspace_key, draft_json, base_json, base_version, created_at, updated_at, revision)
       VALUES ('p1', 'local-A', '{"basic":{"name":"new_ws"}}', NULL, NULL, ?, ?, 1)`,
    ).run(at, at)
    const set = db.prepare('INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, ?)')
    set.run(
      'syncRun:R1',
      JSON.stringify({ profileId: 'p1', workspaceKey: '101', createdAt: at, settled: true, outcome: 'kept' }),
      at,
    )
    set.run('syncRun:R2', JSON.stringify({ profileId: 'gone', workspaceKey: '102', createdAt: at, settled: false }), at)
    set.run('facts:p1', JSON.stringify({ dataworksNames: ['dw_a'], eventBridgeAuthorized: true }), at)
    set.run('syncManual:p1:101', JSON.stringify({ switches: { dswSsh: true }, designerPath: 'oss://b/d/' }), at)
    set.run('syncManual:p1:local-A', JSON.stringify({ quota: 10 }), at)
    set.run('syncManual:offline:local-B', JSON.stringify({ quota: 10 }), at)
    set.run('locale', '"en"', at)
    db.close()

    store = openStore({ dataDir })
    expect(store.settings.keys()).toEqual(['locale'])
    expect(store.syncRuns.list()).toEqual([
      {
        runId: 'R1',
        profileId: 'p1',
        workspaceKey: '101',
        appliedAs: '101',
        createdAt: at,
        settledAt: at,
        outcome: 'kept',
      },
    ])
    expect(store.profileFacts.get('p1', Any)).toEqual({
      ok: true,
      value: { dataworksNames: ['dw_a'], eventBridgeAuthorized: true },
    })
    expect(store.cloudRecords.list('p1', '101').map((r) => [r.path, r.value, r.source, r.setAt])).toEqual([
      ['/storage/designerPath', 'oss://b/d/', 'console', at],
      ['/switches/dswSsh', true, 'console', at],
    ])
    expect(store.cloudRecords.list('p1', 'local-A').map((r) => [r.path, r.value])).toEqual([
      ['/notifications/quota', 10],
    ])

    // A workspace not created yet: its record goes with its draft. A workspace's record stays without one.
    store.drafts.delete('p1', 'local-A')
    expect(store.cloudRecords.list('p1', 'local-A')).toEqual([])
    expect(store.cloudRecords.list('p1', '101')).toHaveLength(2)
    // Everything goes with its profile.
    store.profiles.remove('p1')
    expect(store.syncRuns.list()).toEqual([])
    expect(store.profileFacts.get('p1', Any)).toBeUndefined()
    expect(store.cloudRecords.list('p1', '101')).toEqual([])
  })
})

describe('sync runs, profile facts and cloud records repositories', () => {
  it('runs: settle, reopen after a retry, follow a moved draft, prune old settled runs but keep the newest', () => {
    const f = freshStore()
    store = f.store
    const p = store.profiles.insert(profileFields)
    const t0 = new Date('2026-01-01T00:00:00.000Z')
    for (let i = 0; i < 5; i++)
      store.syncRuns.insert({
        runId: `R${i}`,
        profileId: p.id,
        workspaceKey: 'local-X',
        createdAt: `2026-01-0${i + 1}T00:00:00.000Z`,
      })
    store.syncRuns.settle('R0', 'kept')
    expect(store.syncRuns.get('R0')).toMatchObject({ settledAt: t0.toISOString(), outcome: 'kept' })
    store.syncRuns.reopen('R0')
    expect(store.syncRuns.get('R0')).toMatchObject({ settledAt: null, outcome: null })
    expect(store.syncRuns.unsettled().map((r) => r.runId)).toEqual(['R0', 'R1', 'R2', 'R3', 'R4'])

    store.syncRuns.rekey(p.id, 'local-X', '555')
    expect(store.syncRuns.ofDraft(p.id, '555')).toHaveLength(5)
    expect(store.syncRuns.movedKey(p.id, 'local-X')).toBe('555')
    expect(store.syncRuns.movedKey(p.id, 'local-Y')).toBeUndefined()

    for (const r of ['R0', 'R1', 'R2', 'R3']) store.syncRuns.settle(r, 'cleared')
    f.tick(40 * 24 * 3600_000)
    // Settled before the cut-off, and not among the newest 2: R0 and R1 go. R4 is not settled and stays.
    expect(store.syncRuns.prune({ before: new Date(t0.getTime() + 24 * 3600_000), keep: 2 })).toBe(2)
    expect(store.syncRuns.list().map((r) => r.runId)).toEqual(['R2', 'R3', 'R4'])
  })

  it("records: put replaces, delete and deleteUnder remove, rekey moves a new workspace draft's records", () => {
    store = freshStore().store
    const p = store.profiles.insert(profileFields)
    store.drafts.save({ profileId: p.id, workspaceKey: 'local-N', draft: { basic: { name: 'n' } } })
    const r = store.cloudRecords
    r.put(p.id, 'local-N', { path: '/switches/dswSsh', value: true, source: 'console' })
    r.put(p.id, 'local-N', {
      path: '/notifications/rules/a/targets/t-1/secretRef',
      value: 'ref1',
      source: 'app',
      runId: 'R',
    })
    r.put(p.id, 'local-N', { path: '/notifications/rules/ab/targets/t-2/secretRef', value: 'ref2', source: 'app' })
    r.put(p.id, 'local-N', { path: '/switches/dswSsh', value: false, source: 'console' })
    expect(r.list(p.id, 'local-N').map((x) => [x.path, x.value, x.runId])).toEqual([
      ['/notifications/rules/a/targets/t-1/secretRef', 'ref1', 'R'],
      ['/notifications/rules/ab/targets/t-2/secretRef', 'ref2', null],
      ['/switches/dswSsh', false, null],
    ])
    // Under a rule's prefix (with its slash): rule "ab" is not under rule "a".
    expect(r.deleteUnder(p.id, 'local-N', '/notifications/rules/a/')).toBe(1)
    r.rekey(p.id, 'local-N', '777')
    store.drafts.delete(p.id, 'local-N')
    expect(r.list(p.id, '777').map((x) => x.path)).toEqual([
      '/notifications/rules/ab/targets/t-2/secretRef',
      '/switches/dswSsh',
    ])
    expect(r.delete(p.id, '777', '/switches/dswSsh')).toBe(true)
    expect(r.list(p.id, '777')).toHaveLength(1)
  })
})
