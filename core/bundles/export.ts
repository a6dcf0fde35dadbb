import type { BundleFormat, EncryptedSecrets } from '@shared/bundle'
import { WorkspaceConfigSchema, type WorkspaceConfig } from '@shared/domain'
import type { ExportSecrets } from '@shared/ipc/channels/bundles'
import { AppError } from '@shared/ipc/errors'
import { decodeDraftKey } from '../model/draft-key'
import { isLocalWorkspaceKey } from '../store'
import { dingtalkKind } from '../vault'
import { encryptSecrets, type SecretMap } from './crypto'
import { STORABLE_REF, type BundlesDeps } from './deps'
import { dingtalkRefs } from '../services/secret-refs'
import { assertNoClearSecrets } from './secrets'
import { buildBundle, bundleFileName, serializeBundle, type BundleEntry } from './serialize'

export interface ExportRequest {
  keys: string[]
  format: BundleFormat
  source: 'draft' | 'cloud'
  secrets: ExportSecrets
  description?: string
}

export interface ExportResult {
  fileName: string
  content: string
  workspaces: number
  encryptedSecrets: number
}

type Entry = BundleEntry & { profileId: string | null }

/** One workspace to export: its draft (or, without one, the cached cloud configuration) and its profile. */
function entryFor(deps: Pick<BundlesDeps, 'store'>, key: string, source: 'draft' | 'cloud'): Entry {
  const { store } = deps
  const parts = decodeDraftKey(key)
  const profile = parts.profileId === null ? null : (store.profiles.get(parts.profileId) ?? null)
  if (parts.profileId !== null && !profile) throw new AppError('PROFILE_NOT_FOUND', { params: { id: parts.profileId } })
  let config: WorkspaceConfig | undefined
  if (source === 'draft') {
    const d = store.drafts.get(parts.profileId, parts.workspaceKey, WorkspaceConfigSchema)
    if (d?.draft.ok) config = d.draft.value
    else if (d && !d.draft.ok) throw new AppError('DRAFT_UNREADABLE', { params: { key, detail: d.draft.error } })
  }
  if (!config && parts.profileId !== null && !isLocalWorkspaceKey(parts.workspaceKey)) {
    const c = store.workspaces.getConfig(parts.profileId, parts.workspaceKey, WorkspaceConfigSchema)
    if (c?.config.ok) config = c.config.value
  }
  if (!config) throw new AppError('NOT_FOUND', { params: { what: key } })
  const entry: Entry = { name: config.basic.name, config, profileId: parts.profileId }
  if (profile) {
    entry.profile = profile.name
    entry.region = profile.region
  }
  return entry
}

/** The signing secrets the entries name, read from their profiles' keychain, to carry encrypted. */
async function secretsOf(deps: Pick<BundlesDeps, 'vault'>, entries: Entry[]): Promise<SecretMap> {
  const map: SecretMap = {}
  for (const e of entries) {
    const refs = dingtalkRefs(e.config)
    if (refs.length === 0) continue
    if (e.profileId === null) throw new AppError('BUNDLE_SECRETS_NEED_PROFILE', { ruleId: 'D2' })
    for (const ref of refs) {
      const secret = STORABLE_REF.test(ref) ? await deps.vault.get(e.profileId, dingtalkKind(ref)) : null
      if (secret === null)
        throw new AppError('BUNDLE_SECRET_MISSING', { ruleId: 'D2', params: { ref, profile: e.profile ?? '' } })
      map[ref] = secret
    }
  }
  return map
}

/** Workspaces as one bundle file's content (D4): deterministic, and never a secret in clear (D2). */
export async function exportBundle(
  deps: Pick<BundlesDeps, 'store' | 'vault'>,
  req: ExportRequest,
): Promise<ExportResult> {
  if (req.keys.length === 0) throw new AppError('BUNDLE_EXPORT_EMPTY', { ruleId: 'D4' })
  const entries = req.keys.map((key) => entryFor(deps, key, req.source))
  let box: EncryptedSecrets | undefined
  let carried: string[] = []
  if (req.secrets.mode === 'encrypted') {
    const map = await secretsOf(deps, entries)
    carried = Object.values(map)
    if (carried.length > 0) box = await encryptSecrets(map, req.secrets.passphrase)
  }
  const bundle = buildBundle(
    entries.map(({ profileId: _p, ...e }) => e),
    box,
    req.description,
  )
  const content = serializeBundle(bundle, req.format)
  // The last gate (D2): no secret we know, nor anything shaped like one, may be in the text in clear.
  assertNoClearSecrets(content, carried, box)
  return {
    fileName: bundleFileName(entries, req.format),
    content,
    workspaces: entries.length,
    encryptedSecrets: carried.length,
  }
}
