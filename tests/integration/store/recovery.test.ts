import Database from 'better-sqlite3'
import { createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { AppError } from '@shared/ipc/errors'
import { testCore } from '../../helpers/core'
import { openStore, type Store } from '../../../core/store'
import { KEEP_BACKUPS, listBackups } from '../../../core/store/backup'
import { LATEST_VERSION } from '../../../core/store/migrations'

const Draft = z.object({ text: z.string() })

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'pai-recovery-'))
}

/**
 * A data dir with real content, closed cleanly once (so a backup exists), then changed again and
 * closed without a backup (that later change is what a restore loses).
 */
function seeded(): { dataDir: string; file: string; profileId: string } {
  const dataDir = tempDir()
  const s = openStore({ dataDir })
  const profileId = s.profiles.insert({
    name: 'prod',
    region: 'cn-hangzhou',
    endpoint: null,
    protocol: 'https',
    accessKeyId: 'LTAIexample',
    proxy: null,
  }).id
  s.workspaces.upsertMany(
    profileId,
    Array.from({ length: 3000 }, (_, i) => ({
      workspaceId: String(i),
      name: `workspace_${i}`,
      displayName: `工作空间 ${i}`,
      status: 'ENABLED',
    })),
  )
  s.drafts.save({ profileId: null, workspaceKey: 'local-a', draft: { text: 'before backup' } })
  expect(s.close().backup).not.toBeNull()
  const t = openStore({ dataDir })
  t.drafts.save({ profileId: null, workspaceKey: 'local-b', draft: { text: 'after backup' } })
  t.close({ backup: false })
  return { dataDir, file: path.join(dataDir, 'pai-admin.db'), profileId }
}

function sha(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex')
}

function expectRestored(store: Store, profileId: string): void {
  expect(store.profiles.get(profileId)?.name).toBe('prod')
  expect(store.workspaces.list(profileId).total).toBe(3000)
  expect(store.drafts.get(null, 'local-a', Draft)?.draft).toEqual({ ok: true, value: { text: 'before backup' } })
  expect(store.integrityCheck()).toEqual([])
}

describe('a damaged database file', () => {
  it('D1: a truncated file is moved aside (kept), the backup is restored and the report says where both are', () => {
    const { dataDir, file, profileId } = seeded()
    const size = fs.statSync(file).size
    fs.truncateSync(file, Math.floor(size / 2))
    const damagedHash = sha(file)

    const store = openStore({ dataDir })
    const r = store.recovery
    expect(r).not.toBeNull()
    expect(r!.reason).toMatch(/corrupt|not-a-database/)
    expect(r!.restoredFrom).toBe(listBackups(path.join(dataDir, 'backups'))[0])
    expect(r!.restoredBackupAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)
    expect(r!.damagedFiles[0]).toMatch(/pai-admin\.damaged-.+\.db$/)
    expect(sha(r!.damagedFiles[0]!)).toBe(damagedHash) // kept byte for byte
    expectRestored(store, profileId)
    // The edit made after the backup is what was lost; the report says changes may be missing.
    expect(store.drafts.get(null, 'local-b', Draft)).toBeUndefined()
    store.close()
  })

  it('D1: a garbage file is moved aside and the backup restored; the app shows the report through IPC', async () => {
    const { dataDir, file, profileId } = seeded()
    fs.writeFileSync(file, randomBytes(64 * 1024))
    const damagedHash = sha(file)

    const core = testCore({ dataDir })
    try {
      expectRestored(core.services.store, profileId)
      const res = await core.call('store.recovery', {}, { locale: 'en' })
      expect(res.ok).toBe(true)
      const rec = (
        res as {
          ok: true
          value: { recovery: { reason: string; damagedFiles: string[]; code: string; message: string } }
        }
      ).value.recovery
      expect(rec.reason).toBe('not-a-database')
      expect(rec.code).toBe('STORE_RECOVERED')
      expect(rec.message).toContain(rec.damagedFiles[0])
      expect(rec.message).toMatch(/restored from the backup/)
      expect(sha(rec.damagedFiles[0]!)).toBe(damagedHash)
      const zh = await core.call('store.recovery', {}, { locale: 'zh-CN' })
      expect(JSON.stringify(zh)).toContain('已从')
    } finally {
      await core.close()
    }
    // The next start is clean: the report was for that one start.
    const again = openStore({ dataDir })
    expect(again.recovery).toBeNull()
    again.close({ backup: false })
  })

  it('a file emptied to 0 bytes while backups exist is treated as damage, not as a new database', () => {
    const { dataDir, file, profileId } = seeded()
    fs.truncateSync(file, 0)
    const store = openStore({ dataDir })
    expect(store.recovery?.reason).toBe('empty')
    expect(fs.statSync(store.recovery!.damagedFiles[0]!).size).toBe(0)
    expectRestored(store, profileId)
    store.close({ backup: false })
  })

  it('with no usable backup, the damaged file is kept and a new empty database is created', async () => {
    const { dataDir, file } = seeded()
    for (const b of listBackups(path.join(dataDir, 'backups'))) fs.writeFileSync(b, 'not a database either')
    fs.writeFileSync(file, randomBytes(10_000))
    const store = openStore({ dataDir })
    expect(store.recovery).toMatchObject({ reason: 'not-a-database', restoredFrom: null })
    expect(fs.existsSync(store.recovery!.damagedFiles[0]!)).toBe(true)
    expect(store.profiles.list()).toEqual([])
    expect(store.schemaVersion()).toBe(LATEST_VERSION)
    store.close({ backup: false })

    fs.writeFileSync(file, randomBytes(10_000))
    const core = testCore({ dataDir })
    const res = await core.call('store.recovery', {}, { locale: 'en' })
    expect(JSON.stringify(res)).toMatch(/STORE_RECOVERED_NO_BACKUP.*no usable backup/)
    await core.close()
  })

  it('skips a damaged newest backup and restores the next good one', () => {
    const { dataDir, file, profileId } = seeded()
    const s = openStore({ dataDir })
    s.close() // a second backup, newer
    const [newest, older] = listBackups(path.join(dataDir, 'backups'))
    fs.writeFileSync(newest!, randomBytes(8192))
    fs.writeFileSync(file, randomBytes(8192))
    const store = openStore({ dataDir })
    expect(store.recovery?.restoredFrom).toBe(older)
    expectRestored(store, profileId)
    store.close({ backup: false })
  })
})

describe('backups at clean close', () => {
  it('keeps the newest three VACUUM INTO copies in <dataDir>/backups', () => {
    const dataDir = tempDir()
    let t = Date.parse('2026-03-01T00:00:00.000Z')
    for (let i = 0; i < 5; i++) {
      const s = openStore({ dataDir, now: () => new Date(t) })
      s.settings.set('n', i)
      s.close()
      t += 60_000
    }
    const backups = listBackups(path.join(dataDir, 'backups'))
    expect(backups).toHaveLength(KEEP_BACKUPS)
    expect(backups.map((b) => path.basename(b))).toEqual([
      'pai-admin-2026-03-01T00-04-00-000Z.db',
      'pai-admin-2026-03-01T00-03-00-000Z.db',
      'pai-admin-2026-03-01T00-02-00-000Z.db',
    ])
    const db = new Database(backups[0]!, { readonly: true })
    expect(db.prepare('SELECT value_json FROM settings WHERE key = ?').pluck().get('n')).toBe('4')
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION)
    db.close()
  })
})

describe('a database from a newer app version', () => {
  it('is refused with a clear localized message and left untouched (never migrated down)', () => {
    const dataDir = tempDir()
    openStore({ dataDir }).close({ backup: false })
    const file = path.join(dataDir, 'pai-admin.db')
    const raw = new Database(file)
    raw.pragma(`user_version = ${LATEST_VERSION + 1}`)
    raw.close()
    const before = sha(file)

    let err: unknown
    try {
      openStore({ dataDir })
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(AppError)
    const payload = (err as AppError).toPayload('en')
    expect(payload.code).toBe('STORE_SCHEMA_TOO_NEW')
    expect(payload.message).toContain(`data version ${LATEST_VERSION + 1}`)
    expect(payload.message).toContain('newer version of the app')
    expect(payload.message).toContain(file)
    expect((err as AppError).toPayload('zh-CN').message).toContain('更新版本的应用')
    expect(() => testCore({ dataDir })).toThrow(AppError)

    expect(sha(file)).toBe(before)
    expect(fs.readdirSync(dataDir).filter((f) => f.includes('damaged'))).toEqual([])
    const check = new Database(file, { readonly: true })
    expect(check.pragma('user_version', { simple: true })).toBe(LATEST_VERSION + 1)
    check.close()
  })
})
