import type { BundlePreview, BundlePreviewWorkspace } from '@shared/ipc/channels/bundles'
import type { Locale } from '@shared/locale'
import { encodeDraftKey } from '../model/draft-key'
import type { Prepared } from './prepare'
import { localizeProblems } from './problems'

/** Everything an import would do, and every problem, in the user's language. */
export function previewOf(prepared: Prepared, fileName: string, locale: Locale): BundlePreview {
  const { check, targets, secrets } = prepared
  const problems = localizeProblems(check.problems, fileName, locale, () => ({ line: 0, column: 0 }))
  const errorCount = problems.filter((p) => p.severity === 'error').length
  const out: BundlePreview = {
    ok: errorCount === 0,
    errorCount,
    warningCount: problems.length - errorCount,
    problems,
    workspaces: check.workspaces.flatMap((ws) => {
      const t = targets.get(ws.index)
      if (!ws.config || !t) return []
      const w: BundlePreviewWorkspace = {
        index: ws.index,
        name: ws.name,
        profileId: t.profile?.id ?? null,
        profileName: t.profile?.name ?? null,
        action: t.draftKey || t.workspaceId ? 'update-draft' : 'create-draft',
        changesFromDraft: ws.changesFromDraft ?? [],
        changesFromCloud: ws.changesFromCloud ?? [],
        newInCloud: t.cloudConfig === undefined,
      }
      if (t.draftKey) w.key = t.draftKey
      else if (t.workspaceId && t.profile)
        w.key = encodeDraftKey({ profileId: t.profile.id, workspaceKey: t.workspaceId })
      if (t.workspaceId) w.workspaceId = t.workspaceId
      if (t.draftRevision !== undefined) w.draftRevision = t.draftRevision
      return [w]
    }),
    secrets: {
      present: check.secrets !== undefined,
      count: secrets ? Object.keys(secrets).length : 0,
      decrypted: secrets !== undefined,
    },
  }
  if (check.format) out.format = check.format
  if (check.migratedFrom) out.migratedFrom = check.migratedFrom
  return out
}
