import type { WorkspaceConfig } from '@shared/domain'
import { AppError } from '@shared/ipc/errors'
import { decodeDraftKey, encodeDraftKey } from '../model/draft-key'
import { newLocalWorkspaceKey } from '../store'
import { dingtalkKind, type SecretKind } from '../vault'
import type { CheckedWorkspace } from './check'
import type { BundlesDeps } from './deps'
import type { Prepared } from './prepare'
import { localizeProblems } from './problems'
import { dingtalkRefs } from '../services/secret-refs'
import type { Target } from './targets'

export interface ImportResult {
  drafts: Array<{ key: string; name: string; revision: number; created: boolean }>
  secretsStored: number
  warningCount: number
}

type Step = { ws: CheckedWorkspace & { config: WorkspaceConfig }; t: Target }

/** A keychain entry as it was before the import wrote it (null: there was none). */
interface Written {
  profileId: string
  kind: SecretKind
  before: string | null
}

/**
 * Writes the bundle's secrets, remembering what each entry held before, so that they can be put back.
 * Nothing is written unless every secret can be: a keychain that fails half-way is restored at once.
 */
async function storeSecrets(deps: Pick<BundlesDeps, 'vault'>, steps: Step[], prepared: Prepared): Promise<Written[]> {
  const written: Written[] = []
  const secrets = prepared.secrets
  if (!secrets) return written
  try {
    for (const { ws, t } of steps) {
      if (!t.profile) continue
      for (const ref of dingtalkRefs(ws.config)) {
        const secret = secrets[ref]
        if (secret === undefined) continue
        const kind = dingtalkKind(ref)
        const before = await deps.vault.get(t.profile.id, kind)
        await deps.vault.set(t.profile.id, kind, secret)
        written.push({ profileId: t.profile.id, kind, before })
      }
    }
  } catch (err) {
    await restoreSecrets(deps, written, err)
    throw err
  }
  return written
}

/** Puts every entry back as it was (deletes the new ones); a failure here is reported with the first error. */
async function restoreSecrets(deps: Pick<BundlesDeps, 'vault'>, written: Written[], cause: unknown): Promise<void> {
  const left: string[] = []
  for (const w of [...written].reverse()) {
    try {
      if (w.before === null) await deps.vault.delete(w.profileId, w.kind)
      else await deps.vault.set(w.profileId, w.kind, w.before)
    } catch {
      left.push(w.kind.slice('dingtalkSecret:'.length))
    }
  }
  if (left.length > 0)
    throw new AppError('BUNDLE_SECRETS_NOT_RESTORED', { ruleId: 'D2', params: { refs: left }, cause })
}

/** The drafts, in one transaction: a draft changed since the preview (or meanwhile) fails it whole. */
function saveDrafts(deps: Pick<BundlesDeps, 'store'>, steps: Step[]): ImportResult['drafts'] {
  const { store } = deps
  try {
    return store.transaction(() =>
      steps.map(({ ws, t }) => {
        const profileId = t.profile?.id ?? null
        if (t.draftKey) {
          const parts = decodeDraftKey(t.draftKey)
          const saved = store.drafts.save({ ...parts, draft: ws.config, expectedRevision: t.draftRevision })
          return { key: t.draftKey, name: ws.name, revision: saved.revision, created: false }
        }
        const workspaceKey = t.workspaceId ?? newLocalWorkspaceKey()
        const saved = store.drafts.save({
          profileId,
          workspaceKey,
          draft: ws.config,
          base: t.workspaceId ? (t.cloudConfig ?? null) : null,
          baseVersion: t.workspaceId ? (t.cloudVersion ?? null) : null,
          expectedRevision: 0,
        })
        return {
          key: encodeDraftKey({ profileId, workspaceKey }),
          name: ws.name,
          revision: saved.revision,
          created: true,
        }
      }),
    )
  } catch (err) {
    if (err instanceof AppError && err.code === 'DRAFT_CONFLICT') {
      const key = String(err.params.workspaceKey ?? '')
      const hit = steps.find(({ t }) => (t.draftKey ? decodeDraftKey(t.draftKey).workspaceKey : t.workspaceId) === key)
      throw new AppError('BUNDLE_STALE', { ruleId: 'D1', params: { name: hit?.ws.name ?? key }, cause: err })
    }
    throw err
  }
}

/**
 * Imports a valid bundle: its encrypted secrets into the keychain, then every workspace as a draft in one
 * transaction. An import that fails changes nothing: on any error after the secrets step (a draft changed
 * meanwhile, a database error) every keychain entry it wrote is put back as it was. Sends nothing.
 */
export async function importBundle(
  deps: Pick<BundlesDeps, 'store' | 'vault' | 'events'>,
  prepared: Prepared,
  input: { fileName: string; expectRevisions?: Record<string, number> },
): Promise<ImportResult> {
  const { check, targets } = prepared
  const errors = check.problems.filter((p) => p.severity === 'error').length
  if (errors > 0) {
    const problems = localizeProblems(check.problems.slice(0, 50), input.fileName, 'en', () => ({ line: 0, column: 0 }))
    throw new AppError('BUNDLE_INVALID', {
      ruleId: 'D4',
      params: { errors },
      details: { problems: problems.map(({ message: _m, hint: _h, ...p }) => p) },
    })
  }
  const steps: Step[] = []
  for (const ws of check.workspaces) {
    const t = targets.get(ws.index)
    if (!ws.config || !t) continue
    const expected = t.draftKey ? input.expectRevisions?.[t.draftKey] : undefined
    if (expected !== undefined && expected !== t.draftRevision)
      throw new AppError('BUNDLE_STALE', { ruleId: 'D1', params: { name: ws.name } })
    steps.push({ ws: { ...ws, config: ws.config }, t })
  }

  const written = await storeSecrets(deps, steps, prepared)
  let drafts: ImportResult['drafts']
  try {
    drafts = saveDrafts(deps, steps)
  } catch (err) {
    await restoreSecrets(deps, written, err)
    throw err
  }
  for (const d of drafts) deps.events.emit('data.changed', { area: 'drafts', id: d.key })
  deps.store.activity.add({
    profileId: steps[0]?.t.profile?.id ?? null,
    action: 'bundle.import',
    result: 'ok',
    details: { file: input.fileName.slice(-100), workspaces: drafts.length, secretsStored: written.length },
  })
  return { drafts, secretsStored: written.length, warningCount: check.problems.length }
}
