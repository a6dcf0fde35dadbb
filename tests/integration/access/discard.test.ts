import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { WorkspaceConfigSchema, type WorkspaceConfig } from '@shared/domain'
import { AppError } from '@shared/ipc/errors'
import { startEmulator, type RunningEmulator } from '../../../tools/emulator'
import { ACCOUNTS, ALICE, CAROL, DAVE, openFleet, seedFleet, type Fleet } from './support'

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

async function refreshed(): Promise<Fleet> {
  ids = seedFleet(emu)
  const fleet = openFleet(emu, { start: false })
  fleets.push(fleet)
  expect((await fleet.sync.refresh('p-a')).failed).toEqual([])
  expect((await fleet.sync.refresh('p-b')).failed).toEqual([])
  return fleet
}

const draftOf = (fleet: Fleet, profileId: string, ws: string): WorkspaceConfig | undefined => {
  const d = fleet.store.drafts.get(profileId, ids[ws]!, WorkspaceConfigSchema)
  return d?.draft.ok ? d.draft.value : undefined
}

describe('discarding a bulk change not applied yet', () => {
  it('its drafts go; a draft with other edits keeps them; nothing is sent; it leaves 待同步变更', async () => {
    const fleet = await refreshed()
    // an edit of the admin's own on rec_sys before the change: dave gets a role
    const rec = fleet.store.workspaces.getConfig('p-a', ids.rec_sys!, WorkspaceConfigSchema)!
    if (!rec.config.ok) throw new Error('no cached config')
    const own = {
      ...rec.config.value,
      members: rec.config.value.members.map((m) =>
        m.userId === DAVE ? { ...m, roles: [...m.roles, 'PAI.AlgoDeveloper'] } : m,
      ),
    }
    fleet.store.drafts.save({
      profileId: 'p-a',
      workspaceKey: ids.rec_sys!,
      draft: own,
      base: rec.config.value,
      expectedRevision: 0,
    })

    const plan = fleet.bulk.change({ kind: 'offboard', userId: ALICE }, 'en')
    expect(plan.counts.apply).toBe(3) // two removals of alice, and dave's role (the draft already held it)
    expect(draftOf(fleet, 'p-b', 'lab_vision')!.members.some((m) => m.userId === ALICE)).toBe(false)

    expect(fleet.bulk.discard(plan.changeId)).toEqual({ removed: 1, reverted: 1, queued: 0 })
    // lab_vision had nothing else: its draft is gone
    expect(draftOf(fleet, 'p-b', 'lab_vision')).toBeUndefined()
    // rec_sys keeps dave's new role, and alice is back as the cloud has her (same place, same roles)
    const kept = draftOf(fleet, 'p-a', 'rec_sys')!
    expect(kept.members.find((m) => m.userId === DAVE)!.roles).toContain('PAI.AlgoDeveloper')
    expect(kept.members.map((m) => m.userId)).toEqual(own.members.map((m) => m.userId))
    expect(kept.members.find((m) => m.userId === ALICE)).toEqual(own.members.find((m) => m.userId === ALICE))
    // its plan holds only the admin's own edit
    const left = fleet.sync.plan(`p-a:${ids.rec_sys}`, 'en')
    expect(left.actions.filter((a) => a.kind === 'apply').map((a) => a.target)).toEqual([DAVE])

    expect(fleet.bulk.pending()).toEqual([])
    const err = (() => {
      try {
        fleet.bulk.apply(plan.changeId, plan.fingerprint)
      } catch (e) {
        return e
      }
    })()
    expect(err).toBeInstanceOf(AppError)
    expect((err as AppError).code).toBe('ACCESS_CHANGE_NOT_DRAFTED')
    // nothing was queued for the cloud
    expect(fleet.store.outbox.list()).toEqual([])
    const activity = fleet.store.activity.list({ action: 'access.discard' })
    expect(activity).toHaveLength(1)
    expect(activity[0]!.details).toMatchObject({ changeId: plan.changeId, removed: 1, reverted: 1 })
  })

  it('a grant is undone: a member it created is removed, roles it added go; a discarded change cannot be discarded again', async () => {
    const fleet = await refreshed()
    const plan = fleet.bulk.change(
      {
        kind: 'grant',
        userIds: [DAVE, CAROL],
        roles: ['PAI.AlgoDeveloper'],
        workspaces: [{ profileId: 'p-a', workspaceId: ids.rec_sys! }],
      },
      'en',
    )
    expect(plan.counts.apply).toBeGreaterThan(0)
    expect(fleet.bulk.discard(plan.changeId)).toEqual({ removed: 1, reverted: 0, queued: 0 })
    expect(draftOf(fleet, 'p-a', 'rec_sys')).toBeUndefined()
    expect(() => fleet.bulk.discard(plan.changeId)).toThrow(/ACCESS_CHANGE_NOT_DRAFTED|not waiting/i)
  })
})
