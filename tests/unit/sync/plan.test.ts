import { describe, expect, it } from 'vitest'
import { WorkspaceConfigSchema, type WorkspaceConfig, type WorkspaceConfigInput } from '@shared/domain'
import { buildPlan, emptyBase, type PlanInput } from '../../../core/sync/plan/build'

const cfg = (c: Partial<WorkspaceConfigInput> = {}): WorkspaceConfig =>
  WorkspaceConfigSchema.parse({ basic: { name: 'ws_demo', description: 'demo', mode: 'simple' }, ...c })

const main = { kind: 'main' as const, userId: '1000' }

function plan(p: Partial<PlanInput> & Pick<PlanInput, 'draft'>): ReturnType<typeof buildPlan> {
  return buildPlan({
    region: 'cn-hangzhou',
    base: null,
    cloud: null,
    workspaceId: undefined,
    identity: main,
    identityRoles: [],
    ...p,
  })
}

const cloudWs = cfg({
  owner: { userId: '1000' },
  members: [
    { userId: '1000', roles: ['PAI.WorkspaceOwner'] },
    { userId: '2001', roles: ['PAI.AlgoDeveloper'] },
  ],
  customRoles: [{ roleId: 'role-a1', name: 'ops', permissions: { DSW: 'ReadOnly' } }],
  resources: [{ kind: 'general', envType: 'prod', name: 'grp_a', resourceId: 'r1', isDefault: true }],
  notifications: {
    rules: [{ name: 'r1', eventTypes: ['dlc.jobTimeout'], targets: [{ type: 'http', url: 'https://x.example/hook' }] }],
  },
  storage: { defaultPath: 'oss://b/p/' },
})

describe('plan: new workspace', () => {
  it('D5: a new workspace is created first, then roles, members, resources, configs, bus, rules, targets', () => {
    const draft = cfg({
      members: [{ userId: '2001', roles: ['PAI.AlgoDeveloper', 'role-local1'] }],
      customRoles: [{ roleId: 'role-local1', name: 'ops', permissions: { DSW: 'ReadOnly' } }],
      resources: [{ kind: 'general', envType: 'prod', name: 'grp_a' }],
      storage: { defaultPath: 'oss://bkt/p/' },
      notifications: {
        rules: [
          { name: 'r1', eventTypes: ['dlc.jobTimeout'], targets: [{ type: 'http', url: 'https://x.example/hook' }] },
        ],
      },
    })
    const acts = plan({ draft })
    const ids = acts.map((a) => a.id)
    expect(ids[0]).toBe('workspace:ws_demo:create')
    expect(acts.every((a) => a.kind === 'apply')).toBe(true)
    const byId = new Map(acts.map((a) => [a.id, a]))
    const member = byId.get('member:2001:create')!
    expect(member.op?.payload).toMatchObject({ UserId: '2001', Roles: ['PAI.AlgoDeveloper', 'name:ops'] })
    expect(member.dependsOn).toEqual(expect.arrayContaining(['workspace:ws_demo:create', 'customRole:ops:create']))
    expect(byId.get('rule:r1:create')!.dependsOn).toContain('eventBus:pai-system-ws_demo:ensure')
    expect(byId.get('targets:r1:put')!.dependsOn).toContain('rule:r1:create')
    // ST1: the default storage is modelExportPath, with no category, written as Alibaba's SDK writes it
    const storage = byId.get('config:modelExportPath:update')!
    expect(storage.api).toBe('UpdateConfigs')
    expect(storage.op?.payload).toEqual({
      Configs: [{ ConfigKey: 'modelExportPath', ConfigValue: 'oss://bkt.oss-cn-hangzhou-internal.aliyuncs.com/p/' }],
    })
    // dependencies always point backwards
    const pos = new Map(ids.map((id, i) => [id, i]))
    for (const a of acts) for (const d of a.dependsOn) expect(pos.get(d)!).toBeLessThan(pos.get(a.id)!)
  })

  it('C1: new resources are created with the Spec the API documents: shared general/Lingjun/ACS {"clusterType":"share"}, a chosen private kept, MaxCompute {endpoint, odpsProject}', () => {
    const draft = cfg({
      resources: [
        { kind: 'general', envType: 'prod', name: 'shared_pool' },
        { kind: 'lingjun', envType: 'prod', name: 'lj_pool', spec: { gpuType: 'A100' } },
        { kind: 'acs', envType: 'prod', name: 'acs_private', spec: { clusterType: 'private' } },
        { kind: 'maxcompute', envType: 'prod', name: 'mc_proj' },
        { kind: 'flink', envType: 'prod', name: 'flink_ws' },
      ],
    })
    const specs = Object.fromEntries(
      plan({ draft })
        .filter((a) => a.op?.kind === 'resource.create')
        .map((a) => {
          const r = (a.op!.payload as { Resource: { Name: string; Spec?: unknown } }).Resource
          return [r.Name, r.Spec]
        }),
    )
    expect(specs).toEqual({
      shared_pool: { clusterType: 'share' },
      lj_pool: { clusterType: 'share', gpuType: 'A100' },
      acs_private: { clusterType: 'private' },
      mc_proj: { endpoint: 'http://service.cn-hangzhou.maxcompute.aliyun-inc.com/api', odpsProject: 'mc_proj' },
      flink_ws: undefined,
    })
  })

  it('D5: a draft equal to the cloud plans nothing', () => {
    expect(plan({ draft: cloudWs, base: cloudWs, cloud: cloudWs, workspaceId: '1' })).toEqual([])
  })

  it('owner created by the cloud for a new workspace is not removed (base = empty)', () => {
    const draft = cfg({ members: [{ userId: '2001', roles: ['PAI.AlgoDeveloper'] }] })
    const after = cfg({
      owner: { userId: '1000' },
      members: [
        { userId: '1000', roles: ['PAI.WorkspaceOwner'] },
        { userId: '2001', roles: ['PAI.AlgoDeveloper'] },
      ],
    })
    expect(plan({ draft, base: emptyBase(draft), cloud: after, workspaceId: '1' })).toEqual([])
  })
})

describe('plan: refusals', () => {
  it('C2: dropping an associated resource is refused with the business-manager explanation', () => {
    const draft = { ...cloudWs, resources: [] }
    const acts = plan({ draft, base: cloudWs, cloud: cloudWs, workspaceId: '1' })
    expect(acts).toHaveLength(1)
    expect(acts[0]).toMatchObject({
      kind: 'refused',
      ruleId: 'C2',
      code: 'DOMAIN_RESOURCE_DETACH_REFUSED',
      verb: 'detach',
    })
  })

  it('M6: removing the owner is refused', () => {
    const draft = { ...cloudWs, members: cloudWs.members.filter((m) => m.userId !== '1000') }
    const acts = plan({ draft, base: cloudWs, cloud: cloudWs, workspaceId: '1' })
    expect(acts).toEqual([expect.objectContaining({ kind: 'refused', ruleId: 'M6', code: 'DOMAIN_OWNER_REMOVED' })])
  })

  it('M6: removing the owner role from the owner is refused', () => {
    const draft = {
      ...cloudWs,
      members: [{ userId: '1000', roles: ['PAI.WorkspaceAdmin' as const] }, cloudWs.members[1]!],
    }
    const acts = plan({ draft, base: cloudWs, cloud: cloudWs, workspaceId: '1' })
    expect(acts.find((a) => a.ruleId === 'M6')).toMatchObject({ kind: 'refused', code: 'DOMAIN_OWNER_ROLE_REMOVED' })
  })

  it('M5: a merge that would leave a member with no role is refused', () => {
    const base = {
      ...cloudWs,
      members: [
        cloudWs.members[0]!,
        { userId: '2001', roles: ['PAI.AlgoDeveloper' as const, 'PAI.WorkspaceGuest' as const] },
      ],
    }
    const mine = {
      ...cloudWs,
      members: [cloudWs.members[0]!, { userId: '2001', roles: ['PAI.AlgoDeveloper' as const] }],
    }
    const cloud = {
      ...cloudWs,
      members: [cloudWs.members[0]!, { userId: '2001', roles: ['PAI.WorkspaceGuest' as const] }],
    }
    const acts = plan({ draft: mine, base, cloud, workspaceId: '1' })
    expect(acts).toEqual([expect.objectContaining({ kind: 'refused', ruleId: 'M5', code: 'DOMAIN_MEMBER_NO_ROLE' })])
  })

  it('M5: a member the draft leaves as the cloud has it is still refused when it holds no role (as through the merge)', () => {
    const bare = { ...cloudWs, members: [cloudWs.members[0]!, { userId: '2001', roles: [] }] }
    const same = plan({ draft: bare, base: cloudWs, cloud: bare, workspaceId: '1' })
    expect(same).toEqual([expect.objectContaining({ kind: 'refused', ruleId: 'M5', verb: 'roles' })])
    // the same roles in another order plan nothing, whether or not the lists are equal element by element
    const two = ['PAI.AlgoDeveloper' as const, 'PAI.WorkspaceGuest' as const]
    const cloud = { ...cloudWs, members: [cloudWs.members[0]!, { userId: '2001', roles: two }] }
    const mine = { ...cloudWs, members: [cloudWs.members[0]!, { userId: '2001', roles: [...two].reverse() }] }
    expect(plan({ draft: mine, base: cloudWs, cloud, workspaceId: '1' })).toEqual([])
    expect(plan({ draft: cloud, base: cloudWs, cloud, workspaceId: '1' })).toEqual([])
  })

  it('M5: roles are added before the old ones are removed', () => {
    const mine = {
      ...cloudWs,
      members: [cloudWs.members[0]!, { userId: '2001', roles: ['PAI.WorkspaceGuest' as const] }],
    }
    const acts = plan({ draft: mine, base: cloudWs, cloud: cloudWs, workspaceId: '1' })
    const add = acts.find((a) => a.verb === 'addRole:PAI.WorkspaceGuest')!
    const rm = acts.find((a) => a.verb === 'removeRole:PAI.AlgoDeveloper')!
    expect(rm.dependsOn).toContain(add.id)
  })

  it('A1: a RAM user who is not administrator or owner gets every call refused', () => {
    const draft = { ...cloudWs, basic: { ...cloudWs.basic, description: 'changed' } }
    const acts = plan({
      draft,
      base: cloudWs,
      cloud: cloudWs,
      workspaceId: '1',
      identity: { kind: 'ram', userId: '2001', hasPaiFullAccess: true },
      identityRoles: ['PAI.AlgoDeveloper'],
    })
    expect(acts).toEqual([expect.objectContaining({ kind: 'refused', ruleId: 'A1', code: 'DOMAIN_NOT_ADMIN' })])
  })

  it('A3: a RAM user without AliyunPAIFullAccess is refused', () => {
    const acts = plan({ draft: cfg(), identity: { kind: 'ram', userId: '2001', hasPaiFullAccess: false } })
    expect(acts[0]).toMatchObject({ kind: 'refused', ruleId: 'A3' })
  })

  it('W1: the name and the mode cannot change after creation', () => {
    const draft = { ...cloudWs, basic: { ...cloudWs.basic, name: 'other', mode: 'standard' as const } }
    const acts = plan({ draft, base: cloudWs, cloud: cloudWs, workspaceId: '1' })
    expect(acts.map((a) => a.code)).toEqual(expect.arrayContaining(['DOMAIN_NAME_IMMUTABLE', 'DOMAIN_MODE_IMMUTABLE']))
  })
})

describe('plan: three-way merge', () => {
  it('D5: a field the cloud changed since the base while the draft changed it too is a conflict with base, mine and cloud', () => {
    const mine = { ...cloudWs, basic: { ...cloudWs.basic, description: 'mine' } }
    const cloud = { ...cloudWs, basic: { ...cloudWs.basic, description: 'cloud' } }
    const acts = plan({ draft: mine, base: cloudWs, cloud, workspaceId: '1' })
    expect(acts).toEqual([
      expect.objectContaining({
        kind: 'conflict',
        conflict: [{ path: '/basic/description', base: 'demo', mine: 'mine', cloud: 'cloud' }],
      }),
    ])
  })

  it('a field only the cloud changed is kept (nothing sent)', () => {
    const cloud = { ...cloudWs, basic: { ...cloudWs.basic, description: 'cloud' } }
    expect(plan({ draft: cloudWs, base: cloudWs, cloud, workspaceId: '1' })).toEqual([])
  })

  it('custom role permissions merge module by module', () => {
    const mine = {
      ...cloudWs,
      customRoles: [
        { ...cloudWs.customRoles[0]!, permissions: { DSW: 'ReadOnly' as const, DLC: 'FullAccess' as const } },
      ],
    }
    const cloud = {
      ...cloudWs,
      customRoles: [
        { ...cloudWs.customRoles[0]!, permissions: { DSW: 'ReadOnly' as const, Model: 'ReadWrite' as const } },
      ],
    }
    const acts = plan({ draft: mine, base: cloudWs, cloud, workspaceId: '1' })
    expect(acts).toHaveLength(1)
    expect(acts[0]!.op?.payload).toMatchObject({
      ModulePermissions: [
        { ModuleName: 'DLC', PermissionType: 'FullAccess' },
        { ModuleName: 'DSW', PermissionType: 'ReadOnly' },
        { ModuleName: 'Model', PermissionType: 'ReadWrite' },
      ],
    })
  })

  it('L1, G1-G3, S1: settings with no API are manual steps with console steps in both languages and a link', () => {
    const mine = WorkspaceConfigSchema.parse({
      ...cloudWs,
      sls: { project: 'p', logstore: 'l', modules: ['DSW'] },
      switches: { dswSsh: true },
      scheduling: { maxRuntimeMinutes: 60 },
    })
    const acts = plan({ draft: mine, base: cloudWs, cloud: cloudWs, workspaceId: '42' })
    expect(acts.map((a) => `${a.kind}:${a.area}`).sort()).toEqual([
      'manual:scheduling',
      'manual:sls',
      'manual:switches',
    ])
    for (const a of acts) {
      expect(a.console!['zh-CN'].length).toBeGreaterThan(1)
      expect(a.console!.en.length).toBe(a.console!['zh-CN'].length)
      expect(a.console!.link).toContain('workspaceId=42')
    }
  })

  it('E4: a rule target removed in the draft is deleted by its stable id; added ones are put', () => {
    const mine = WorkspaceConfigSchema.parse({
      ...cloudWs,
      notifications: {
        rules: [{ name: 'r1', eventTypes: ['dlc.jobTimeout'], targets: [{ type: 'sms', contacts: ['138'] }] }],
      },
    })
    const acts = plan({ draft: mine, base: cloudWs, cloud: cloudWs, workspaceId: '1' })
    expect(acts.map((a) => a.verb).sort()).toEqual(['delete', 'put'])
    expect((acts.find((a) => a.verb === 'delete')!.op!.payload as { ids: string[] }).ids[0]).toMatch(/^t-[0-9a-f]{16}$/)
  })
})
