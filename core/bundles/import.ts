import type { WorkspaceConfig } from '@shared/domain'
import { AppError } from '@shared/ipc/errors'
import { decodeDraftKey, encodeDraftKey } from '../model/draft-key'
import { newLocalWorkspaceKey } from '../store'
import type { CheckedWorkspace } from './check'
import type { BundlesDeps } from './deps'
import { restoreSecrets, storeSecrets } from './keychain-writes'
import type { Prepared } from './prepare'
import { localizeProblems } from './problems'
import type { Target } from './targets'

export interface ImportResult {
  drafts: Array<{ key: string; name: string; revision: number; created: boolean }>
  secretsStored: number
  warningCount: number
}

type Step = { ws: CheckedWorkspace & { config: WorkspaceConfig }; t: Target }

/**
 * The drafts, in one transaction with the import's activity entry: a draft changed since the preview (or
 * meanwhile), or any database error, fails it whole.
 */
function saveDrafts(
  deps: Pick<BundlesDeps, 'store'>,
  steps: Step[],
  record: (drafts: ImportResult['drafts']) => void,
): ImportResult['drafts'] {
  const { store } = deps
  try {
    return store.transaction(() => {
      const drafts = steps.map(({ ws, t }): ImportResult['drafts'][number] => {
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
      })
      record(drafts)
      return drafts
    })
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
 * transaction. Sends nothing.
 *
 * An import that fails changes nothing, the keychain included (D2). The keychain cannot take part in the
 * SQLite transaction, so the order is chosen to leave only steps that can be undone exactly:
 *   1. the keychain: every entry's old value is read, then the secrets are written; a write that fails
 *      half-way deletes (or puts back) the ones already written, and no draft has been touched;
 *   2. the drafts and the activity entry, in ONE transaction: any failure (a draft changed meanwhile, a
 *      database error) rolls it back whole, and then every keychain entry of step 1 is put back.
 * The other order (drafts first, secrets after the commit) would need committed drafts undone by hand,
 * after another window may already have read or edited them; a rolled-back transaction needs nothing.
 * Nothing fails after the commit: the events only notify listeners, which cannot throw into here.
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

  const written = await storeSecrets(
    deps.vault,
    steps.map(({ ws, t }) => ({ config: ws.config, profileId: t.profile?.id })),
    prepared.secrets,
  )
  let drafts: ImportResult['drafts']
  try {
    drafts = saveDrafts(deps, steps, (saved) =>
      deps.store.activity.add({
        profileId: steps[0]?.t.profile?.id ?? null,
        action: 'bundle.import',
        result: 'ok',
        details: { file: input.fileName.slice(-100), workspaces: saved.length, secretsStored: written.length },
      }),
    )
  } catch (err) {
    await restoreSecrets(deps.vault, written, err)
    if (err instanceof AppError) throw err
    const detail = (err instanceof Error ? err.message : String(err)).split('\n')[0]!.slice(0, 300)
    throw new AppError('BUNDLE_DRAFTS_NOT_SAVED', { ruleId: 'D2', params: { detail }, cause: err })
  }
  for (const d of drafts) deps.events.emit('data.changed', { area: 'drafts', id: d.key })
  return { drafts, secretsStored: written.length, warningCount: check.problems.length }
}
