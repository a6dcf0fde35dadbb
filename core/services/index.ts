import type { EventHub } from '../ipc/events'
import type { Logger } from '../log/logger'
import type { SettingsService } from './settings'
import type { Store } from '../store'
import type { Vault } from '../vault'
import type { ProfilesService } from './profiles'
import type { WorkspacesService } from './workspaces'
import type { CloudSessions } from './cloud-sessions'
import type { BundlesService } from '../bundles'
import type { SyncService } from '../sync'
import type { AccessService } from './access'
import type { AccessBulkService } from './access-bulk'

export interface CoreInfo {
  name: string
  version: string
  runtime: 'electron' | 'web' | 'cli' | 'test'
  dataDir: string
  logDir: string
}

/** Everything the handlers need, built once by createCore. Each area adds its services here. */
export interface CoreServices {
  info: CoreInfo
  events: EventHub
  log: Logger
  settings: SettingsService
  /** The local SQLite store (repositories: see core/store/README.md). */
  store: Store
  /** The OS keychain: the only place secrets live (D2). */
  vault: Vault
  profiles: ProfilesService
  /** The workspace list and offline drafts (D1). */
  workspaces: WorkspacesService
  /** Cloud clients per profile (secret read from the keychain on demand). */
  cloud: CloudSessions
  /** Config bundles: export, import preview, import as drafts (D4). */
  bundles: BundlesService
  /** Refresh, plan, apply through the outbox, status, drift (core/sync). */
  sync: SyncService
  /** Who can do what across every profile's cache (issue 16). */
  access: AccessService
  /** Bulk access changes as drafts and one combined plan (issue 16). */
  accessBulk: AccessBulkService
}
