import { initial } from './001-initial'
import { syncTables } from './003-sync-tables'
import type { Migration } from './types'

export type { Migration } from './types'

/**
 * A stand-in for step 2, which is being written on another branch at the same time (the outbox lease). It
 * keeps the list numbered 1..N until that step is merged, and is then replaced by it. It was never released:
 * no user database has run it.
 */
const reserved = (version: number): Migration => ({ version, name: `reserved-${version}`, up() {} })

/** Every schema step, in order. Append only: never edit or remove a step that has shipped. */
export const migrations: readonly Migration[] = [initial, reserved(2), syncTables]

/** The schema version this build of the app writes. */
export const LATEST_VERSION = migrations.length
