import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator, type RunningEmulator } from '../../../tools/emulator'
import { appOf } from './app'
import { cloudOf, consoleWorkspace, ids, sync, writes } from './console-kit'
import { MAIN, type Engine } from './harness'

/**
 * Issue 13, guessed writes: what the app sends with a key or a format no source documents is read back, and a
 * value the cloud dropped ends "not applied" with the draft kept (docs/pai-api-facts.md §1.7). Real SQLite, real
 * HTTP to the emulator, seeded with a console-made workspace.
 */

let emu: RunningEmulator
const engines: Engine[] = []

beforeAll(async () => {
  emu = await startEmulator({ accounts: [MAIN], asyncDelayMs: 10 })
})
afterAll(() => emu.close())
afterEach(async () => {
  while (engines.length) await engines.pop()!.close()
})

type Created = { Resources: Array<{ Name: string; Spec?: unknown }> }

describe('issue 13: guessed writes are read back', () => {
  it('C1: a new shared resource is sent as {"clusterType":"share"} and applies; a guessed GPU key the cloud drops on create ends "not applied" and the draft is kept', async () => {
    const { e, key } = await consoleWorkspace(emu, engines, 'consoleNewRes')
    const app = appOf(e)
    app.edit(key, (c) => {
      c.resources.push({ kind: 'general', envType: 'prod', name: 'shared_pool', isDefault: false })
      c.resources.push({
        kind: 'lingjun',
        envType: 'prod',
        name: 'gpu_pool',
        isDefault: false,
        spec: { gpuType: 'A100' },
      })
    })
    emu.clearRequests()
    const { status } = await sync(e, key)
    const sent = writes(emu)
      .filter((w) => w.action === 'CreateWorkspaceResource')
      .map((w) => (w.body as Created).Resources[0]!)
    expect(Object.fromEntries(sent.map((r) => [r.Name, r.Spec]))).toEqual({
      shared_pool: { clusterType: 'share' },
      gpu_pool: { clusterType: 'share', gpuType: 'A100' },
    })
    const byName = (n: string): (typeof status.ops)[number] =>
      status.ops.find((o) => o.subject?.target.endsWith(`/${n}`))!
    expect(byName('shared_pool').status).toBe('done')
    const gpu = byName('gpu_pool')
    expect(gpu).toMatchObject({ status: 'failed', lastError: { code: 'SYNC_NOT_APPLIED' } })
    expect(e.store.outbox.get(gpu.opId)!.lastError).toMatchObject({
      params: { field: 'gpu_pool.Spec.gpuType', sent: 'A100', found: '-' },
    })
    // The cloud holds the documented part only; the draft keeps the GPU type, still to do.
    const pool = Object.values(
      cloudOf(emu.state(), 'consoleNewRes').ws.resources as Record<string, { Name: string; Spec: unknown }>,
    ).find((r) => r.Name === 'gpu_pool')!
    expect(pool.Spec).toEqual({ clusterType: 'share' })
    expect(app.draftOf(key)?.resources.find((x) => x.name === 'gpu_pool')?.spec?.gpuType).toBe('A100')
    expect(ids(e.sync.plan(key))).toContain('apply:resource:lingjun/prod/gpu_pool:update')
  }, 90_000)

  it('ST1: a default-storage write the cloud accepts and ignores (emulator ignoreConfigKeys) ends "not applied" and the draft is kept', async () => {
    const deaf = await startEmulator({ accounts: [MAIN], asyncDelayMs: 10, ignoreConfigKeys: ['modelExportPath'] })
    try {
      const { e, key } = await consoleWorkspace(deaf, engines, 'consoleDeaf')
      const app = appOf(e)
      app.edit(key, (c) => {
        c.storage.defaultPath = 'oss://app-bucket/models/'
      })
      deaf.clearRequests()
      const { status } = await sync(e, key)
      expect(writes(deaf).map((w) => w.action)).toEqual(['UpdateConfigs'])
      const op = status.ops[0]!
      expect(op).toMatchObject({ kind: 'config.update', status: 'failed', lastError: { code: 'SYNC_NOT_APPLIED' } })
      expect(e.store.outbox.get(op.opId)!.lastError).toMatchObject({
        params: {
          field: 'modelExportPath',
          sent: 'oss://app-bucket.oss-cn-hangzhou-internal.aliyuncs.com/models/',
          found: 'oss://console-bkt.oss-cn-hangzhou-internal.aliyuncs.com/pai/',
        },
      })
      expect(app.draftOf(key)?.storage.defaultPath).toBe('oss://app-bucket/models/')
      expect(ids(e.sync.plan(key))).toEqual(['apply:config:modelExportPath:update'])
    } finally {
      while (engines.length) await engines.pop()!.close()
      await deaf.close()
    }
  }, 90_000)
})
