import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { WorkspaceConfigSchema } from '@shared/domain'
import { AppError } from '@shared/ipc/errors'
import { startEmulator, type RunningEmulator } from '../../../tools/emulator'
import { ACCOUNTS, BOB, PEOPLE, openFleet, seedFleet, type Fleet } from './support'

/**
 * Offboarding applied (issue 16) against the emulator and a real SQLite file: each workspace's run is one member op,
 * so it settles by reading the members back alone (core/sync/refresh-members.ts), and the cache still ends up as a
 * whole refresh would leave it. A workspace whose cloud copy breaks a rule of another area is still refused.
 */

let emu: RunningEmulator
const fleets: Fleet[] = []

beforeAll(async () => {
  emu = await startEmulator({ accounts: ACCOUNTS, asyncDelayMs: 20 })
})
afterAll(() => emu.close())
afterEach(async () => {
  while (fleets.length) await fleets.pop()!.close()
  emu.reset()
})

async function fleetOf(extra: Array<{ WorkspaceName: string; Description: string }> = []): Promise<{
  fleet: Fleet
  ids: Record<string, string>
}> {
  const ids = seedFleet(emu)
  for (const w of emu.seed({
    tenant: ACCOUNTS[0]!.uid,
    users: PEOPLE,
    workspaces: extra.map((x) => ({ ...x, members: [{ UserId: BOB, Roles: ['PAI.AlgoDeveloper'] }] })),
  }).workspaces)
    ids[w.WorkspaceName] = w.WorkspaceId
  const fleet = openFleet(emu)
  fleets.push(fleet)
  for (const p of ['p-a', 'p-b']) expect((await fleet.sync.refresh(p)).failed).toEqual([])
  return { fleet, ids }
}

async function settled(fleet: Fleet, changeId: string): Promise<void> {
  for (let i = 0; i < 1200; i++) {
    const p = fleet.bulk.progress(changeId)
    if (p.finished && p.runs.every((r) => fleet.sync.meta(r.runId)?.settled)) return
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error('bulk change did not finish')
}

const WHERE = { 'p-a': ['fraud_model', 'rec_sys'], 'p-b': ['lab_vision'] } as const

/** Every cached configuration of the fleet, with its read time. */
function cached(fleet: Fleet, ids: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [profileId, names] of Object.entries(WHERE))
    for (const name of names) {
      const got = fleet.store.workspaces.getConfig(profileId, ids[name]!, WorkspaceConfigSchema)
      out[name] = got?.config.ok ? { config: got.config.value, fetchedAt: got.fetchedAt } : null
    }
  return out
}

describe('offboarding applied: members read back alone', () => {
  it('after an offboarding Apply the cache matches the cloud, and only member calls were sent (the read-back is ListMembers)', async () => {
    const { fleet, ids } = await fleetOf()
    const before = cached(fleet, ids)
    const plan = fleet.bulk.change({ kind: 'offboard', userId: BOB }, 'en')
    expect(plan.counts).toMatchObject({ apply: 3, refused: 0, conflict: 0 })
    emu.clearRequests()
    fleet.bulk.apply(plan.changeId, plan.fingerprint)
    await settled(fleet, plan.changeId)
    expect(fleet.bulk.progress(plan.changeId)).toMatchObject({ done: 3, failed: 0, finished: true })
    const calls = new Map<string, number>()
    for (const r of emu.requests()) calls.set(r.action, (calls.get(r.action) ?? 0) + 1)
    // one delete per workspace (its member looked up first), then one members read-back per run: nothing else
    expect(Object.fromEntries(calls)).toEqual({ GetMember: 3, DeleteMembers: 3, ListMembers: 3 })
    const after = cached(fleet, ids) as Record<
      string,
      { config: { members: Array<{ userId: string }> }; fetchedAt: string }
    >
    for (const name of ['fraud_model', 'rec_sys', 'lab_vision']) {
      const was = before[name] as typeof after.x
      // the members are the cloud's now; every other section and the read time are the last refresh's
      expect(after[name]!.config.members.map((m) => m.userId)).not.toContain(BOB)
      expect({ ...after[name]!.config, members: [] }).toEqual({ ...was!.config, members: [] })
      expect(after[name]!.fetchedAt).toBe(was!.fetchedAt)
      expect(
        fleet.store.drafts.get(name === 'lab_vision' ? 'p-b' : 'p-a', ids[name]!, WorkspaceConfigSchema),
      ).toBeUndefined()
    }
    expect(fleet.store.access.memberships(BOB)).toEqual([])
    // a whole refresh now finds the cache as the members read-back left it (bar the read times)
    for (const p of ['p-a', 'p-b']) expect((await fleet.sync.refresh(p)).failed).toEqual([])
    const refreshed = cached(fleet, ids) as typeof after
    for (const name of Object.keys(after)) expect(refreshed[name]!.config).toEqual(after[name]!.config)
  })

  it('W1: a workspace whose cloud copy breaks a rule of another area is shown and refused with its rule, nothing sent to it', async () => {
    const { fleet, ids } = await fleetOf([{ WorkspaceName: 'bare_ws', Description: '' }])
    const plan = fleet.bulk.change({ kind: 'offboard', userId: BOB }, 'en')
    const bare = plan.parts.find((p) => p.workspaceName === 'bare_ws')!
    expect(bare.problems.map((p) => p.ruleId)).toContain('W1')
    emu.clearRequests()
    let refused: AppError | undefined
    try {
      fleet.bulk.apply(plan.changeId, plan.fingerprint)
    } catch (e) {
      if (!(e instanceof AppError)) throw e
      refused = e
    }
    expect(refused).toMatchObject({ code: 'SYNC_DRAFT_INVALID', ruleId: 'W1' })
    // whatever was queued before it finishes; bare_ws's member is still there and no call named that workspace
    for (let i = 0; i < 200 && fleet.store.outbox.counts({}).pending + fleet.store.outbox.counts({}).in_flight > 0; i++)
      await new Promise((r) => setTimeout(r, 50))
    const tenant = emu.core.tenant(ACCOUNTS[0]!.uid)
    expect(tenant.workspaces[ids.bare_ws!]!.members[`${ids.bare_ws}-${BOB}`]?.Roles).toEqual(['PAI.AlgoDeveloper'])
    expect(emu.requests().filter((r) => r.sent?.path.includes(`/workspaces/${ids.bare_ws}/`))).toEqual([])
  })
})
