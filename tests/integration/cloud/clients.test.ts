import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { AppError } from '@shared/ipc/errors'
import { formatMessage } from '@shared/messages'
import { createCloudClients, LimiterRegistry, type CloudClients } from '../../../core/cloud'
import { startEmulator, type RunningEmulator } from '../../../tools/emulator'
import { ALICE, BOB, CAROL, MAIN, startTestEmulator } from '../emulator/support'

/** The cloud clients (core/cloud) against the emulator: every operation, parsed, with our error codes. */

function clientsFor(emu: RunningEmulator, who: { accessKeyId: string; accessKeySecret: string } = MAIN): CloudClients {
  return createCloudClients(
    {
      region: 'cn-hangzhou',
      endpoint: emu.endpoint,
      protocol: 'http',
      accessKeyId: who.accessKeyId,
      accessKeySecret: who.accessKeySecret,
      proxy: 'none',
    },
    { retry: { baseDelayMs: 5, maxDelayMs: 20 }, limiters: new LimiterRegistry() },
  )
}

async function appError(p: Promise<unknown>): Promise<AppError> {
  try {
    await p
  } catch (err) {
    if (err instanceof AppError) return err
    throw err
  }
  throw new Error('expected an AppError')
}

const USERS = [
  { UserId: '2800000000000001', UserName: 'dev1' },
  { UserId: '2800000000000002', UserName: 'dev2' },
]

describe('cloud clients against the emulator', () => {
  let emu: RunningEmulator
  let c: CloudClients
  beforeAll(async () => {
    emu = await startTestEmulator({ dataworksNames: ['dw_shared'] })
    c = clientsFor(emu)
  })
  afterAll(() => emu.close())
  beforeEach(() => {
    emu.reset()
    emu.seed({ users: USERS })
  })

  it('workspaces: create, wait until ENABLED, get, find by name, update, delete', async () => {
    const { WorkspaceId } = await c.pai.createWorkspace({
      WorkspaceName: 'ws_client',
      Description: '客户端',
      EnvTypes: ['dev', 'prod'],
    })
    const ready = await c.pai.waitForWorkspaceStatus(WorkspaceId, ['ENABLED'], { intervalMs: 10, timeoutMs: 2000 })
    expect(ready).toMatchObject({ WorkspaceId, Status: 'ENABLED', EnvTypes: ['dev', 'prod'] })
    const ws = await c.pai.getWorkspace(WorkspaceId, { verbose: true })
    expect(ws.Owner?.UserId).toBe(MAIN.uid)
    const found = await c.pai.findWorkspaceByName('ws_client')
    // The list's `resourceGroupId` quirk is normalized to ResourceGroupId.
    expect(found).toMatchObject({ WorkspaceId, ResourceGroupId: ws.ResourceGroupId })
    expect(await c.pai.findWorkspaceByName('ws_clien')).toBeUndefined()
    await c.pai.updateWorkspace(WorkspaceId, { DisplayName: '显示名' })
    expect((await c.pai.getWorkspace(WorkspaceId)).DisplayName).toBe('显示名')
    await c.pai.deleteWorkspace(WorkspaceId)
    const gone = await appError(c.pai.getWorkspace(WorkspaceId))
    expect(gone.code).toBe('CLOUD_NOT_FOUND')
    expect(gone.details).toMatchObject({
      cloudCode: '100400027',
      httpStatus: 404,
      requestId: expect.any(String),
      action: 'GetWorkspace',
      attempts: 1,
    })
  })

  it('members: create, list, get, add/remove roles, list users, delete', async () => {
    const { WorkspaceId: id } = await c.pai.createWorkspace({
      WorkspaceName: 'ws_members',
      Description: 'd',
      EnvTypes: ['prod'],
    })
    expect((await c.pai.listWorkspaceUsers(id)).map((u) => u.UserName)).toEqual(
      expect.arrayContaining(['dev1', 'dev2', 'alice']),
    )
    const created = await c.pai.createMembers(id, {
      Members: [{ UserId: '2800000000000001', Roles: ['PAI.AlgoDeveloper'] }],
    })
    expect(created).toEqual([
      {
        MemberId: `${id}-2800000000000001`,
        UserId: '2800000000000001',
        DisplayName: 'dev1',
        Roles: ['PAI.AlgoDeveloper'],
      },
    ])
    const memberId = created[0]!.MemberId
    await c.pai.addMemberRole(id, memberId, 'PAI.WorkspaceAdmin')
    await c.pai.removeMemberRole(id, memberId, 'PAI.AlgoDeveloper')
    expect((await c.pai.getMember(id, { MemberId: memberId })).Roles).toEqual(['PAI.WorkspaceAdmin'])
    const all = await c.pai.listAllMembers(id)
    expect(all.map((m) => m.UserId).sort()).toEqual(['1700000000000001', '2800000000000001'])
    await c.pai.deleteMembers(id, [memberId])
    expect((await appError(c.pai.getMember(id, { UserId: '2800000000000001' }))).code).toBe('CLOUD_NOT_FOUND')
  })

  it('resources, configs (tempStoragePath), permissions', async () => {
    const { WorkspaceId: id } = await c.pai.createWorkspace({
      WorkspaceName: 'ws_res',
      Description: 'd',
      EnvTypes: ['prod'],
    })
    const ids = await c.pai.createWorkspaceResource(id, {
      Option: 'Attach',
      Resources: [{ Name: 'mc_proj', EnvType: 'prod', ResourceType: 'MaxCompute' }],
    })
    expect(ids).toHaveLength(1)
    const ecs = await c.pai.createWorkspaceResource(id, {
      Resources: [
        { Name: 'gpu_pool', EnvType: 'prod', ResourceType: 'ECS', GroupName: 'g1', Spec: { clusterType: 'private' } },
      ],
    })
    expect(await c.pai.updateWorkspaceResource(id, { ResourceIds: ecs, IsDefault: true })).toEqual(ecs)
    const listed = await c.pai.listAllResources(id)
    expect(listed.map((r) => [r.Name, r.ResourceType, r.IsDefault])).toEqual([
      ['mc_proj', 'MaxCompute', false],
      ['gpu_pool', 'ECS', true],
    ])
    // ST1: the default storage; the category is filled in for the documented key.
    await c.pai.updateConfigs(id, { Configs: [{ ConfigKey: 'tempStoragePath', ConfigValue: 'oss://bucket/tmp/' }] })
    expect(await c.pai.listConfigs(id, { ConfigKeys: 'tempStoragePath' })).toMatchObject([
      { CategoryName: 'CommonResourceConfig', ConfigKey: 'tempStoragePath', ConfigValue: 'oss://bucket/tmp/' },
    ])
    const perms = await c.pai.listPermissions(id)
    expect(perms.find((p) => p.PermissionCode === 'PaiWorkspace:UpdateWorkspace')).toBeDefined()
  })

  it('M4: custom roles: create, poll the job, get, list, update, delete', async () => {
    const { WorkspaceId: id } = await c.pai.createWorkspace({
      WorkspaceName: 'ws_roles',
      Description: 'd',
      EnvTypes: ['prod'],
    })
    const { InstanceJobId } = await c.pai.createWorkspaceRole(id, {
      RoleName: 'reviewer',
      ModulePermissions: [{ ModuleName: 'DLC', PermissionType: 'ReadOnly' }],
    })
    const job = await c.pai.waitForInstanceJob(InstanceJobId, { intervalMs: 10 })
    expect(job.Status).toBe('Successful')
    const roleId = job.InstanceId!
    expect(await c.pai.getWorkspaceRole(id, roleId)).toMatchObject({
      RoleId: roleId,
      RoleName: 'reviewer',
      Status: 'Succeeded',
    })
    const upd = await c.pai.updateWorkspaceRole(id, roleId, {
      ModulePermissions: [{ ModuleName: 'DLC', PermissionType: 'FullAccess' }],
    })
    await c.pai.waitForInstanceJob(upd.InstanceJobId, { intervalMs: 10 })
    expect((await c.pai.listAllWorkspaceRoles(id))[0]).toMatchObject({
      RoleName: 'reviewer',
      ModulePermissions: [{ ModuleName: 'DLC', PermissionType: 'FullAccess' }],
    })
    await c.pai.deleteWorkspaceRoles(id, [roleId])
    expect(await c.pai.listAllWorkspaceRoles(id)).toEqual([])
  })

  it('E2: EventBridge rules and targets on the workspace bus pai-system-<name>', async () => {
    await c.pai.createWorkspace({ WorkspaceName: 'ws_events', Description: 'd', EnvTypes: ['prod'] })
    const bus = c.eventBridge.paiBusName('ws_events')
    expect((await c.eventBridge.listAllEventBuses({ NamePrefix: 'pai-system-' })).map((b) => b.EventBusName)).toEqual([
      bus,
    ])
    const ref = { EventBusName: bus, RuleName: 'dlc-timeout' }
    const arn = await c.eventBridge.createRule({
      ...ref,
      FilterPattern: '{"source":["acs.pai"]}',
      EventTargets: [{ Id: 'h1', Type: 'http', Endpoint: 'https://example.com/a' }],
    })
    expect(arn).toContain('/rule/dlc-timeout')
    await c.eventBridge.updateRule({ ...ref, FilterPattern: '{"source":["acs.pai.dlc"]}', Description: 'x' })
    await c.eventBridge.disableRule(ref)
    expect(await c.eventBridge.getRule(ref)).toMatchObject({
      Status: 'DISABLE',
      FilterPattern: '{"source":["acs.pai.dlc"]}',
    })
    await c.eventBridge.enableRule(ref)
    expect(
      await c.eventBridge.putTargets(ref, [{ Id: 'h2', Type: 'http', Endpoint: 'https://example.com/b' }]),
    ).toEqual({ ErrorEntriesCount: 0, ErrorEntries: [] })
    expect((await c.eventBridge.listAllTargets(ref)).map((t) => t.Id)).toEqual(['h1', 'h2'])
    expect(await c.eventBridge.deleteTargets(ref, ['h1'])).toEqual({ ErrorEntriesCount: 0, ErrorEntries: [] })
    expect(
      (await c.eventBridge.listAllRules({ EventBusName: bus })).map((r) => [r.RuleName, r.Status, r.Targets?.length]),
    ).toEqual([['dlc-timeout', 'ENABLE', 1]])
    await c.eventBridge.deleteRule(ref)
    expect((await appError(c.eventBridge.getRule(ref))).details).toMatchObject({ cloudCode: 'EventRuleNotExisted' })
  })

  it('STS: main account (A2) and RAM user (A3) identities; SLS projects and logstores through a custom endpoint', async () => {
    expect(await c.sts.getCallerIdentity()).toMatchObject({ kind: 'main', AccountId: MAIN.uid })
    expect(await clientsFor(emu, BOB).sts.getCallerIdentity()).toMatchObject({
      kind: 'ram-user',
      AccountId: MAIN.uid,
      UserId: BOB.uid,
    })
    emu.seed({ slsProjects: [{ projectName: 'pai-logs', logstores: ['dsw', 'dlc'] }, { projectName: 'other-proj' }] })
    expect((await c.sls.listAllProjects()).map((p) => p.projectName)).toEqual(['other-proj', 'pai-logs'])
    expect(await c.sls.listAllLogStores('pai-logs')).toEqual(['dlc', 'dsw'])
    const missing = await appError(c.sls.listAllLogStores('nope'))
    expect(missing.code).toBe('CLOUD_NOT_FOUND')
    expect(missing.details).toMatchObject({ cloudCode: 'ProjectNotExist', requestId: expect.any(String) })
    const denied = await appError(clientsFor(emu, BOB).sls.listAllProjects())
    expect(denied.code).toBe('CLOUD_SLS_PERMISSION')
  })

  it('pagination: every page of workspaces, members, resources, event buses and logstores', async () => {
    emu.seed({
      workspaces: [
        ...Array.from({ length: 229 }, (_, i) => ({ WorkspaceName: `bulk_${String(i).padStart(3, '0')}` })),
        {
          WorkspaceName: 'big_team',
          members: Array.from({ length: 150 }, (_, i) => ({
            UserId: String(3_000_000_000_000_000 + i),
            Roles: ['PAI.WorkspaceGuest'],
          })),
        },
      ],
      slsProjects: [
        {
          projectName: 'many-stores',
          logstores: Array.from({ length: 1203 }, (_, i) => `store-${String(i).padStart(4, '0')}`),
        },
      ],
    })
    emu.clearRequests()
    const all = await c.pai.listAllWorkspaces()
    expect(all).toHaveLength(230)
    expect(new Set(all.map((w) => w.WorkspaceId)).size).toBe(230)
    expect(emu.requests().filter((r) => r.action === 'ListWorkspaces')).toHaveLength(3)
    const team = all.find((w) => w.WorkspaceName === 'big_team')!
    expect(await c.pai.listAllMembers(team.WorkspaceId)).toHaveLength(151)
    await c.pai.createWorkspaceResource(team.WorkspaceId, {
      Resources: Array.from({ length: 120 }, (_, i) => ({
        Name: `pool_${i}`,
        EnvType: 'prod' as const,
        ResourceType: 'ECS' as const,
        GroupName: `g${i}`,
      })),
    })
    expect(await c.pai.listAllResources(team.WorkspaceId)).toHaveLength(120)
    expect(await c.eventBridge.listAllEventBuses({ NamePrefix: 'pai-system-' })).toHaveLength(230)
    const stores = await c.sls.listAllLogStores('many-stores')
    expect(stores).toHaveLength(1203)
    expect(emu.requests().filter((r) => r.action === 'ListLogStores')).toHaveLength(3)
  })

  it('error mapping: W4 (with the DataWorks hint), A3, A1, M5, M6, a bad key, a bad secret, clock skew', async () => {
    const w4 = await appError(
      c.pai.createWorkspace({ WorkspaceName: 'dw_shared', Description: 'd', EnvTypes: ['prod'] }),
    )
    expect(w4).toMatchObject({ code: 'CLOUD_NAME_CONFLICT', ruleId: 'W4', params: { name: 'dw_shared' } })
    expect(formatMessage('zh-CN', w4.code, w4.params)).toContain('DataWorks')
    expect(formatMessage('en', w4.code, w4.params)).toContain(String((w4.details as { requestId: string }).requestId))

    const a3 = await appError(clientsFor(emu, BOB).pai.listAllWorkspaces())
    expect(a3).toMatchObject({
      code: 'CLOUD_PERMISSION',
      ruleId: 'A3',
      details: { cloudCode: 'Forbidden.RAM', httpStatus: 403 },
    })
    expect(formatMessage('en', a3.code, a3.params)).toContain('AliyunPAIFullAccess')

    const { WorkspaceId: id } = await c.pai.createWorkspace({
      WorkspaceName: 'ws_rules',
      Description: 'd',
      EnvTypes: ['prod'],
    })
    await c.pai.createMembers(id, { Members: [{ UserId: CAROL.uid!, Roles: ['PAI.AlgoDeveloper'] }] })
    const a1 = await appError(clientsFor(emu, CAROL).pai.updateWorkspace(id, { Description: 'x' }))
    expect(a1).toMatchObject({ code: 'CLOUD_WORKSPACE_ROLE', ruleId: 'A1' })
    const m5 = await appError(c.pai.removeMemberRole(id, `${id}-${CAROL.uid}`, 'PAI.AlgoDeveloper'))
    expect(m5).toMatchObject({ code: 'CLOUD_LAST_ROLE', ruleId: 'M5' })
    const m6 = await appError(c.pai.deleteMembers(id, [`${id}-${MAIN.uid}`]))
    expect(m6).toMatchObject({ code: 'CLOUD_OWNER_PROTECTED', ruleId: 'M6', details: { cloudCode: '100600017' } })

    const unknownKey = await appError(
      clientsFor(emu, { accessKeyId: 'TESTAK5tUnknownKey00001', accessKeySecret: 'x' }).pai.listWorkspaces(),
    )
    expect(unknownKey).toMatchObject({
      code: 'CLOUD_AUTH',
      details: { cloudCode: 'InvalidAccessKeyId.NotFound', httpStatus: 404 },
    })
    const wrongSecret = await appError(
      clientsFor(emu, { accessKeyId: ALICE.accessKeyId, accessKeySecret: 'not-it' }).eventBridge.listAllEventBuses(),
    )
    expect(wrongSecret).toMatchObject({
      code: 'CLOUD_AUTH',
      details: { cloudCode: 'SignatureDoesNotMatch', service: 'eventBridge' },
    })

    const skewed = await startEmulator(
      { accessKeyId: 'k', accessKeySecret: 's' },
      { clock: () => Date.now() + 60 * 60_000 },
    )
    try {
      expect(
        await appError(clientsFor(skewed, { accessKeyId: 'k', accessKeySecret: 's' }).pai.listWorkspaces()),
      ).toMatchObject({ code: 'CLOUD_CLOCK_SKEW' })
    } finally {
      await skewed.close()
    }
  })

  it('E1: EventBridge not activated maps to CLOUD_SERVICE_NOT_ENABLED', async () => {
    emu.seed({ eventBridge: false })
    expect(await appError(c.eventBridge.listAllEventBuses())).toMatchObject({
      code: 'CLOUD_SERVICE_NOT_ENABLED',
      ruleId: 'E1',
    })
  })

  it('never puts the AccessKey secret into an error, its params or its details', async () => {
    const secret = 'very-secret-value-9876'
    const e = await appError(
      clientsFor(emu, { accessKeyId: MAIN.accessKeyId, accessKeySecret: secret }).pai.listWorkspaces(),
    )
    const seen = JSON.stringify({
      code: e.code,
      params: e.params,
      details: e.details,
      message: e.message,
      en: formatMessage('en', e.code, e.params),
    })
    expect(seen).not.toContain(secret)
    expect(e.code).toBe('CLOUD_AUTH')
  })

  it('validates inputs before sending: a malformed create is a VALIDATION error and reaches no server', async () => {
    emu.clearRequests()
    const e = await appError(c.pai.createMembers('1', { Members: [{ UserId: '', Roles: [] }] }))
    expect(e.code).toBe('VALIDATION')
    expect(emu.requests()).toHaveLength(0)
  })
})
