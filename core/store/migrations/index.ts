import { initial } from './001-initial'
import { heldOps } from './002-held-ops'
import type { Migration } from './types'

export type { Migration } from './types'

/** Every schema step, in order. Append only: never edit or remove a step that has shipped. */
export const migrations: readonly Migration[] = [initial, heldOps]

/** The schema version this build of the app writes. */
export const LATEST_VERSION = migrations.length
