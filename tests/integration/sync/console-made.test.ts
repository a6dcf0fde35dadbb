import fs from 'node:fs'
import OpenApiClient, { $OpenApiUtil } from '@alicloud/openapi-core'
import * as $dara from '@darabonba/typescript'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { CONSOLE_DINGTALK_SECRET, startEmulator, type RunningEmulator } from '../../../tools/emulator'
import { appOf } from './app'
import * as kit from './console-kit'
import { cloudOf, ids, sync } from './console-kit'
import { MAIN, USERS, type Engine } from './harness'

/**
 * Issue 13: a workspace made in the console holds what the app has never seen. Refreshing, planning, editing
 * one field, applying, exporting and importing must leave all of it exactly as the console left it.
 * Real SQLite, real HTTP to the emulator seeded with console-made objects (tools/emulator/seeds/console.ts).
 */

let emu: RunningEmulator
const engines: Engine[] = []
const u1 = USERS[0]!.UserId

beforeAll(async () => {
  emu = await startEmulator({ accounts: [MAIN], asyncDelayMs: 10 })
})
afterAll(() => emu.close())
afterEach(async () => {
  while (engines.length) await engines.pop()!.close()
})

const consoleWorkspace = (name: string): ReturnType<typeof kit.consoleWorkspace> =>
  kit.consoleWorkspace(emu, engines, name)
const writes = (): ReturnType<typeof kit.writes> => kit.writes(emu)

describe('issue 13: what the app does not understand is never overwritten', () => {
  it('E2, D5: refresh then plan is empty; one edit sends only that change; the rest, foreign rules byte for byte, equals the seed; export, import, plan: still empty', async () => {
    const { e, key } = await consoleWorkspace('consoleWs')
    const app = appOf(e)
    const opened = app.open(key)
    const cfg = opened.config
    // Everything was kept, read-only, as the cloud has it.
    expect(cfg.notifications.rules).toEqual([])
    expect(cfg.notifications.foreignRules.map((r) => r.name).sort()).toEqual([
      'console-dlc-failed',
      'model-approvals-plus',
      'oss-uploads',
    ])
    expect(cfg.passthrough.configs.map((c) => c.key).sort()).toEqual([
      'dswPublicSsh',
      'isAutoRecycle',
      'predefinedTags',
      'tempStoragePath',
      'tempTableLifecycle',
    ])
    expect(cfg.storage.defaultPath).toBe('oss://console-bkt.oss-cn-hangzhou-internal.aliyuncs.com/pai/')
    expect(cfg.resources.find((r) => r.name === 'console_pool')?.extraSpec).toEqual({
      resourceId: 'rg-quota-1a2b',
      resourceName: '训练资源组',
    })
    expect(cfg.resources.find((r) => r.name === 'flink_ros')).toMatchObject({
      kind: 'flink',
      extraSpec: { flinkWorkspaceId: 'fw-123' },
    })
    expect(cfg.members.find((m) => m.userId === u1)?.roles.sort()).toEqual(['PAI.AlgoDeveloper', 'PAI.DatasetManager'])
    // D2: the console's signing secret is never stored by the app.
    expect(JSON.stringify(cfg)).not.toContain(CONSOLE_DINGTALK_SECRET)
    for (const f of fs.readdirSync(e.dataDir).filter((x) => x.startsWith('pai-admin.db')))
      expect(fs.readFileSync(`${e.dataDir}/${f}`).includes(CONSOLE_DINGTALK_SECRET), f).toBe(false)

    let plan = e.sync.plan(key)
    expect(plan.problems.filter((p) => p.severity === 'error')).toEqual([])
    expect(ids(plan)).toEqual([])

    const before = cloudOf(emu.state(), 'consoleWs')
    emu.clearRequests()
    app.edit(key, (c) => {
      c.basic.description = 'edited in the app'
    })
    const { plan: applied, status } = await sync(e, key)
    expect(ids(applied)).toEqual([expect.stringMatching(/^apply:workspace:consoleWs:update$/)])
    expect(status.ops.map((o) => `${o.kind}:${o.status}`)).toEqual(['workspace.update:done'])
    // The request log shows that change and nothing else.
    expect(writes()).toEqual([{ action: 'UpdateWorkspace', body: { Description: 'edited in the app' }, query: {} }])
    const after = cloudOf(emu.state(), 'consoleWs')
    expect(after.bus).toEqual(before.bus)
    expect(JSON.stringify(after.bus)).toBe(JSON.stringify(before.bus))
    expect({ ...after.ws, Description: before.ws.Description, GmtModifiedTime: before.ws.GmtModifiedTime }).toEqual(
      before.ws,
    )
    expect(after.ws.Description).toBe('edited in the app')

    // Export, import, plan: still nothing to do, and still nothing sent.
    const out = await app.bundles.export({ keys: [key], format: 'yaml', source: 'cloud', secrets: { mode: 'refs' } })
    expect(out.content).not.toContain(CONSOLE_DINGTALK_SECRET)
    for (const v of [
      'foreignRules:',
      'console-dlc-failed',
      'passthrough:',
      'dswPublicSsh',
      'extraSpec:',
      'PAI.DatasetManager',
    ])
      expect(out.content).toContain(v)
    const imported = await app.bundles.import({ fileName: out.fileName, content: out.content, profileId: e.profileId })
    expect(imported.drafts).toHaveLength(1)
    plan = e.sync.plan(imported.drafts[0]!.key)
    expect(ids(plan)).toEqual([])
    expect(plan.problems.filter((p) => p.severity === 'error')).toEqual([])
  }, 90_000)

  it('E2: refreshing a console-made workspace (twice, and with the draft open) sends no write at all and leaves the cloud as seeded', async () => {
    const { e, key } = await consoleWorkspace('consoleQuiet')
    const before = cloudOf(emu.state(), 'consoleQuiet')
    emu.clearRequests()
    appOf(e).open(key)
    await e.sync.refresh(e.profileId)
    await e.sync.refresh(e.profileId)
    expect(emu.requests().length).toBeGreaterThan(0)
    expect(writes()).toEqual([])
    expect(cloudOf(emu.state(), 'consoleQuiet')).toEqual(before)
  }, 90_000)

  it('C1, issue 13 item 5: a resource update sends only the changed key over the cloud Spec; a guessed key the cloud ignores ends "not applied" and the draft is kept', async () => {
    const { e, key } = await consoleWorkspace('consoleRes')
    const app = appOf(e)
    const before = cloudOf(emu.state(), 'consoleRes')
    emu.clearRequests()
    app.edit(key, (c) => {
      const r = c.resources.find((x) => x.name === 'console_pool')!
      r.spec = { ...r.spec, gpuType: 'A100' }
    })
    const { plan, status } = await sync(e, key)
    expect(plan.actions.map((a) => a.op?.payload)).toEqual([
      { Name: 'console_pool', EnvType: 'prod', ResourceType: 'ECS', Spec: { gpuType: 'A100' } },
    ])
    const op = status.ops[0]!
    expect(op).toMatchObject({ kind: 'resource.update', status: 'failed', lastError: { code: 'SYNC_NOT_APPLIED' } })
    expect(e.store.outbox.get(op.opId)!.lastError).toMatchObject({
      params: { field: 'console_pool.Spec.gpuType', sent: 'A100', found: '-' },
    })
    // Sent: the cloud's Spec with the one key laid over it, so nothing the app does not model is lost.
    expect(writes()).toEqual([
      {
        action: 'UpdateWorkspaceResource',
        body: {
          ResourceIds: [expect.any(String)],
          ResourceType: 'ECS',
          Spec: { clusterType: 'private', resourceId: 'rg-quota-1a2b', resourceName: '训练资源组', gpuType: 'A100' },
        },
        query: {},
      },
    ])
    expect(cloudOf(emu.state(), 'consoleRes').ws).toEqual(before.ws)
    // The draft is kept with the change still to do.
    expect(app.draftOf(key)?.resources.find((x) => x.name === 'console_pool')?.spec?.gpuType).toBe('A100')
    expect(ids(e.sync.plan(key))).toEqual(['apply:resource:general/prod/console_pool:update'])

    // A documented key applies, and the keys the app does not model stay.
    app.edit(key, (c) => {
      const r = c.resources.find((x) => x.name === 'console_pool')!
      r.spec = { clusterType: 'share' }
    })
    const second = await sync(e, key)
    expect(second.status.ops.map((o) => `${o.kind}:${o.status}`)).toEqual(['resource.update:done'])
    const pool = Object.values(
      cloudOf(emu.state(), 'consoleRes').ws.resources as Record<string, { Name: string; Spec: unknown }>,
    ).find((r) => r.Name === 'console_pool')!
    expect(pool.Spec).toEqual({ clusterType: 'share', resourceId: 'rg-quota-1a2b', resourceName: '训练资源组' })
  }, 90_000)

  it('E2: a foreign rule is deleted only on request (DeleteRule, nothing else); an edited copy is refused, never sent', async () => {
    const { e, key } = await consoleWorkspace('consoleRules')
    const app = appOf(e)
    app.edit(key, (c) => {
      const f = c.notifications.foreignRules.find((r) => r.name === 'model-approvals-plus')!
      f.filterPattern = '{"source":["acs.pai"]}'
    })
    expect(e.sync.plan(key).actions).toEqual([
      expect.objectContaining({ kind: 'refused', code: 'SYNC_FOREIGN_RULE_READ_ONLY', target: 'model-approvals-plus' }),
    ])
    app.edit(key, (c) => {
      c.notifications.foreignRules = c.notifications.foreignRules
        .filter((r) => r.name !== 'model-approvals-plus')
        .map((r) => (r.name === 'oss-uploads' ? { ...r, deleteRequested: true } : r))
    })
    emu.clearRequests()
    const { plan, status } = await sync(e, key)
    expect(ids(plan)).toEqual(['apply:rule:oss-uploads:delete'])
    expect(status.ops.map((o) => `${o.kind}:${o.status}`)).toEqual(['rule.delete:done'])
    expect(writes()).toEqual([
      { action: 'DeleteRule', body: undefined, query: expect.objectContaining({ RuleName: 'oss-uploads' }) },
    ])
    const bus = cloudOf(emu.state(), 'consoleRules').bus as { rules: Record<string, unknown> }
    expect(Object.keys(bus.rules).sort()).toEqual(['console-dlc-failed', 'model-approvals-plus'])
  }, 90_000)

  it('E3: an update of a rule the app made keeps every pattern key it does not model (added in the console meanwhile)', async () => {
    const { e, key, id } = await consoleWorkspace('consoleOwnRule')
    const app = appOf(e)
    app.edit(key, (c) => {
      c.notifications.rules.push({
        name: 'app-rule',
        enabled: true,
        eventTypes: ['dlc.jobProgress'],
        scope: 'all',
        targets: [{ type: 'sms', contacts: ['13800000009'] }],
      })
    })
    await sync(e, key)
    await e.sync.refresh(e.profileId, id)
    expect(app.open(key).config.notifications.rules.map((r) => r.name)).toEqual(['app-rule'])
    // The console adds a key to the pattern after the app's last read.
    const t = Object.values(emu.core.state.tenants).find((x) => x.buses['pai-system-consoleOwnRule'])!
    const rule = t.buses['pai-system-consoleOwnRule']!.rules['app-rule']!
    rule.FilterPattern = JSON.stringify({ ...JSON.parse(rule.FilterPattern), subject: [{ prefix: 'acs:pai:dlc' }] })
    app.edit(key, (c) => {
      c.notifications.rules[0]!.eventTypes = ['dlc.jobProgress', 'dlc.other']
    })
    emu.clearRequests()
    const { status } = await sync(e, key)
    expect(status.ops.map((o) => `${o.kind}:${o.status}`)).toEqual(['rule.update:done'])
    const sent = writes()[0]!
    expect(sent.action).toBe('UpdateRule')
    expect(JSON.parse(sent.query.FilterPattern!)).toEqual({
      source: ['acs.pai'],
      type: ['pai.dlc.jobProgress', 'pai.dlc.other'],
      subject: [{ prefix: 'acs:pai:dlc' }],
    })
  }, 90_000)

  it("ST1: the default storage the app writes is read by a client that reads modelExportPath as Alibaba's SDK does", async () => {
    const { e, key, id } = await consoleWorkspace('consoleStore')
    const app = appOf(e)
    app.edit(key, (c) => {
      c.storage.defaultPath = 'oss://app-bucket/models/'
    })
    const { plan, status } = await sync(e, key)
    expect(plan.actions.map((a) => a.op?.payload)).toEqual([
      {
        Configs: [
          {
            ConfigKey: 'modelExportPath',
            ConfigValue: 'oss://app-bucket.oss-cn-hangzhou-internal.aliyuncs.com/models/',
          },
        ],
      },
    ])
    expect(status.ops.map((o) => `${o.kind}:${o.status}`)).toEqual(['config.update:done'])
    // pai-python-sdk: WorkspaceAPI.get_default_storage_uri lists ConfigKeys=modelExportPath and takes the value
    // whose ConfigKey matches; OssUriObj.parse splits the host at its first dot into bucket and endpoint.
    const sdk = new OpenApiClient(
      new $OpenApiUtil.Config({
        accessKeyId: MAIN.accessKeyId,
        accessKeySecret: MAIN.accessKeySecret,
        endpoint: emu.endpoint,
        protocol: 'http',
        regionId: 'cn-hangzhou',
      }),
    )
    const res = (await sdk.callApi(
      new $OpenApiUtil.Params({
        action: 'ListConfigs',
        version: '2021-02-04',
        protocol: 'HTTP',
        pathname: `/api/v1/workspaces/${id}/configs`,
        method: 'GET',
        authType: 'AK',
        style: 'ROA',
        reqBodyType: 'json',
        bodyType: 'json',
      }),
      new $OpenApiUtil.OpenApiRequest({ query: { ConfigKeys: 'modelExportPath' } }),
      new $dara.RuntimeOptions({}),
    )) as { body: { Configs: Array<{ ConfigKey: string; ConfigValue: string }> } }
    const uri = res.body.Configs.find((x) => x.ConfigKey === 'modelExportPath')!.ConfigValue
    const parsed = new URL(uri.replace(/^oss:/, 'http:'))
    const [bucket, ...endpoint] = parsed.hostname.split('.')
    expect({ bucket, endpoint: endpoint.join('.'), objectKey: parsed.pathname.replace(/^\//, '') }).toEqual({
      bucket: 'app-bucket',
      endpoint: 'oss-cn-hangzhou-internal.aliyuncs.com',
      objectKey: 'models/',
    })
    // Read back with its endpoint, the path is the same folder: nothing left to do.
    await e.sync.refresh(e.profileId, id)
    expect(app.open(key).config.storage.defaultPath).toBe(
      'oss://app-bucket.oss-cn-hangzhou-internal.aliyuncs.com/models/',
    )
    expect(ids(e.sync.plan(key))).toEqual([])
  }, 90_000)
})
