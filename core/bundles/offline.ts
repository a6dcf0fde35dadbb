import type { ValidationContext } from '@shared/domain'

/** Region assumed for a workspace whose bundle names none, with no profile (as offline drafts). */
export const OFFLINE_REGION = 'cn-hangzhou'

/**
 * The context to validate a bundle with no profile and no local data (`pai-admin validate FILE`): a new
 * workspace, created by the main account, in the bundle's region. Rules that need the cloud's state
 * (W4 name clashes, C2, M6) are checked again by `plan` against the refreshed cloud.
 */
export function offlineContext(region: string | undefined): ValidationContext {
  return {
    region: region ?? OFFLINE_REGION,
    identity: { kind: 'main', userId: 'offline' },
    identityRoles: [],
    knownWorkspaces: [],
    allowLoopbackWebhooks: false,
  }
}
