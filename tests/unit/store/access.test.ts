import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { WorkspaceConfigSchema, type WorkspaceConfigInput } from '@shared/domain'
import { openStore, type Store } from '../../../core/store'
import { freshStore, profileFields, tempDir } from './helpers'

let store: Store
afterEach(() => {
  if (store.isOpen) store.close({ backup: false })
})

const ADMIN = 'PAI.WorkspaceAdmin'
const DEV = 'PAI.AlgoDeveloper'
const GUEST = 'PAI.WorkspaceGuest'
const OWNER = 'PAI.WorkspaceOwner'

interface Seat {
  userId: string
  name: string
  roles: string[]
}

/** Caches a workspace with its configuration (owner, custom roles) and members, as a refresh does. */
function cacheWorkspace(
  pid: string,
  id: string,
  name: string,
  seats: Seat[],
  opts: { owner?: string; customRoles?: Array<{ roleId: string; name: string }>; fetchedAt?: string } = {},
): void {
  const fetchedAt = opts.fetchedAt ?? '2026-01-01T00:00:00.000Z'
  store.transaction(() => {
    store.workspaces.upsertMany(pid, [{ workspaceId: id, name, status: 'ENABLED' }], { fetchedAt })
    const config: WorkspaceConfigInput = {
      basic: { name, displayName: '', description: 'd', mode: 'simple' },
      members: seats.map((s) => ({ userId: s.userId, userName: s.name, roles: s.roles as never })),
      customRoles: (opts.customRoles ?? []).map((r) => ({ ...r, permissions: {} })),
    }
    if (opts.owner) config.owner = { userId: opts.owner }
    store.workspaces.saveConfig(pid, id, WorkspaceConfigSchema.parse(config), { fetchedAt })
    store.members.upsertMany(
      pid,
      id,
      seats.map((s) => ({
        memberId: `${id}-${s.userId}`,
        userId: s.userId,
        memberName: s.name,
        accountType: '5',
        roles: s.roles,
      })),
      { replaceAll: true, fetchedAt },
    )
  })
}

function fleet(): { p1: string; p2: string } {
  const f = freshStore()
  store = f.store
  const p1 = store.profiles.insert(profileFields).id
  const p2 = store.profiles.insert({ ...profileFields, name: 'shanghai', region: 'cn-shanghai' }).id
  cacheWorkspace(
    p1,
    '101',
    'vision',
    [
      { userId: '1', name: 'root', roles: [OWNER] },
      { userId: '11', name: 'alice', roles: [ADMIN, DEV] },
      { userId: '12', name: 'bob', roles: [DEV, 'role-ops101'] },
    ],
    { owner: '1', customRoles: [{ roleId: 'role-ops101', name: 'ops-team' }], fetchedAt: '2026-01-01T00:00:00.000Z' },
  )
  cacheWorkspace(
    p1,
    '102',
    'nlp',
    [
      { userId: '1', name: 'root', roles: [OWNER] },
      { userId: '11', name: 'alice', roles: [GUEST] },
    ],
    { owner: '1', fetchedAt: '2025-12-01T00:00:00.000Z' },
  )
  cacheWorkspace(
    p2,
    '201',
    'speech',
    [
      { userId: '11', name: 'alice', roles: [DEV] },
      { userId: '13', name: 'carol', roles: ['role-ops201'] },
    ],
    { owner: '11', customRoles: [{ roleId: 'role-ops201', name: 'ops-team' }] },
  )
  return { p1, p2 }
}

describe('access overview queries (migration 005)', () => {
  it('lists users across every profile with their number of workspaces, counts and cells', () => {
    fleet()
    const page = store.access.users({})
    expect(page.totalUsers).toBe(4)
    expect(page.totalMemberships).toBe(7)
    expect(page.rows.map((r) => [r.name, r.workspaces])).toEqual([
      ['alice', 3],
      ['bob', 1],
      ['carol', 1],
      ['root', 2],
    ])
    expect(store.access.users({}, { sort: 'workspaces', limit: 1 }).rows[0]!.name).toBe('alice')
    const cells = store.access.cells(['11'])
    expect(cells.map((c) => `${c.workspaceId}:${c.roles.join('+')}`).sort()).toEqual([
      `101:${ADMIN}+${DEV}`,
      `102:${GUEST}`,
      `201:${DEV}`,
    ])
    expect(store.access.workspaces({}).map((w) => w.name)).toEqual(['nlp', 'speech', 'vision'])
    const speech = store.access.workspaces({}).find((w) => w.name === 'speech')!
    expect(speech).toMatchObject({ profileName: 'shanghai', region: 'cn-shanghai', ownerUserId: '11' })
  })

  it('filters: user text, role (built-in or custom by name), administrators, workspace, profile, stale, N or more', () => {
    const { p2 } = fleet()
    expect(store.access.users({ user: 'ALI' }).rows.map((r) => r.userId)).toEqual(['11'])
    expect(store.access.users({ user: '13' }).rows.map((r) => r.name)).toEqual(['carol'])
    // Custom roles are matched by name in every workspace that has one of that name.
    const ops = store.access.users({ customRoleNames: ['ops-team'] })
    expect(ops.rows.map((r) => r.name)).toEqual(['bob', 'carol'])
    expect(store.access.workspaces({ customRoleNames: ['ops-team'] }).map((w) => w.name)).toEqual(['speech', 'vision'])
    // Administrators: the admin role, the owner role, or the owner of the workspace.
    const admins = store.access.users({ adminsOnly: true })
    expect(admins.rows.map((r) => [r.name, r.workspaces])).toEqual([
      ['alice', 2],
      ['root', 2],
    ])
    expect(
      store.access
        .cells(['11'], { adminsOnly: true })
        .map((c) => c.workspaceId)
        .sort(),
    ).toEqual(['101', '201'])
    expect(store.access.users({ builtinRoles: [GUEST] }).rows.map((r) => r.name)).toEqual(['alice'])
    expect(store.access.users({ workspace: 'VIS' }).totalUsers).toBe(3)
    expect(store.access.users({ profileIds: [p2] }).rows.map((r) => r.name)).toEqual(['alice', 'carol'])
    expect(store.access.users({ fetchedBefore: '2025-12-15T00:00:00.000Z' }).rows.map((r) => r.name)).toEqual([
      'alice',
      'root',
    ])
    const many = store.access.users({ minWorkspaces: 2 })
    expect(many.rows.map((r) => r.name)).toEqual(['alice', 'root'])
    expect(store.access.users({ minWorkspaces: 2, profileIds: [p2] }).totalUsers).toBe(0)
    expect(store.access.workspaces({ minWorkspaces: 3 }).map((w) => w.name)).toEqual(['nlp', 'speech', 'vision'])
    expect(store.access.users({ userIds: ['12', '13'] }).totalUsers).toBe(2)
    // A filter that matches nothing: no rows, zero totals (not an error).
    expect(store.access.users({ user: 'nobody' })).toEqual({ totalUsers: 0, totalMemberships: 0, rows: [] })
    expect(store.access.users({ builtinRoles: [], customRoleNames: ['no-such-role'] }).totalUsers).toBe(0)
    // A page past the end still knows the totals.
    expect(store.access.users({ adminsOnly: true }, { offset: 10 })).toMatchObject({ totalUsers: 2, rows: [] })
  })

  it('follows the cache: a refresh that drops a member, and a removed profile, update users and counts', () => {
    const { p1, p2 } = fleet()
    cacheWorkspace(p2, '201', 'speech', [{ userId: '11', name: 'alice2', roles: [DEV] }], {
      owner: '11',
      fetchedAt: '2026-01-02T00:00:00.000Z',
    })
    expect(store.access.user('13')).toBeUndefined()
    expect(store.access.user('11')).toMatchObject({ name: 'alice2', workspaces: 3 })
    expect(store.access.customRoleNameList()).toEqual(['ops-team'])
    store.profiles.remove(p1)
    expect(store.access.users({}).rows.map((r) => [r.userId, r.workspaces])).toEqual([['11', 1]])
    expect(store.access.customRoleNameList()).toEqual([])
    expect(store.access.workspaces({}).map((w) => w.workspaceId)).toEqual(['201'])
  })

  it("a user's memberships with workspace, profile, owner and refresh time; custom role names by id", () => {
    fleet()
    const ms = store.access.memberships('11')
    expect(ms.map((m) => [m.workspace.name, m.workspace.profileName, m.workspace.ownerUserId === '11'])).toEqual([
      ['nlp', 'prod', false],
      ['speech', 'shanghai', true],
      ['vision', 'prod', false],
    ])
    expect(ms[0]!.workspace.fetchedAt).toBe('2025-12-01T00:00:00.000Z')
    const names = store.access.customRoleNames(['role-ops101', 'role-ops201', 'role-none'])
    expect([...names.entries()].map(([k, v]) => `${k.split('/').slice(1).join('/')}=${v}`).sort()).toEqual([
      '101/role-ops101=ops-team',
      '201/role-ops201=ops-team',
    ])
  })

  it('the migration fills the access tables from a cache written before it', () => {
    const dir = tempDir()
    const s1 = openStore({ dataDir: dir })
    const pid = s1.profiles.insert(profileFields).id
    store = s1
    cacheWorkspace(pid, '101', 'vision', [{ userId: '11', name: 'alice', roles: [ADMIN] }], {
      owner: '11',
      customRoles: [{ roleId: 'role-x', name: 'x' }],
    })
    s1.close({ backup: false })
    // Back to schema 4 as the app before the access step left it: the access tables (and the later steps' RAM
    // tables and creation-time column) gone, the version number 4.
    const raw = new Database(`${dir}/pai-admin.db`)
    raw.exec(`DROP TABLE ram_users; DROP TABLE ram_user_reads; ALTER TABLE cached_workspaces DROP COLUMN gmt_create;
      DROP TABLE access_users; DROP TABLE access_workspaces; DROP TABLE access_custom_roles;
      DROP TABLE access_changes; DROP TABLE access_ram_policies; DROP INDEX cached_members_user;
      DROP TRIGGER access_users_member_insert; DROP TRIGGER access_users_member_delete;
      DROP TRIGGER access_users_member_move; DROP TRIGGER access_users_member_names;
      DROP TRIGGER access_config_insert; DROP TRIGGER access_config_update; DROP TRIGGER access_config_delete;
      PRAGMA user_version = 4;`)
    raw.close()
    store = openStore({ dataDir: dir })
    expect(store.access.user('11')).toMatchObject({ name: 'alice', workspaces: 1 })
    expect(store.access.workspaces({})[0]).toMatchObject({ ownerUserId: '11' })
    expect(store.access.customRoleNameList()).toEqual(['x'])
  })
})
