import { describe, expect, it } from 'vitest'
import { WorkspaceConfigSchema, type WorkspaceConfig, type WorkspaceConfigInput } from '@shared/domain'
import type { PlanAction } from '@shared/ipc/channels/sync'
import { diffConfigs } from '@shared/bundle/diff'
import { describeConfigChange } from '@shared/plan/config-change'
import { describeAction } from '@shared/plan/describe'
import { countChanges, groupActions, planSummary, rowsOf } from '@shared/plan/summary'
import { buildPlan, type PlanInput } from '../../../core/sync/plan/build'

/** The plan's sentences, from real plans (the planners fill `change`, the shared function says it). */

const cfg = (c: Partial<WorkspaceConfigInput> = {}): WorkspaceConfig =>
  WorkspaceConfigSchema.parse({ basic: { name: 'ws_demo', description: 'demo', mode: 'standard' }, ...c })

function plan(p: Partial<PlanInput> & Pick<PlanInput, 'draft'>): PlanAction[] {
  return buildPlan({
    region: 'cn-hangzhou',
    base: null,
    cloud: null,
    workspaceId: undefined,
    identity: { kind: 'main', userId: '1000' },
    identityRoles: [],
    ...p,
  })
}
/** An existing workspace: the cloud is the base, the draft changes it. */
const change = (cloud: WorkspaceConfig, draft: WorkspaceConfig): PlanAction[] =>
  plan({ draft, base: cloud, cloud, workspaceId: 'ws-1' })

const say = (acts: PlanAction[], locale: 'zh-CN' | 'en'): string[] => acts.map((a) => describeAction(a, locale))
const RAW = /addRole:|removeRole:|name:|PAI\.|[{}"[\]]| · |designerPath|modelExportPath|on \/ 开启/

const owner = { userId: '1000', roles: ['PAI.WorkspaceOwner' as const] }
const cloud = cfg({
  owner: { userId: '1000' },
  members: [owner, { userId: '2001', userName: 'carol', roles: ['PAI.WorkspaceGuest'] }],
  customRoles: [{ roleId: 'role-a1', name: 'ops_view', permissions: { DSW: 'ReadOnly' } }],
  resources: [{ kind: 'general', envType: 'prod', name: 'grp_a', resourceId: 'r1', isDefault: false }],
  notifications: {
    quota: 5,
    rules: [{ name: 'ops', eventTypes: ['dlc.jobTimeout'], targets: [{ type: 'sms', contacts: ['Tony'] }] }],
  },
  storage: { defaultPath: 'oss://a/' },
  passthrough: { configs: [{ key: 'tempStoragePath', category: 'CommonResourceConfig', value: 'oss://kept/{x}' }] },
})

describe('describeAction: members', () => {
  it('M1: a new member with two roles, and roles granted and revoked, by their console names', () => {
    const draft = cfg({
      ...cloud,
      members: [
        owner,
        { userId: '2001', userName: 'carol', roles: ['PAI.AlgoDeveloper', 'PAI.LabelManager'] },
        { userId: '2002', userName: 'dave', roles: ['PAI.AlgoDeveloper', 'PAI.WorkspaceGuest'] },
      ],
    })
    const acts = change(cloud, draft).filter((a) => a.area === 'member')
    expect(say(acts, 'zh-CN')).toEqual([
      '授予 carol (2001) 角色 算法开发',
      '授予 carol (2001) 角色 标注管理员',
      '移除 carol (2001) 的角色 访客',
      '添加成员 dave (2002),角色 算法开发、访客',
    ])
    expect(say(acts, 'en')).toEqual([
      'grant Algorithm developer to carol (2001)',
      'grant Labeling administrator to carol (2001)',
      'revoke Guest from carol (2001)',
      'add member dave (2002) as Algorithm developer and Guest',
    ])
  })

  it('M1: the roles granted to one member read as one row ("grant A and B to carol"), each call still counted', () => {
    const draft = cfg({
      ...cloud,
      members: [owner, { userId: '2001', userName: 'carol', roles: ['PAI.AlgoDeveloper', 'PAI.LabelManager'] }],
    })
    const acts = change(cloud, draft).filter((a) => a.area === 'member')
    const rows = rowsOf(acts)
    expect(say(rows, 'zh-CN')).toEqual(['授予 carol (2001) 角色 算法开发、标注管理员', '移除 carol (2001) 的角色 访客'])
    expect(say(rows, 'en')).toEqual([
      'grant Algorithm developer and Labeling administrator to carol (2001)',
      'revoke Guest from carol (2001)',
    ])
    expect(rows[0]!.ids).toHaveLength(2)
    expect(countChanges(acts).change).toBe(3)
  })

  it('M6: a refused grant of the owner role and a removal say what was asked, never the raw key', () => {
    const draft = cfg({ ...cloud, members: [{ userId: '1000', roles: ['PAI.WorkspaceOwner', 'PAI.WorkspaceAdmin'] }] })
    const acts = change(cloud, { ...draft, members: [owner, { userId: '2001', roles: ['PAI.WorkspaceOwner'] }] })
    const lines = [...say(acts, 'en'), ...say(acts, 'zh-CN')]
    expect(lines).toContain('grant Owner to carol (2001)')
    expect(lines).toContain('授予 carol (2001) 角色 负责人')
    for (const l of lines) expect(l).not.toMatch(RAW)
  })
})

describe('describeAction: the other areas', () => {
  const draft = cfg({
    ...cloud,
    basic: { name: 'ws_demo', displayName: 'Demo', description: 'new text', mode: 'standard' },
    customRoles: [
      {
        roleId: 'role-a1',
        name: 'ops_view',
        permissions: { DSW: 'FullAccess', 'PaiWorkspace@@MemberRole': 'ReadOnly' },
      },
      { name: 'auditor', permissions: { DLC: 'ReadOnly' } },
    ],
    resources: [
      { kind: 'general', envType: 'prod', name: 'grp_a', resourceId: 'r1', isDefault: true },
      { kind: 'maxcompute', envType: 'dev', name: 'mc_proj' },
    ],
    notifications: {
      quota: 10,
      rules: [
        {
          name: 'ops',
          eventTypes: ['dlc.jobTimeout', 'dlc.other'],
          targets: [{ type: 'email', contacts: ['a@x.cn'] }],
        },
        { name: 'fresh', enabled: false, eventTypes: ['model.versionApproved'], targets: [] },
      ],
    },
    storage: { defaultPath: 'oss://b/', designerPath: 'oss://d/' },
    switches: { dlcContainerAccess: true },
    scheduling: { maxRuntimeMinutes: 120, timeouts: [{ kind: 'queue', minutes: 30 }] },
    sls: { project: 'p1', logstore: 'l1', modules: ['DSW', 'DLC'] },
    passthrough: { configs: [{ key: 'tempStoragePath', category: 'CommonResourceConfig', value: 'oss://mine/' }] },
  })
  const acts = change(cloud, draft).filter((a) => a.area !== 'member')

  it('zh-CN: each area in the console words, before → after', () => {
    const lines = say(acts, 'zh-CN')
    expect(lines).toEqual(
      expect.arrayContaining([
        '修改工作空间「ws_demo」:显示名称:ws_demo → Demo;描述:demo → new text',
        '修改自定义角色「ops_view」:DSW 只读 → 完全控制,成员与角色 无权限 → 只读',
        '创建自定义角色「auditor」:DLC 只读',
        '修改通用计算资源「grp_a」(生产环境):设为默认',
        '关联MaxCompute资源「mc_proj」(开发环境)',
        '修改工作空间默认存储路径:oss://a/ → oss://b/',
        '修改 Designer 工作流数据存储:(未设置) → oss://d/',
        '修改事件规则「ops」:事件类型:DLC任务:任务超时 → DLC任务:任务超时、DLC任务:其他事件',
        '为规则「ops」添加邮件联系人 a@x.cn',
        '从规则「ops」移除短信联系人 Tony',
        '创建事件规则「fresh」(停用),事件类型:模型:模型版本允许上线',
        '修改每条规则的通知对象配额:5 → 10',
        '修改 DLC「允许进入任务节点容器」:关闭 → 开启',
        '修改 SLS 日志转发:不转发 → Project p1,LogStore l1,转发模块 DSW、DLC',
        '修改最长运行时长:不限制 → 120 分钟;超时规则:(未设置) → 排队超时 30 分钟',
      ]),
    )
    // E2: a console-made value is shown exactly as the cloud holds it, and said to be kept.
    expect(lines).toContain(
      '修改在控制台中设置的配置项「CommonResourceConfig/tempStoragePath」:oss://kept/{x} → oss://mine/(保持原样,不会写入)',
    )
  })

  it('en: each area in the console words, before → after, no Chinese inside', () => {
    const lines = say(acts, 'en')
    expect(lines).toEqual(
      expect.arrayContaining([
        'change workspace ws_demo: display name ws_demo → Demo; description demo → new text',
        'change custom role ops_view: DSW read-only → full control, Members and roles none → read-only',
        'create custom role auditor with DLC read-only',
        'change general computing resource grp_a (production): make it the default',
        'associate MaxCompute resource mc_proj (development)',
        'set default storage oss://a/ → oss://b/',
        'set Designer workflow data storage (none) → oss://d/',
        'change event rule ops: event types DLC task timeout → DLC task timeout and other DLC events',
        'add email contact a@x.cn to rule ops',
        'remove SMS contact Tony from rule ops',
        'create event rule fresh for model version approved, off',
        'set target quota per rule 5 → 10',
        'set DLC "Access node containers" off → on',
        'set SLS log forwarding not forwarded → project p1, Logstore l1, modules DSW and DLC',
        'set maximum runtime no limit → 120 minutes; timeout rules (none) → queueing timeout 30 minutes',
        'change CommonResourceConfig/tempStoragePath, set in the console oss://kept/{x} → oss://mine/: kept as is, not written',
      ]),
    )
    for (const l of lines) expect(l).not.toMatch(/[\u4e00-\u9fff]/)
  })

  it('console steps give the console label and the value in the reader language, never JSON', () => {
    const manual = acts.filter((a) => a.kind === 'manual')
    expect(manual.map((a) => a.area).sort()).toEqual(['notifications', 'scheduling', 'sls', 'storage', 'switches'])
    for (const a of manual) {
      const en = a.console!.en.join('\n')
      const zh = a.console!['zh-CN'].join('\n')
      expect(en).not.toMatch(/[\u4e00-\u9fff]|[{}[\]]/)
      expect(zh).not.toMatch(/[{}[\]]| on | off /)
    }
    const sw = manual.find((a) => a.area === 'switches')!
    expect(sw.console!.en).toContain('Set DLC "Access node containers" to: on')
    expect(sw.console!['zh-CN']).toContain('将 DLC「允许进入任务节点容器」设置为:开启')
    const sc = manual.find((a) => a.area === 'scheduling')!
    expect(sc.console!.en).toContain(
      'Change the settings to: maximum runtime: 120 minutes; timeout rules: queueing timeout 30 minutes',
    )
  })

  it('groups by area with counts per kind, and the terraform-like summary line', () => {
    const all = change(cloud, cfg({ ...draft, members: [owner] }))
    const groups = groupActions(all)
    expect(groups.map((g) => g.group)).toEqual([
      'workspace',
      'members',
      'resources',
      'storage',
      'notifications',
      'settings',
    ])
    const counts = countChanges(all)
    expect(counts).toMatchObject({ remove: 2, manual: 5, refused: 1 })
    expect(planSummary(counts, 'en')).toBe(
      `Plan: ${counts.create} to add, ${counts.change} to change, 2 to remove; 5 console steps; 1 refused`,
    )
    expect(planSummary(counts, 'zh-CN')).toBe(
      `计划:新增 ${counts.create} 项,修改 ${counts.change} 项,删除 2 项;控制台手动操作 5 项;拒绝 1 项`,
    )
    expect(planSummary(countChanges([]), 'en')).toBe('Plan: no changes.')
  })
})

describe('describeAction: a new workspace', () => {
  it('W1: creating names the workspace and its mode; a rename is said as asked', () => {
    const acts = plan({ draft: cfg() })
    expect(say(acts, 'zh-CN')).toEqual(['创建工作空间「ws_demo」(标准模式)'])
    expect(say(acts, 'en')).toEqual(['create workspace ws_demo (standard mode)'])
    const renamed = change(cloud, cfg({ ...cloud, basic: { ...cloud.basic, name: 'ws_other', mode: 'simple' } }))
    const refused = renamed.filter((a) => a.kind === 'refused')
    expect(say(refused, 'en')).toEqual([
      'rename workspace ws_demo to ws_other',
      'change workspace ws_demo from standard mode to simple mode',
    ])
    expect(refused.map((a) => a.ruleId)).toEqual(['W1', 'W1'])
  })
})

describe('describeConfigChange: the import preview in words', () => {
  it('the differences read in the console names in both languages, the path only on hover', () => {
    const before = cfg({ ...cloud })
    const after = cfg({
      ...cloud,
      members: [
        owner,
        { userId: '2001', userName: 'carol', roles: ['PAI.AlgoDeveloper'] },
        { userId: '2003', roles: ['PAI.WorkspaceGuest'] },
      ],
      storage: { defaultPath: 'oss://b/' },
      switches: { dswSsh: true },
      notifications: { quota: 5, rules: [{ name: 'ops', eventTypes: ['dlc.jobTimeout'], targets: [] }] },
    })
    const changes = diffConfigs(before, after)
    const zh = changes.map((c) => describeConfigChange(c, 'zh-CN'))
    const en = changes.map((c) => describeConfigChange(c, 'en'))
    expect(zh).toEqual(
      expect.arrayContaining([
        '修改成员 2001 的角色:访客 → 算法开发',
        '新增成员 2003:访客',
        '修改工作空间默认存储路径:oss://a/ → oss://b/',
        '修改 DSW「通过公网 SSH 连接实例」:关闭 → 开启',
        '删除事件规则「ops」的短信联系人 Tony',
      ]),
    )
    expect(en).toEqual(
      expect.arrayContaining([
        'change roles of member 2001: Guest → Algorithm developer',
        'add member 2003: Guest',
        'change default storage: oss://a/ → oss://b/',
        'remove SMS contact Tony of event rule ops',
      ]),
    )
    for (const l of [...zh, ...en]) expect(l).not.toMatch(/PAI\.|\[|defaultPath|[{}]/)
  })
})
