import { OWNER_ROLE, type Identity, type ValidationContext, type WorkspaceConfig } from '@shared/domain'
import type { ProfileRecord, Store } from '../store'
import { readProfileFacts, type ProfileFacts } from './profile-facts'

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
 * cloud state the identity's roles and the workspace's own name are read from. `known`: the profile's part,
 * when the caller has read it once for many workspaces (profileContextOf).
 */
export function validationContextFor(
  store: Store,
  profileId: string | null,
  states: { previous?: WorkspaceConfig | null; current?: WorkspaceConfig | null } = {},
  known: ProfileContext | undefined = profileId ? profileContextOf(store, profileId) : undefined,
): ValidationContext {
  const previous = states.previous ?? undefined
  const current = states.current === undefined ? previous : (states.current ?? undefined)
  const profile = known?.profile
  const facts = known?.facts
  const identity = facts?.identity ?? UNKNOWN_IDENTITY
  // The workspace's own name is not a clash with itself.
  const ownName = current?.basic.name
  const ctx: ValidationContext = {
    region: profile?.region ?? OFFLINE_REGION,
    identity,
    identityRoles: current ? identityRolesOf(current, identity.userId) : [],
    knownWorkspaces: known ? [...known.paiNames.filter((n) => n.name !== ownName), ...known.dataworksNames] : [],
    allowLoopbackWebhooks: !!profile?.endpoint && /^(127\.0\.0\.1|localhost)(:|$)/.test(profile.endpoint),
  }
  if (previous) ctx.previous = previous
  if (facts?.eventBridgeAuthorized !== undefined) ctx.eventBridgeAuthorized = facts.eventBridgeAuthorized
  return ctx
}

/**
 * What the context of every workspace of a profile shares, read from the cache: the profile, its facts and the
 * known workspace names. Read once when many drafts are planned in a row (a bulk change, issue 16), in one go.
 */
export interface ProfileContext {
  profile: ProfileRecord | undefined
  facts: ProfileFacts
  paiNames: ValidationContext['knownWorkspaces']
  dataworksNames: ValidationContext['knownWorkspaces']
}

export function profileContextOf(store: Store, profileId: string): ProfileContext {
  const facts = readProfileFacts(store, profileId)
  return {
    profile: store.profiles.get(profileId),
    facts,
    paiNames: store.workspaces.names(profileId).map((name) => ({ name, source: 'pai' as const })),
    dataworksNames: facts.dataworksNames.map((name) => ({ name, source: 'dataworks' as const })),
  }
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
