import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AppError } from '@shared/ipc/errors'
import { createCloudClients, LimiterRegistry, type CloudClients } from '../../../core/cloud'
import { CONSOLE_DINGTALK_SECRET, consoleMadeWorkspace, type RunningEmulator } from '../../../tools/emulator'
import { CAROL, MAIN, startTestEmulator } from './support'

/**
 * What the emulator learned from Alibaba's own SDKs and infrastructure specs (docs/pai-api-facts.md), through the
 * app's cloud clients over real HTTP: the default storage key, resource specs and type names as ROS spells
 * them, errors as PAI sends them, the name pre-check, and the console-made seed kept as it was given.
 */

let emu: RunningEmulator
let c: CloudClients

const codeOf = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p
    return 'ok'
  } catch (err) {
    return err instanceof AppError ? err.code : String(err)
  }
}

beforeAll(async () => {
  emu = await startTestEmulator()
  c = createCloudClients(
    {
      region: 'cn-hangzhou',
      endpoint: emu.endpoint,
      protocol: 'http',
      accessKeyId: MAIN.accessKeyId,
      accessKeySecret: MAIN.accessKeySecret,
      proxy: 'none',
    },
    { limiters: new LimiterRegistry(4), retry: { baseDelayMs: 10, maxDelayMs: 50 } },
  )
})
afterAll(() => emu.close())

async function newWorkspace(name: string): Promise<string> {
  const { WorkspaceId } = await c.pai.createWorkspace({ WorkspaceName: name, Description: 'd', EnvTypes: ['prod'] })
  await c.pai.waitForWorkspaceStatus(WorkspaceId, ['ENABLED'], { intervalMs: 10 })
  return WorkspaceId
}

describe('emulator truths (docs/pai-api-facts.md)', () => {
  it('ST1: modelExportPath is written with no category and read back with or without its endpoint', async () => {
    const id = await newWorkspace('truth_storage')
    const value = 'oss://bkt.oss-cn-hangzhou-internal.aliyuncs.com/pai/'
    await c.pai.updateConfigs(id, { Configs: [{ ConfigKey: 'modelExportPath', ConfigValue: value }] })
    const sent = emu
      .requests()
      .filter((r) => r.action === 'UpdateConfigs')
      .at(-1)!.sent!.body
    expect(sent).toEqual({ Configs: [{ ConfigKey: 'modelExportPath', ConfigValue: value }] })
    expect(await c.pai.listConfigs(id, { ConfigKeys: 'modelExportPath' })).toEqual([
      expect.objectContaining({ ConfigKey: 'modelExportPath', ConfigValue: value }),
    ])
    expect(
      await codeOf(
        c.pai.updateConfigs(id, { Configs: [{ ConfigKey: 'modelExportPath', ConfigValue: 'http://not-oss/' }] }),
      ),
    ).toBe('CLOUD_REQUEST_REJECTED')
  })

  it('C1: type names are read ignoring case (FLINK as ROS spells it); MaxCompute Spec is {endpoint, odpsProject}', async () => {
    const id = await newWorkspace('truth_types')
    await c.pai.createWorkspaceResource(id, {
      Option: 'Attach',
      Resources: [{ Name: 'mc_proj', EnvType: 'prod', ResourceType: 'MaxCompute' }],
    })
    const [mc] = await c.pai.listAllResources(id, { ResourceTypes: 'maxcompute' })
    expect(mc?.Spec).toEqual({
      endpoint: 'http://service.cn-hangzhou.maxcompute.aliyun-inc.com/api',
      odpsProject: 'mc_proj',
    })
  })

  it('C1: an update replaces the documented Spec keys and ignores any other (accepted, answered, not applied)', async () => {
    const { workspaces } = emu.seed({
      workspaces: [consoleMadeWorkspace('truth_spec', { developer: '2800000000000010', admin: '2800000000000011' })],
    })
    const id = workspaces[0]!.WorkspaceId
    const [pool] = await c.pai.listAllResources(id, { ResourceName: 'console_pool' })
    const ids = await c.pai.updateWorkspaceResource(id, {
      ResourceIds: [pool!.Id],
      Spec: { ...pool!.Spec, clusterType: 'share', gpuType: 'A100' },
    })
    expect(ids).toEqual([pool!.Id])
    const [after] = await c.pai.listAllResources(id, { ResourceName: 'console_pool' })
    expect(after!.Spec).toEqual({ ...pool!.Spec, clusterType: 'share' })
    const [flink] = await c.pai.listAllResources(id, { ResourceTypes: 'Flink' })
    expect(flink).toMatchObject({ Name: 'flink_ros', ResourceType: 'FLINK' })
  })

  it('M6: DeleteMembers of the owner answers 200 with Code 100600017 in its body; the client reports it as M6', async () => {
    const id = await newWorkspace('truth_owner')
    const owner = await c.pai.getMember(id, { UserId: MAIN.uid! })
    expect(await codeOf(c.pai.deleteMembers(id, [owner.MemberId]))).toBe('CLOUD_OWNER_PROTECTED')
    const last = emu
      .requests()
      .filter((r) => r.action === 'DeleteMembers')
      .at(-1)!
    expect(last.status).toBe(200)
    expect((await c.pai.getMember(id, { UserId: MAIN.uid! })).Roles).toContain('PAI.WorkspaceOwner')
  })

  it('W4: CheckWorkspaceExists, DataWorks names and CreateWorkspace agree: names clash ignoring case', async () => {
    await newWorkspace('taken_ws')
    emu.seed({ dataworksNames: ['dw_Shared'] })
    expect(await c.pai.checkWorkspaceName('taken_ws')).toMatchObject({ taken: true, workspaceName: 'taken_ws' })
    expect(await c.pai.checkWorkspaceName('Taken_WS')).toMatchObject({ taken: true, workspaceName: 'taken_ws' })
    expect(await c.pai.checkWorkspaceName('DW_shared')).toMatchObject({ taken: true, workspaceName: 'dw_Shared' })
    expect(await c.pai.checkWorkspaceName('free_ws')).toEqual({ taken: false })
    expect(
      await codeOf(c.pai.createWorkspace({ WorkspaceName: 'Taken_WS', Description: 'd', EnvTypes: ['prod'] })),
    ).toBe('CLOUD_NAME_CONFLICT')
  })

  it('A3: Forbidden.RAM is a permission refusal whatever its status', async () => {
    const ram = createCloudClients(
      {
        region: 'cn-hangzhou',
        endpoint: emu.endpoint,
        protocol: 'http',
        accessKeyId: 'TESTAK5tRamBob000000001',
        accessKeySecret: 'bob-secret-0001',
        proxy: 'none',
      },
      { limiters: new LimiterRegistry(2) },
    )
    const e = await ram.pai.listWorkspaces().catch((err: unknown) => err)
    expect(e).toBeInstanceOf(AppError)
    expect(e).toMatchObject({ code: 'CLOUD_PERMISSION', ruleId: 'A3' })
    expect(CAROL.policies).toContain('AliyunPAIFullAccess')
  })

  it('the console-made seed is listed exactly as given: foreign rules, target fields, secrets and all', async () => {
    const ws = consoleMadeWorkspace('truth_seed', { developer: '2800000000000012', admin: '2800000000000013' })
    emu.seed({ workspaces: [ws] })
    const rules = await c.eventBridge.listAllRules({ EventBusName: 'pai-system-truth_seed' })
    const dlc = rules.find((r) => r.RuleName === 'console-dlc-failed')!
    expect(dlc.FilterPattern).toBe(ws.rules![0]!.FilterPattern)
    expect(dlc.Description).toBe('控制台创建')
    const fc = dlc.Targets!.find((t) => t.Id === 'console-fc-1')!
    expect(fc.DeadLetterQueue).toEqual({ Arn: 'acs:mns:cn-hangzhou:1800000000000001:/queues/dlq' })
    expect(JSON.stringify(dlc.Targets)).toContain(CONSOLE_DINGTALK_SECRET)
  })
})
