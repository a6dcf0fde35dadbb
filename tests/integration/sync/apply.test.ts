import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { WorkspaceConfigSchema, type WorkspaceConfig } from '@shared/domain'
import { AppError } from '@shared/ipc/errors'
import { startEmulator, type RunningEmulator } from '../../../tools/emulator'
import { decodeDraftKey, encodeDraftKey } from '../../../core/services/draft-key'
import { buildPlan, configFromCloud, emptyBase, fetchSnapshot } from '../../../core/sync'
import { withRecords } from '../../../core/sync/cloud-model'
import { targetIdOf } from '../../../core/sync/mapping/events'
import { DINGTALK_SECRET, MAIN, USERS, fullDraft, openEngine, saveNewDraft, type Engine } from './harness'

let emu: RunningEmulator
const engines: Engine[] = []

beforeAll(async () => {
  emu = await startEmulator({ accounts: [MAIN], asyncDelayMs: 20 })
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

/**
 * Reads the workspace now and plans the draft against it: nothing left means cloud == draft. The cloud is
 * the model the app plans against: what was read, with the record of what cannot be read (the DingTalk
 * targets' keychain bindings).
 */
async function remaining(e: Engine, name: string, draft: WorkspaceConfig): Promise<ReturnType<typeof buildPlan>> {
  const w = await e.clients.pai.findWorkspaceByName(name)
  expect(w).toBeDefined()
  const { snapshot } = await fetchSnapshot(e.clients, w!)
  const records = e.store.cloudRecords.list(e.profileId, w!.WorkspaceId)
  expect(records.map((r) => `${r.source}:${r.path}=${String(r.value)}`)).toEqual([
    `app:/notifications/rules/dlc-timeouts/targets/${targetIdOf(draft.notifications.rules[0]!.targets[0]!)}/secretRef=robot1`,
  ])
  return buildPlan({
    region: 'cn-hangzhou',
    draft,
    base: emptyBase(draft),
    cloud: withRecords(configFromCloud(snapshot), records, new Date().toISOString()),
    workspaceId: w!.WorkspaceId,
    identity: { kind: 'main', userId: MAIN.uid },
    identityRoles: [],
  })
}

/** Every create of this workspace reached the cloud exactly once. */
function expectNoDuplicates(name: string, workspaceId: string): void {
  const calls = emu.state().createCalls
  const mine = Object.entries(calls).filter(
    ([k]) => k.endsWith(`/${name}`) || k.includes(`:${workspaceId}/`) || k.includes(`/pai-system-${name}/`),
  )
  expect(mine.length).toBeGreaterThanOrEqual(1 + 3 + 2 + 2 + 2) // workspace, members, roles, resources, rules
  for (const [k, n] of mine) expect(`${k}=${n}`).toBe(`${k}=1`)
}

async function applyNew(
  e: Engine,
  name: string,
): Promise<{ draft: WorkspaceConfig; workspaceId: string; runId: string }> {
  await e.sync.refresh(e.profileId)
  const draft = fullDraft(name, emu.url)
  const key = saveNewDraft(e, draft)
  const plan = e.sync.plan(key)
  expect(plan.problems.filter((p) => p.severity === 'error')).toEqual([])
  expect(plan.counts).toMatchObject({ refused: 0, conflict: 0 })
  expect(plan.counts.apply).toBeGreaterThanOrEqual(12)
  const { runId, queued } = e.sync.apply(key, plan.fingerprint)
  expect(queued).toBe(plan.counts.apply)
  const status = await e.sync.waitForRun(runId, { timeoutMs: 90_000 })
  expect(
    status.ops.filter((o) => o.status !== 'done').map((o) => `${o.kind}:${o.status}:${o.lastError?.code}`),
  ).toEqual([])
  const created = status.ops.find((o) => o.kind === 'workspace.create')!
  const workspaceId = (e.store.outbox.get(created.opId)!.result as { workspaceId: string }).workspaceId
  // the draft moved from local-… to the WorkspaceId and was cleared once cloud and draft agreed
  expect(e.store.drafts.get(e.profileId, decodeDraftKey(key).workspaceKey, WorkspaceConfigSchema)).toBeUndefined()
  expect(e.store.drafts.get(e.profileId, workspaceId, WorkspaceConfigSchema)).toBeUndefined()
  expect(e.sync.meta(runId)).toMatchObject({ settled: true, outcome: 'cleared', workspaceKey: workspaceId })
  return { draft, workspaceId, runId }
}

describe('sync: plan and apply a new workspace against the emulator', () => {
  it('D5: creates the workspace with members, custom roles, resources, storage path and two rules; a second plan shows nothing to do', async () => {
    const e = engine()
    const { draft, workspaceId } = await applyNew(e, 'wsSyncOne')
    expect(await remaining(e, 'wsSyncOne', draft)).toEqual([])
    // a second plan of the same draft, now against the refreshed cache: nothing to do
    e.store.drafts.save({
      profileId: e.profileId,
      workspaceKey: workspaceId,
      draft,
      base: emptyBase(draft),
      baseVersion: null,
    })
    const again = e.sync.plan(encodeDraftKey({ profileId: e.profileId, workspaceKey: workspaceId }))
    expect(again.actions).toEqual([])
    expect(again.cacheAgeMs).not.toBeNull()
    expectNoDuplicates('wsSyncOne', workspaceId)
    // the DingTalk secret went to EventBridge from the keychain callback, never into SQLite
    const rules = await e.clients.eventBridge.listAllRules({ EventBusName: 'pai-system-wsSyncOne' })
    expect(rules.map((r) => r.RuleName).sort()).toEqual(['dlc-timeouts', 'model-approvals'])
    const targets = await e.clients.eventBridge.listAllTargets({
      EventBusName: 'pai-system-wsSyncOne',
      RuleName: 'dlc-timeouts',
    })
    expect(JSON.stringify(targets)).toContain(DINGTALK_SECRET)
    const fs = await import('node:fs')
    for (const f of fs.readdirSync(e.dataDir).filter((x) => x.startsWith('pai-admin.db')))
      expect(fs.readFileSync(`${e.dataDir}/${f}`).includes(DINGTALK_SECRET)).toBe(false)
    expect(e.events.some((x) => x.event === 'sync.progress')).toBe(true)
  }, 120_000)

  it('D5: the same under --throttle-qps 20 --fault-rate 0.1: no failed action, no duplicate', async () => {
    const e = engine()
    emu.faults({ throttleQps: 20, faultRate: 0.1 })
    const { draft, workspaceId } = await applyNew(e, 'wsSyncFaults')
    emu.clearFaults()
    expect(await remaining(e, 'wsSyncFaults', draft)).toEqual([])
    expectNoDuplicates('wsSyncFaults', workspaceId)
    const served = emu
      .requests()
      .filter((r) => r.fault === 'throttle' || r.fault === '500' || r.fault === 'drop-before')
    expect(served.length).toBeGreaterThan(0)
  }, 180_000)
})

describe('sync: conflicts and stale plans', () => {
  it('D5: a cloud edit between refresh and apply is a conflict, never overwritten silently; a stale plan is refused', async () => {
    const e = engine()
    const { workspaces } = emu.seed({
      workspaces: [
        {
          WorkspaceName: 'wsConflict',
          Description: 'original',
          members: [{ UserId: USERS[0]!.UserId, Roles: ['PAI.AlgoDeveloper'] }],
        },
      ],
    })
    const workspaceId = workspaces[0]!.WorkspaceId
    await e.sync.refresh(e.profileId)
    const cached = e.store.workspaces.getConfig(e.profileId, workspaceId, WorkspaceConfigSchema)!
    expect(cached.config.ok).toBe(true)
    const cloud0 = (cached.config as { value: WorkspaceConfig }).value
    const key = encodeDraftKey({ profileId: e.profileId, workspaceKey: workspaceId })
    e.store.drafts.save({
      profileId: e.profileId,
      workspaceKey: workspaceId,
      draft: { ...cloud0, basic: { ...cloud0.basic, description: 'mine' } },
      base: cloud0,
      baseVersion: cached.configVersion,
    })
    const before = e.sync.plan(key)
    expect(before.actions.map((a) => a.id)).toEqual([`workspace:wsConflict:update`])

    // someone else edits the same field in the cloud
    await e.clients.pai.updateWorkspace(workspaceId, { Description: 'theirs' })
    await e.sync.refresh(e.profileId)

    // the plan made before the refresh is stale
    expect(() => e.sync.apply(key, before.fingerprint)).toThrow(expect.objectContaining({ code: 'SYNC_PLAN_STALE' }))
    const now = e.sync.plan(key)
    expect(now.actions).toEqual([
      expect.objectContaining({
        kind: 'conflict',
        conflict: [{ path: '/basic/description', base: 'original', mine: 'mine', cloud: 'theirs' }],
      }),
    ])
    let err: unknown
    try {
      e.sync.apply(key, now.fingerprint)
    } catch (x) {
      err = x
    }
    expect(err).toBeInstanceOf(AppError)
    expect((err as AppError).code).toBe('SYNC_CONFLICTS_UNRESOLVED')
    expect((await e.clients.pai.getWorkspace(workspaceId)).Description).toBe('theirs')
    const drift = await e.sync.drift(key, true)
    expect(drift.sinceBase).toEqual([
      expect.objectContaining({
        area: 'workspace',
        change: 'changed',
        fields: [{ path: '/basic/description', base: 'original', cloud: 'theirs' }],
      }),
    ])
    expect(drift.sinceRefresh).toEqual([])

    // the user keeps theirs: the draft's value goes out
    const resolved = e.sync.resolve(key, [{ path: '/basic/description', take: 'mine' }])
    expect(resolved.actions.map((a) => `${a.kind}:${a.id}`)).toEqual(['apply:workspace:wsConflict:update'])
    const { runId } = e.sync.apply(key, resolved.fingerprint)
    await e.sync.waitForRun(runId, { timeoutMs: 30_000 })
    expect((await e.clients.pai.getWorkspace(workspaceId)).Description).toBe('mine')
    expect(e.store.drafts.get(e.profileId, workspaceId, WorkspaceConfigSchema)).toBeUndefined()
  }, 60_000)
})
