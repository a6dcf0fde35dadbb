import { describe, expect, it } from 'vitest'
import {
  BUILTIN_ROLE_IDS,
  ROLE_MODULES,
  WorkspaceConfigSchema,
  canRemoveMember,
  canRemoveRole,
  formatDomain,
  pointsFor,
  rolePermissionTable,
} from './format'
import { baseConfig, check, found, mainCtx, problem } from './helpers'

const mc = { kind: 'maxcompute', envType: 'prod', name: 'mc_proj' } as const

describe('M: members and roles', () => {
  it('M1: one member may hold several roles, but each once, and is listed once', () => {
    expect(
      found(
        check({ members: [{ userId: 'u1', roles: ['PAI.AlgoDeveloper', 'PAI.AlgoOperator', 'PAI.LabelManager'] }] }),
      ),
    ).toEqual([])
    const dupRole = check({ members: [{ userId: 'u1', roles: ['PAI.AlgoDeveloper', 'PAI.AlgoDeveloper'] }] })
    expect(found(dupRole)).toEqual(['M1 DOMAIN_MEMBER_DUPLICATE_ROLE /members/0/roles/1'])
    const dupMember = check({
      members: [
        { userId: 'u1', roles: ['PAI.AlgoDeveloper'] },
        { userId: 'u1', roles: ['PAI.WorkspaceGuest'] },
      ],
    })
    expect(found(dupMember)).toEqual(['M1 DOMAIN_MEMBER_DUPLICATE /members/1/userId'])
    expect(found(check({ members: [{ userId: '  ', roles: ['PAI.AlgoDeveloper'] }] }))).toEqual([
      'M1 DOMAIN_MEMBER_USER_ID /members/0/userId',
    ])
  })

  it('M2: the basic roles are spelled exactly as the API spells them', () => {
    expect([...BUILTIN_ROLE_IDS].sort()).toEqual(
      [
        'PAI.AlgoDeveloper',
        'PAI.AlgoOperator',
        'PAI.LabelManager',
        'PAI.MaxComputeDeveloper',
        'PAI.WorkspaceAdmin',
        'PAI.WorkspaceGuest',
        'PAI.WorkspaceOwner',
      ].sort(),
    )
    for (const role of ['PAI.Admin', 'pai.algodeveloper', 'WorkspaceAdmin', 'Administrator', '管理员']) {
      const r = check({ members: [{ userId: 'u1', roles: [role] }] })
      expect(found(r), role).toEqual(['M2 DOMAIN_ROLE_UNKNOWN /members/0/roles/0'])
      expect(problem(r, 'DOMAIN_ROLE_UNKNOWN')?.params).toEqual({ role })
    }
    const roles = [
      'PAI.WorkspaceAdmin',
      'PAI.AlgoDeveloper',
      'PAI.AlgoOperator',
      'PAI.LabelManager',
      'PAI.WorkspaceGuest',
    ]
    expect(found(check({ members: roles.map((r, i) => ({ userId: `u${i}`, roles: [r] })) }))).toEqual([])
  })

  it('M3: the compute resource role MaxCompute developer is for jobs sent to MaxCompute', () => {
    const without = check({ members: [{ userId: 'u1', roles: ['PAI.MaxComputeDeveloper'] }] })
    expect(found(without)).toEqual(['M3 DOMAIN_MAXCOMPUTE_ROLE_NO_RESOURCE /members/0/roles/0'])
    expect(without.problems[0]?.severity).toBe('warning')
    expect(without.ok).toBe(true)
    expect(found(check({ members: [{ userId: 'u1', roles: ['PAI.MaxComputeDeveloper'] }], resources: [mc] }))).toEqual(
      [],
    )
  })

  it('M4: custom roles: a level per module, valid unique names, referenced by role-… ID', () => {
    const role = {
      roleId: 'role-abc123',
      name: 'dev-test',
      permissions: { DSW: 'ReadWrite', DLC: 'ReadOnly' },
    } as const
    expect(found(check({ customRoles: [role], members: [{ userId: 'u1', roles: ['role-abc123'] }] }))).toEqual([])
    expect(found(check({ members: [{ userId: 'u1', roles: ['role-missing'] }] }))).toEqual([
      'M4 DOMAIN_CUSTOM_ROLE_UNKNOWN /members/0/roles/0',
    ])
    expect(found(check({ customRoles: [{ ...role, name: 'bad name!' }] }))).toEqual([
      'M4 DOMAIN_CUSTOM_ROLE_NAME /customRoles/0/name',
    ])
    expect(found(check({ customRoles: [{ ...role, name: 'x'.repeat(65) }] }))).toEqual([
      'M4 DOMAIN_CUSTOM_ROLE_NAME /customRoles/0/name',
    ])
    expect(found(check({ customRoles: [role, { ...role, roleId: 'role-other' }] }))).toEqual([
      'M4 DOMAIN_CUSTOM_ROLE_DUPLICATE /customRoles/1/name',
    ])
    expect(found(check({ customRoles: [role, { ...role, name: 'other' }] }))).toEqual([
      'M4 DOMAIN_CUSTOM_ROLE_ID_DUPLICATE /customRoles/1/roleId',
    ])
    expect(found(check({ customRoles: [{ ...role, roleId: 'abc' }] }))).toEqual([
      'M4 DOMAIN_CUSTOM_ROLE_ID /customRoles/0/roleId',
    ])
    // The four levels on each of the thirteen modules of docs/pai-api-facts.md §3.3 are accepted.
    const modules = ['PaiDesigner', 'Paiflow', 'DSW', 'DLC', 'Dataset', 'Model', 'Image', 'CodeSource']
    modules.push('PaiWorkspace@@Workspace', 'PaiWorkspace@@MemberRole', 'PaiWorkspace@@Resource')
    modules.push('PaiWorkspace@@Config', 'ArtLab')
    for (const level of ['NoPrivilege', 'ReadOnly', 'ReadWrite', 'FullAccess']) {
      // (A role that grants nothing at all is refused on its own: DOMAIN_CUSTOM_ROLE_NO_PERMISSION.)
      const permissions = {
        ...Object.fromEntries(modules.map((m) => [m, level])),
        ...(level === 'NoPrivilege' ? { DSW: 'ReadOnly' } : {}),
      }
      expect(found(check({ customRoles: [{ name: 'r', permissions }] })), level).toEqual([])
    }
    // A bad level or module is reported where it is; the valid entries are still checked.
    const badLevel = check({ customRoles: [{ name: 'r', permissions: { DSW: 'Write', DLC: 'ReadOnly' } }] })
    expect(found(badLevel)).toEqual(['M4 DOMAIN_SCHEMA_ENUM /customRoles/0/permissions/DSW'])
    expect(problem(badLevel, 'DOMAIN_SCHEMA_ENUM')?.params.allowed).toEqual([
      'NoPrivilege',
      'ReadOnly',
      'ReadWrite',
      'FullAccess',
    ])
    expect(
      found(check({ customRoles: [{ name: 'r', permissions: { Notebook: 'ReadOnly', DLC: 'FullAccess' } }] })),
    ).toEqual(['M4 DOMAIN_SCHEMA_UNKNOWN_KEY /customRoles/0/permissions'])
    const none = check({ customRoles: [{ name: 'empty', permissions: { DSW: 'NoPrivilege' } }] })
    expect(found(none)).toEqual(['M4 DOMAIN_CUSTOM_ROLE_NO_PERMISSION /customRoles/0/permissions'])
    expect(none.problems[0]?.severity).toBe('warning')
  })

  it('M5: a member keeps at least one role', () => {
    const r = check({ members: [{ userId: 'u1', roles: [] }] })
    expect(found(r)).toEqual(['M5 DOMAIN_MEMBER_NO_ROLE /members/0/roles'])
    expect(formatDomain('en', r.problems[0]!)).toMatch(/remove the member instead/)
    expect(formatDomain('zh-CN', r.problems[0]!)).toMatch(/每个成员至少要拥有一个角色/)
    const cfg = WorkspaceConfigSchema.parse({
      ...baseConfig(),
      members: [
        { userId: 'u1', roles: ['PAI.AlgoDeveloper'] },
        { userId: 'u2', roles: ['PAI.AlgoDeveloper', 'PAI.WorkspaceGuest'] },
      ],
    })
    expect(canRemoveRole(cfg, 'u1', 'PAI.AlgoDeveloper')).toMatchObject({
      allowed: false,
      ruleId: 'M5',
      code: 'DOMAIN_MEMBER_NO_ROLE',
    })
    expect(canRemoveRole(cfg, 'u2', 'PAI.AlgoDeveloper').allowed).toBe(true)
  })

  it('M6: the owner cannot be removed, nor lose the owner role', () => {
    const owner = '1000000000000001'
    const previous = WorkspaceConfigSchema.parse({
      ...baseConfig(),
      owner: { userId: owner },
      members: [
        { userId: owner, roles: ['PAI.WorkspaceOwner', 'PAI.WorkspaceAdmin'] },
        { userId: 'u2', roles: ['PAI.AlgoDeveloper'] },
      ],
    })
    const ctx = mainCtx({ previous })
    expect(found(check({ owner: { userId: owner }, members: previous.members }, ctx))).toEqual([])
    const removed = check({ owner: { userId: owner }, members: [{ userId: 'u2', roles: ['PAI.AlgoDeveloper'] }] }, ctx)
    expect(found(removed)).toEqual(['M6 DOMAIN_OWNER_REMOVED /members'])
    const demoted = check(
      {
        owner: { userId: owner },
        members: [
          { userId: owner, roles: ['PAI.WorkspaceAdmin'] },
          { userId: 'u2', roles: ['PAI.AlgoDeveloper'] },
        ],
      },
      ctx,
    )
    expect(found(demoted)).toEqual(['M6 DOMAIN_OWNER_ROLE_REMOVED /members/0/roles'])
    const granted = check(
      {
        owner: { userId: owner },
        members: [...previous.members.slice(0, 1), { userId: 'u2', roles: ['PAI.WorkspaceOwner'] }],
      },
      ctx,
    )
    expect(found(granted)).toEqual(['M6 DOMAIN_OWNER_ROLE_GRANTED /members/1/roles/0'])
    expect(canRemoveMember(previous, owner)).toMatchObject({
      allowed: false,
      ruleId: 'M6',
      code: 'DOMAIN_OWNER_REMOVED',
    })
    expect(canRemoveMember(previous, 'u2').allowed).toBe(true)
    expect(canRemoveRole(previous, owner, 'PAI.WorkspaceOwner')).toMatchObject({ allowed: false, ruleId: 'M6' })
    expect(canRemoveRole(previous, owner, 'PAI.WorkspaceAdmin').allowed).toBe(true)
  })

  it('M7: the role-to-permission-point mapping can be viewed', () => {
    const table = rolePermissionTable([{ roleId: 'role-x1', name: 'dsw-only', permissions: { DSW: 'ReadWrite' } }])
    expect(table).toHaveLength((BUILTIN_ROLE_IDS.length + 1) * ROLE_MODULES.length)
    const row = (role: string, module: string) => table.find((r) => r.role === role && r.module === module)!
    expect(row('PAI.WorkspaceAdmin', 'PaiWorkspace@@MemberRole').level).toBe('FullAccess')
    expect(row('PAI.WorkspaceAdmin', 'PaiWorkspace@@MemberRole').points).toContain('PaiWorkspace:CreateMember')
    expect(row('PAI.WorkspaceGuest', 'PaiWorkspace@@Workspace').points).toEqual([
      'PaiWorkspace:GetWorkspace',
      'PaiWorkspace:ListOperationLogs',
      'PaiWorkspace:ListPermissions',
    ])
    for (const m of ROLE_MODULES) {
      expect(row('PAI.WorkspaceGuest', m).level).toBe('ReadOnly')
      expect(row('PAI.WorkspaceOwner', m).level).toBe('FullAccess')
    }
    expect(row('PAI.AlgoOperator', 'DLC').points).toContain('PaiDLC:UpdateJob') // job priority management
    expect(row('PAI.AlgoDeveloper', 'DLC').points).not.toContain('PaiDLC:UpdateJob')
    expect(row('role-x1', 'DSW').points).toEqual(pointsFor('DSW', 'ReadWrite'))
    expect(row('role-x1', 'DLC').level).toBe('NoPrivilege')
    expect(pointsFor('DLC', 'NoPrivilege')).toEqual([])
  })
})
