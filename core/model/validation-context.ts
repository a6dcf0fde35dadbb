import { OWNER_ROLE, type Identity, type ValidationContext, type WorkspaceConfig } from '@shared/domain'
import type { Store } from '../store'
import { readProfileFacts } from './profile-facts'

/** Region used to validate a draft that belongs to no profile, or a bundle that names none (offline only). */
const OFFLINE_REGION = 'cn-hangzhou'
/** Offline, with no refresh yet, the identity is unknown: assume the main account (the recommended way). */
export const UNKNOWN_IDENTITY: Identity = { kind: 'main', userId: 'unknown' }

/** The identity's roles in a workspace: its member roles, plus owner when it owns it. */
export function identityRolesOf(config: WorkspaceConfig, userId: string): string[] {
  const roles = new Set(config.members.find((m) => m.userId === userId)?.roles ?? [])
  if (config.owner?.userId === userId) roles.add(OWNER_ROLE)
  return [...roles]
}

/**
 * The offline validation context of a workspace, from the cache: region of the profile, identity and
 * DataWorks names learned at refresh (A1-A3, W4), the known workspace names, EventBridge authorization (E1).
 * `previous` is the state immutability and C2/M6 are checked against; `current` (default: previous) is the
 * cloud state the identity's roles and the workspace's own name are read from.
 */
export function validationContextFor(
  store: Store,
  profileId: string | null,
  states: { previous?: WorkspaceConfig | null; current?: WorkspaceConfig | null } = {},
): ValidationContext {
  const previous = states.previous ?? undefined
  const current = states.current === undefined ? previous : (states.current ?? undefined)
  const profile = profileId ? store.profiles.get(profileId) : undefined
  const facts = profileId ? readProfileFacts(store, profileId) : undefined
  const identity = facts?.identity ?? UNKNOWN_IDENTITY
  // The workspace's own name is not a clash with itself.
  const ownName = current?.basic.name
  const ctx: ValidationContext = {
    region: profile?.region ?? OFFLINE_REGION,
    identity,
    identityRoles: current ? identityRolesOf(current, identity.userId) : [],
    knownWorkspaces: profileId
      ? [
          ...store.workspaces
            .names(profileId)
            .filter((n) => n !== ownName)
            .map((name) => ({ name, source: 'pai' as const })),
          ...(facts?.dataworksNames ?? []).map((name) => ({ name, source: 'dataworks' as const })),
        ]
      : [],
    allowLoopbackWebhooks: !!profile?.endpoint && /^(127\.0\.0\.1|localhost)(:|$)/.test(profile.endpoint),
  }
  if (previous) ctx.previous = previous
  if (facts?.eventBridgeAuthorized !== undefined) ctx.eventBridgeAuthorized = facts.eventBridgeAuthorized
  return ctx
}

/**
 * The context to validate a bundle with no profile and no local data (`pai-admin validate FILE`): a new
 * workspace, created by the main account (identity unknown, as for a draft without a refresh), in the bundle's
 * region. Rules that need the cloud's state (W4 name clashes, C2, M6) are checked again by `plan` against the
 * refreshed cloud. The same as `validationContextFor` gives a draft of no profile, but for the region.
 */
export function offlineContext(region: string | undefined): ValidationContext {
  return {
    region: region ?? OFFLINE_REGION,
    identity: UNKNOWN_IDENTITY,
    identityRoles: [],
    knownWorkspaces: [],
    allowLoopbackWebhooks: false,
  }
}
