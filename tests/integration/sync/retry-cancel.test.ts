import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { WorkspaceConfigSchema, type WorkspaceConfig } from '@shared/domain'
import { AppError } from '@shared/ipc/errors'
import { startEmulator, type RunningEmulator } from '../../../tools/emulator'
import { encodeDraftKey } from '../../../core/model/draft-key'
import { MAIN, USERS, openEngine, saveNewDraft, type Engine } from './harness'

/**
 * D5, issue 11 item 9: the controls work. A retry sends the op again through the same reconcile-then-record path
 * as a first send (it used to answer ok and leave the run as it was: its drift check never ran again, so the draft
 * kept a plan made before the retry, and a blocked op retried alone stayed pending for ever). Cancelling an op or a
 * run stops what was not sent yet; what is in flight is recorded as it comes.
 */

let emu: RunningEmulator
const engines: Engine[] = []

beforeAll(async () => {
  emu = await startEmulator({ accounts: [MAIN], asyncDelayMs: 10 })
  emu.seed({ users: USERS })
})
afterAll(() => emu.close())
afterEach(async () => {
  emu.clearFaults()
  while (engines.length) await engines.pop()!.close()
})

function engine(): Engine {
  const e = openEngine({ endpoint: emu.endpoint })
  engines.push(e)
  return e
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn()
  } catch (err) {
    if (err instanceof AppError) return err.code
    throw err
  }
  return undefined
}

/** A workspace with a custom role; the draft adds a member the account does not have yet and drops the role. */
async function failingRun(e: Engine, name: string, NEWCOMER: string): Promise<{ key: string; runId: string }> {
  const wsId = emu.seed({ workspaces: [{ WorkspaceName: name, Description: 'retry' }] }).workspaces[0]!.WorkspaceId
  const job = await e.clients.pai.createWorkspaceRole(wsId, {
    RoleName: 'legacy',
    ModulePermissions: [{ ModuleName: 'DSW', PermissionType: 'ReadOnly' }],
  })
  await e.clients.pai.waitForInstanceJob(job.InstanceJobId, { intervalMs: 10 })
  await e.sync.refresh(e.profileId)
  const got = e.store.workspaces.getConfig(e.profileId, wsId, WorkspaceConfigSchema)
  if (!got?.config.ok) throw new Error('not cached')
  const cloud = got.config.value
  const draft: WorkspaceConfig = {
    ...cloud,
    members: [...cloud.members, { userId: NEWCOMER, roles: ['PAI.AlgoDeveloper'] }],
    customRoles: [],
  }
  e.store.drafts.save({ profileId: e.profileId, workspaceKey: wsId, draft, base: cloud, baseVersion: null })
  const key = encodeDraftKey({ profileId: e.profileId, workspaceKey: wsId })
  const { runId } = e.sync.apply(key, e.sync.plan(key).fingerprint)
  const s = await e.sync.waitForRun(runId, { timeoutMs: 30_000 })
  const by = Object.fromEntries(s.ops.map((o) => [o.actionId, o]))
  expect(by[`member:${NEWCOMER}:create`]).toMatchObject({ status: 'failed' })
  expect(by['customRole:legacy:delete']).toMatchObject({ status: 'blocked' })
  expect(e.sync.meta(runId)).toMatchObject({ settled: true, outcome: 'kept' })
  return { key, runId }
}

describe('sync: retry and cancel', () => {
  it('D5: retry sends a failed op again (looked up first), its blocked dependants follow, the run settles again and the draft clears', async () => {
    const e = engine()
    const NEWCOMER = '2999999999999901'
    const { key, runId } = await failingRun(e, 'ws_retry', NEWCOMER)
    const failed = e.sync.status({ runId }).ops.find((o) => o.actionId === `member:${NEWCOMER}:create`)!
    // the admin creates the missing RAM user, then retries
    emu.seed({ users: [{ UserId: NEWCOMER, UserName: 'newcomer' }] })
    emu.clearRequests()
    const retried = e.sync.retry(failed.opId)
    const s = await e.sync.waitForRun(runId, { timeoutMs: 30_000 })
    expect(s.ops.map((o) => `${o.actionId}:${o.status}`).sort()).toEqual([
      'customRole:legacy:delete:done',
      `member:${NEWCOMER}:create:done`,
    ])
    expect(s.ops.find((o) => o.opId === failed.opId)!.attempts).toBe(2)
    // sent again like any op sent before: looked up by natural key first, then created
    const actions = emu.requests().map((r) => r.action)
    expect(actions.indexOf('GetMember')).toBeGreaterThanOrEqual(0)
    expect(actions.indexOf('GetMember')).toBeLessThan(actions.indexOf('CreateMember'))
    // the drift check ran again: nothing is left, the draft is cleared
    expect(e.sync.meta(runId)).toMatchObject({ settled: true, outcome: 'cleared' })
    expect(e.store.drafts.list({ profileId: e.profileId }).map((d) => d.workspaceKey)).not.toContain(
      key.split(':').pop(),
    )
    expect(retried).toEqual({ retried: 2 })
    expect(codeOf(() => e.sync.retry(failed.opId))).toBe('SYNC_RETRY_NOT_NEEDED')
  }, 60_000)

  it('D5: retrying a blocked op retries the failed op it waits for (it would stay pending for ever otherwise)', async () => {
    const e = engine()
    const NEWCOMER = '2999999999999902'
    const { runId } = await failingRun(e, 'ws_retry_blocked', NEWCOMER)
    emu.seed({ users: [{ UserId: NEWCOMER, UserName: 'newcomer' }] })
    const blocked = e.sync.status({ runId }).ops.find((o) => o.actionId === 'customRole:legacy:delete')!
    const retried = e.sync.retry(blocked.opId)
    const s = await e.sync.waitForRun(runId, { timeoutMs: 20_000 })
    expect(s.ops.map((o) => o.status)).toEqual(['done', 'done'])
    expect(retried).toEqual({ retried: 2 })
  }, 60_000)

  it('D5: cancelling a run stops what was not sent; the op in flight is recorded as it comes; an in-flight op cannot be cancelled', async () => {
    const e = engine()
    await e.sync.refresh(e.profileId)
    const draft = WorkspaceConfigSchema.parse({
      basic: { name: 'ws_cancel', description: 'cancel', mode: 'simple' },
      members: USERS.slice(0, 2).map((u) => ({ userId: u.UserId, roles: ['PAI.AlgoDeveloper'] })),
    })
    const key = saveNewDraft(e, draft)
    emu.faults({ inject: [{ kind: 'hold', action: 'CreateWorkspace' }] })
    const { runId } = e.sync.apply(key, e.sync.plan(key).fingerprint)
    const until = Date.now() + 20_000
    while (emu.held().CreateWorkspace !== 1 && Date.now() < until) await new Promise((r) => setTimeout(r, 25))
    const ops = e.sync.status({ runId }).ops
    const ws = ops.find((o) => o.kind === 'workspace.create')!
    expect(ws.status).toBe('in_flight')
    expect(codeOf(() => e.sync.cancel({ opId: ws.opId }))).toBe('SYNC_CANCEL_IN_FLIGHT')
    expect(e.sync.cancel({ runId })).toEqual({ cancelled: 2 })
    emu.release()
    const s = await e.sync.waitForRun(runId, { timeoutMs: 30_000 })
    expect(s.ops.map((o) => `${o.kind}:${o.status}`)).toEqual([
      'workspace.create:done',
      'member.create:cancelled',
      'member.create:cancelled',
    ])
    expect(emu.state().createCalls[`CreateMember:${s.ops[0]!.workspaceKey}/${USERS[0]!.UserId}`]).toBeUndefined()
    // the draft (moved to the new workspace's ID) is kept with what is left: the two members
    const meta = e.sync.meta(runId)!
    expect(meta).toMatchObject({ settled: true, outcome: 'kept' })
    const left = e.sync.plan(encodeDraftKey({ profileId: e.profileId, workspaceKey: meta.workspaceKey }))
    expect(left.actions.filter((a) => a.kind === 'apply').map((a) => a.id)).toEqual(
      USERS.slice(0, 2).map((u) => `member:${u.UserId}:create`),
    )
  }, 60_000)
})
