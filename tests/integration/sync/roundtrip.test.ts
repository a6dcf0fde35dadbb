import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { OWNER_ROLE, WorkspaceConfigSchema, validate, type WorkspaceConfig } from '@shared/domain'
import type { Plan } from '@shared/ipc/channels/sync'
import { startEmulator, type RunningEmulator } from '../../../tools/emulator'
import { encodeDraftKey } from '../../../core/model/draft-key'
import { appOf } from './app'
import { DINGTALK_SECRET, MAIN, USERS, openEngine, saveNewDraft, type Engine } from './harness'

/**
 * Issue 12: the round trip cloud -> cache -> draft -> plan, as a new admin meets it (wizard, sync, keep
 * editing the same workspace). Real SQLite, real HTTP to the emulator; the drafts and bundles services are
 * the ones the renderer calls.
 */

let emu: RunningEmulator
const engines: Engine[] = []

beforeAll(async () => {
  emu = await startEmulator({ accounts: [MAIN], asyncDelayMs: 10 })
})
afterAll(() => emu.close())
afterEach(async () => {
  emu.clearFaults()
  while (engines.length) await engines.pop()!.close()
})

function engine(): Engine {
  emu.seed({ users: USERS, robots: [{ token: 'tok1', secret: DINGTALK_SECRET }] })
  const e = openEngine({ endpoint: emu.endpoint })
  engines.push(e)
  return e
}

const [u1, u2, u3] = [USERS[0]!.UserId, USERS[1]!.UserId, USERS[2]!.UserId]

async function sync(e: Engine, key: string): Promise<{ plan: Plan; runId: string }> {
  const plan = e.sync.plan(key)
  const { runId } = e.sync.apply(key, plan.fingerprint)
  await e.sync.waitForRun(runId, { timeoutMs: 60_000 })
  return { plan, runId }
}

/** The workspace key a run's draft has now (a new workspace's draft moves to its WorkspaceId). */
const keyAfter = (e: Engine, runId: string): string =>
  encodeDraftKey({ profileId: e.profileId, workspaceKey: e.sync.meta(runId)!.workspaceKey })

const cloudWorkspace = (name: string) => {
  const t = Object.values(emu.state().tenants).find((x) =>
    Object.values(x.workspaces).some((w) => w.WorkspaceName === name),
  )!
  return Object.values(t.workspaces).find((w) => w.WorkspaceName === name)!
}

const ids = (p: Plan): string[] => p.actions.map((a) => `${a.kind}:${a.id}`).sort()

/** A wizard-made draft: two members, a custom role, a resource, storage, and a console-only switch (G2). */
function wizardDraft(name: string): WorkspaceConfig {
  return WorkspaceConfigSchema.parse({
    basic: { name, description: 'round trip', mode: 'simple' },
    members: [{ userId: u1, roles: ['PAI.AlgoDeveloper', 'PAI.LabelManager'] }],
    customRoles: [{ roleId: 'role-localops', name: 'ops', permissions: { DSW: 'ReadWrite' } }],
    resources: [{ kind: 'general', envType: 'prod', name: 'pool_a', isDefault: true }],
    storage: { defaultPath: 'oss://rt-bucket/tmp/' },
    switches: { dswSsh: true },
  })
}

describe('issue 12: a lossless round trip', () => {
  it('1. M1: edits made after the first sync are planned and applied (a role removed, a member added)', async () => {
    const e = engine()
    const app = appOf(e)
    await e.sync.refresh(e.profileId)
    const first = await sync(e, saveNewDraft(e, wizardDraft('rtEdits')))
    const key = keyAfter(e, first.runId)
    // The G2 switch is a console step, so the draft survives the sync.
    expect(e.sync.meta(first.runId)).toMatchObject({ settled: true, outcome: 'kept' })

    app.edit(key, (c) => {
      const m = c.members.find((x) => x.userId === u1)!
      m.roles = m.roles.filter((r) => r !== 'PAI.LabelManager')
      c.members.push({ userId: u2, roles: ['PAI.WorkspaceGuest'] })
    })
    const plan = e.sync.plan(key)
    expect(ids(plan)).toEqual(
      expect.arrayContaining([`apply:member:${u1}:removeRole:PAI.LabelManager`, `apply:member:${u2}:create`]),
    )
    const second = await sync(e, key)
    expect(e.sync.status({ runId: second.runId }).ops.every((o) => o.status === 'done')).toBe(true)
    const ws = cloudWorkspace('rtEdits')
    const roles = Object.values(ws.members).find((m) => m.UserId === u1)!.Roles
    expect(roles).toEqual(['PAI.AlgoDeveloper'])
    expect(Object.values(ws.members).map((m) => m.UserId)).toContain(u2)
    // The console step is still to do: the draft is kept, never deleted as if all was done.
    expect(app.draftOf(key)).toBeDefined()
  }, 90_000)

  it('2. M6/C2/M4: a synced workspace shows no false problem; owner, resources and custom role IDs come from the cloud', async () => {
    const e = engine()
    const app = appOf(e)
    await e.sync.refresh(e.profileId)
    // The custom role is created and given to a member in the same plan, which says the grant is unverified.
    const draft = wizardDraft('rtFalse')
    draft.members.push({ userId: u3, roles: ['role-localops'] })
    const first = await sync(e, saveNewDraft(e, draft))
    expect(first.plan.actions.find((a) => a.id === `member:${u3}:create`)).toMatchObject({
      op: { payload: { Roles: ['name:ops'] } },
      dependsOn: expect.arrayContaining(['customRole:ops:create']),
      code: 'SYNC_CUSTOM_ROLE_GRANT_UNVERIFIED',
      message: expect.stringContaining('ops'),
    })
    const key = keyAfter(e, first.runId)
    const view = app.open(key)
    // No problem that nobody made: the owner was not removed.
    expect(view.problems.filter((p) => p.severity === 'error')).toEqual([])
    const ctx = app.workspaces.context(key)
    expect(validate(view.config, ctx).problems.filter((p) => p.severity === 'error')).toEqual([])
    // The owner is in the member table, as the cloud has it.
    const ws = cloudWorkspace('rtFalse')
    expect(view.config.members.find((m) => m.userId === ws.Creator)?.roles).toContain(OWNER_ROLE)
    // The resource is associated (the screen compares with the base): never "to associate" with a remove button.
    expect(view.base?.resources.map((r) => r.name)).toEqual(['pool_a'])
    expect(view.config.resources[0]?.resourceId).toBe(Object.values(ws.resources)[0]!.Id)
    // The custom role has its cloud ID (the member given it in the first plan holds it), and a member can be given it.
    const roleId = Object.values(ws.roles)[0]!.RoleId
    expect(view.config.customRoles.map((r) => r.roleId)).toEqual([roleId])
    expect(Object.values(ws.members).find((m) => m.UserId === u3)!.Roles).toEqual([roleId])
    expect(view.config.members.find((m) => m.userId === u3)!.roles).toEqual([roleId])
    app.edit(key, (c) => c.members.find((m) => m.userId === u1)!.roles.push(roleId as never))
    const plan = e.sync.plan(key)
    expect(plan.problems.filter((p) => p.severity === 'error')).toEqual([])
    expect(ids(plan)).toContain(`apply:member:${u1}:addRole:name:ops`)
    await sync(e, key)
    expect(Object.values(cloudWorkspace('rtFalse').members).find((m) => m.UserId === u1)!.Roles).toContain(roleId)
  }, 90_000)

  it('3. E3/E4/S2/L1/G1-G3/ST2: a workspace reopened from the cloud is valid, keeps every value, and exports a bundle the app imports', async () => {
    const e = engine()
    const app = appOf(e)
    await e.sync.refresh(e.profileId)
    const draft = WorkspaceConfigSchema.parse({
      basic: { name: 'rtReopen', description: 'reopened', mode: 'simple' },
      members: [{ userId: u1, roles: ['PAI.AlgoDeveloper'] }],
      scheduling: {
        timeouts: [{ kind: 'queue', minutes: 30 }],
        nonMembers: { allowed: true, maxJobPriority: 3 },
      },
      notifications: {
        rules: [
          {
            name: 'dlc-timeouts',
            eventTypes: ['dlc.jobTimeout'],
            targets: [{ type: 'dingtalk', webhook: `${emu.url}/robot/send?access_token=tok1`, secretRef: 'robot1' }],
          },
        ],
      },
      sls: { project: 'rt-logs', logstore: 'pai', modules: ['DLC'] },
      switches: { dlcContainerAccess: true, dswSsh: true },
      storage: { defaultPath: 'oss://rt-bucket/tmp/', designerPath: 'oss://rt-bucket/designer/' },
    })
    const first = await sync(e, saveNewDraft(e, draft))
    let key = keyAfter(e, first.runId)
    // The user does the console steps and says so; nothing is left to do.
    for (const a of e.sync.plan(key).actions.filter((x) => x.kind === 'manual')) e.sync.markManualDone(key, a.id)
    const last = e.sync.plan(key)
    expect(last.actions).toEqual([])
    const { runId } = e.sync.apply(key, last.fingerprint)
    await e.sync.waitForRun(runId, { timeoutMs: 30_000 })
    expect(app.draftOf(key)).toBeUndefined()

    // Later: refresh, reopen from the cloud.
    await e.sync.refresh(e.profileId)
    key = keyAfter(e, runId)
    const view = app.open(key)
    expect(view.problems.filter((p) => p.severity === 'error')).toEqual([])
    const c = view.config
    expect(c.scheduling.timeouts).toEqual([{ kind: 'queue', minutes: 30, enabled: true }])
    expect(c.scheduling.nonMembers.maxJobPriority).toBe(3)
    expect(c.notifications.rules[0]!.targets[0]).toMatchObject({ type: 'dingtalk', secretRef: 'robot1' })
    expect(c.sls).toEqual({ project: 'rt-logs', logstore: 'pai', modules: ['DLC'] })
    expect(c.switches).toEqual({ dlcContainerAccess: true, dswSsh: true, dswPublicAccess: false })
    expect(c.storage.designerPath).toBe('oss://rt-bucket/designer/')
    // Unchanged, it plans nothing; a member edit is planned and not refused.
    expect(e.sync.plan(key).actions).toEqual([])
    app.edit(key, (x) => x.members.push({ userId: u3, roles: ['PAI.WorkspaceGuest'] }))
    const plan = e.sync.plan(key)
    expect(ids(plan)).toEqual([`apply:member:${u3}:create`])
    expect(() => e.sync.apply(key, plan.fingerprint)).not.toThrow()

    // Its export is a bundle the app imports without an error, with every value.
    const out = await app.bundles.export({ keys: [key], format: 'yaml', source: 'cloud', secrets: { mode: 'refs' } })
    for (const v of ['secretRef: robot1', 'rt-logs', 'designer/', 'maxJobPriority: 3', 'dswSsh: true'])
      expect(out.content).toContain(v)
    const preview = await app.bundles.preview({ fileName: out.fileName, content: out.content }, 'en')
    expect(preview.problems.filter((p) => p.severity === 'error')).toEqual([])
  }, 90_000)

  it('4. D5: a create that failed and was retried is not planned or sent again', async () => {
    const e = engine()
    await e.sync.refresh(e.profileId)
    const { workspaces } = emu.seed({ workspaces: [{ WorkspaceName: 'rtRetry', Description: 'retry' }] })
    const wsId = workspaces[0]!.WorkspaceId
    await e.sync.refresh(e.profileId, wsId)
    const app = appOf(e)
    const key = encodeDraftKey({ profileId: e.profileId, workspaceKey: wsId })
    const newUser = '2800000000000099' // not a RAM user of the account yet
    app.edit(key, (c) => c.members.push({ userId: newUser, roles: ['PAI.AlgoDeveloper'] }))
    const first = await sync(e, key)
    const op = e.sync.status({ runId: first.runId }).ops.find((o) => o.kind === 'member.create')!
    expect(op.status).toBe('failed')
    // The cause is fixed (the RAM user now exists) and 重试 succeeds.
    emu.seed({ users: [{ UserId: newUser, UserName: 'late' }] })
    e.sync.retry(op.opId)
    await e.sync.waitForRun(first.runId, { timeoutMs: 30_000 })
    expect(e.store.outbox.get(op.opId)!.status).toBe('done')
    // The cache knows the member exists: nothing is planned for it, nothing is sent again.
    const view = app.open(key)
    expect(view.config.members.map((m) => m.userId)).toContain(newUser)
    const plan = e.sync.plan(view.key)
    expect(ids(plan).filter((id) => id.includes(newUser))).toEqual([])
    if (plan.counts.apply > 0) await sync(e, key)
    expect(emu.state().createCalls[`CreateMember:${wsId}/${newUser}`]).toBe(2)
  }, 90_000)

  it('5. a sync of a new workspace ends without an error: the old local key still opens the draft, plans and saves (no NOT_FOUND)', async () => {
    const e = engine()
    const app = appOf(e)
    await e.sync.refresh(e.profileId)
    // Kept: the G2 switch is a console step. The screen that started the sync still holds the `local-…` key.
    const oldKey = saveNewDraft(e, wizardDraft('rtMoved'))
    const { runId } = await sync(e, oldKey)
    const status = e.sync.status({ runId })
    expect(status.ops.filter((o) => o.status !== 'done' || o.lastError)).toEqual([])
    expect(status.settled).toBe(true)
    expect(e.sync.meta(runId)).toMatchObject({ settled: true, outcome: 'kept' })
    const wsId = cloudWorkspace('rtMoved').WorkspaceId
    const newKey = encodeDraftKey({ profileId: e.profileId, workspaceKey: wsId })
    expect(keyAfter(e, runId)).toBe(newKey)

    // What the screen does after a settle, still with the old key: reload the draft, plan, look at the run.
    const view = app.open(oldKey)
    expect(view.key).toBe(newKey)
    expect(view.problems.filter((p) => p.severity === 'error')).toEqual([])
    expect(view.config.basic.name).toBe('rtMoved')
    const plan = e.sync.plan(oldKey)
    expect(plan.workspaceId).toBe(wsId)
    expect(plan.actions.map((a) => a.kind)).toEqual(['manual'])
    expect(e.sync.status({ key: newKey }).ops.map((o) => o.runId)).toContain(runId)
    // An edit saved under the old key lands on the moved draft, and the next plan has it.
    const saved = app.edit(oldKey, (c) => c.members.push({ userId: u2, roles: ['PAI.WorkspaceGuest'] }))
    expect(saved.key).toBe(newKey)
    expect(ids(e.sync.plan(newKey))).toContain(`apply:member:${u2}:create`)
  }, 90_000)

  it('M4: a custom role the cloud accepts but does not grant ends "not applied", and the draft keeps it', async () => {
    const strict = await startEmulator({ accounts: [MAIN], asyncDelayMs: 10, customRoleGrants: 'ignore' })
    try {
      strict.seed({ users: USERS })
      const e = openEngine({ endpoint: strict.endpoint })
      engines.push(e)
      await e.sync.refresh(e.profileId)
      const draft = wizardDraft('rtIgnored')
      draft.switches.dswSsh = false
      draft.members.push({ userId: u3, roles: ['PAI.AlgoDeveloper', 'role-localops'] })
      const { runId } = await sync(e, saveNewDraft(e, draft))
      const op = e.sync.status({ runId }).ops.find((o) => o.actionId === `member:${u3}:create`)!
      expect(op).toMatchObject({ status: 'failed', lastError: { code: 'SYNC_CUSTOM_ROLE_NOT_GRANTED' } })
      // Kept: the next plan still wants the role for the member (AddMemberRole), and says it is unverified.
      const key = keyAfter(e, runId)
      expect(e.sync.meta(runId)).toMatchObject({ outcome: 'kept' })
      expect(
        appOf(e)
          .draftOf(key)!
          .members.find((m) => m.userId === u3)!.roles,
      ).toHaveLength(2)
      const next = e.sync.plan(key)
      expect(next.actions.map((a) => `${a.kind}:${a.id}:${a.code ?? ''}`)).toEqual([
        `apply:member:${u3}:addRole:name:ops:SYNC_CUSTOM_ROLE_GRANT_UNVERIFIED`,
      ])
    } finally {
      while (engines.length) await engines.pop()!.close()
      await strict.close()
    }
  }, 60_000)
})
