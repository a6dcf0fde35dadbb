import { WorkspaceConfigSchema, type WorkspaceConfig } from '@shared/domain'
import { AppError } from '@shared/ipc/errors'
import type { Store } from '../store'
import type { Vault } from '../vault'
import { decodeDraftKey } from '../model/draft-key'

/**
 * DingTalk signing secrets [加签] named by configurations (`secretRef`) and the profile's keychain: one
 * check that a bundle's plan (CLI `plan`/`apply`, the import preview) and the apply path share, so that an
 * apply never half-succeeds and then stops at a target whose secret is missing (SYNC_SECRET_MISSING).
 */

/** The keychain references of a configuration's DingTalk targets, sorted and unique. */
export function dingtalkRefs(config: WorkspaceConfig): string[] {
  const refs = new Set<string>()
  for (const rule of config.notifications.rules)
    for (const t of rule.targets) if (t.type === 'dingtalk' && t.secretRef) refs.add(t.secretRef)
  return [...refs].sort()
}

/** The refs of the signing secrets the profile's keychain holds (one keychain search; never the values). */
async function keychainRefs(vault: Vault, profileId: string): Promise<Set<string>> {
  return new Set((await vault.list(profileId)).flatMap((k) => (k.ref === undefined ? [] : [k.ref])))
}

/**
 * The refs the configurations name that the profile's keychain does not hold, less those that `arriving`
 * will bring (the secrets an encrypted bundle carries). Sorted and unique. `present` reuses one keychain
 * search for several checks of the same profile.
 */
export async function missingSecretRefs(
  vault: Vault,
  profileId: string,
  configs: readonly WorkspaceConfig[],
  arriving: Iterable<string> = [],
  present?: (profileId: string) => Promise<Set<string>>,
): Promise<string[]> {
  const wanted = new Set(configs.flatMap(dingtalkRefs))
  if (wanted.size === 0) return []
  const held = await (present ? present(profileId) : keychainRefs(vault, profileId))
  const coming = new Set(arriving)
  return [...wanted].filter((ref) => !held.has(ref) && !coming.has(ref)).sort()
}

/** One keychain search per profile, shared by the checks of one import. */
export function keychainRefsOnce(vault: Vault): (profileId: string) => Promise<Set<string>> {
  const cache = new Map<string, Promise<Set<string>>>()
  return (profileId) => {
    let p = cache.get(profileId)
    if (!p) cache.set(profileId, (p = keychainRefs(vault, profileId)))
    return p
  }
}

/** Refuses (SECRET_REFS_MISSING, naming them) when the keychain lacks a secret the configurations name. */
async function assertSecretRefs(
  vault: Vault,
  profile: { id: string; name: string },
  configs: readonly WorkspaceConfig[],
): Promise<void> {
  const refs = await missingSecretRefs(vault, profile.id, configs)
  if (refs.length > 0)
    throw new AppError('SECRET_REFS_MISSING', {
      ruleId: 'D2',
      params: { refs, count: refs.length, profile: profile.name },
    })
}

/**
 * Before a draft is applied (the app's and the CLI's apply path): every ref its DingTalk targets name is in
 * its profile's keychain. An offline draft, or one that cannot be read, is left to the apply's own checks.
 */
export async function assertDraftSecretRefs(store: Store, vault: Vault, key: string): Promise<void> {
  const { profileId, workspaceKey } = decodeDraftKey(key)
  const profile = profileId === null ? undefined : store.profiles.get(profileId)
  const draft = profile ? store.drafts.get(profile.id, workspaceKey, WorkspaceConfigSchema) : undefined
  if (profile && draft?.draft.ok) await assertSecretRefs(vault, profile, [draft.draft.value])
}
