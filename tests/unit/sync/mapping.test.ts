import { exactPattern } from '../../../core/sync/mapping/foreign'
import { describe, expect, it } from 'vitest'
import { WorkspaceConfigSchema, type NotificationTarget } from '@shared/domain'
import { configFromCloud, type CloudSnapshot } from '../../../core/sync/mapping/from-cloud'
import { filterPatternOf, targetIdOf, targetInputOf, targetOf } from '../../../core/sync/mapping/events'
import { getAt, setAt } from '../../../core/sync/plan/paths'
import { driftOf as diffConfigs } from '../../../core/sync/plan/drift'

const snapshot: CloudSnapshot = {
  workspace: {
    WorkspaceId: '590221',
    WorkspaceName: 'team_a',
    DisplayName: '团队A',
    Description: 'desc',
    EnvTypes: ['prod', 'dev'],
    Status: 'ENABLED',
    Creator: '1000',
    ResourceGroupId: 'rg-abc',
    Owner: { UserId: '1000', UserName: 'acme' },
  },
  members: [
    { MemberId: '590221-1000', UserId: '1000', MemberName: 'acme', Roles: ['PAI.WorkspaceOwner'] },
    {
      MemberId: '590221-2001',
      UserId: '2001',
      MemberName: 'dev1',
      DisplayName: 'Dev One',
      Roles: ['PAI.AlgoDeveloper', 'role-x1'],
    },
  ],
  roles: [
    {
      RoleId: 'role-x1',
      RoleName: 'ops',
      ModulePermissions: [
        { ModuleName: 'DSW', PermissionType: 'ReadWrite' },
        { ModuleName: 'DLC', PermissionType: 'CustomPermissions', Permissions: [] },
        { ModuleName: 'NotAModule', PermissionType: 'ReadOnly' },
      ],
    },
  ],
  resources: [
    {
      Id: 'r1',
      Name: 'pool_a',
      EnvType: 'prod',
      ResourceType: 'ECS',
      IsDefault: true,
      Spec: { clusterType: 'private', gpuType: 'A10', gpuCount: '8' },
    },
    { Id: 'r2', Name: 'mc_proj', EnvType: 'dev', ResourceType: 'MaxCompute', Quotas: [{ Id: 'q1' }] },
    { Id: 'r3', Name: 'self', EnvType: 'prod', ResourceType: 'SelfManagedASI' },
  ],
  configs: [
    { ConfigKey: 'modelExportPath', ConfigValue: 'oss://b.oss-cn-hangzhou-internal.aliyuncs.com/p/' },
    { CategoryName: 'CommonResourceConfig', ConfigKey: 'tempStoragePath', ConfigValue: 'oss://old/tmp/' },
  ],
  bus: {
    name: 'pai-system-team_a',
    exists: true,
    rules: [
      {
        RuleName: 'r-dlc',
        Status: 'DISABLE',
        FilterPattern: filterPatternOf({ eventTypes: ['dlc.jobProgress', 'dlc.faultTolerance'], scope: 'mine' }),
        Targets: [
          { Id: 't1', Type: 'acs.dingtalk', Endpoint: 'https://oapi.dingtalk.com/robot/send?access_token=x' },
          { Id: 't2', Type: 'acs.sms', Endpoint: '138,139' },
          { Id: 't3', Type: 'acs.fc.function', Endpoint: 'acs:fc:...' },
        ],
      },
      {
        RuleName: 'r-model',
        FilterPattern: filterPatternOf({ eventTypes: ['model.versionApproved'], scope: 'all' }),
        Targets: [
          targetInputOf({ type: 'http', url: 'https://h.example/x' }),
          targetInputOf({ type: 'sms', contacts: ['138', '139'] }),
        ],
      },
    ],
  },
}

describe('mapping: cloud -> domain', () => {
  it('maps a whole snapshot to a WorkspaceConfig that parses', () => {
    const c = configFromCloud(snapshot)
    expect(WorkspaceConfigSchema.safeParse(c).success).toBe(true)
    expect(c.basic).toEqual({
      name: 'team_a',
      displayName: '团队A',
      description: 'desc',
      mode: 'standard',
      resourceGroupId: 'rg-abc',
    })
    expect(c.owner).toEqual({ userId: '1000', userName: 'acme' })
    expect(c.members[1]).toEqual({
      userId: '2001',
      userName: 'dev1',
      displayName: 'Dev One',
      roles: ['PAI.AlgoDeveloper', 'role-x1'],
    })
    // CustomPermissions and unknown modules are not modelled: they are kept as the cloud sent them, read-only
    expect(c.customRoles).toEqual([
      {
        roleId: 'role-x1',
        name: 'ops',
        permissions: { DSW: 'ReadWrite' },
        keptModules: [
          { ModuleName: 'DLC', PermissionType: 'CustomPermissions', Permissions: [] },
          { ModuleName: 'NotAModule', PermissionType: 'ReadOnly' },
        ],
      },
    ])
    // resource types outside the five kinds (C1) are left out
    expect(c.resources.map((r) => `${r.kind}/${r.envType}/${r.name}`)).toEqual([
      'general/prod/pool_a',
      'maxcompute/dev/mc_proj',
    ])
    expect(c.resources[0]!.spec).toEqual({ clusterType: 'private', gpuType: 'A10', gpuCount: 8 })
    expect(c.resources[1]!.spec).toEqual({ quotaId: 'q1' })
    // ST1: the default storage is modelExportPath, kept as the cloud spells it (with its endpoint)
    expect(c.storage.defaultPath).toBe('oss://b.oss-cn-hangzhou-internal.aliyuncs.com/p/')
    // every other config key is carried as it is
    expect(c.passthrough.configs).toEqual([
      { key: 'tempStoragePath', category: 'CommonResourceConfig', value: 'oss://old/tmp/' },
    ])
    // a rule whose targets the app wrote exactly is the app's own
    expect(c.notifications.rules).toEqual([
      {
        name: 'r-model',
        enabled: true,
        scope: 'all',
        eventTypes: ['model.versionApproved'],
        targets: [
          { type: 'http', url: 'https://h.example/x' },
          { type: 'sms', contacts: ['138', '139'] },
        ],
      },
    ])
    // a rule with a target type (and target ids) the app does not know is kept whole, read-only
    expect(c.notifications.foreignRules).toEqual([
      {
        name: 'r-dlc',
        status: 'DISABLE',
        filterPattern: snapshot.bus.rules[0]!.FilterPattern,
        targets: snapshot.bus.rules[0]!.Targets,
      },
    ])
  })
})

describe('mapping: notification rules <-> EventBridge', () => {
  it('E3: the filter pattern round-trips event types and scope', () => {
    for (const scope of ['mine', 'all'] as const) {
      const p = filterPatternOf({ eventTypes: ['model.versionApproved', 'workflow.taskFailed'], scope })
      expect(exactPattern(p)).toEqual({ eventTypes: ['model.versionApproved', 'workflow.taskFailed'], scope })
    }
    expect(exactPattern('not json')).toBeUndefined()
  })

  it('E4: targets round-trip; ids are stable per natural key; the DingTalk secret only goes out when given (D2)', () => {
    const targets: NotificationTarget[] = [
      { type: 'dingtalk', webhook: 'https://oapi.dingtalk.com/robot/send?access_token=a', secretRef: 'r1' },
      { type: 'http', url: 'https://h.example/x' },
      { type: 'email', contacts: ['a@x.com', 'b@x.com'] },
      { type: 'voice', contacts: ['138'] },
    ]
    for (const t of targets) {
      const input = targetInputOf(t)
      const back = targetOf(input)
      expect(back && targetIdOf(back)).toBe(targetIdOf(t))
      expect(input.Id).toBe(targetIdOf(t))
    }
    expect(JSON.stringify(targetInputOf(targets[0]!))).not.toContain('SECxyz')
    expect(JSON.stringify(targetInputOf(targets[0]!, 'SECxyz'))).toContain('SECxyz')
    expect(targetIdOf(targets[1]!)).not.toBe(targetIdOf(targets[2]!))
  })
})

describe('paths and drift', () => {
  const c = configFromCloud(snapshot)
  it('reads and writes by natural key', () => {
    expect(getAt(c, '/customRoles/ops/permissions/DSW')).toBe('ReadWrite')
    expect(getAt(c, `/resources/${encodeURIComponent('general/prod/pool_a')}/isDefault`)).toBe(true)
    const d = setAt(c, '/members/2001', undefined)
    expect(d.members.map((m) => m.userId)).toEqual(['1000'])
    const e = setAt(c, '/notifications/rules/r-model/enabled', false)
    expect(e.notifications.rules[0]!.enabled).toBe(false)
    expect(c.notifications.rules[0]!.enabled).toBe(true)
  })
  it('drift lists what changed, per object', () => {
    const after = setAt(setAt(c, '/basic/description', 'new'), '/members/2001', undefined)
    const items = diffConfigs(c, after)
    expect(items).toEqual([
      {
        area: 'workspace',
        target: 'team_a',
        change: 'changed',
        fields: [{ path: '/basic/description', base: 'desc', cloud: 'new' }],
      },
      expect.objectContaining({ area: 'member', target: '2001', change: 'removed' }),
    ])
  })
  it('drift: a set in another order (roles) is no change; the same set changed is', () => {
    const reordered = setAt(c, '/members/2001/roles', ['role-x1', 'PAI.AlgoDeveloper'])
    expect(diffConfigs(c, reordered)).toEqual([])
    const changed = setAt(c, '/members/2001/roles', ['PAI.AlgoDeveloper'])
    expect(diffConfigs(c, changed)).toEqual([
      expect.objectContaining({ area: 'member', target: '2001', change: 'changed' }),
    ])
  })
})
