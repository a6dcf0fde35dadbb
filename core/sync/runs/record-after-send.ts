import { WorkspaceConfigSchema } from '@shared/domain'
import { encodeDraftKey } from '../../services/draft-key'
import type { OutboxOp } from '../../store'
import { isLocalWorkspaceKey } from '../../store/ids'
import { bindingPath, relayRecords, rulePrefix } from '../cloud-model'
import type { SyncContext } from '../deps'
import type { ExecResult } from '../ops/execute'
import { parsePayload } from '../ops/execute'
import { emptyBase } from '../plan/build'

/**
 * What the app records when an op is done, in the worker's transaction that marks it done: the same path for
 * a first send, a re-send after a crash, and a retry.
 *
 * - A new workspace exists: its draft moves from `local-…` to the WorkspaceId (with the same empty base), and
 *   its records and runs follow it.
 * - DingTalk targets were put: the keychain binding of each is recorded (the cloud keeps the secret, never the
 *   name of the keychain entry it came from); deleted targets and rules drop theirs.
 *
 * The cache shows a new record at once; the run's settle then refreshes everything else.
 */
export function recordAfterSend(c: SyncContext, op: OutboxOp, result: ExecResult['result']): void {
  const store = c.store
  if (op.kind === 'workspace.create') moveDraft(c, op, result)
  const key = store.syncRuns.get(op.runId)?.workspaceKey ?? op.workspaceKey
  if (isLocalWorkspaceKey(key) || !recordBindings(c, op, key)) return
  relayRecords(store, op.profileId, key)
}

function moveDraft(c: SyncContext, op: OutboxOp, result: ExecResult['result']): void {
  const workspaceId = result?.workspaceId
  if (typeof workspaceId !== 'string') return
  const store = c.store
  const d = store.drafts.get(op.profileId, op.workspaceKey, WorkspaceConfigSchema)
  store.cloudRecords.rekey(op.profileId, op.workspaceKey, workspaceId)
  store.syncRuns.rekey(op.profileId, op.workspaceKey, workspaceId)
  if (d?.draft.ok && !store.drafts.get(op.profileId, workspaceId, WorkspaceConfigSchema)) {
    store.drafts.save({
      profileId: op.profileId,
      workspaceKey: workspaceId,
      draft: d.draft.value,
      base: emptyBase(d.draft.value),
      baseVersion: null,
    })
    store.drafts.delete(op.profileId, op.workspaceKey)
  }
  c.emit('data.changed', { area: 'drafts', id: encodeDraftKey({ profileId: op.profileId, workspaceKey: workspaceId }) })
}

/** The bindings an op changed; whether it changed any. */
function recordBindings(c: SyncContext, op: OutboxOp, key: string): boolean {
  const records = c.store.cloudRecords
  const at = c.now()
  switch (op.kind) {
    case 'targets.put': {
      const p = parsePayload('targets.put', op.payload)
      for (const t of p.targets) {
        if (t.type !== 'dingtalk') continue
        const path = bindingPath(p.RuleName, t)
        if (t.secretRef)
          records.put(op.profileId, key, { path, value: t.secretRef, source: 'app', runId: op.runId, at })
        else records.delete(op.profileId, key, path)
      }
      return true
    }
    case 'targets.delete': {
      const p = parsePayload('targets.delete', op.payload)
      for (const id of p.ids) records.delete(op.profileId, key, `${rulePrefix(p.RuleName)}targets/${id}/secretRef`)
      return true
    }
    case 'rule.delete': {
      const p = parsePayload('rule.delete', op.payload)
      records.deleteUnder(op.profileId, key, rulePrefix(p.RuleName))
      return true
    }
    default:
      return false
  }
}
