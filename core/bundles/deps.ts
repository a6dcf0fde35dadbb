import type { EventHub } from '../ipc/events'
import type { SettingsService } from '../services/settings'
import type { WorkspacesService } from '../services/workspaces'
import type { Store } from '../store'
import type { Vault } from '../vault'
import type { BundleChecker } from './worker/checker'

/** What the bundle operations (export, import preview, import) work with. */
export interface BundlesDeps {
  store: Store
  vault: Vault
  settings: SettingsService
  workspaces: WorkspacesService
  events: EventHub
  checker: BundleChecker
}

/** Keychain entry names for DingTalk secrets (the vault's rule). */
export const STORABLE_REF = /^[A-Za-z0-9_.-]{1,64}$/
