import { initial } from './001-initial'
import type { Migration } from './types'

export type { Migration } from './types'

/** Every schema step, in order. Append only: never edit or remove a step that has shipped. */
export const migrations: readonly Migration[] = [initial]

/** The schema version this build of the app writes. */
export const LATEST_VERSION = migrations.length
