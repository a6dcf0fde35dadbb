import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { WorkspaceConfigSchema } from '@shared/domain'
import { AppError } from '@shared/ipc/errors'
import { startEmulator, type RunningEmulator } from '../../../tools/emulator'
import { ACCOUNTS, ALICE, BOB, CAROL, DAVE, openFleet, seedFleet, type Fleet } from './support'

const DAY = 86_400_000
let emu: RunningEmulator
const fleets: Fleet[] = []
let ids: Record<string, string>

beforeAll(async () => {
  emu = await startEmulator({ accounts: ACCOUNTS, asyncDelayMs: 20 })
})
afterAll(() => emu.close())
afterEach(async () => {
  while (fleets.length) await fleets.pop()!.close()
  emu.reset()
})

async function refreshed(o: { bDaysOld?: number; start?: boolean } = {}): Promise<Fleet> {
  ids = seedFleet(emu)
  const fleet = openFleet(emu, { start: o.start ?? true })
  fleets.push(fleet)
  expect((await fleet.sync.refresh('p-a')).failed).toEqual([])
  fleet.clock.offsetMs = -(o.bDaysOld ?? 0) * DAY
  expect((await fleet.sync.refresh('p-b')).failed).toEqual([])
  fleet.clock.offsetMs = 0
  return fleet
}

function errorOf(fn: () => unknown): AppError {
  try {
    fn()
  } catch (e) {
    if (e instanceof AppError) return e
    throw e
  }
  throw new Error('no error')
}

const cloudRoles = (tenant: number, ws: string, user: string): string[] | undefined =>
  emu.core.tenant(ACCOUNTS[tenant]!.uid).workspaces[ids[ws]!]!.members[`${ids[ws]}-${user}`]?.Roles.slice().sort()

/** Waits until every run of the change has finished and settled (the engine refreshed those workspaces). */
async function settled(fleet: Fleet, changeId: string): Promise<void> {
  for (let i = 0; i < 1200; i++) {
    const p = fleet.bulk.progress(changeId)
    if (p.finished && p.runs.every((r) => fleet.sync.meta(r.runId)?.settled)) return
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error('bulk change did not finish')
}

async function applied(fleet: Fleet, changeId: string, fingerprint: string): Promise<void> {
  fleet.bulk.apply(changeId, fingerprint)
  await settled(fleet, changeId)
}

describe('bulk access changes as drafts and one combined plan', () => {
  it('M6: offboarding the owner is refused with what to do instead; the rest is applied in one Apply', async () => {
    const fleet = await refreshed()
    const plan = fleet.bulk.change({ kind: 'offboard', userId: ALICE }, 'zh-CN')
    expect(plan.parts.map((p) => p.workspaceName).sort()).toEqual(['fraud_model', 'lab_vision', 'rec_sys'])
    const owner = plan.parts.find((p) => p.workspaceName === 'fraud_model')!
    expect(owner).toMatchObject({ drafted: false, counts: { apply: 0, refused: 1 } })
    expect(owner.refused[0]).toMatchObject({
      userId: ALICE,
      verb: 'delete',
      ruleId: 'M6',
      code: 'DOMAIN_OWNER_REMOVED',
    })
    expect(owner.refused[0]!.instead).toContain('负责人')
    // the owner's workspace got no draft: nothing there for a later plan to refuse again
    expect(fleet.store.drafts.get('p-a', ids.fraud_model!, WorkspaceConfigSchema)).toBeUndefined()
    for (const name of ['rec_sys', 'lab_vision']) {
      const p = plan.parts.find((x) => x.workspaceName === name)!
      expect(p.drafted).toBe(true)
      expect(p.actions.filter((a) => a.kind === 'apply').map((a) => a.id)).toEqual([`member:${ALICE}:delete`])
    }
    expect(plan.counts).toMatchObject({ apply: 2, refused: 1, conflict: 0 })
    // planned from what the change had just saved, it is the plan the store gives back (nothing read twice)
    const timeless = (x: unknown): unknown =>
      JSON.parse(JSON.stringify(x, (k, v: unknown) => (/cacheAgeMs$/i.test(k) ? undefined : v)))
    expect(timeless(fleet.bulk.plan(plan.changeId, 'zh-CN'))).toEqual(timeless(plan))
    // it waits on 待同步变更 until applied
    expect(fleet.bulk.pending().map((c) => [c.changeId, c.kind, c.workspaces.length])).toEqual([
      [plan.changeId, 'offboard', 3],
    ])
    await applied(fleet, plan.changeId, plan.fingerprint)
    expect(fleet.bulk.pending()).toEqual([])
    expect(cloudRoles(0, 'rec_sys', ALICE)).toBeUndefined()
    expect(cloudRoles(1, 'lab_vision', ALICE)).toBeUndefined()
    expect(cloudRoles(0, 'fraud_model', ALICE)).toEqual(['PAI.WorkspaceOwner'])
    // the overview after the refresh the runs made: Alice is left only where she is the owner
    const page = fleet.access.user(ALICE)
    expect(page.memberships.map((m) => [m.workspace.name, m.owner])).toEqual([['fraud_model', true]])
    // one activity entry for the whole change, with its parts and outcome
    const entries = fleet.store.activity.list({ limit: 100 }).filter((e) => e.action === 'access.offboard')
    expect(entries).toHaveLength(1)
    expect(entries[0]!.result).toBe('ok')
    const details = entries[0]!.details as { parts: Array<{ workspace: string; rules: string[] }>; done: number }
    expect(details.parts.map((p) => p.workspace).sort()).toEqual(['fraud_model', 'lab_vision', 'rec_sys'])
    expect(details.parts.find((p) => p.workspace === 'fraud_model')!.rules).toEqual(['M6'])
    expect(details.done).toBe(2)
    // no second Apply of the same change
    expect(errorOf(() => fleet.bulk.apply(plan.changeId, plan.fingerprint)).code).toBe('ACCESS_CHANGE_NOT_DRAFTED')
  })

  it("M5: revoking a member's last role is refused (remove the member instead); M6: the owner role stays", async () => {
    const fleet = await refreshed()
    const plan = fleet.bulk.change(
      { kind: 'revoke', userIds: [CAROL, ALICE], roles: ['PAI.WorkspaceGuest', 'PAI.WorkspaceOwner'] },
      'en',
    )
    const refused = plan.parts.flatMap((p) => p.refused)
    expect(refused.find((r) => r.userId === CAROL)).toMatchObject({ ruleId: 'M5', code: 'DOMAIN_MEMBER_NO_ROLE' })
    expect(refused.find((r) => r.userId === CAROL)!.instead).toMatch(/Remove the member instead/)
    expect(refused.find((r) => r.userId === ALICE)).toMatchObject({
      ruleId: 'M6',
      verb: 'removeRole:PAI.WorkspaceOwner',
    })
    expect(plan.counts.apply).toBe(0)
  })

  it('grant: custom roles by name per workspace, a workspace without that role and the owner role refused', async () => {
    const fleet = await refreshed()
    const plan = fleet.bulk.change(
      {
        kind: 'grant',
        userIds: [DAVE],
        roles: ['ops-team', 'PAI.AlgoDeveloper', 'PAI.WorkspaceOwner'],
        workspaces: [
          { profileId: 'p-a', workspaceId: ids.rec_sys! },
          { profileId: 'p-b', workspaceId: ids.lab_vision! },
        ],
      },
      'en',
    )
    const rec = plan.parts.find((p) => p.workspaceName === 'rec_sys')!
    const lab = plan.parts.find((p) => p.workspaceName === 'lab_vision')!
    expect(
      rec.actions
        .filter((a) => a.kind === 'apply')
        .map((a) => a.verb)
        .sort(),
    ).toEqual(['addRole:PAI.AlgoDeveloper', 'addRole:name:ops-team'])
    expect(lab.actions.filter((a) => a.kind === 'apply').map((a) => a.verb)).toEqual(['create'])
    expect(lab.refused.map((r) => r.code).sort()).toEqual(['ACCESS_ROLE_NOT_IN_WORKSPACE', 'DOMAIN_OWNER_ROLE_GRANTED'])
    expect(lab.refused.find((r) => r.code === 'DOMAIN_OWNER_ROLE_GRANTED')!.ruleId).toBe('M6')
    await applied(fleet, plan.changeId, plan.fingerprint)
    expect(cloudRoles(0, 'rec_sys', DAVE)).toEqual(['PAI.AlgoDeveloper', 'PAI.WorkspaceGuest', 'role-opsteam0001'])
    expect(cloudRoles(1, 'lab_vision', DAVE)).toEqual(['PAI.AlgoDeveloper'])
    expect(emu.state().createCalls[`CreateMember:${ids.lab_vision}/${DAVE}`]).toBe(1)
    expect(fleet.access.user(DAVE).memberships).toHaveLength(2)
  })

  it('copy members and replace a role: drafts on each affected workspace, the plan per workspace', async () => {
    const fleet = await refreshed()
    const copy = fleet.bulk.change(
      {
        kind: 'copy',
        from: { profileId: 'p-a', workspaceId: ids.rec_sys! },
        to: [{ profileId: 'p-b', workspaceId: ids.lab_vision! }],
      },
      'en',
    )
    const part = copy.parts[0]!
    // the owner role of the source is not copied; Bob's custom role has no namesake in lab_vision
    expect(
      part.actions
        .filter((a) => a.kind === 'apply')
        .map((a) => a.id)
        .sort(),
    ).toEqual([`member:${ALICE}:addRole:PAI.WorkspaceAdmin`, `member:${DAVE}:create`])
    expect(part.refused).toMatchObject([{ userId: BOB, code: 'ACCESS_ROLE_NOT_IN_WORKSPACE' }])
    const replace = fleet.bulk.change({ kind: 'replace', role: 'PAI.WorkspaceGuest', with: 'PAI.AlgoOperator' }, 'en')
    expect(replace.parts.map((p) => p.workspaceName).sort()).toEqual(['fraud_model', 'lab_vision', 'rec_sys'])
    const fraud = replace.parts.find((p) => p.workspaceName === 'fraud_model')!
    expect(fraud.actions.filter((a) => a.kind === 'apply').map((a) => a.verb)).toEqual([
      'addRole:PAI.AlgoOperator',
      'removeRole:PAI.WorkspaceGuest',
    ])
    // the lab draft holds both changes (copy, then replace), planned as one
    const lab = replace.parts.find((p) => p.workspaceName === 'lab_vision')!
    expect(lab.actions.filter((a) => a.kind === 'apply').length).toBe(4)
  })

  it('a stale cache: the plan says how old each part is; a stale plan is not applied (SYNC_PLAN_STALE)', async () => {
    const fleet = await refreshed({ bDaysOld: 12 })
    const plan = fleet.bulk.change({ kind: 'offboard', userId: BOB }, 'en')
    const lab = plan.parts.find((p) => p.workspaceName === 'lab_vision')!
    expect(lab.cacheAgeMs!).toBeGreaterThanOrEqual(12 * DAY)
    expect(plan.oldestCacheAgeMs).toBe(lab.cacheAgeMs)
    expect(plan.parts.find((p) => p.workspaceName === 'rec_sys')!.cacheAgeMs!).toBeLessThan(DAY)
    // the draft changed after the plan was shown
    const key = `p-a:${ids.rec_sys}`
    const view = fleet.bulk.change(
      {
        kind: 'grant',
        userIds: [CAROL],
        roles: ['PAI.AlgoDeveloper'],
        workspaces: [{ profileId: 'p-a', workspaceId: ids.rec_sys! }],
      },
      'en',
    )
    expect(view.parts[0]!.key).toBe(key)
    expect(errorOf(() => fleet.bulk.apply(plan.changeId, plan.fingerprint)).code).toBe('SYNC_PLAN_STALE')
    expect(fleet.store.outbox.counts({}).pending).toBe(0)
  })

  it('bad input: an unknown user, role or workspace is named; nothing to change is said', async () => {
    const fleet = await refreshed()
    expect(errorOf(() => fleet.bulk.change({ kind: 'offboard', userId: '2900000000009999' }, 'en')).code).toBe(
      'ACCESS_USER_UNKNOWN',
    )
    const role = errorOf(() =>
      fleet.bulk.change(
        {
          kind: 'grant',
          userIds: [BOB],
          roles: ['PAI.Nope'],
          workspaces: [{ profileId: 'p-a', workspaceId: ids.rec_sys! }],
        },
        'en',
      ),
    )
    expect(role.code).toBe('ACCESS_ROLE_UNKNOWN')
    const ws = errorOf(() =>
      fleet.bulk.change(
        {
          kind: 'grant',
          userIds: [BOB],
          roles: ['PAI.AlgoDeveloper'],
          workspaces: [{ profileId: 'p-a', workspaceId: '999999' }],
        },
        'en',
      ),
    )
    expect(ws.code).toBe('ACCESS_WORKSPACE_UNKNOWN')
    const none = errorOf(() =>
      fleet.bulk.change(
        {
          kind: 'grant',
          userIds: [BOB],
          roles: ['PAI.AlgoDeveloper'],
          workspaces: [{ profileId: 'p-a', workspaceId: ids.fraud_model! }],
        },
        'en',
      ),
    )
    expect(none.code).toBe('ACCESS_NOTHING_TO_CHANGE')
    expect(fleet.store.drafts.list({}).length).toBe(0)
  })

  it('resume: an applied change queued in one process finishes in the next, each member created once', async () => {
    const first = await refreshed({ start: false })
    const plan = first.bulk.change(
      {
        kind: 'grant',
        userIds: [CAROL],
        roles: ['PAI.AlgoDeveloper'],
        workspaces: [
          { profileId: 'p-a', workspaceId: ids.rec_sys! },
          { profileId: 'p-b', workspaceId: ids.lab_vision! },
        ],
      },
      'en',
    )
    const progress = first.bulk.apply(plan.changeId, plan.fingerprint)
    expect(progress).toMatchObject({ total: 2, done: 0, finished: false })
    await first.close(true)
    fleets.splice(fleets.indexOf(first), 1)
    const second = openFleet(emu, { dataDir: first.dataDir })
    fleets.push(second)
    await applied(second, plan.changeId, '').catch(() => undefined) // apply again is refused: already queued
    for (let i = 0; i < 600 && !second.bulk.progress(plan.changeId).finished; i++)
      await new Promise((r) => setTimeout(r, 50))
    expect(second.bulk.progress(plan.changeId)).toMatchObject({ total: 2, done: 2, failed: 0, finished: true })
    expect(cloudRoles(0, 'rec_sys', CAROL)).toEqual(['PAI.AlgoDeveloper'])
    expect(cloudRoles(1, 'lab_vision', CAROL)).toEqual(['PAI.AlgoDeveloper'])
    const calls = emu.state().createCalls
    const carol = Object.entries(calls).filter(([k]) => k.startsWith('CreateMember:') && k.endsWith(`/${CAROL}`))
    expect(carol.map(([k, n]) => `${k}=${n}`).sort()).toEqual(
      [`CreateMember:${ids.lab_vision}/${CAROL}=1`, `CreateMember:${ids.rec_sys}/${CAROL}=1`].sort(),
    )
  })

  it('one Apply in one transaction: a part the engine refuses stops it, the parts queued before are recorded, applying again queues only the rest, each member created once', async () => {
    const first = await refreshed({ start: false })
    const lab = { profileId: 'p-b', workspaceId: ids.lab_vision! }
    const rec = { profileId: 'p-a', workspaceId: ids.rec_sys! }
    // an earlier change whose run on lab_vision is still queued (nothing is sent in this process)
    const earlier = first.bulk.change(
      { kind: 'grant', userIds: [DAVE], roles: ['PAI.AlgoDeveloper'], workspaces: [lab] },
      'en',
    )
    first.bulk.apply(earlier.changeId, earlier.fingerprint)
    const plan = first.bulk.change(
      { kind: 'grant', userIds: [CAROL], roles: ['PAI.AlgoDeveloper'], workspaces: [rec, lab] },
      'en',
    )
    expect(errorOf(() => first.bulk.apply(plan.changeId, plan.fingerprint)).code).toBe('SYNC_RUN_IN_PROGRESS')
    // rec_sys was queued and recorded with the change; lab_vision was not; the change still waits
    expect(first.bulk.progress(plan.changeId).runs.map((r) => r.key)).toEqual([`p-a:${ids.rec_sys}`])
    expect(first.bulk.pending().map((c) => c.changeId)).toContain(plan.changeId)
    await first.close(true)
    fleets.splice(fleets.indexOf(first), 1)
    const second = openFleet(emu, { dataDir: first.dataDir })
    fleets.push(second)
    await settled(second, earlier.changeId)
    await settled(second, plan.changeId)
    const again = second.bulk.plan(plan.changeId, 'en')
    expect(again.parts.map((p) => `${p.workspaceName}:${p.counts.apply}`)).toEqual(['rec_sys:0', 'lab_vision:1'])
    await applied(second, plan.changeId, again.fingerprint)
    expect(second.bulk.progress(plan.changeId)).toMatchObject({ total: 2, done: 2, failed: 0, finished: true })
    expect(cloudRoles(0, 'rec_sys', CAROL)).toEqual(['PAI.AlgoDeveloper'])
    expect(cloudRoles(1, 'lab_vision', CAROL)).toEqual(['PAI.AlgoDeveloper'])
    const calls = emu.state().createCalls
    const carol = Object.entries(calls).filter(([k]) => k.startsWith('CreateMember:') && k.endsWith(`/${CAROL}`))
    expect(carol.map(([k, n]) => `${k}=${n}`).sort()).toEqual(
      [`CreateMember:${ids.lab_vision}/${CAROL}=1`, `CreateMember:${ids.rec_sys}/${CAROL}=1`].sort(),
    )
  })
})
