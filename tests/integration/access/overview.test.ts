import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { AppError } from '@shared/ipc/errors'
import { startEmulator, type RunningEmulator } from '../../../tools/emulator'
import { ACCOUNTS, ALICE, BOB, CAROL, DAVE, openFleet, seedFleet, type Fleet } from './support'

const DAY = 86_400_000
let emu: RunningEmulator
let fleet: Fleet
let ids: Record<string, string>

beforeAll(async () => {
  emu = await startEmulator({ accounts: ACCOUNTS })
})
afterAll(() => emu.close())
afterEach(async () => {
  await fleet.close()
  emu.reset()
})

/** Both profiles refreshed through the real refresh; profile B's cache is `bDaysOld` days old. */
async function refreshed(bDaysOld = 0): Promise<void> {
  ids = seedFleet(emu)
  fleet = openFleet(emu)
  expect((await fleet.sync.refresh('p-a')).failed).toEqual([])
  fleet.clock.offsetMs = -bDaysOld * DAY
  expect((await fleet.sync.refresh('p-b')).failed).toEqual([])
  fleet.clock.offsetMs = 0
}

const users = (o: ReturnType<Fleet['access']['overview']>): string[] => o.users.map((u) => u.userId).sort()
const errorOf = (fn: () => unknown): AppError => {
  try {
    fn()
  } catch (e) {
    if (e instanceof AppError) return e
    throw e
  }
  throw new Error('no error')
}

describe('access overview [访问权限总览] from the cache of every profile', () => {
  it('lists users by workspaces across both accounts, with counts, roles by name and the owner marked', async () => {
    await refreshed()
    const o = fleet.access.overview({ limit: 100 })
    const [mainA, mainB] = [ACCOUNTS[0]!.uid, ACCOUNTS[1]!.uid]
    expect(users(o)).toEqual([ALICE, BOB, CAROL, DAVE, mainA, mainB].sort())
    expect(o.totalUsers).toBe(6)
    expect(o.totalMemberships).toBe(10) // 3 + 4 + 3, owners included
    expect(o.workspaces.map((w) => `${w.profileName}/${w.region}/${w.name}`).sort()).toEqual([
      'lab-sh/cn-shanghai/lab_vision',
      'prod-hz/cn-hangzhou/fraud_model',
      'prod-hz/cn-hangzhou/rec_sys',
    ])
    const cell = (u: string, ws: string): (typeof o.cells)[number] | undefined =>
      o.cells.find((c) => c.userId === u && c.key.endsWith(`:${ids[ws]}`))
    expect(cell(ALICE, 'fraud_model')).toMatchObject({ owner: true }) // a RAM user made the workspace (A4)
    expect(cell(ALICE, 'rec_sys')).toMatchObject({ owner: false, roles: [{ id: 'PAI.WorkspaceAdmin', custom: false }] })
    expect(cell(BOB, 'rec_sys')!.roles).toEqual([{ id: 'role-opsteam0001', name: 'ops-team', custom: true }])
    expect(
      cell(BOB, 'lab_vision')!
        .roles.map((r) => r.id)
        .sort(),
    ).toEqual(['PAI.LabelManager', 'PAI.WorkspaceGuest'])
    expect(cell(CAROL, 'rec_sys')).toBeUndefined()
    expect(o.customRoleNames).toEqual(['ops-team'])
    const alice = o.users.find((u) => u.userId === ALICE)!
    expect(alice).toMatchObject({ name: 'alice', workspaces: 3 })
  })

  it('filters: user, role (built-in and custom by name), workspace, profile, administrators, N or more', async () => {
    await refreshed()
    expect(users(fleet.access.overview({ user: 'ALI' }))).toEqual([ALICE])
    expect(users(fleet.access.overview({ user: CAROL }))).toEqual([CAROL])
    const ops = fleet.access.overview({ roles: ['ops-team'] })
    expect(users(ops)).toEqual([BOB])
    expect(ops.totalMemberships).toBe(1)
    expect(ops.workspaces.map((w) => w.name)).toEqual(['rec_sys'])
    expect(users(fleet.access.overview({ roles: ['PAI.WorkspaceGuest'] }))).toEqual([BOB, CAROL, DAVE].sort())
    const admins = fleet.access.overview({ adminsOnly: true })
    expect(users(admins)).toEqual([ALICE, ACCOUNTS[0]!.uid, ACCOUNTS[1]!.uid].sort())
    expect(admins.users.find((u) => u.userId === ALICE)!.workspaces).toBe(2) // owner of one, admin of another
    const many = fleet.access.overview({ minWorkspaces: 3, sort: 'workspaces' })
    expect(users(many)).toEqual([ALICE, BOB])
    expect(users(fleet.access.overview({ profileIds: ['p-b'] }))).toEqual([ALICE, BOB, ACCOUNTS[1]!.uid].sort())
    expect(fleet.access.overview({ workspace: 'VISION' }).workspaces.map((w) => w.name)).toEqual(['lab_vision'])
    const page = fleet.access.overview({ limit: 2, offset: 2 })
    expect(page.users).toHaveLength(2)
    expect(page.totalUsers).toBe(6)
  })

  it('only in workspaces not refreshed for N days: the cache of profile B is 20 days old', async () => {
    await refreshed(20)
    const stale = fleet.access.overview({ notRefreshedDays: 10 })
    expect(stale.workspaces.map((w) => w.name)).toEqual(['lab_vision'])
    expect(users(stale)).toEqual([ALICE, BOB, ACCOUNTS[1]!.uid].sort())
    expect(fleet.access.overview({ notRefreshedDays: 30 }).totalUsers).toBe(0)
  })

  it("a user's page: every workspace, roles, owner there, and when each was last refreshed", async () => {
    await refreshed(5)
    const { user, memberships } = fleet.access.user(ALICE)
    expect(user).toMatchObject({ userId: ALICE, workspaces: 3 })
    const byName = new Map(memberships.map((m) => [m.workspace.name, m]))
    expect([...byName.keys()].sort()).toEqual(['fraud_model', 'lab_vision', 'rec_sys'])
    expect(byName.get('fraud_model')!.owner).toBe(true)
    expect(byName.get('rec_sys')!.owner).toBe(false)
    expect(byName.get('lab_vision')!.workspace.profileName).toBe('lab-sh')
    const age = fleet.now().getTime() - Date.parse(byName.get('lab_vision')!.workspace.fetchedAt!)
    expect(age).toBeGreaterThanOrEqual(5 * DAY)
    expect(Date.parse(byName.get('rec_sys')!.workspace.fetchedAt!)).toBeGreaterThan(fleet.now().getTime() - DAY)
  })

  it('A3: RAM users without AliyunPAIFullAccess, as RAM last answered for each profile', async () => {
    await refreshed()
    // no RAM answer recorded yet: nobody is known to lack the policy
    expect(fleet.access.overview({ withoutPaiFullAccess: true }).totalUsers).toBe(0)
    const at = fleet.now().toISOString()
    fleet.store.ramPolicies.upsertMany([
      {
        profileId: 'p-a',
        userId: BOB,
        userName: 'bob',
        hasPaiFullAccess: false,
        policies: ['AliyunOSSFullAccess'],
        checkedAt: at,
      },
      {
        profileId: 'p-a',
        userId: ALICE,
        userName: 'alice',
        hasPaiFullAccess: true,
        policies: ['AliyunPAIFullAccess'],
        checkedAt: at,
      },
    ])
    const without = fleet.access.overview({ withoutPaiFullAccess: true })
    expect(users(without)).toEqual([BOB])
    expect(without.totalMemberships).toBe(3)
  })

  it('bad input: an unknown role or user is named; a filter that matches nothing is an empty page', async () => {
    await refreshed()
    const role = errorOf(() => fleet.access.overview({ roles: ['PAI.WorkspaceAdmin', 'no-such-role'] }))
    expect(role.code).toBe('ACCESS_ROLE_UNKNOWN')
    expect(role.toPayload('zh-CN').message).toContain('no-such-role')
    const user = errorOf(() => fleet.access.user('2900000000009999'))
    expect(user.code).toBe('ACCESS_USER_UNKNOWN')
    expect(user.toPayload('en').message).toContain('2900000000009999')
    const none = fleet.access.overview({ user: 'nobody-at-all' })
    expect(none).toMatchObject({ totalUsers: 0, totalMemberships: 0, users: [], cells: [], workspaces: [] })
    expect(fleet.access.overview({ roles: ['ops-team'], profileIds: ['p-b'] }).totalUsers).toBe(0)
  })

  it('a first page with a column limit has the first columns in order and counts them all; later pages none', async () => {
    await refreshed()
    const all = fleet.access.overview({ limit: 100 })
    const first = fleet.access.overview({ limit: 100, columnLimit: 2 })
    expect(first.totalWorkspaces).toBe(3)
    expect(first.workspaces.map((w) => w.key)).toEqual(all.workspaces.slice(0, 2).map((w) => w.key))
    // the cells do not depend on which columns came: those in the third column are there too
    expect(first.cells.some((c) => c.key === all.workspaces[2]!.key)).toBe(true)
    expect(first.cells).toEqual(all.cells)
    const later = fleet.access.overview({ offset: 2, limit: 2, columns: false })
    expect(later).toMatchObject({ workspaces: [], totalWorkspaces: 3 })
  })

  it('the overview follows the cache: a member removed in the console is gone after the next refresh', async () => {
    await refreshed()
    expect(fleet.access.user(CAROL).memberships).toHaveLength(1)
    const ws = emu.core.tenant(ACCOUNTS[0]!.uid).workspaces[ids.fraud_model!]!
    delete ws.members[`${ids.fraud_model}-${CAROL}`]
    emu.core.dirty()
    await fleet.sync.refresh('p-a', ids.fraud_model)
    expect(() => fleet.access.user(CAROL)).toThrow(AppError)
    expect(fleet.access.overview({}).totalMemberships).toBe(9)
  })
})
