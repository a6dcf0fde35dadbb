import { initial } from './001-initial'
import { access } from './006-access'
import type { Migration } from './types'

export type { Migration } from './types'

/**
 * Stand-ins for steps 2-5, which are being written on other branches at the same time (held ops, sync
 * tables, profile credentials, ...). They keep the list numbered 1..N until those steps are merged, and are
 * then replaced by them. They were never released: no user database has run them.
 */
const reserved = (version: number): Migration => ({ version, name: `reserved-${version}`, up() {} })

/** Every schema step, in order. Append only: never edit or remove a step that has shipped. */
export const migrations: readonly Migration[] = [initial, reserved(2), reserved(3), reserved(4), reserved(5), access]

/** The schema version this build of the app writes. */
export const LATEST_VERSION = migrations.length
