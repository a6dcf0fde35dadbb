import fs from 'node:fs'
import path from 'node:path'
import { quickCheck, type Db } from './database'

/** How many backups are kept in `<dataDir>/backups` (the oldest beyond this are deleted). */
export const KEEP_BACKUPS = 3
const PREFIX = 'pai-admin-'
const SUFFIX = '.db'

/** A time as a file-name-safe stamp that still sorts: 2026-11-28T10-20-30-123Z. */
export function fileStamp(d: Date): string {
  return d.toISOString().replace(/[:.]/g, '-')
}

/** The time a backup was made, from its name. */
export function backupTime(file: string): string | null {
  const m = /(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z/.exec(path.basename(file))
  return m ? `${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z` : null
}

/** Backups, newest first. */
export function listBackups(dir: string): string[] {
  if (!fs.existsSync(dir)) return []
  return fs
    .readdirSync(dir)
    .filter((f) => f.startsWith(PREFIX) && f.endsWith(SUFFIX))
    .sort()
    .reverse()
    .map((f) => path.join(dir, f))
}

/**
 * Writes a compact copy of the database with `VACUUM INTO` (to a temporary name, then renamed, so a
 * half-written backup never looks like one) and keeps the newest KEEP_BACKUPS. A database that fails
 * quick_check is not backed up: a damaged copy must never push a good one out.
 */
export function makeBackup(db: Db, dir: string, now: Date): { file: string } | { skipped: string } {
  const problems = quickCheck(db)
  if (problems.length) return { skipped: `quick_check: ${problems.join('; ')}` }
  fs.mkdirSync(dir, { recursive: true })
  let file = path.join(dir, `${PREFIX}${fileStamp(now)}${SUFFIX}`)
  for (let i = 1; fs.existsSync(file); i++) file = path.join(dir, `${PREFIX}${fileStamp(now)}-${i}${SUFFIX}`)
  const tmp = `${file}.tmp`
  fs.rmSync(tmp, { force: true })
  db.prepare('VACUUM INTO ?').run(tmp)
  fs.renameSync(tmp, file)
  pruneBackups(dir)
  return { file }
}

export function pruneBackups(dir: string, keep = KEEP_BACKUPS): void {
  for (const old of listBackups(dir).slice(keep)) fs.rmSync(old, { force: true })
  // A .tmp left by a process killed mid-backup; young ones may belong to another process writing now.
  for (const f of fs.readdirSync(dir)) {
    const p = path.join(dir, f)
    if (f.endsWith('.db.tmp') && Date.now() - fs.statSync(p).mtimeMs > 10 * 60_000) fs.rmSync(p, { force: true })
  }
}
