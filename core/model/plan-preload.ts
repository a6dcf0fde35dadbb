import type { WorkspaceConfig } from '@shared/domain'
import type { DraftKeyParts } from './draft-key'
import type { ProfileContext } from './validation-context'

/** A draft as planning reads it. */
export interface LoadedDraft {
  parts: DraftKeyParts & { profileId: string }
  draft: WorkspaceConfig
  base: WorkspaceConfig | null
  revision: number
}

/** The cloud's copy of a workspace as the cache holds it (`store.workspaces.getConfig`, parsed). */
export interface CachedCloud {
  config: WorkspaceConfig
  fetchedAt: string
  configVersion: string
}

/**
 * What a caller that has just saved a draft already holds, parsed, so planning need not read it back: a bulk
 * change plans a thousand drafts in a row (issue 16). The plan is the one made from the store.
 */
export interface PlanPreload {
  draft?: LoadedDraft
  cloud?: CachedCloud
  /** What every workspace of the draft's profile shares in its validation context. */
  profile?: ProfileContext
}
