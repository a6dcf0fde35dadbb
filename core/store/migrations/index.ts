import { initial } from './001-initial'
import { heldOps } from './002-held-ops'
import { syncTables } from './003-sync-tables'
import { profileCredentials } from './004-profile-credentials'
import { access } from './005-access'
import { workspaceCreated } from './007-workspace-created'
import type { Migration } from './types'

export type { Migration } from './types'

/**
 * Every schema step, in order. Append only: never edit or remove a step that has shipped.
 * (Branch `lists`: 006 belongs to another branch; the runner tolerates the gap until both are merged.)
 */
export const migrations: readonly Migration[] = [
  initial,
  heldOps,
  syncTables,
  profileCredentials,
  access,
  workspaceCreated,
]

/** The schema version this build of the app writes: the last step's number. */
export const LATEST_VERSION = migrations[migrations.length - 1]!.version
