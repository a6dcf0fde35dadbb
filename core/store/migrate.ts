import { AppError } from '@shared/ipc/errors'
import type { Db } from './database'
import { migrations as allMigrations, type Migration } from './migrations'

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number
}

/** Checks that steps are numbered 1..N with no gap or repeat (a broken list must never reach a user). */
export function assertMigrationList(list: readonly Migration[]): void {
  list.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration #${i} (${m.name}) has version ${m.version}, expected ${i + 1}`)
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
  const latest = list.length
  if (from > latest) {
    throw new AppError('STORE_SCHEMA_TOO_NEW', { params: { file, found: from, supported: latest } })
  }
  if (from === latest) return { from, to: from }
  db.transaction(() => {
    for (const m of list.slice(from)) m.up(db)
    db.pragma(`user_version = ${latest}`)
  }).immediate()
  return { from, to: latest }
}
