import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { WorkspaceConfigSchema, type WorkspaceConfig } from '@shared/domain'
import { startEmulator } from '../../../tools/emulator'
import { encodeDraftKey } from '../../../core/model/draft-key'
import { MAIN, USERS, openEngine, type Engine } from './harness'

const cleanup: Array<() => Promise<void>> = []
afterAll(async () => {
  for (const c of cleanup.reverse()) await c()
})

function cachedConfig(e: Engine, workspaceId: string): WorkspaceConfig {
  const got = e.store.workspaces.getConfig(e.profileId, workspaceId, WorkspaceConfigSchema)
  if (!got?.config.ok) throw new Error('not cached')
  return got.config.value
}

describe('sync: failures and offline', () => {
  it('D5: a failed action does not block unrelated ones; its dependants wait as blocked; the draft is kept with what remains', async () => {
    const emu = await startEmulator({ accounts: [MAIN], asyncDelayMs: 10 })
    cleanup.push(() => emu.close())
    emu.seed({ users: USERS })
    const { workspaces } = emu.seed({ workspaces: [{ WorkspaceName: 'wsFail', Description: 'before' }] })
    const wsId = workspaces[0]!.WorkspaceId
    const e = openEngine({ endpoint: emu.endpoint })
    cleanup.push(() => e.close())
    const job = await e.clients.pai.createWorkspaceRole(wsId, {
      RoleName: 'legacy',
      ModulePermissions: [{ ModuleName: 'DSW', PermissionType: 'ReadOnly' }],
    })
    await e.clients.pai.waitForInstanceJob(job.InstanceJobId, { intervalMs: 10 })
    await e.sync.refresh(e.profileId)
    const cloud = cachedConfig(e, wsId)
    expect(cloud.customRoles.map((r) => r.name)).toEqual(['legacy'])
    // a member the account does not have (the cloud refuses it), an unrelated description change, and
    // the removal of a custom role, which waits for the member changes
    const draft: WorkspaceConfig = {
      ...cloud,
      basic: { ...cloud.basic, description: 'after' },
      members: [
        ...cloud.members,
        { userId: '2999999999999999', roles: ['PAI.AlgoDeveloper'] },
        { userId: USERS[1]!.UserId, roles: ['PAI.WorkspaceGuest'] },
      ],
      customRoles: [],
    }
    e.store.drafts.save({ profileId: e.profileId, workspaceKey: wsId, draft, base: cloud, baseVersion: null })
    const key = encodeDraftKey({ profileId: e.profileId, workspaceKey: wsId })
    const plan = e.sync.plan(key)
    const eventsBefore = e.events.length
    const { runId } = e.sync.apply(key, plan.fingerprint)
    const s = await e.sync.waitForRun(runId, { timeoutMs: 30_000 })
    const by = Object.fromEntries(s.ops.map((o) => [o.actionId, o]))
    expect(by['member:2999999999999999:create']).toMatchObject({
      status: 'failed',
      lastError: { code: 'CLOUD_REQUEST_REJECTED' },
    })
    expect(by['member:2999999999999999:create']!.lastError!.requestId).toBeTruthy()
    expect(by[`member:${USERS[1]!.UserId}:create`]!.status).toBe('done')
    expect(by['workspace:wsFail:update']!.status).toBe('done')
    expect(by['customRole:legacy:delete']!.status).toBe('blocked')
    expect((await e.clients.pai.getWorkspace(wsId)).Description).toBe('after')
    // the status bar learns from the sync's first answer that the cloud answers (it said "not contacted yet")
    expect(e.events.slice(eventsBefore).find((x) => x.event === 'net.status')?.payload).toEqual({ online: true })
    // kept, with what remains
    expect(e.sync.meta(runId)).toMatchObject({ settled: true, outcome: 'kept' })
    const left = e.sync.plan(key)
    expect(left.actions.map((a) => a.id).sort()).toEqual(['customRole:legacy:delete', 'member:2999999999999999:create'])
  }, 60_000)

  it('offline: ops wait (net.status says so) and go out once the cloud is reachable again; nothing is lost', async () => {
    const stateFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pai-emu-')), 'state.json')
    const emu = await startEmulator({ accounts: [MAIN], asyncDelayMs: 10, stateFile })
    emu.seed({ users: USERS })
    const { workspaces } = emu.seed({ workspaces: [{ WorkspaceName: 'wsOffline', Description: 'before' }] })
    const wsId = workspaces[0]!.WorkspaceId
    const e = openEngine({ endpoint: emu.endpoint })
    cleanup.push(() => e.close())
    await e.sync.refresh(e.profileId)
    const cloud = cachedConfig(e, wsId)
    e.store.drafts.save({
      profileId: e.profileId,
      workspaceKey: wsId,
      draft: { ...cloud, members: [...cloud.members, { userId: USERS[2]!.UserId, roles: ['PAI.LabelManager'] }] },
      base: cloud,
      baseVersion: null,
    })
    const key = encodeDraftKey({ profileId: e.profileId, workspaceKey: wsId })
    const plan = e.sync.plan(key)
    await emu.close() // the network goes away (connection refused)

    const { runId } = e.sync.apply(key, plan.fingerprint)
    for (
      let i = 0;
      i < 200 && !e.events.some((x) => x.event === 'net.status' && (x.payload as { online: boolean }).online === false);
      i++
    )
      await new Promise((r) => setTimeout(r, 25))
    expect(e.events.filter((x) => x.event === 'net.status').at(-1)!.payload).toEqual({ online: false })
    const waiting = e.sync.status({ runId })
    expect(waiting.online).toBe(false)
    expect(waiting.ops[0]).toMatchObject({ status: expect.stringMatching(/pending|in_flight/) })
    expect(['CLOUD_NETWORK', 'CLOUD_TIMEOUT']).toContain(
      e.store.outbox.list({ runId })[0]!.lastError &&
        (e.store.outbox.list({ runId })[0]!.lastError as { code: string }).code,
    )

    // back online on the same address
    const again = await startEmulator({ accounts: [MAIN], asyncDelayMs: 10, stateFile, port: emu.port })
    cleanup.push(() => again.close())
    const done = await e.sync.waitForRun(runId, { timeoutMs: 30_000 })
    expect(done.ops.map((o) => o.status)).toEqual(['done'])
    expect(e.events.filter((x) => x.event === 'net.status').at(-1)!.payload).toEqual({ online: true })
    const members = await e.clients.pai.listAllMembers(wsId)
    expect(members.map((m) => m.UserId)).toContain(USERS[2]!.UserId)
  }, 60_000)
})
