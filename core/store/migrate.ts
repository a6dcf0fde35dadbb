import { AppError } from '@shared/ipc/errors'
import type { Db } from './database'
import { migrations as allMigrations, type Migration } from './migrations'

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number
}

/**
 * Checks that steps start at 1 and their numbers only grow (a broken list must never reach a user). A gap is
 * tolerated: branches number their steps ahead of a merge (e.g. 007 before 006 lands); each step runs once,
 * when the database's version is below its number.
 */
export function assertMigrationList(list: readonly Migration[]): void {
  list.forEach((m, i) => {
    const min = i === 0 ? 1 : list[i - 1]!.version + 1
    if (i === 0 ? m.version !== 1 : m.version < min)
      throw new Error(`migration #${i} (${m.name}) has version ${m.version}, expected ${i === 0 ? 1 : `>= ${min}`}`)
  })
}

/**
 * Brings the schema up to the newest version this app knows, in ONE transaction (all steps or none).
 * A database from a newer app is refused with STORE_SCHEMA_TOO_NEW and left untouched: never migrated down.
 */
export function migrate(
  db: Db,
  file: string,
  list: readonly Migration[] = allMigrations,
): { from: number; to: number } {
  assertMigrationList(list)
  const from = schemaVersion(db)
  const latest = list.length === 0 ? 0 : list[list.length - 1]!.version
  if (from > latest) {
    throw new AppError('STORE_SCHEMA_TOO_NEW', { params: { file, found: from, supported: latest } })
  }
  if (from === latest) return { from, to: from }
  db.transaction(() => {
    for (const m of list) if (m.version > from) m.up(db)
    db.pragma(`user_version = ${latest}`)
  }).immediate()
  return { from, to: latest }
}
