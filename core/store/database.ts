import Database from 'better-sqlite3'
import type { Database as Db } from 'better-sqlite3'
import { AppError } from '@shared/ipc/errors'

export type { Database as Db } from 'better-sqlite3'

/** How long a writer waits for another connection (the CLI, a second window) before SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 5000

/** A file that is not a usable database, and why. */
export interface Damage {
  reason: 'not-a-database' | 'corrupt' | 'empty'
  detail: string
}

/** The connection settings every connection uses: WAL, FULL sync (the outbox must survive power loss), FKs. */
export function applyPragmas(db: Db): void {
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  db.pragma('foreign_keys = ON')
  // Up to 32 MB of page cache (the default is 2 MB): the list indexes of 10,000 workspaces stay in memory.
  db.pragma('cache_size = -32000')
}

/** `PRAGMA quick_check`: [] when the file is sound, else the first problems SQLite reports. */
export function quickCheck(db: Db): string[] {
  const rows = db.pragma('quick_check(5)', { simple: false }) as Array<Record<string, unknown>>
  const msgs = rows.map((r) => String(Object.values(r)[0]))
  return msgs.length === 1 && msgs[0] === 'ok' ? [] : msgs
}

/** `PRAGMA integrity_check` (slower, complete): [] when sound. */
export function integrityCheck(db: Db): string[] {
  const rows = db.pragma('integrity_check', { simple: false }) as Array<Record<string, unknown>>
  const msgs = rows.map((r) => String(Object.values(r)[0]))
  return msgs.length === 1 && msgs[0] === 'ok' ? [] : msgs
}

function isDamageError(err: unknown): err is Error & { code: string } {
  if (!(err instanceof Database.SqliteError)) return false
  return err.code === 'SQLITE_NOTADB' || err.code.startsWith('SQLITE_CORRUPT')
}

/**
 * Opens the file with our pragmas and runs quick_check (or, after an unclean shutdown, the complete
 * integrity_check). A damaged file comes back as `{damage}` (the
 * connection is closed); any other failure (permissions, disk full, locked) is STORE_OPEN_FAILED.
 */
export function openChecked(file: string, check: 'quick' | 'full' = 'quick'): { db: Db } | { damage: Damage } {
  let db: Db | undefined
  try {
    db = new Database(file, { timeout: BUSY_TIMEOUT_MS })
    applyPragmas(db)
    const problems = check === 'full' ? integrityCheck(db) : quickCheck(db)
    if (problems.length) {
      db.close()
      return { damage: { reason: 'corrupt', detail: problems.slice(0, 3).join('; ') } }
    }
    return { db }
  } catch (err) {
    try {
      db?.close()
    } catch {
      // already unusable
    }
    if (isDamageError(err)) {
      return { damage: { reason: err.code === 'SQLITE_NOTADB' ? 'not-a-database' : 'corrupt', detail: err.message } }
    }
    throw new AppError('STORE_OPEN_FAILED', {
      params: { file, detail: err instanceof Error ? err.message : String(err) },
      cause: err,
    })
  }
}

/** Tables every database of this app has had since its first schema (a backup without them is not ours). */
const CORE_TABLES = ['profiles', 'settings', 'cached_workspaces', 'drafts', 'outbox', 'activity']

/**
 * Opens a backup read-only and says whether it is a sound database of this app, and which schema version it has.
 * Sound means: quick_check passes AND it has a schema version and the app's tables. An empty or tiny file passes
 * quick_check (SQLite reads it as an empty database), so it is never taken for a backup.
 */
export function inspectBackup(file: string): { ok: true; version: number } | { ok: false; detail: string } {
  let db: Db | undefined
  try {
    db = new Database(file, { readonly: true, fileMustExist: true })
    const problems = quickCheck(db)
    if (problems.length) return { ok: false, detail: problems.join('; ') }
    const version = db.pragma('user_version', { simple: true }) as number
    if (version < 1) return { ok: false, detail: 'not a database of this app (no schema version)' }
    const have = new Set(db.prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all())
    const missing = CORE_TABLES.filter((t) => !have.has(t))
    if (missing.length) return { ok: false, detail: `not a database of this app (no table ${missing.join(', ')})` }
    return { ok: true, version }
  } catch (err) {
    return { ok: false, detail: err instanceof Error ? err.message : String(err) }
  } finally {
    db?.close()
  }
}
