import { WorkspaceConfigSchema, type WorkspaceConfig } from '@shared/domain'
import type { DraftView } from '@shared/ipc/channels/workspaces'
import { BundlesService } from '../../../core/bundles'
import { EventHub } from '../../../core/ipc/events'
import { decodeDraftKey } from '../../../core/services/draft-key'
import { memorySettingsStore, SettingsService } from '../../../core/services/settings'
import { WorkspacesService } from '../../../core/services/workspaces'
import { Vault } from '../../../core/vault'
import type { Engine } from './harness'

/**
 * The services the renderer calls besides sync (drafts, bundles), built on an engine's store the way
 * createCore builds them; the vault is never asked for a secret here (bundles export secret refs only).
 */
export interface App {
  workspaces: WorkspacesService
  bundles: BundlesService
  /** What the configuration screen shows: the draft opened as the renderer opens it. */
  open(key: string): DraftView
  /** A user edit: load the draft, change it, save it with the revision it was loaded at. */
  edit(key: string, change: (c: WorkspaceConfig) => void): DraftView
  /** The draft of a key, undefined when there is none. */
  draftOf(key: string): WorkspaceConfig | undefined
}

export function appOf(e: Engine): App {
  const events = new EventHub()
  const settings = new SettingsService(memorySettingsStore({ activeProfileId: e.profileId }))
  const workspaces = new WorkspacesService(e.store, settings, events)
  const bundles = new BundlesService(
    e.store,
    new Vault({ service: 'pai-admin-test-unused' }),
    settings,
    workspaces,
    events,
  )
  return {
    workspaces,
    bundles,
    open: (key) => workspaces.open(key, 'en'),
    edit(key, change) {
      const v = workspaces.open(key, 'en')
      const next = structuredClone(v.config)
      change(next)
      return workspaces.save(key, next, v.revision, 'en')
    },
    draftOf(key) {
      const p = decodeDraftKey(key)
      const d = e.store.drafts.get(p.profileId, p.workspaceKey, WorkspaceConfigSchema)
      return d?.draft.ok ? d.draft.value : undefined
    },
  }
}
