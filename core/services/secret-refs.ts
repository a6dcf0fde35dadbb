import { WorkspaceConfigSchema, type WorkspaceConfig } from '@shared/domain'
import { AppError } from '@shared/ipc/errors'
import type { Store } from '../store'
import type { Vault } from '../vault'
import { decodeDraftKey } from './draft-key'

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

/**
 * The refs the configurations name that the profile's keychain does not hold (one keychain search), less
 * those that `arriving` will bring (the secrets an encrypted bundle carries). Sorted and unique.
 */
export async function missingSecretRefs(
  vault: Vault,
  profileId: string,
  configs: readonly WorkspaceConfig[],
  arriving: Iterable<string> = [],
): Promise<string[]> {
  const wanted = new Set(configs.flatMap(dingtalkRefs))
  if (wanted.size === 0) return []
  const present = new Set(arriving)
  for (const key of await vault.list(profileId)) if (key.ref !== undefined) present.add(key.ref)
  return [...wanted].filter((ref) => !present.has(ref)).sort()
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
