import type { KnownWorkspace } from '../context'
import type { WorkspaceConfig } from '../model'
import type { Collector } from '../problems'

/**
 * What the rules see besides the configuration. Lists of a salvaged configuration may hold holes
 * (`undefined` where an item failed its schema and was reported already): rules iterate by index
 * and skip them.
 */
export interface RuleEnv {
  /** Region ID; undefined when the context was invalid (region rules are skipped). */
  region: string | undefined
  /** The last known cloud state; undefined for a workspace being created. */
  previous: WorkspaceConfig | undefined
  /** True when the workspace is being created. */
  creating: boolean
  /** The owner's user ID (the creator on a new workspace, A4). */
  ownerId: string | undefined
  knownWorkspaces: readonly KnownWorkspace[]
  eventBridgeAuthorized: boolean | undefined
  allowLoopbackWebhooks: boolean
  /** Member user ID -> index of its first occurrence (computed once, shared by the rules). */
  memberIndex: ReadonlyMap<string, number>
}

export type Rule = (config: WorkspaceConfig, env: RuleEnv, c: Collector) => void
