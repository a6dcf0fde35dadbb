/** The keychain service every entry of this app is stored under. */
export const KEYCHAIN_SERVICE = 'pai-workspace-admin'

/**
 * What a secret is for. A DingTalk signing secret [加签] is named by a ref (robot / rule). `securityToken`
 * is the token of an STS-token profile, which the user gives (temporary credentials the app obtains
 * itself are never stored).
 */
export type SecretKind = 'accessKeySecret' | 'securityToken' | 'bundlePassphrase' | `dingtalkSecret:${string}`

const OWNER = /^[A-Za-z0-9_-]{1,64}$/
const REF = /^[A-Za-z0-9_.-]{1,64}$/

export function dingtalkKind(ref: string): SecretKind {
  return `dingtalkSecret:${ref}`
}

export function isValidKind(kind: string): kind is SecretKind {
  if (kind === 'accessKeySecret' || kind === 'securityToken' || kind === 'bundlePassphrase') return true
  const m = /^dingtalkSecret:(.+)$/.exec(kind)
  return !!m && REF.test(m[1]!)
}

/** The keychain account: `<profileId>:<kind>`, e.g. `01J...:dingtalkSecret:ops-robot`. */
export function accountFor(profileId: string, kind: SecretKind): string {
  if (!OWNER.test(profileId)) throw new Error(`invalid profile id for the keychain: ${JSON.stringify(profileId)}`)
  if (!isValidKind(kind)) throw new Error(`invalid secret kind: ${JSON.stringify(kind)}`)
  return `${profileId}:${kind}`
}

export interface SecretKey {
  profileId: string
  kind: SecretKind
  /** For DingTalk secrets: the ref. */
  ref?: string
}

/** Reads an account name back; null for entries this app did not write. */
export function parseAccount(account: string): SecretKey | null {
  const i = account.indexOf(':')
  if (i <= 0) return null
  const profileId = account.slice(0, i)
  const kind = account.slice(i + 1)
  if (!OWNER.test(profileId) || !isValidKind(kind)) return null
  return kind.startsWith('dingtalkSecret:')
    ? { profileId, kind, ref: kind.slice('dingtalkSecret:'.length) }
    : { profileId, kind }
}
