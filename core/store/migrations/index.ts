import { initial } from './001-initial'
import { heldOps } from './002-held-ops'
import { profileCredentials } from './005-profile-credentials'
import type { Migration } from './types'

export type { Migration } from './types'

/**
 * Stand-ins for steps 2-4, which are being written on other branches at the same time (outbox lease,
 * backups, ...). They keep the list numbered 1..N until those steps are merged, and are then replaced
 * by them. They were never released: no user database has run them.
 */
const reserved = (version: number): Migration => ({ version, name: `reserved-${version}`, up() {} })

/** Every schema step, in order. Append only: never edit or remove a step that has shipped. */
export const migrations: readonly Migration[] = [initial, heldOps, reserved(3), reserved(4), profileCredentials]

/** The schema version this build of the app writes. */
export const LATEST_VERSION = migrations.length
