import Database from 'better-sqlite3'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { openStore } from '../../../core/store'
import { listBackups } from '../../../core/store/backup'
import { checkWal } from '../../../core/store/wal-check'

/**
 * D1, issue 11 item 3: what a restore may use, and what an unclean shutdown may have lost. Real SQLite files.
 */

const Draft = z.object({ n: z.number() })

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'pai-unclean-'))
}

function withProfile(dataDir: string): string {
  const s = openStore({ dataDir })
  const id = s.profiles.insert({
    name: 'prod',
    region: 'cn-hangzhou',
    endpoint: null,
    protocol: 'https',
    accessKeyId: 'LTAIexample',
    proxy: null,
  }).id
  expect(s.close().backup).not.toBeNull()
  return id
}

/**
 * Five commits (one draft each) made by a session that never closed: the database and its write-ahead log are
 * copied as a crash would leave them, into a folder of their own.
 */
function crashedWithFiveCommits(): { dir: string; wal: string } {
  const live = tempDir()
  withProfile(live)
  const s = openStore({ dataDir: live })
  for (let n = 1; n <= 5; n++) s.drafts.save({ profileId: null, workspaceKey: `local-${n}`, draft: { n } })
  const dir = tempDir()
  for (const f of ['pai-admin.db', 'pai-admin.db-wal']) fs.copyFileSync(path.join(live, f), path.join(dir, f))
  s.close({ backup: false })
  return { dir, wal: path.join(dir, 'pai-admin.db-wal') }
}

function drafts(dir: string): { ns: number[]; recovery: ReturnType<typeof openStore>['recovery']; logs: string[] } {
  const logs: string[] = []
  const log = { info: (m: string) => logs.push(m), warn: (m: string) => logs.push(m) }
  const s = openStore({ dataDir: dir, log })
  try {
    const ns = s.drafts
      .list()
      .map((d) => s.drafts.get(null, d.workspaceKey, Draft)?.draft)
      .map((d) => (d?.ok ? d.value.n : -1))
      .sort()
    return { ns, recovery: s.recovery, logs }
  } finally {
    s.close({ backup: false })
  }
}

describe('restoring a backup', () => {
  it('D1: an empty or tiny file is never a sound backup: the newest real backup is restored instead', () => {
    const dataDir = tempDir()
    const profileId = withProfile(dataDir)
    for (let i = 0; i < 2; i++) openStore({ dataDir }).close()
    const [newest, second, oldest] = listBackups(path.join(dataDir, 'backups'))
    fs.writeFileSync(newest!, '') // emptied
    fs.rmSync(second!)
    new Database(second!).exec('CREATE TABLE t (x)') // a tiny database, not ours
    fs.writeFileSync(path.join(dataDir, 'pai-admin.db'), Buffer.alloc(4096, 1))
    const store = openStore({ dataDir })
    try {
      expect(store.recovery?.restoredFrom).toBe(oldest)
      expect(store.profiles.get(profileId)?.name).toBe('prod')
    } finally {
      store.close({ backup: false })
    }
  })
})

describe('after an unclean shutdown', () => {
  it('D1: a sound log is replayed: every commit is there and nothing is reported', () => {
    const { dir } = crashedWithFiveCommits()
    const r = drafts(dir)
    expect(r.ns).toEqual([1, 2, 3, 4, 5])
    expect(r.recovery).toBeNull()
    // the first process in checks the log and the whole file
    expect(r.logs.join('\n')).toMatch(/unclean shutdown/)
  })

  it('D1: a torn last write (a transaction never committed) is not damage', () => {
    const { dir, wal } = crashedWithFiveCommits()
    fs.truncateSync(wal, fs.statSync(wal).size - 100)
    const r = drafts(dir)
    expect(r.recovery).toBeNull()
    expect(r.ns).toEqual([1, 2, 3, 4])
  })

  it('D1: a damaged frame in the log is reported with the commits it loses, and the log is kept; nothing is lost silently', () => {
    const { dir, wal } = crashedWithFiveCommits()
    const before = checkWal(wal)!
    expect(before).toMatchObject({ commitsReadable: 5, commitsLost: 0 })
    // flip a byte in the page data of the first frame after the first commit (a frame of the second commit)
    const bytes = fs.readFileSync(wal)
    const frameSize = 24 + bytes.readUInt32BE(8)
    let at = 32
    while (bytes.readUInt32BE(at + 4) === 0) at += frameSize
    at += frameSize
    bytes[at + 24 + 100] = bytes[at + 24 + 100]! ^ 0xff
    fs.writeFileSync(wal, bytes)
    const damaged = fs.readFileSync(wal)
    const r = drafts(dir)
    expect(r.recovery).toMatchObject({ reason: 'wal-damaged', restoredFrom: null })
    expect(r.recovery!.detail).toMatch(/^4 committed change\(s\)/)
    expect(fs.readFileSync(r.recovery!.damagedFiles[0]!).equals(damaged)).toBe(true)
    // SQLite replays up to the damage: the first commit only
    expect(r.ns).toEqual([1])
  })
})
