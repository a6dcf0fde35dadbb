import path from 'node:path'
import Database from 'better-sqlite3'
import type { Database as Db } from 'better-sqlite3'
import { AppError } from '@shared/ipc/errors'
import { privateFile } from '../private-files'

export const OPEN_LOCK_FILE_NAME = 'pai-admin.open.lock'

const isBusy = (err: unknown): boolean =>
  err instanceof Database.SqliteError && (err.code === 'SQLITE_BUSY' || err.code === 'SQLITE_LOCKED')

/**
 * Who has the database open: every process that opens the store holds a shared OS lock on a small file of its own
 * (taken through SQLite: an open read transaction), and the first one in takes it exclusively for a moment. The OS
 * drops the lock when a process ends, however it ends. So the first process in knows that nobody else has the
 * database open; if a write-ahead log is left then, the last session did not close cleanly (a clean last close
 * checkpoints and deletes it), and the store checks the log and the whole file before it trusts them.
 */
export class OpenLock {
  private constructor(
    private db: Db | null,
    /** This process is the only one with the database open (it checks what an unclean shutdown may have left). */
    readonly first: boolean,
  ) {}

  /**
   * Takes the lock: exclusive when nobody holds it (first), shared otherwise. The first process keeps it exclusive
   * until `share()`, so the others wait (busy timeout) until its checks are done.
   */
  static take(dataDir: string, waitMs: number): OpenLock {
    const file = path.join(dataDir, OPEN_LOCK_FILE_NAME)
    privateFile(file)
    const db = new Database(file, { timeout: 0 })
    try {
      db.pragma('journal_mode = MEMORY')
      try {
        db.exec('BEGIN EXCLUSIVE')
        return new OpenLock(db, true)
      } catch (err) {
        if (!isBusy(err)) throw err
      }
      db.pragma(`busy_timeout = ${waitMs}`)
      OpenLock.holdShared(db)
      return new OpenLock(db, false)
    } catch (err) {
      db.close()
      if (isBusy(err))
        throw new AppError('STORE_OPEN_FAILED', {
          params: { file, detail: 'another process is still checking the database' },
        })
      throw err
    }
  }

  /** The first process's checks are done: the others may come in. */
  share(): void {
    if (!this.db || !this.db.inTransaction) return
    this.db.exec('COMMIT')
    OpenLock.holdShared(this.db)
  }

  release(): void {
    const db = this.db
    this.db = null
    db?.close()
  }

  private static holdShared(db: Db): void {
    db.exec('BEGIN')
    // A read is what takes the shared lock; it is held until the transaction ends (at release).
    db.prepare('SELECT count(*) FROM sqlite_master').get()
  }
}
