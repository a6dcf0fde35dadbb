import { WorkspaceConfigSchema } from '@shared/domain'
import { AppError } from '@shared/ipc/errors'
import { encodeDraftKey } from '../../model/draft-key'
import { isLocalWorkspaceKey } from '../../store/ids'
import type { SyncContext } from '../deps'
import { buildPlan } from '../plan/build'
import { rebase } from '../plan/rebase'
import type { Planning } from '../planning'
import { refreshWorkspace } from '../refresh'
import { onlyMemberOps, refreshMembers } from '../refresh-members'
import type { RunMeta, RunRecords } from './records'

/**
 * After the last op of a run (and again after a retried op of it): refresh the workspace, so the cache knows
 * what the run did (its members alone when every op of the run was a member op: `refresh-members.ts`), and rebase
 * the draft on it (`plan/rebase.ts`): the draft is cleared when nothing is left
 * to do; otherwise it is kept, showing the cloud with only what remains (failed ops, console steps, refusals).
 */
export async function settleRun(
  c: SyncContext,
  units: { planning: Planning; runs: RunRecords },
  runId: string,
): Promise<void> {
  const store = c.store
  const meta = units.runs.get(runId)
  if (!meta || meta.settled) return
  let outcome: NonNullable<RunMeta['outcome']> = 'kept'
  if (!isLocalWorkspaceKey(meta.workspaceKey)) {
    const clients = await c.clientsFor(meta.profileId)
    // A run of member ops only (a bulk access change) reads the members back; any other, the whole workspace.
    const kinds = store.outbox.list({ runId, limit: 100_000 }).map((o) => o.kind)
    const members =
      onlyMemberOps(kinds) && (await refreshMembers(store, clients, meta.profileId, meta.workspaceKey, c.now))
    if (!members) await refreshWorkspace(store, clients, meta.profileId, meta.workspaceKey, c.now)
    const parts = { profileId: meta.profileId, workspaceKey: meta.workspaceKey }
    outcome = rebaseDraft(c, units.planning, parts)
    c.emit('data.changed', { area: 'workspaces', id: meta.workspaceKey })
    c.emit('data.changed', { area: 'drafts', id: encodeDraftKey(parts) })
  }
  const n = store.outbox.counts({ runId })
  store.transaction(() => {
    units.runs.settled(runId, outcome)
    units.runs.prune(c.now())
    store.activity.add({
      profileId: meta.profileId,
      workspace: meta.workspaceKey,
      action: 'sync.settled',
      result: n.failed + n.blocked > 0 ? 'failed' : 'ok',
      details: { runId, counts: n, draft: outcome },
    })
  })
  c.emit('sync.progress', {
    runId,
    status: 'settled',
    done: n.done + n.failed + n.blocked + n.cancelled,
    total: Object.values(n).reduce((a, b) => a + b, 0),
    message: outcome,
  })
}

/**
 * The draft rebased on the refreshed cache, revision-checked: an edit saved meanwhile is never overwritten
 * (the rebase starts again from it). Cleared when its plan is empty.
 */
function rebaseDraft(
  c: SyncContext,
  planning: Planning,
  parts: { profileId: string; workspaceKey: string },
): 'cleared' | 'kept' {
  const store = c.store
  const key = encodeDraftKey(parts)
  for (let attempt = 0; attempt < 5; attempt++) {
    if (!store.drafts.get(parts.profileId, parts.workspaceKey, WorkspaceConfigSchema)) return 'cleared'
    const loaded = planning.loadDraft(key)
    const { input } = planning.inputOf(loaded)
    const next = rebase(input)
    try {
      if (buildPlan({ ...input, draft: next.draft, base: next.base }).length === 0) {
        store.drafts.delete(parts.profileId, parts.workspaceKey, loaded.revision)
        return 'cleared'
      }
      const cached = store.workspaces.getConfig(parts.profileId, parts.workspaceKey, WorkspaceConfigSchema)
      store.drafts.save({
        ...parts,
        draft: next.draft,
        base: next.base,
        baseVersion: cached?.configVersion ?? null,
        expectedRevision: loaded.revision,
      })
      return 'kept'
    } catch (err) {
      if (!(err instanceof AppError && err.code === 'DRAFT_CONFLICT')) throw err
    }
  }
  return 'kept'
}
