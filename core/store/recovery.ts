import fs from 'node:fs'
import path from 'node:path'
import type { StoreRecovery } from '@shared/ipc/channels/profiles'
import { backupTime, fileStamp, fsyncDir, fsyncFile, listBackups } from './backup'
import { tightenFile } from '../private-files'
import { inspectBackup, type Damage } from './database'

const COMPANIONS = ['', '-wal', '-shm'] as const

/**
 * Moves a damaged database and its -wal/-shm files aside under a timestamped name next to it.
 * Nothing is deleted: the user (or support) can still look at the damaged file.
 */
export function moveAside(file: string, now: Date): string[] {
  const dir = path.dirname(file)
  const base = path.basename(file, '.db')
  const target = path.join(dir, `${base}.damaged-${fileStamp(now)}.db`)
  const moved: string[] = []
  for (const suffix of COMPANIONS) {
    if (fs.existsSync(file + suffix)) {
      fs.renameSync(file + suffix, target + suffix)
      moved.push(target + suffix)
    }
  }
  return moved
}

/** Copies the newest sound backup (whose schema this app can read) into place. */
export function restoreNewestBackup(
  file: string,
  backupDir: string,
  maxVersion: number,
): { restoredFrom: string; tried: string[] } | { restoredFrom: null; tried: string[] } {
  const tried: string[] = []
  for (const b of listBackups(backupDir)) {
    const check = inspectBackup(b)
    if (!check.ok) {
      tried.push(`${path.basename(b)}: ${check.detail}`)
      continue
    }
    if (check.version > maxVersion) {
      tried.push(`${path.basename(b)}: schema version ${check.version} is newer than ${maxVersion}`)
      continue
    }
    const tmp = `${file}.restoring`
    fs.copyFileSync(b, tmp)
    tightenFile(tmp)
    fsyncFile(tmp)
    fs.renameSync(tmp, file)
    fsyncDir(path.dirname(file))
    return { restoredFrom: b, tried }
  }
  return { restoredFrom: null, tried }
}

/**
 * A zero-byte database while backups exist is damage (truncated to nothing), unless a WAL holds its
 * content (a fresh database whose first commits were never checkpointed).
 */
export function looksEmptied(file: string, backupDir: string): Damage | null {
  if (!fs.existsSync(file) || fs.statSync(file).size > 0) return null
  const wal = `${file}-wal`
  if (fs.existsSync(wal) && fs.statSync(wal).size > 0) return null
  if (listBackups(backupDir).length === 0) return null
  return { reason: 'empty', detail: 'the database file is empty (0 bytes)' }
}

export function recoveryReport(
  damage: Damage,
  damagedFiles: string[],
  restoredFrom: string | null,
  now: Date,
): StoreRecovery {
  return {
    at: now.toISOString(),
    reason: damage.reason,
    detail: damage.detail,
    damagedFiles,
    restoredFrom,
    restoredBackupAt: restoredFrom ? backupTime(restoredFrom) : null,
  }
}
