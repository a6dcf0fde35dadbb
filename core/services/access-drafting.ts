import { WorkspaceConfigSchema, type WorkspaceConfig } from '@shared/domain'
import { AppError } from '@shared/ipc/errors'
import type { Store } from '../store'
import { readJson } from '../store/json'
import { encodeDraftKey } from '../model/draft-key'
import type { PlanPreload } from '../model/plan-preload'
import type { PartRecord } from './access-bulk-parts'
import type { Target } from './access-targets'

/** What writing a bulk change's drafts gives back: its parts and the keys written. */
export interface Drafted {
  parts: PartRecord[]
  written: string[]
}

/**
 * Writes a bulk change as drafts, all in one transaction, as the workspace screens would save them: an existing
 * draft gets the edit on top of its own (its revision checked, D1); a workspace without one gets a new draft based
 * on its cached copy, whose text becomes the base as it is (read and parsed once, never serialized again).
 * `onSaved` is given each new draft as saved (parsed) at once, inside the transaction, so that planning it reads
 * nothing back and nothing holds a thousand parsed configurations at a time (the collector's work grew with them).
 */
export function writeDrafts(
  store: Store,
  targets: readonly Target[],
  onSaved: (key: string, saved: Required<Pick<PlanPreload, 'draft' | 'cloud'>>) => void,
): Drafted {
  const parts: PartRecord[] = []
  const written: string[] = []
  store.transaction(() => {
    for (const t of targets) {
      const keyParts = { profileId: t.profileId, workspaceKey: t.workspaceId }
      const existing = store.drafts.get(t.profileId, t.workspaceId, WorkspaceConfigSchema)
      const row = store.accessDrafts.cachedConfigText(t.profileId, t.workspaceId)
      const parsed = row ? readJson(row.text, WorkspaceConfigSchema) : undefined
      const cached: WorkspaceConfig | undefined = parsed?.ok ? parsed.value : undefined
      const current = existing?.draft.ok ? existing.draft.value : cached
      const name = store.workspaces.get(t.profileId, t.workspaceId)?.name ?? t.workspaceId
      if (!current) throw new AppError('DRAFT_NO_CLOUD_COPY', { params: { workspaceId: t.workspaceId } })
      const e = t.edit(current, cached)
      // a draft that already holds the change (an earlier change not applied yet) is still a part of this one
      const drafted = e.changed || (existing !== undefined && cached !== undefined && t.edit(cached, cached).changed)
      if (e.changed) {
        const key = encodeDraftKey(keyParts)
        if (existing) store.drafts.save({ ...keyParts, draft: e.config, expectedRevision: existing.revision })
        else if (row && cached) {
          const { revision } = store.accessDrafts.insertNew({
            ...keyParts,
            draftJson: JSON.stringify(e.config),
            baseJson: row.text,
            baseVersion: row.configVersion,
          })
          onSaved(key, {
            draft: { parts: keyParts, draft: e.config, base: cached, revision },
            cloud: { config: cached, fetchedAt: row.fetchedAt, configVersion: row.configVersion },
          })
        } else throw new AppError('DRAFT_NO_CLOUD_COPY', { params: { workspaceId: t.workspaceId } })
        written.push(key)
      }
      if (drafted || e.refused.length)
        parts.push({ profileId: t.profileId, workspaceId: t.workspaceId, name, drafted, refused: e.refused })
    }
  })
  return { parts, written }
}
