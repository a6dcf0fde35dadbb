import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WorkspaceConfigSchema } from '@shared/domain'
import { AppError } from '@shared/ipc/errors'
import { startEmulator, type RunningEmulator } from '../../../tools/emulator'
import { encodeDraftKey } from '../../../core/model/draft-key'
import { openStore } from '../../../core/store'
import { MAIN, USERS, openEngine, type Engine } from './harness'

/**
 * D1/D5, issue 11 item 3: a restored backup never replays stale intent. Ops that were pending in the backup come
 * back held: they are not sent on their own (they used to be, and reverted what the console changed since), the
 * status shows them with the reason, the plan shows what the draft would change against a fresh refresh, a retry
 * is refused, and a new plan replaces them.
 */

let emu: RunningEmulator
const engines: Engine[] = []
beforeAll(async () => {
  emu = await startEmulator({ accounts: [MAIN], asyncDelayMs: 10 })
  emu.seed({ users: USERS })
})
afterAll(async () => {
  for (const e of engines) await e.close().catch(() => undefined)
  await emu.close()
})

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn()
  } catch (err) {
    if (err instanceof AppError) return err.code
    throw err
  }
  return undefined
}

describe('sync: a restored backup', () => {
  it('D5: ops pending in a restored backup are held: not sent, shown with what they would change now, replaced by a new plan', async () => {
    const wsId = emu.seed({ workspaces: [{ WorkspaceName: 'ws_restore', Description: 'first' }] }).workspaces[0]!
      .WorkspaceId
    // 1. A draft is applied by a process that only queues: the backup written at its clean close holds the ops.
    const queuer = openEngine({ endpoint: emu.endpoint, sender: 'never', start: false })
    const dataDir = queuer.dataDir
    await queuer.sync.refresh(queuer.profileId)
    const got = queuer.store.workspaces.getConfig(queuer.profileId, wsId, WorkspaceConfigSchema)
    if (!got?.config.ok) throw new Error('not cached')
    const cloud = got.config.value
    const draft = { ...cloud, basic: { ...cloud.basic, description: 'from the draft' } }
    queuer.store.drafts.save({ profileId: queuer.profileId, workspaceKey: wsId, draft, base: cloud, baseVersion: null })
    const key = encodeDraftKey({ profileId: queuer.profileId, workspaceKey: wsId })
    const { runId } = queuer.sync.apply(key, queuer.sync.plan(key).fingerprint)
    await queuer.sync.stop()
    expect(queuer.store.close().backup).not.toBeNull()

    // 2. Later the ops were sent and done, and someone changed the description in the console after that.
    const sender = openEngine({ dataDir, endpoint: emu.endpoint })
    await sender.sync.waitForRun(runId, { timeoutMs: 30_000 })
    await sender.close()
    await queuer.clients.pai.updateWorkspace(wsId, { Description: 'changed in the console' })
    const updatesBefore = emu.state().calls.UpdateWorkspace ?? 0

    // 3. The database is damaged; the backup (with the run still pending) is restored at the next start.
    const file = path.join(dataDir, 'pai-admin.db')
    fs.writeFileSync(file, Buffer.alloc(8192, 7))
    const e = openEngine({ dataDir, endpoint: emu.endpoint })
    engines.push(e)
    expect(e.store.recovery?.restoredFrom).toEqual(expect.any(String))
    await new Promise((r) => setTimeout(r, 1_500))
    // nothing was sent: the console's change stands
    expect((await e.clients.pai.getWorkspace(wsId)).Description).toBe('changed in the console')
    expect(emu.state().calls.UpdateWorkspace ?? 0).toBe(updatesBefore)
    expect(e.store.recovery).toMatchObject({ heldOps: 1 })
    const s = e.sync.status({ runId })
    expect(s.ops).toEqual([
      expect.objectContaining({
        status: 'blocked',
        lastError: expect.objectContaining({ code: 'SYNC_OP_RESTORED' }),
        held: expect.objectContaining({ reason: 'restored', previousStatus: 'pending' }),
      }),
    ])
    expect(codeOf(() => e.sync.retry(s.ops[0]!.opId))).toBe('SYNC_OP_HELD')
    // what the draft would change against a fresh refresh
    await e.sync.refresh(e.profileId, wsId)
    const plan = e.sync.plan(key)
    expect(plan.actions).toEqual([
      expect.objectContaining({
        kind: 'conflict',
        conflict: [expect.objectContaining({ path: '/basic/description' })],
      }),
    ])
    // the user takes theirs and applies a new plan: the held op is replaced, the new one is sent
    const resolved = e.sync.resolve(key, [{ path: '/basic/description', take: 'mine' }])
    const next = e.sync.apply(key, resolved.fingerprint)
    const done = await e.sync.waitForRun(next.runId, { timeoutMs: 30_000 })
    expect(done.ops.map((o) => o.status)).toEqual(['done'])
    expect(e.sync.status({ runId }).ops.map((o) => o.status)).toEqual(['cancelled'])
    expect((await e.clients.pai.getWorkspace(wsId)).Description).toBe('from the draft')
  }, 90_000)

  it('D5: an op in flight when the backup was written is held after the restore: not resumed, not sent again', async () => {
    const wsId = emu.seed({ workspaces: [{ WorkspaceName: 'ws_restore_flight', Description: 'first' }] }).workspaces[0]!
      .WorkspaceId
    // 1. A sender applies a draft; the emulator holds its UpdateWorkspace in flight.
    const sender = openEngine({ endpoint: emu.endpoint })
    const dataDir = sender.dataDir
    await sender.sync.refresh(sender.profileId)
    const got = sender.store.workspaces.getConfig(sender.profileId, wsId, WorkspaceConfigSchema)
    if (!got?.config.ok) throw new Error('not cached')
    const cloud = got.config.value
    const draft = { ...cloud, basic: { ...cloud.basic, description: 'from the draft' } }
    sender.store.drafts.save({ profileId: sender.profileId, workspaceKey: wsId, draft, base: cloud, baseVersion: null })
    const key = encodeDraftKey({ profileId: sender.profileId, workspaceKey: wsId })
    const updatesAtStart = emu.state().calls.UpdateWorkspace ?? 0
    emu.faults({ inject: [{ kind: 'hold', action: 'UpdateWorkspace' }] })
    const { runId } = sender.sync.apply(key, sender.sync.plan(key).fingerprint)
    const until = Date.now() + 20_000
    while (emu.held().UpdateWorkspace !== 1 && Date.now() < until) await new Promise((r) => setTimeout(r, 25))
    expect(sender.sync.status({ runId }).ops.map((o) => o.status)).toEqual(['in_flight'])

    // 2. Another process closes the same database cleanly meanwhile: its backup holds the op in flight.
    const other = openStore({ dataDir })
    expect(other.close().backup).not.toBeNull()

    // 3. The op is performed and done; later the description is changed in the console.
    emu.release()
    await sender.sync.waitForRun(runId, { timeoutMs: 30_000 })
    await sender.close()
    expect(emu.state().calls.UpdateWorkspace).toBe(updatesAtStart + 1)
    await sender.clients.pai.updateWorkspace(wsId, { Description: 'changed in the console' })
    const updatesBefore = emu.state().calls.UpdateWorkspace ?? 0

    // 4. The database is damaged; the backup (with the op still in flight) is restored at the next start.
    fs.writeFileSync(path.join(dataDir, 'pai-admin.db'), Buffer.alloc(8192, 7))
    const e = openEngine({ dataDir, endpoint: emu.endpoint, inFlightGraceMs: 0 })
    engines.push(e)
    expect(e.store.recovery?.restoredFrom).toEqual(expect.any(String))
    expect(e.store.recovery).toMatchObject({ heldOps: 1 })
    await new Promise((r) => setTimeout(r, 1_500))
    // not re-queued as a dead sender's op, not sent again: the console's change stands
    expect(emu.state().calls.UpdateWorkspace ?? 0).toBe(updatesBefore)
    expect((await e.clients.pai.getWorkspace(wsId)).Description).toBe('changed in the console')
    const s = e.sync.status({ runId })
    expect(s.ops).toEqual([
      expect.objectContaining({
        status: 'blocked',
        lastError: expect.objectContaining({ code: 'SYNC_OP_RESTORED' }),
        held: expect.objectContaining({ reason: 'restored', previousStatus: 'in_flight' }),
      }),
    ])
    expect(codeOf(() => e.sync.retry(s.ops[0]!.opId))).toBe('SYNC_OP_HELD')
    // a refresh and a new plan show what the draft would change now: the console's description against the draft's
    await e.sync.refresh(e.profileId, wsId)
    expect(e.sync.plan(key).actions).toEqual([
      expect.objectContaining({
        kind: 'conflict',
        conflict: [expect.objectContaining({ path: '/basic/description' })],
      }),
    ])
  }, 90_000)
})
