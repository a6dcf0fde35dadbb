import type { EventHub } from '../ipc/events'
import type { BundlesService } from '../bundles'
import type { AccessService } from '../services/access'
import type { AccessBulkService } from '../services/access-bulk'
import type { AccessExport, AccessQuery } from '@shared/ipc/channels/access'
import type { Locale } from '@shared/locale'
import type { AccountsService } from '../services/accounts'
import type { CloudChecks } from '../services/cloud-checks'
import type { FilesService } from '../services/files'
import type { ProfilesService } from '../services/profiles'
import type { RamUsersService } from '../services/ram-users'
import type { ProfileImporter } from '../services/profile-import'
import type { SettingsService } from '../services/settings'
import type { StoreHealth } from '../services/store-health'
import type { WorkspacesService } from '../services/workspaces'
import type { SyncService } from '../sync'

export interface CoreInfo {
  name: string
  version: string
  runtime: 'electron' | 'web' | 'cli' | 'test'
  dataDir: string
  logDir: string
}

/**
 * What the handlers may call: services only. The store, the vault and the cloud clients are not here on
 * purpose (a handler turns a channel into a service call; `npm run lint` checks their imports too).
 */
export interface HandlerServices {
  info: CoreInfo
  events: EventHub
  settings: SettingsService
  profiles: ProfilesService
  /** Profiles found in the aliyun CLI's and the SDK's credential files: preview, then import (secrets to the keychain). */
  profileImport: ProfileImporter
  /** The workspace list and offline drafts (D1). */
  workspaces: WorkspacesService
  /** The workspace list across every profile, and a refresh of all of them. */
  accounts: AccountsService
  /** The account's RAM users (the member picker) and the A3 policy check of member RAM users. */
  ramUsers: RamUsersService
  /** Identity, DingTalk and SLS look-ups asked of the cloud right now. */
  cloudChecks: CloudChecks
  /** The store's recovery report. */
  storeHealth: StoreHealth
  /** Config bundles: export, import preview, import as drafts (D4). */
  bundles: BundlesService
  /** D2: a draft's DingTalk signing secrets are in the keychain before anything of it is queued. */
  draftSecrets: { assertPresent(key: string): Promise<void> }
  /** Refresh, plan, apply through the outbox, status, drift (core/sync). */
  sync: SyncService
  /** Who can do what across every profile's cache (issue 16). */
  access: AccessService
  /** Bulk access changes as drafts and one combined plan (issue 16). */
  accessBulk: AccessBulkService
  /** The overview as a CSV or XLSX file (the same rows and filters). */
  accessExport(q: AccessQuery, format: 'csv' | 'xlsx', locale: Locale): Promise<AccessExport>
  /** Saving and opening files through the desktop's own dialogs (none in the browser harness or the CLI). */
  files: FilesService
}
