import { $OpenApiUtil, ThrottlingError } from '@alicloud/openapi-core'
import Sls, * as $Sls from '@alicloud/sls20201230'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { RunningEmulator } from '../../../tools/emulator'
import { LIBS, MAIN, failure, startTestEmulator, type Caller } from './support'

/**
 * The contract: the emulator, driven by the real @alicloud/openapi-core and @alicloud/openapi-client
 * clients, answers every operation with the documented shape (docs/pai-api-facts.md §1, §5, STS) and the
 * documented errors.
 */

const USERS = [
  { UserId: '2800000000000001', UserName: 'dev1' },
  { UserId: '2800000000000002', UserName: 'dev2' },
]
/** The emulator's clock runs ahead by `skew`: advancing it finishes asynchronous work without waiting. */
let skew = 0
const advance = (ms: number): void => {
  skew += ms
}

describe.each(LIBS)('AIWorkSpace contract through %s', (_lib, make) => {
  let emu: RunningEmulator
  let c: Caller
  beforeAll(async () => {
    emu = await startTestEmulator({ asyncDelayMs: 5_000 }, { clock: () => Date.now() + skew })
    c = make(emu, MAIN as { accessKeyId: string; accessKeySecret: string })
  })
  afterAll(() => emu.close())
  beforeEach(() => {
    skew = 0
    emu.reset()
    emu.seed({ users: USERS })
  })

  async function createWs(name = 'ws_contract'): Promise<string> {
    const r = await c.roa('CreateWorkspace', 'POST', '/api/v1/workspaces', undefined, {
      WorkspaceName: name,
      Description: 'contract',
      EnvTypes: ['dev', 'prod'],
      DisplayName: '合约',
    })
    return String(r.body.WorkspaceId)
  }

  it('workspaces: create, get (Verbose), list (quirk: resourceGroupId), update, delete', async () => {
    const created = await c.roa('CreateWorkspace', 'POST', '/api/v1/workspaces', undefined, {
      WorkspaceName: 'ws_contract',
      Description: 'contract',
      EnvTypes: ['dev', 'prod'],
    })
    expect(created.statusCode).toBe(200)
    expect(created.body).toEqual({ RequestId: expect.any(String), WorkspaceId: expect.stringMatching(/^\d+$/) })
    const id = String(created.body.WorkspaceId)

    const got = await c.roa('GetWorkspace', 'GET', `/api/v1/workspaces/${id}`, { Verbose: true })
    expect(got.body).toMatchObject({
      RequestId: expect.any(String),
      WorkspaceId: id,
      WorkspaceName: 'ws_contract',
      DisplayName: 'ws_contract',
      Description: 'contract',
      EnvTypes: ['dev', 'prod'],
      Status: 'INITIALIZING',
      Creator: MAIN.uid,
      AdminNames: [],
      IsDefault: true,
      ResourceGroupId: expect.stringMatching(/^rg-/),
      ExtraInfos: { TenantId: MAIN.uid },
      Owner: { UserId: MAIN.uid, UserName: 'acme' },
      GmtCreateTime: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    })
    advance(6_000)
    expect((await c.roa('GetWorkspace', 'GET', `/api/v1/workspaces/${id}`)).body.Status).toBe('ENABLED')
    expect((await c.roa('GetWorkspace', 'GET', `/api/v1/workspaces/${id}`)).body.Owner).toBeUndefined()

    const list = await c.roa('ListWorkspaces', 'GET', '/api/v1/workspaces', { PageNumber: 1, PageSize: 20 })
    expect(list.body.TotalCount).toBe(1)
    const item = (list.body.Workspaces as Array<Record<string, unknown>>)[0]!
    expect(item.resourceGroupId).toMatch(/^rg-/)
    expect(item.ResourceGroupId).toBeUndefined()
    expect(item.AdminNames).toEqual([])
    expect(item.Creator).toBe(MAIN.uid)

    expect(
      (
        await c.roa('UpdateWorkspace', 'PUT', `/api/v1/workspaces/${id}`, undefined, {
          DisplayName: '新名字',
          Description: 'changed',
        })
      ).body,
    ).toEqual({ RequestId: expect.any(String) })
    expect((await c.roa('GetWorkspace', 'GET', `/api/v1/workspaces/${id}`)).body).toMatchObject({
      DisplayName: '新名字',
      Description: 'changed',
    })
    expect((await c.roa('DeleteWorkspace', 'DELETE', `/api/v1/workspaces/${id}`)).statusCode).toBe(200)
    expect(await failure(c.roa('GetWorkspace', 'GET', `/api/v1/workspaces/${id}`))).toMatchObject({
      status: 404,
      code: '100400027',
    })
  })

  it('ListWorkspaces pages, filters by name, sorts, and answers Option=GetResourceLimits', async () => {
    for (const n of ['alpha_1', 'beta_2', 'alpha_3']) await createWs(n)
    const p2 = await c.roa('ListWorkspaces', 'GET', '/api/v1/workspaces', { PageNumber: 2, PageSize: 2 })
    expect(p2.body.TotalCount).toBe(3)
    expect((p2.body.Workspaces as unknown[]).length).toBe(1)
    const alpha = await c.roa('ListWorkspaces', 'GET', '/api/v1/workspaces', { WorkspaceName: 'alpha', Order: 'DESC' })
    expect((alpha.body.Workspaces as Array<{ WorkspaceName: string }>).map((w) => w.WorkspaceName)).toEqual([
      'alpha_3',
      'alpha_1',
    ])
    const limits = await c.roa('ListWorkspaces', 'GET', '/api/v1/workspaces', { Option: 'GetResourceLimits' })
    expect(limits.body.ResourceLimits).toMatchObject({ PAI_share: expect.any(Number) })
  })

  it('members: create, list, get, add and remove a role, list users, delete', async () => {
    const id = await createWs()
    const users = await c.roa('ListWorkspaceUsers', 'GET', `/api/v1/workspaces/${id}/users`)
    expect(users.body).toMatchObject({
      TotalCount: 5,
      Users: expect.arrayContaining([{ UserId: '2800000000000001', UserName: 'dev1' }]),
    })

    const created = await c.roa('CreateMember', 'POST', `/api/v1/workspaces/${id}/members`, undefined, {
      Members: [{ UserId: '2800000000000001', Roles: ['PAI.AlgoDeveloper'] }],
    })
    expect(created.body).toEqual({
      RequestId: expect.any(String),
      Members: [
        {
          MemberId: `${id}-2800000000000001`,
          UserId: '2800000000000001',
          DisplayName: 'dev1',
          Roles: ['PAI.AlgoDeveloper'],
        },
      ],
    })
    const memberId = `${id}-2800000000000001`

    const list = await c.roa('ListMembers', 'GET', `/api/v1/workspaces/${id}/members`, { PageNumber: 1, PageSize: 20 })
    expect(list.body.TotalCount).toBe(2)
    expect(list.body.Members).toEqual(
      expect.arrayContaining([
        {
          MemberId: memberId,
          UserId: '2800000000000001',
          MemberName: 'dev1',
          DisplayName: 'dev1',
          AccountName: 'dev1',
          AccountType: '5',
          Roles: ['PAI.AlgoDeveloper'],
          GmtCreateTime: expect.any(String),
        },
      ]),
    )
    const byRole = await c.roa('ListMembers', 'GET', `/api/v1/workspaces/${id}/members`, {
      Roles: 'PAI.WorkspaceOwner',
    })
    expect((byRole.body.Members as Array<{ UserId: string }>).map((m) => m.UserId)).toEqual([MAIN.uid])

    expect(
      (await c.roa('AddMemberRole', 'POST', `/api/v1/workspaces/${id}/members/${memberId}/roles/PAI.WorkspaceAdmin`))
        .body,
    ).toEqual({ RequestId: expect.any(String) })
    const got = await c.roa('GetMember', 'GET', `/api/v1/workspaces/${id}/member`, { UserId: '2800000000000001' })
    expect(got.body).toMatchObject({
      MemberId: memberId,
      Roles: ['PAI.AlgoDeveloper', 'PAI.WorkspaceAdmin'],
      AccountType: '5',
    })
    expect(got.body.AccountName).toBeUndefined()
    expect((await c.roa('GetWorkspace', 'GET', `/api/v1/workspaces/${id}`)).body.AdminNames).toEqual(['dev1'])

    await c.roa('RemoveMemberRole', 'DELETE', `/api/v1/workspaces/${id}/members/${memberId}/roles/PAI.AlgoDeveloper`)
    expect(
      (await c.roa('GetMember', 'GET', `/api/v1/workspaces/${id}/member`, { MemberId: memberId })).body.Roles,
    ).toEqual(['PAI.WorkspaceAdmin'])

    const del = await c.roa('DeleteMembers', 'DELETE', `/api/v1/workspaces/${id}/members`, { MemberIds: memberId })
    expect(del.body).toMatchObject({ RequestId: expect.any(String), Code: '200' })
    expect(
      await failure(c.roa('GetMember', 'GET', `/api/v1/workspaces/${id}/member`, { MemberId: memberId })),
    ).toMatchObject({ status: 404, code: '100600006' })
  })

  it('resources: create (attach), list with quotas, set the default', async () => {
    const id = await createWs()
    const created = await c.roa('CreateWorkspaceResource', 'POST', `/api/v1/workspaces/${id}/resources`, undefined, {
      Option: 'Attach',
      Resources: [
        { WorkspaceId: id, Name: 'mc_dev', EnvType: 'dev', ResourceType: 'MaxCompute' },
        { WorkspaceId: id, Name: 'mc_prod', EnvType: 'prod', ResourceType: 'MaxCompute', IsDefault: true },
        {
          WorkspaceId: id,
          Name: 'gpu_pool',
          EnvType: 'prod',
          ResourceType: 'ECS',
          GroupName: 'rg_gpu',
          Spec: { clusterType: 'private' },
          Quotas: [{ Id: 'quota-1' }],
        },
      ],
    })
    expect(created.body).toMatchObject({
      TotalCount: 3,
      Resources: [{ Id: expect.stringMatching(/^Resource-/) }, { Id: expect.any(String) }, { Id: expect.any(String) }],
    })
    const list = await c.roa('ListResources', 'GET', '/api/v1/resources', {
      WorkspaceId: id,
      Option: 'ListResourceByWorkspace',
      PageSize: 2,
    })
    expect(list.body.TotalCount).toBe(3)
    expect((list.body.Resources as unknown[]).length).toBe(2)
    const ecs = await c.roa('ListResources', 'GET', '/api/v1/resources', { WorkspaceId: id, ResourceTypes: 'ECS' })
    const item = (ecs.body.Resources as Array<Record<string, unknown>>)[0]!
    expect(item).toMatchObject({
      Name: 'gpu_pool',
      EnvType: 'prod',
      GroupName: 'rg_gpu',
      ResourceType: 'ECS',
      WorkspaceId: id,
      IsDefault: false,
      Spec: { clusterType: 'private' },
      Quotas: [{ Id: 'quota-1' }],
    })
    const upd = await c.roa('UpdateWorkspaceResource', 'PUT', `/api/v1/workspaces/${id}/resources`, undefined, {
      GroupName: 'rg_gpu',
      IsDefault: true,
    })
    expect(upd.body).toEqual({ RequestId: expect.any(String), ResourceIds: [item.Id] })
    const mc = await c.roa('ListResources', 'GET', '/api/v1/resources', {
      WorkspaceId: id,
      ResourceTypes: 'MaxCompute',
    })
    expect(
      (mc.body.Resources as Array<{ Name: string; IsDefault: boolean; Spec: Record<string, unknown> }>).find(
        (r) => r.Name === 'mc_prod',
      ),
    ).toMatchObject({ IsDefault: true, Spec: { odpsProject: 'mc_prod' } }) // MaxCompute's Spec as ROS spells it
  })

  it('configs: UpdateConfigs upserts tempStoragePath, ListConfigs filters by key', async () => {
    const id = await createWs()
    await c.roa('UpdateConfigs', 'PUT', `/api/v1/workspaces/${id}/configs`, undefined, {
      Configs: [
        { CategoryName: 'CommonResourceConfig', ConfigKey: 'tempStoragePath', ConfigValue: 'oss://bucket/tmp/' },
        { CategoryName: 'DLCAutoRecycle', ConfigKey: 'isAutoRecycle', ConfigValue: 'true' },
      ],
    })
    await c.roa('UpdateConfigs', 'PUT', `/api/v1/workspaces/${id}/configs`, undefined, {
      Configs: [{ ConfigKey: 'tempStoragePath', ConfigValue: 'oss://bucket/new/' }],
    })
    const list = await c.roa('ListConfigs', 'GET', `/api/v1/workspaces/${id}/configs`, {
      ConfigKeys: 'tempStoragePath',
    })
    expect(list.body).toMatchObject({
      TotalCount: 1,
      Configs: [
        {
          ConfigId: expect.stringMatching(/^wc-/),
          CategoryName: 'CommonResourceConfig',
          ConfigKey: 'tempStoragePath',
          ConfigValue: 'oss://bucket/new/',
        },
      ],
    })
    expect((await c.roa('ListConfigs', 'GET', `/api/v1/workspaces/${id}/configs`)).body.TotalCount).toBe(2)
    expect(
      await failure(
        c.roa('UpdateConfigs', 'PUT', `/api/v1/workspaces/${id}/configs`, undefined, {
          Configs: [{ ConfigKey: 'tempStoragePath', ConfigValue: '/not/oss' }],
        }),
      ),
    ).toMatchObject({ status: 400, code: 'InvalidParameter.ConfigValue' })
    // The singular calls: GetConfig, UpdateConfig, DeleteConfig.
    await c.roa('UpdateConfig', 'PUT', `/api/v1/workspaces/${id}/config`, undefined, {
      CategoryName: 'DLCPriorityConfig',
      ConfigKey: 'priorityConfig',
      ConfigValue: '{"max":5}',
    })
    expect(
      (
        await c.roa('GetConfig', 'GET', `/api/v1/workspaces/${id}/config`, {
          ConfigKey: 'priorityConfig',
          CategoryName: 'DLCPriorityConfig',
        })
      ).body,
    ).toMatchObject({
      WorkspaceId: id,
      CategoryName: 'DLCPriorityConfig',
      ConfigKey: 'priorityConfig',
      ConfigValue: '{"max":5}',
    })
    await c.roa('DeleteConfig', 'DELETE', `/api/v1/workspaces/${id}/configs/priorityConfig`, {
      CategoryName: 'DLCPriorityConfig',
    })
    expect(
      await failure(c.roa('GetConfig', 'GET', `/api/v1/workspaces/${id}/config`, { ConfigKey: 'priorityConfig' })),
    ).toMatchObject({ status: 404, code: 'ConfigNotExists' })
  })

  it('M7 / M4: permissions and custom roles (async job polled with GetInstanceJob)', async () => {
    const id = await createWs()
    const perms = await c.roa('ListPermissions', 'GET', `/api/v1/workspaces/${id}/permissions`)
    expect(perms.body.TotalCount).toBeGreaterThan(10)
    expect(perms.body.Permissions).toEqual(
      expect.arrayContaining([
        {
          PermissionCode: 'PaiWorkspace:CreateMember',
          PermissionRules: expect.arrayContaining([{ Accessibility: 'PUBLIC' }]),
        },
      ]),
    )

    const created = await c.roa('CreateWorkspaceRole', 'POST', `/api/v1/workspaces/${id}/roles`, undefined, {
      RoleName: 'dev-test',
      RoleType: 'custom',
      ModulePermissions: [
        { ModuleName: 'DLC', PermissionType: 'ReadWrite' },
        { ModuleName: 'PaiWorkspace@@Config', PermissionType: 'ReadOnly' },
      ],
    })
    const jobId = String(created.body.InstanceJobId)
    expect(jobId).toMatch(/^CreateWorkspaceCustomRole-role-/)
    const running = await c.roa('GetInstanceJob', 'GET', `/api/v1/instancejobs/${jobId}`)
    expect(running.body).toMatchObject({ InstanceJobId: jobId, Type: 'CreateWorkspaceCustomRole', Status: 'Running' })
    advance(6_000)
    const done = await c.roa('GetInstanceJob', 'GET', `/api/v1/instancejobs/${jobId}`)
    expect(done.body.Status).toBe('Successful')
    const roleId = String(done.body.InstanceId)
    const role = await c.roa('GetWorkspaceRole', 'GET', `/api/v1/workspaces/${id}/roles/${roleId}`)
    expect(role.body).toMatchObject({
      RoleId: roleId,
      RoleName: 'dev-test',
      Status: 'Succeeded',
      Creator: MAIN.uid,
      ModulePermissions: [
        { ModuleName: 'DLC', PermissionType: 'ReadWrite' },
        { ModuleName: 'PaiWorkspace@@Config', PermissionType: 'ReadOnly' },
      ],
    })
    const list = await c.roa('ListWorkspaceRoles', 'GET', `/api/v1/workspaces/${id}/roles`, { RoleType: 'custom' })
    expect(list.body).toMatchObject({ TotalCount: 1, Roles: [{ RoleId: roleId, RoleName: 'dev-test' }] })
    expect((list.body.Roles as Array<Record<string, unknown>>)[0]!.ModulePermissions).toBeUndefined()
    const updated = await c.roa('UpdateWorkspaceRole', 'PUT', `/api/v1/workspaces/${id}/roles/${roleId}`, undefined, {
      ModulePermissions: [{ ModuleName: 'DLC', PermissionType: 'FullAccess' }],
    })
    expect(String(updated.body.InstanceJobId)).toMatch(/^UpdateWorkspaceCustomRole-/)
    expect((await c.roa('GetWorkspaceRole', 'GET', `/api/v1/workspaces/${id}/roles/${roleId}`)).body.Status).toBe(
      'Updating',
    )
    // A custom role can be given to a member, and then shapes that member's permissions.
    await c.roa('CreateMember', 'POST', `/api/v1/workspaces/${id}/members`, undefined, {
      Members: [{ UserId: '2800000000000002', Roles: [roleId] }],
    })
    expect(
      await failure(
        c.roa('DeleteWorkspaceRoles', 'POST', `/api/v1/workspaces/${id}/roles/action/delete`, undefined, {
          RoleIds: [roleId],
        }),
      ),
    ).toMatchObject({ status: 400, code: 'RoleInUse' })
    await c.roa('DeleteMembers', 'DELETE', `/api/v1/workspaces/${id}/members`, { MemberIds: `${id}-2800000000000002` })
    expect(
      (
        await c.roa('DeleteWorkspaceRoles', 'POST', `/api/v1/workspaces/${id}/roles/action/delete`, undefined, {
          RoleIds: [roleId],
        })
      ).statusCode,
    ).toBe(200)
    expect(await failure(c.roa('GetWorkspaceRole', 'GET', `/api/v1/workspaces/${id}/roles/${roleId}`))).toMatchObject({
      status: 404,
      code: 'RoleNotExists',
    })
  })

  it('documented errors: 100400027, 100600006, InvalidParameter, MissingParameter, an unknown API', async () => {
    expect(await failure(c.roa('GetWorkspace', 'GET', '/api/v1/workspaces/424242'))).toMatchObject({
      status: 404,
      code: '100400027',
      requestId: expect.any(String),
    })
    const id = await createWs()
    expect(
      await failure(c.roa('GetMember', 'GET', `/api/v1/workspaces/${id}/member`, { MemberId: 'nobody' })),
    ).toMatchObject({ status: 404, code: '100600006' })
    expect(
      await failure(
        c.roa('CreateWorkspace', 'POST', '/api/v1/workspaces', undefined, {
          WorkspaceName: '1bad',
          Description: 'd',
          EnvTypes: ['prod'],
        }),
      ),
    ).toMatchObject({ status: 400, code: 'InvalidParameter.WorkspaceName' })
    expect(
      await failure(
        c.roa('CreateWorkspace', 'POST', '/api/v1/workspaces', undefined, {
          WorkspaceName: 'ok_name',
          EnvTypes: ['prod'],
        }),
      ),
    ).toMatchObject({ status: 400, code: 'MissingParameter' })
    expect(
      await failure(
        c.roa('CreateWorkspace', 'POST', '/api/v1/workspaces', undefined, {
          WorkspaceName: 'ok_name',
          Description: 'x'.repeat(81),
          EnvTypes: ['prod'],
        }),
      ),
    ).toMatchObject({ code: 'InvalidParameter.Description' })
    expect(
      await failure(
        c.roa('CreateWorkspace', 'POST', '/api/v1/workspaces', undefined, {
          WorkspaceName: 'ok_name',
          Description: 'd',
          EnvTypes: ['dev'],
        }),
      ),
    ).toMatchObject({ code: 'InvalidParameter.EnvTypes' })
    expect(await failure(c.roa('ListQuotas', 'GET', '/api/v1/nothing-here'))).toMatchObject({
      status: 404,
      code: 'InvalidApi.NotFound',
    })
  })

  it('throttling answers Throttling.User with x-acs-retry-after, and a fault answers 500 InternalError', async () => {
    emu.faults({
      inject: [
        { kind: 'throttle', action: 'ListWorkspaces', retryAfterMs: 1500 },
        { kind: '500', action: 'GetWorkspace' },
      ],
    })
    let thrown: unknown
    try {
      await c.roa('ListWorkspaces', 'GET', '/api/v1/workspaces')
    } catch (e) {
      thrown = e
    }
    expect(await failure(Promise.reject(thrown))).toMatchObject({ status: 429, code: 'Throttling.User' })
    if (c.lib === 'openapi-core') {
      expect(thrown).toBeInstanceOf(ThrottlingError)
      expect((thrown as ThrottlingError).retryAfter).toBe(1500)
    }
    expect(await failure(c.roa('GetWorkspace', 'GET', '/api/v1/workspaces/1'))).toMatchObject({
      status: 500,
      code: 'InternalError',
    })
    expect((await c.roa('ListWorkspaces', 'GET', '/api/v1/workspaces')).statusCode).toBe(200)
  })
})

describe.each(LIBS)('EventBridge and STS contract through %s (RPC)', (_lib, make) => {
  let emu: RunningEmulator
  let c: Caller
  beforeAll(async () => {
    emu = await startTestEmulator()
    c = make(emu, MAIN as { accessKeyId: string; accessKeySecret: string })
  })
  afterAll(() => emu.close())
  beforeEach(() => emu.reset())
  const eb = (
    action: string,
    q: Record<string, unknown> = {},
  ): Promise<{ statusCode: number; body: Record<string, unknown> }> => c.rpc(action, '2020-04-01', q)

  it('STS GetCallerIdentity names the main account (A2)', async () => {
    const r = await c.rpc('GetCallerIdentity', '2015-04-01')
    expect(r.body).toEqual({
      RequestId: expect.any(String),
      AccountId: MAIN.uid,
      UserId: MAIN.uid,
      PrincipalId: MAIN.uid,
      IdentityType: 'Account',
      Arn: `acs:ram::${MAIN.uid}:root`,
    })
  })

  it('E2: buses, rules and targets: the full lifecycle with the documented envelope', async () => {
    const ok = { RequestId: expect.any(String), Code: 'Success', Success: true }
    const bus = await eb('CreateEventBus', { EventBusName: 'pai-system-demo', Description: 'demo' })
    expect(bus.body).toMatchObject({
      ...ok,
      Data: { EventBusARN: `acs:eventbridge:cn-hangzhou:${MAIN.uid}:eventbus/pai-system-demo` },
    })
    expect((await eb('GetEventBus', { EventBusName: 'pai-system-demo' })).body.Data).toMatchObject({
      EventBusName: 'pai-system-demo',
      Description: 'demo',
      CreateTimestamp: expect.any(Number),
    })
    const buses = await eb('ListEventBuses', { NamePrefix: 'pai-system-', Limit: 10 })
    expect(buses.body.Data).toMatchObject({
      EventBuses: [{ EventBusName: 'pai-system-demo' }],
      Total: 1,
      NextToken: '',
    })

    const pattern = JSON.stringify({ source: ['acs.pai'], type: [{ prefix: 'pai:dlc' }] })
    const ding = {
      Id: 'ding-1',
      Type: 'acs.dingtalk',
      Endpoint: 'https://oapi.dingtalk.com/robot/send?access_token=t',
      ParamList: [
        { ResourceKey: 'URL', Form: 'CONSTANT', Value: 'https://oapi.dingtalk.com/robot/send?access_token=t' },
        { ResourceKey: 'SecretKey', Form: 'CONSTANT', Value: 'SECxyz' },
      ],
    }
    const rule = await eb('CreateRule', {
      EventBusName: 'pai-system-demo',
      RuleName: 'dlc-failed',
      FilterPattern: pattern,
      Description: 'DLC failed',
      EventTargets: JSON.stringify([ding]),
    })
    expect(rule.body).toMatchObject({
      ...ok,
      Data: { RuleARN: expect.stringContaining('eventbus/pai-system-demo/rule/dlc-failed') },
    })
    const got = await eb('GetRule', { EventBusName: 'pai-system-demo', RuleName: 'dlc-failed' })
    expect(got.body.Data).toMatchObject({
      RuleName: 'dlc-failed',
      EventBusName: 'pai-system-demo',
      FilterPattern: pattern,
      Status: 'ENABLE',
      Targets: [{ Id: 'ding-1', Type: 'acs.dingtalk', Endpoint: ding.Endpoint }],
    })

    expect(
      (
        await eb('UpdateRule', {
          EventBusName: 'pai-system-demo',
          RuleName: 'dlc-failed',
          FilterPattern: '{"source":["acs.pai"]}',
          Description: 'changed',
        })
      ).body,
    ).toMatchObject({ ...ok, Data: true })
    await eb('DisableRule', { EventBusName: 'pai-system-demo', RuleName: 'dlc-failed' })
    expect((await eb('GetRule', { EventBusName: 'pai-system-demo', RuleName: 'dlc-failed' })).body.Data).toMatchObject({
      Status: 'DISABLE',
      Description: 'changed',
    })
    await eb('EnableRule', { EventBusName: 'pai-system-demo', RuleName: 'dlc-failed' })
    const rules = await eb('ListRules', { EventBusName: 'pai-system-demo', Limit: 10 })
    expect(rules.body.Data).toMatchObject({ Rules: [{ RuleName: 'dlc-failed', Status: 'ENABLE' }], Total: 1 })

    const http = { Id: 'http-1', Type: 'http', Endpoint: 'https://example.com/hook' }
    const put = await eb('PutTargets', {
      EventBusName: 'pai-system-demo',
      RuleName: 'dlc-failed',
      Targets: JSON.stringify([http, { ...http, Endpoint: 'https://example.com/dup' }]),
    })
    expect(put.body.Data).toEqual({
      ErrorEntriesCount: 1,
      ErrorEntries: [{ EntryId: 'http-1', ErrorCode: 'EventRuleTargetIdDuplicate', ErrorMessage: expect.any(String) }],
    })
    const targets = await eb('ListTargets', { EventBusName: 'pai-system-demo', RuleName: 'dlc-failed' })
    expect(targets.body.Data).toMatchObject({
      Total: 2,
      Targets: [
        { Id: 'ding-1', RuleName: 'dlc-failed', EventBusName: 'pai-system-demo' },
        { Id: 'http-1', Endpoint: 'https://example.com/hook' },
      ],
    })
    const del = await eb('DeleteTargets', {
      EventBusName: 'pai-system-demo',
      RuleName: 'dlc-failed',
      TargetIds: JSON.stringify(['http-1', 'gone']),
    })
    expect(del.body.Data).toMatchObject({
      ErrorEntriesCount: 1,
      ErrorEntries: [{ EntryId: 'gone', ErrorCode: 'EventTargetNotExisted' }],
    })
    await eb('DeleteRule', { EventBusName: 'pai-system-demo', RuleName: 'dlc-failed' })
    expect((await eb('DeleteEventBus', { EventBusName: 'pai-system-demo' })).body).toMatchObject({ ...ok, Data: true })
    expect((await eb('DeleteEventBus', { EventBusName: 'pai-system-demo' })).body).toMatchObject({ ...ok, Data: false })
  })

  it('E6: a rule takes at most 5 targets by default; the excess comes back in ErrorEntries', async () => {
    await eb('CreateEventBus', { EventBusName: 'bus-e6' })
    await eb('CreateRule', { EventBusName: 'bus-e6', RuleName: 'r', FilterPattern: '{}' })
    const many = Array.from({ length: 6 }, (_, i) => ({
      Id: `t${i}`,
      Type: 'http',
      Endpoint: `https://example.com/${i}`,
    }))
    const put = await eb('PutTargets', { EventBusName: 'bus-e6', RuleName: 'r', Targets: JSON.stringify(many) })
    expect(put.body.Data).toMatchObject({
      ErrorEntriesCount: 1,
      ErrorEntries: [{ EntryId: 't5', ErrorCode: 'EventRuleTargetsExceedLimit' }],
    })
  })

  it('documented EventBridge errors: EventBusNotExist, EventRuleNotExisted, EventRuleFilterPatternSchemaError, a duplicate rule', async () => {
    expect(await failure(eb('GetEventBus', { EventBusName: 'nope' }))).toMatchObject({
      status: 404,
      code: 'EventBusNotExist',
    })
    await eb('CreateEventBus', { EventBusName: 'bus-x' })
    expect(await failure(eb('GetRule', { EventBusName: 'bus-x', RuleName: 'nope' }))).toMatchObject({
      status: 404,
      code: 'EventRuleNotExisted',
    })
    expect(
      await failure(eb('CreateRule', { EventBusName: 'bus-x', RuleName: 'r1', FilterPattern: 'not json' })),
    ).toMatchObject({ status: 400, code: 'EventRuleFilterPatternSchemaError' })
    await eb('CreateRule', { EventBusName: 'bus-x', RuleName: 'r1', FilterPattern: '{}' })
    expect(
      await failure(eb('CreateRule', { EventBusName: 'bus-x', RuleName: 'r1', FilterPattern: '{}' })),
    ).toMatchObject({ status: 409, code: 'EventRuleNameDuplicate' })
  })

  it('E1: an account without EventBridge activated gets ServiceNotEnable', async () => {
    emu.seed({ eventBridge: false })
    expect(await failure(eb('ListEventBuses'))).toMatchObject({ status: 403, code: 'ServiceNotEnable' })
  })
})

describe('SLS contract through the generated @alicloud/sls20201230 client', () => {
  let emu: RunningEmulator
  beforeAll(async () => {
    emu = await startTestEmulator()
    emu.seed({
      slsProjects: [{ projectName: 'pai-logs', description: 'PAI', logstores: ['dsw'] }, { projectName: 'audit' }],
    })
  })
  afterAll(() => emu.close())
  const sls = (secret: string): Sls =>
    new Sls(
      new $OpenApiUtil.Config({
        accessKeyId: MAIN.accessKeyId,
        accessKeySecret: secret,
        endpoint: emu.endpoint,
        protocol: 'http',
        regionId: 'cn-hangzhou',
      }),
    )

  it('L1: ListProject answers {count, total, projects[]} to an SLS-signed request, with offset/size paging', async () => {
    const r = await sls(MAIN.accessKeySecret).listProject(new $Sls.ListProjectRequest({ offset: 0, size: 1 }))
    expect(r.statusCode).toBe(200)
    expect(r.body?.toMap()).toMatchObject({
      count: 1,
      total: 2,
      projects: [{ projectName: 'audit', region: 'cn-hangzhou', status: 'Normal' }],
    })
    expect(r.headers?.['x-log-requestid']).toEqual(expect.any(String))
  })

  it('a wrong secret gets SLS 401 SignatureNotMatch with x-log-requestid', async () => {
    const e = await sls('wrong')
      .listProject(new $Sls.ListProjectRequest({}))
      .catch((err: unknown) => err as { code?: string; data?: { statusCode?: number; requestId?: string } })
    expect(e).toMatchObject({ code: 'SignatureNotMatch', data: { statusCode: 401, requestId: expect.any(String) } })
  })
})
