import Database from 'better-sqlite3'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { openStore, type Store } from '../../../core/store'
import { LATEST_VERSION } from '../../../core/store/migrations'
import { assertMigrationList } from '../../../core/store/migrate'
import { migrations } from '../../../core/store/migrations'
import { freshStore } from './helpers'

let store: Store | undefined
afterEach(() => store?.close({ backup: false }))

describe('store open', () => {
  it('numbers migrations from 1, each above the one before (a gap between branches is tolerated)', () => {
    expect(() => assertMigrationList(migrations)).not.toThrow()
    expect(() => assertMigrationList([migrations[0]!, { ...migrations[0]!, version: 1 }])).toThrow(/expected >= 2/)
    expect(() => assertMigrationList([{ ...migrations[0]!, version: 2 }])).toThrow(/expected 1/)
    expect(() => assertMigrationList([migrations[0]!, { ...migrations[0]!, version: 3 }])).not.toThrow()
    expect(LATEST_VERSION).toBe(migrations[migrations.length - 1]!.version)
  })

  it('creates pai-admin.db at the newest schema version with WAL, FULL sync, foreign keys and a busy timeout', () => {
    const f = freshStore()
    store = f.store
    expect(store.file).toBe(path.join(f.dataDir, 'pai-admin.db'))
    expect(store.schemaVersion()).toBe(LATEST_VERSION)
    expect(store.recovery).toBeNull()
    // A second connection sees the persistent settings (journal mode) and the schema.
    const db = new Database(store.file, { readonly: true })
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    const tables = db
      .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all()
      .map((r) => r.name)
    expect(tables).toEqual(
      expect.arrayContaining([
        'activity',
        'cached_members',
        'cached_workspaces',
        'drafts',
        'outbox',
        'profiles',
        'settings',
      ]),
    )
    db.close()
    // The connection's own pragmas, read through a transaction-free private path.
    const inner = (store as unknown as { db: Database.Database }).db
    expect(inner.pragma('synchronous', { simple: true })).toBe(2) // FULL
    expect(inner.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(inner.pragma('busy_timeout', { simple: true })).toBe(5000)
  })

  it('D2: no table has a column meant for a secret', () => {
    store = freshStore().store
    const inner = (store as unknown as { db: Database.Database }).db
    const cols = inner
      .prepare<[], { t: string; c: string }>(
        "SELECT m.name AS t, p.name AS c FROM sqlite_master m, pragma_table_info(m.name) p WHERE m.type = 'table'",
      )
      .all()
      .map((r) => `${r.t}.${r.c}`)
    expect(cols.filter((c) => /secret|password|passphrase/i.test(c))).toEqual([])
  })

  it('reopens an existing file without migrating again and keeps its data', () => {
    const f = freshStore()
    f.store.settings.set('x', 1)
    f.store.close({ backup: false })
    store = openStore({ dataDir: f.dataDir })
    expect(store.schemaVersion()).toBe(LATEST_VERSION)
    expect(store.settings.get('x', z.number())).toEqual({ ok: true, value: 1 })
    expect(store.recovery).toBeNull()
  })
})
