import type { ProfileView } from './ipc/channels/profiles'

/**
 * What a profile's expiry means now (the profiles screen's tag and `pai-admin profile list`).
 * - `expires`: the credentials in use are valid until `at`.
 * - `expired`: only an STS token profile (a pasted, static token) can be past its expiry: nothing renews it.
 * - `renews`: a RAM role, OIDC, ECS or environment profile whose last known expiry has passed: its
 *   credential source asks for new temporary credentials on the next call (15 minutes before they
 *   expire, as @alicloud/credentials does), so it is not expired.
 * - `none`: no expiry is known (an AccessKey, or not checked yet).
 */
export type ProfileExpiry = { state: 'none' } | { state: 'expires' | 'expired' | 'renews'; at: string }

export function profileExpiry(
  p: Pick<ProfileView, 'kind' | 'caller' | 'stsExpiration'>,
  now: number = Date.now(),
): ProfileExpiry {
  const at = p.caller?.expiresAt ?? (p.kind === 'sts-token' ? p.stsExpiration : null) ?? null
  if (!at) return { state: 'none' }
  if (Date.parse(at) > now) return { state: 'expires', at }
  return { state: p.kind === 'sts-token' ? 'expired' : 'renews', at }
}
