import fs from 'node:fs'
import path from 'node:path'
import { quickCheck, type Db } from './database'
import { privateDir, tightenFile } from '../private-files'

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

/** Flushes a file's content to the disk (fsync). */
export function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+')
  try {
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
}

/** Makes a rename in `dir` durable (POSIX: fsync the folder; Windows has no folder handle to flush, NTFS logs it). */
export function fsyncDir(dir: string): void {
  if (process.platform === 'win32') return
  const fd = fs.openSync(dir, 'r')
  try {
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
}

/**
 * Writes a compact copy of the database with `VACUUM INTO` to a temporary name, flushes it to the disk, then
 * renames it (and flushes the folder), so a backup that exists by its name is complete even after a power cut;
 * keeps the newest KEEP_BACKUPS. A database that fails quick_check is not backed up: a damaged copy must never
 * push a good one out. Backups are the owner's only (0600).
 */
export function makeBackup(db: Db, dir: string, now: Date): { file: string } | { skipped: string } {
  const problems = quickCheck(db)
  if (problems.length) return { skipped: `quick_check: ${problems.join('; ')}` }
  privateDir(dir)
  let file = path.join(dir, `${PREFIX}${fileStamp(now)}${SUFFIX}`)
  for (let i = 1; fs.existsSync(file); i++) file = path.join(dir, `${PREFIX}${fileStamp(now)}-${i}${SUFFIX}`)
  const tmp = `${file}.tmp`
  fs.rmSync(tmp, { force: true })
  db.prepare('VACUUM INTO ?').run(tmp)
  tightenFile(tmp)
  fsyncFile(tmp)
  fs.renameSync(tmp, file)
  fsyncDir(dir)
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
