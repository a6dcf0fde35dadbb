import type { Database } from 'better-sqlite3'

/** One forward-only schema step. `version` is its number (001 -> 1); `up` runs inside the open transaction. */
export interface Migration {
  version: number
  name: string
  up(db: Database): void
}
