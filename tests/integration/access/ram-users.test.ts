import Database from 'better-sqlite3'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { AppError } from '@shared/ipc/errors'
import { createCloudClients, LimiterRegistry } from '../../../core/cloud'
import { RamUsersService } from '../../../core/services/ram-users'
import { startEmulator, type RunningEmulator } from '../../../tools/emulator'
import { ACCOUNTS, ALICE, BOB, CAROL, DAVE, PEOPLE, openFleet, seedFleet, type Fleet } from './support'

/**
 * The RAM users service over real HTTP to the emulator and a real SQLite store: the member picker's cache
 * (migration 006) and the A3 facts the access overview's "without AliyunPAIFullAccess" filter reads.
 */

/** A RAM user of account A who may not read RAM (no AliyunRAMReadOnlyAccess). */
const NO_RAM = {
  accessKeyId: 'TESTAK5tNoRamReader0001',
  accessKeySecret: 'no-ram-reader-secret-1',
  type: 'ram' as const,
  uid: '2900000000000099',
  name: 'pai-only',
  parentUid: ACCOUNTS[0]!.uid,
  policies: ['AliyunPAIFullAccess'],
}

let emu: RunningEmulator
let fleet: Fleet

beforeAll(async () => {
  emu = await startEmulator({ accounts: [...ACCOUNTS, NO_RAM] })
})
afterAll(() => emu.close())
afterEach(async () => {
  await fleet.close()
  emu.reset()
})

async function seeded(): Promise<RamUsersService> {
  seedFleet(emu)
  emu.seed({
    tenant: ACCOUNTS[0]!.uid,
    ramGroups: [{ GroupName: 'pai-team', Policies: ['AliyunPAIFullAccess'] }],
    users: [
      { ...PEOPLE[0]!, Policies: ['AliyunPAIFullAccess'] },
      { ...PEOPLE[1]!, Policies: ['AliyunOSSFullAccess'] },
      { ...PEOPLE[2]!, Groups: ['pai-team'] },
      // Dave is a member with no policy at all; Erin and Frank are RAM users who are members nowhere.
      { UserId: '2900000000000021', UserName: 'erin', DisplayName: '王小二' },
      { UserId: '2900000000000022', UserName: 'frank', DisplayName: 'Frank Wu' },
    ],
  })
  fleet = openFleet(emu)
  expect((await fleet.sync.refresh('p-a')).failed).toEqual([])
  return new RamUsersService(fleet.store, async (id) => fleet.clients.get(id)!, fleet.now)
}

describe('RAM users per profile (the member picker) and the A3 policy facts', () => {
  it('A3: refresh caches every RAM user and finds the members without AliyunPAIFullAccess (direct or via a group)', async () => {
    const ram = await seeded()
    expect(ram.list({ profileId: 'p-a', limit: 50 }, 'zh-CN')).toMatchObject({ total: 0, readAt: null, error: null })
    const r = await ram.refresh('p-a')
    // alice, bob, carol, dave, erin, frank and the RAM AccessKey pai-only.
    expect(r).toEqual({ users: 7, members: 4, withoutPaiFullAccess: 2 })
    const all = ram.list({ profileId: 'p-a', limit: 50 }, 'zh-CN')
    expect(all.users.map((u) => u.userName)).toEqual(['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'pai-only'])
    expect(all.readAt).toEqual(expect.any(String))
    // searchable by name, display name and UID
    expect(ram.list({ profileId: 'p-a', search: '王小', limit: 50 }, 'zh-CN').users.map((u) => u.userId)).toEqual([
      '2900000000000021',
    ])
    expect(ram.list({ profileId: 'p-a', search: 'WU', limit: 50 }, 'en').users.map((u) => u.userName)).toEqual([
      'frank',
    ])
    expect(ram.list({ profileId: 'p-a', search: CAROL, limit: 50 }, 'en').users.map((u) => u.userName)).toEqual([
      'carol',
    ])
    expect(ram.list({ profileId: 'p-a', limit: 2 }, 'en')).toMatchObject({ total: 7 })
    // The overview's filter now has data: Bob (OSS only) and Dave (nothing); Carol holds it through pai-team.
    const without = fleet.access.overview({ withoutPaiFullAccess: true, limit: 100 })
    expect(without.users.map((u) => u.userId).sort()).toEqual([BOB, DAVE].sort())
    expect(without.users.map((u) => u.userId)).not.toContain(ALICE)
    const db = new Database(fleet.store.file, { readonly: true })
    const facts = db
      .prepare('SELECT user_id, has_pai_full_access, policies_json FROM access_ram_policies ORDER BY user_id')
      .all() as Array<{ user_id: string; has_pai_full_access: number; policies_json: string }>
    db.close()
    expect(facts.find((f) => f.user_id === CAROL)).toMatchObject({
      has_pai_full_access: 1,
      policies_json: JSON.stringify(['AliyunPAIFullAccess (group pai-team)']),
    })
    // One ListPoliciesForGroup per group, however many members are in it.
    expect(emu.requests().filter((x) => x.action === 'ListPoliciesForGroup')).toHaveLength(1)
  })

  it('A3: members that are RAM roles: ListPoliciesForRole is read and the filter lists the role without AliyunPAIFullAccess', async () => {
    const ram = await seeded()
    const PAI_ROLE = '3900000000000041'
    const OSS_ROLE = '3900000000000042'
    const GONE_ROLE = '3900000000000043'
    emu.seed({
      tenant: ACCOUNTS[0]!.uid,
      users: [
        { UserId: PAI_ROLE, UserName: 'pai-runner', AccountType: '6', Policies: ['AliyunPAIFullAccess'] },
        { UserId: OSS_ROLE, UserName: 'oss-reader', AccountType: '6', Policies: ['AliyunOSSReadOnlyAccess'] },
        { UserId: GONE_ROLE, UserName: 'gone-role', AccountType: '6' },
      ],
      workspaces: [
        {
          WorkspaceName: 'robots',
          members: [
            { UserId: PAI_ROLE, Roles: ['PAI.AlgoDeveloper'] },
            { UserId: OSS_ROLE, Roles: ['PAI.WorkspaceGuest'] },
            { UserId: GONE_ROLE, Roles: ['PAI.WorkspaceGuest'] },
          ],
        },
      ],
    })
    expect((await fleet.sync.refresh('p-a')).failed).toEqual([])
    // The third role is deleted from RAM after the member list was read: RAM no longer knows it.
    delete emu.core.tenant(ACCOUNTS[0]!.uid).users[GONE_ROLE]
    const r = await ram.refresh('p-a')
    // four member RAM users as before, and the two roles RAM still knows
    expect(r).toEqual({ users: 7, members: 6, withoutPaiFullAccess: 3 })
    const asked = emu.requests().filter((x) => x.action === 'ListPoliciesForRole')
    expect(asked.map((x) => x.sent?.query.RoleName).sort()).toEqual(['gone-role', 'oss-reader', 'pai-runner'])
    const without = fleet.access.overview({ withoutPaiFullAccess: true, limit: 100 })
    expect(without.users.map((u) => u.userId).sort()).toEqual([BOB, DAVE, OSS_ROLE].sort())
    expect(without.users.find((u) => u.userId === OSS_ROLE)).toMatchObject({ name: 'oss-reader', accountType: '6' })
    const db = new Database(fleet.store.file, { readonly: true })
    const role = db
      .prepare('SELECT user_name, has_pai_full_access, policies_json FROM access_ram_policies WHERE user_id = ?')
      .get(PAI_ROLE)
    db.close()
    expect(role).toEqual({ user_name: 'pai-runner', has_pai_full_access: 1, policies_json: '["AliyunPAIFullAccess"]' })
  })

  it('a profile whose key may not read RAM: the error is kept, localized, and the picker says why it is empty', async () => {
    seedFleet(emu)
    fleet = openFleet(emu)
    fleet.store.profiles.insert(
      { name: 'pai-only', region: 'cn-hangzhou', endpoint: emu.endpoint, protocol: 'http', proxy: 'none' },
      'p-ram',
    )
    const c = createCloudClients(
      {
        region: 'cn-hangzhou',
        endpoint: emu.endpoint,
        protocol: 'http',
        proxy: 'none',
        accessKeyId: NO_RAM.accessKeyId,
        accessKeySecret: NO_RAM.accessKeySecret,
      },
      { limiters: new LimiterRegistry() },
    )
    const ram = new RamUsersService(fleet.store, async () => c, fleet.now)
    const err = await ram.refresh('p-ram').then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(err).toBeInstanceOf(AppError)
    expect((err as AppError).code).toBe('CLOUD_RAM_PERMISSION')
    const zh = ram.list({ profileId: 'p-ram', limit: 50 }, 'zh-CN')
    expect(zh.users).toEqual([])
    expect(zh.error).toMatchObject({ code: 'CLOUD_RAM_PERMISSION' })
    expect(zh.error!.message).toContain('访问控制(RAM)')
    expect(zh.error!.message).toContain('NoPermission')
    expect(ram.list({ profileId: 'p-ram', limit: 50 }, 'en').error!.message).toContain('You can still type a user UID')
    expect(() => ram.list({ profileId: 'nope', limit: 5 }, 'en')).toThrow(AppError)
  })
})
