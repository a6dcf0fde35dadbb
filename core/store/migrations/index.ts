import { initial } from './001-initial'
import { heldOps } from './002-held-ops'
import { syncTables } from './003-sync-tables'
import { profileCredentials } from './004-profile-credentials'
import { access } from './005-access'
import { ramUsers } from './006-ram-users'
import { workspaceCreated } from './007-workspace-created'
import type { Migration } from './types'

export type { Migration } from './types'

/** Every schema step, in order. Append only: never edit or remove a step that has shipped. */
export const migrations: readonly Migration[] = [
  initial,
  heldOps,
  syncTables,
  profileCredentials,
  access,
  ramUsers,
  workspaceCreated,
]

/** The schema version this build of the app writes: the last step's number. */
export const LATEST_VERSION = migrations.length
