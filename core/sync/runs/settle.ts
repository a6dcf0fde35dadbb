import { WorkspaceConfigSchema } from '@shared/domain'
import { encodeDraftKey } from '../../model/draft-key'
import type { OutboxOp } from '../../store'
import { isLocalWorkspaceKey } from '../../store/ids'
import type { SyncContext } from '../deps'
import { deleteOverlay, moveOverlay } from '../manual-overlay'
import type { ExecResult } from '../ops/execute'
import { emptyBase } from '../plan/build'
import type { Planning } from '../planning'
import { refreshWorkspace } from '../refresh'
import type { RunMeta, RunRecords } from './records'

/**
 * After an op is done, in the worker's transaction: a new workspace exists, so its draft moves from
 * `local-…` to the WorkspaceId (with the same empty base and the manual overlay), and the run record follows.
 */
export function afterDone(c: SyncContext, runs: RunRecords, op: OutboxOp, result: ExecResult['result']): void {
  if (op.kind !== 'workspace.create') return
  const workspaceId = result?.workspaceId
  if (typeof workspaceId !== 'string') return
  const store = c.store
  const from = { profileId: op.profileId, workspaceKey: op.workspaceKey }
  const d = store.drafts.get(op.profileId, op.workspaceKey, WorkspaceConfigSchema)
  if (d?.draft.ok && !store.drafts.get(op.profileId, workspaceId, WorkspaceConfigSchema)) {
    store.drafts.save({
      profileId: op.profileId,
      workspaceKey: workspaceId,
      draft: d.draft.value,
      base: emptyBase(d.draft.value),
      baseVersion: null,
    })
    store.drafts.delete(op.profileId, op.workspaceKey)
    moveOverlay(store, from, { profileId: op.profileId, workspaceKey: workspaceId })
  }
  const meta = runs.get(op.runId)
  if (meta) runs.set(op.runId, { ...meta, workspaceKey: workspaceId })
  c.emit('data.changed', {
    area: 'drafts',
    id: encodeDraftKey({ profileId: op.profileId, workspaceKey: workspaceId }),
  })
}

/**
 * After the last op of a run: refresh the workspace and plan the draft again (the drift check). The
 * draft is cleared when cloud and draft agree; otherwise it is kept with what remains.
 */
export async function settleRun(
  c: SyncContext,
  units: { planning: Planning; runs: RunRecords },
  runId: string,
): Promise<void> {
  const store = c.store
  const meta = units.runs.get(runId)
  if (!meta || meta.settled) return
  let outcome: RunMeta['outcome'] = 'kept'
  if (!isLocalWorkspaceKey(meta.workspaceKey)) {
    const clients = await c.clientsFor(meta.profileId)
    await refreshWorkspace(store, clients, meta.profileId, meta.workspaceKey, c.now)
    const parts = { profileId: meta.profileId, workspaceKey: meta.workspaceKey }
    const key = encodeDraftKey(parts)
    if (store.drafts.get(meta.profileId, meta.workspaceKey, WorkspaceConfigSchema)) {
      const plan = units.planning.plan(key)
      if (plan.actions.length === 0) {
        store.drafts.delete(meta.profileId, meta.workspaceKey)
        deleteOverlay(store, parts)
        outcome = 'cleared'
      }
    } else outcome = 'cleared'
    c.emit('data.changed', { area: 'drafts', id: key })
  }
  const n = store.outbox.counts({ runId })
  units.runs.set(runId, { ...meta, settled: true, outcome })
  store.activity.add({
    profileId: meta.profileId,
    workspace: meta.workspaceKey,
    action: 'sync.settled',
    result: n.failed + n.blocked > 0 ? 'failed' : 'ok',
    details: { runId, counts: n, draft: outcome },
  })
  c.emit('sync.progress', {
    runId,
    status: 'settled',
    done: n.done + n.failed + n.blocked + n.cancelled,
    total: Object.values(n).reduce((a, b) => a + b, 0),
    message: outcome,
  })
}
