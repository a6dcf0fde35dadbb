import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import type { Database as Db } from 'better-sqlite3'
import { z } from 'zod'
import { privateFile } from '../private-files'

export const LEASE_FILE_NAME = 'pai-admin.sender.lock'
const INFO_FILE_NAME = 'pai-admin.sender.json'

/** Who sends a data directory's outbox (shown to the other processes: "the desktop app, pid 4242, is sending"). */
export const LeaseHolderSchema = z.object({
  pid: z.number().int(),
  runtime: z.string(),
  host: z.string(),
  since: z.string(),
})
export type LeaseHolder = z.infer<typeof LeaseHolderSchema>

const isBusy = (err: unknown): boolean =>
  err instanceof Database.SqliteError && (err.code === 'SQLITE_BUSY' || err.code === 'SQLITE_LOCKED')

/**
 * The worker lease: the one process that may re-queue, claim and send a data directory's outbox.
 *
 * It is an OS file lock, taken through SQLite (which we ship already) on a small file of its own: an EXCLUSIVE
 * transaction in `locking_mode=EXCLUSIVE` keeps the file locked for as long as the connection is open (fcntl
 * locks on Linux and macOS, LockFileEx on Windows). The operating system drops the lock when the process ends,
 * however it ends (a crash, SIGKILL, power loss), so a dead holder never needs to be detected: there is no pid to
 * check (pids are reused), no process start time to read (no portable way on Windows and macOS), no heartbeat to
 * write and no clock to trust; and a live holder can never be taken over, so two senders are impossible.
 * SQLite tracks its locks per file inside a process too, so two cores in one process also exclude each other.
 *
 * Whom the lock belongs to is written next to it (`pai-admin.sender.json`), for the others to show; it is only a
 * label: whether the lease is held is always asked of the lock.
 */
export class WorkerLease {
  private db: Db | null = null
  private readonly lockFile: string
  private readonly infoFile: string

  constructor(
    dataDir: string,
    private readonly runtime: string,
  ) {
    this.lockFile = path.join(dataDir, LEASE_FILE_NAME)
    this.infoFile = path.join(dataDir, INFO_FILE_NAME)
  }

  get held(): boolean {
    return this.db !== null
  }

  /** Takes the lease if nobody holds it; never waits. */
  tryAcquire(): boolean {
    if (this.db) return true
    privateFile(this.lockFile)
    const db = new Database(this.lockFile, { timeout: 0 })
    try {
      db.pragma('locking_mode = EXCLUSIVE')
      db.pragma('journal_mode = MEMORY')
      db.exec('BEGIN EXCLUSIVE')
      // A write, so that the exclusive lock is the one kept after the commit.
      db.pragma(`user_version = ${process.pid % 2_000_000_000}`)
      db.exec('COMMIT')
    } catch (err) {
      db.close()
      if (isBusy(err)) return false
      throw err
    }
    this.db = db
    const info: LeaseHolder = {
      pid: process.pid,
      runtime: this.runtime,
      host: os.hostname(),
      since: new Date().toISOString(),
    }
    const tmp = `${this.infoFile}.${process.pid}.tmp`
    fs.writeFileSync(tmp, JSON.stringify(info), { mode: 0o600 })
    fs.renameSync(tmp, this.infoFile)
    return true
  }

  /** Who holds the lease: this process, another one (with its label), or nobody. */
  holder(): { here: boolean; holder: LeaseHolder | null } {
    if (this.db) return { here: true, holder: this.label() }
    if (!fs.existsSync(this.lockFile)) return { here: false, holder: null }
    // A read needs a shared lock, which the holder's exclusive lock refuses: busy means held.
    const probe = new Database(this.lockFile, { timeout: 0, readonly: true })
    try {
      probe.pragma('user_version')
      return { here: false, holder: null }
    } catch (err) {
      if (!isBusy(err)) throw err
      return { here: false, holder: this.label() }
    } finally {
      probe.close()
    }
  }

  release(): void {
    if (!this.db) return
    const db = this.db
    this.db = null
    try {
      const label = this.label()
      if (label?.pid === process.pid) fs.rmSync(this.infoFile, { force: true })
    } finally {
      db.close()
    }
  }

  private label(): LeaseHolder | null {
    try {
      const r = LeaseHolderSchema.safeParse(JSON.parse(fs.readFileSync(this.infoFile, 'utf8')))
      return r.success ? r.data : null
    } catch {
      return null
    }
  }
}
