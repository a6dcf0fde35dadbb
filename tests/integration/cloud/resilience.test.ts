import http from 'node:http'
import net from 'node:net'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { AppError } from '@shared/ipc/errors'
import {
  createCloudClients,
  LimiterRegistry,
  type CloudClientOptions,
  type CloudClients,
  type CloudProfileInput,
} from '../../../core/cloud'
import type { RunningEmulator } from '../../../tools/emulator'
import { MAIN, startTestEmulator } from '../emulator/support'

/** Retries, lost answers, malformed answers, timeouts, the concurrency cap and proxies, against the emulator. */

async function appError(p: Promise<unknown>): Promise<AppError> {
  try {
    await p
  } catch (err) {
    if (err instanceof AppError) return err
    throw err
  }
  throw new Error('expected an AppError')
}

describe('resilience of the cloud clients', () => {
  let emu: RunningEmulator
  const profile = (): CloudProfileInput => ({
    region: 'cn-hangzhou',
    endpoint: emu.endpoint,
    protocol: 'http',
    accessKeyId: MAIN.accessKeyId,
    accessKeySecret: MAIN.accessKeySecret,
    proxy: 'none',
  })
  const make = (opts: CloudClientOptions = {}): CloudClients =>
    createCloudClients(profile(), {
      retry: { baseDelayMs: 5, maxDelayMs: 20 },
      limiters: new LimiterRegistry(),
      ...opts,
    })
  const actions = (name: string): Array<{ status: number; fault?: string }> =>
    emu.requests().filter((r) => r.action === name)
  beforeAll(async () => {
    emu = await startTestEmulator()
  })
  afterAll(() => emu.close())
  beforeEach(() => emu.reset())

  it('throttling: waits at least x-acs-retry-after before each retry, then succeeds', async () => {
    const retries: number[] = []
    const c = make({ hooks: { onRetry: (i) => retries.push(i.delayMs) } })
    emu.faults({ inject: [{ kind: 'throttle', action: 'ListWorkspaces', retryAfterMs: 300, count: 2 }] })
    const t0 = performance.now()
    const page = await c.pai.listWorkspaces()
    const took = performance.now() - t0
    expect(page.items).toEqual([])
    expect(retries).toHaveLength(2)
    expect(retries.every((d) => d >= 300)).toBe(true)
    expect(took).toBeGreaterThanOrEqual(600)
    expect(actions('ListWorkspaces').map((r) => r.status)).toEqual([429, 429, 200])
  })

  it('throttling that outlasts the attempts fails with CLOUD_THROTTLED; a retry-after beyond the cap is not waited for', async () => {
    const c = make({ retry: { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 20 } })
    emu.faults({ inject: [{ kind: 'throttle', action: 'ListWorkspaces', retryAfterMs: 10, count: 5 }] })
    const e = await appError(c.pai.listWorkspaces())
    expect(e).toMatchObject({
      code: 'CLOUD_THROTTLED',
      details: { cloudCode: 'Throttling.User', attempts: 3, retryAfterMs: 10 },
    })
    emu.clearFaults()
    emu.clearRequests()
    emu.faults({ inject: [{ kind: 'throttle', action: 'ListWorkspaces', retryAfterMs: 120_000 }] })
    // A client of its own: the first one has learned to pace itself after five throttling answers.
    const fresh = make({ retry: { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 20 } })
    const t0 = performance.now()
    expect((await appError(fresh.pai.listWorkspaces())).code).toBe('CLOUD_THROTTLED')
    expect(performance.now() - t0).toBeLessThan(1000)
    expect(actions('ListWorkspaces')).toHaveLength(1)
  })

  it('5xx and dropped connections are retried for reads', async () => {
    const c = make()
    emu.faults({
      inject: [
        { kind: '500', action: 'ListWorkspaces' },
        { kind: 'drop-before', action: 'ListWorkspaces' },
        { kind: '503', action: 'ListWorkspaces' },
      ],
    })
    expect((await c.pai.listWorkspaces()).items).toEqual([])
    expect(actions('ListWorkspaces').map((r) => r.fault ?? 'ok')).toEqual(['500', 'drop-before', '503', 'ok'])
  })

  it('4xx are never retried', async () => {
    const c = make()
    emu.clearRequests()
    expect((await appError(c.pai.getWorkspace('404404'))).code).toBe('CLOUD_NOT_FOUND')
    expect(actions('GetWorkspace')).toHaveLength(1)
  })

  it('a create whose answer is lost (connection dropped after processing) is not repeated: CLOUD_ANSWER_LOST, one create call', async () => {
    const lost: string[] = []
    const c = make({ hooks: { onAnswerLost: (i) => lost.push(i.action) } })
    emu.faults({ inject: [{ kind: 'drop-after', action: 'CreateWorkspace' }] })
    const e = await appError(c.pai.createWorkspace({ WorkspaceName: 'ws_lost', Description: 'd', EnvTypes: ['prod'] }))
    expect(e.code).toBe('CLOUD_ANSWER_LOST')
    expect(e.details).toMatchObject({ outcome: 'unknown', answerLost: true, action: 'CreateWorkspace' })
    expect(lost).toEqual(['CreateWorkspace'])
    expect(emu.state().createCalls).toEqual({ [`CreateWorkspace:${MAIN.uid}/ws_lost`]: 1 })
    // It was in fact created: reconciling by name finds it.
    expect(await c.pai.findWorkspaceByName('ws_lost')).toBeDefined()
  })

  it('with reconcile, a lost create answer is resolved by natural key: the existing workspace is returned, nothing is created twice', async () => {
    const c = make()
    emu.faults({ inject: [{ kind: 'drop-after', action: 'CreateWorkspace' }] })
    const input = { WorkspaceName: 'ws_reconciled', Description: 'd', EnvTypes: ['prod' as const] }
    const r = await c.pai.createWorkspace(input, {
      reconcile: async () => {
        const w = await c.pai.findWorkspaceByName(input.WorkspaceName)
        return w && { WorkspaceId: w.WorkspaceId }
      },
    })
    const all = await c.pai.listAllWorkspaces()
    expect(all.map((w) => [w.WorkspaceId, w.WorkspaceName])).toEqual([[r.WorkspaceId, 'ws_reconciled']])
    expect(emu.state().createCalls[`CreateWorkspace:${MAIN.uid}/ws_reconciled`]).toBe(1)
  })

  it('with reconcile, a create that never reached the server (dropped before) is retried once reconcile finds nothing', async () => {
    const c = make()
    emu.faults({ inject: [{ kind: 'drop-before', action: 'CreateMember' }] })
    const { WorkspaceId: id } = await c.pai.createWorkspace({
      WorkspaceName: 'ws_members',
      Description: 'd',
      EnvTypes: ['prod'],
    })
    let reconciled = 0
    const members = await c.pai.createMembers(
      id,
      { Members: [{ UserId: '2700000000000003', Roles: ['PAI.WorkspaceGuest'] }] },
      {
        reconcile: async () => {
          reconciled++
          const found = (await c.pai.listAllMembers(id, { UserId: '2700000000000003' })).map((m) => ({
            MemberId: m.MemberId,
            UserId: m.UserId,
            Roles: m.Roles,
          }))
          return found.length ? found : undefined
        },
      },
    )
    expect(reconciled).toBe(1)
    expect(members).toMatchObject([{ UserId: '2700000000000003', Roles: ['PAI.WorkspaceGuest'] }])
    expect(emu.state().createCalls[`CreateMember:${id}/2700000000000003`]).toBe(1)
    expect(actions('CreateMember').map((r) => r.fault ?? r.status)).toEqual(['drop-before', 200])
  })

  it('a 500 on a create is an unknown outcome too: not retried blindly', async () => {
    const c = make()
    emu.faults({ inject: [{ kind: '500', action: 'CreateWorkspace' }] })
    const e = await appError(c.pai.createWorkspace({ WorkspaceName: 'ws_500', Description: 'd', EnvTypes: ['prod'] }))
    expect(e.code).toBe('CLOUD_ANSWER_LOST')
    expect(e.details).toMatchObject({ httpStatus: 500, cloudCode: 'InternalError', requestId: expect.any(String) })
    expect(actions('CreateWorkspace')).toHaveLength(1)
  })

  it('a malformed JSON answer is CLOUD_BAD_RESPONSE with the request ID, not a crash', async () => {
    const c = make()
    emu.faults({ inject: [{ kind: 'malformed', action: 'ListWorkspaces' }] })
    const e = await appError(c.pai.listWorkspaces())
    expect(e.code).toBe('CLOUD_BAD_RESPONSE')
    const servedId = actions('ListWorkspaces')[0]!
    expect(e.params.requestId).toBe((servedId as { requestId?: string }).requestId)
    expect(String(e.params.summary)).toContain('ListWorkspaces')
  })

  it('a read that outlasts the read timeout is CLOUD_TIMEOUT after the retries', async () => {
    const c = make({ timeouts: { readTimeoutMs: 200 }, retry: { maxAttempts: 2, baseDelayMs: 5, maxDelayMs: 10 } })
    emu.faults({ inject: [{ kind: 'latency', action: 'ListWorkspaces', latencyMs: 600, count: 2 }] })
    const e = await appError(c.pai.listWorkspaces())
    expect(e).toMatchObject({ code: 'CLOUD_TIMEOUT', details: { attempts: 2, outcome: 'unknown' } })
  })

  it('a create answered after the connect timeout is a slow answer, not an unsent request: one create, its answer used', async () => {
    const c = make({ timeouts: { connectTimeoutMs: 300, readTimeoutMs: 2_000 } })
    emu.faults({ inject: [{ kind: 'late', action: 'CreateWorkspace', latencyMs: 900 }] })
    const r = await c.pai.createWorkspace({ WorkspaceName: 'ws_late', Description: 'd', EnvTypes: ['prod'] })
    expect(r.WorkspaceId).toBeTruthy()
    expect(emu.state().createCalls).toEqual({ [`CreateWorkspace:${MAIN.uid}/ws_late`]: 1 })
    expect(actions('CreateWorkspace')).toEqual([expect.objectContaining({ status: 200, fault: 'late' })])
  })

  it('a create with no answer within its read timeout is an unknown outcome: reconciled by name, never sent blindly again', async () => {
    const c = make({ timeouts: { connectTimeoutMs: 300, readTimeoutMs: 200, createReadTimeoutMs: 500 } })
    emu.faults({ inject: [{ kind: 'late', action: 'CreateWorkspace', latencyMs: 1_500 }] })
    const input = { WorkspaceName: 'ws_unanswered', Description: 'd', EnvTypes: ['prod' as const] }
    const e = await appError(c.pai.createWorkspace(input))
    expect(e).toMatchObject({ code: 'CLOUD_ANSWER_LOST', details: { outcome: 'unknown', answerLost: true } })
    emu.faults({ inject: [{ kind: 'late', action: 'CreateWorkspace', latencyMs: 1_500 }] })
    const again = { ...input, WorkspaceName: 'ws_unanswered2' }
    const r = await c.pai.createWorkspace(again, {
      reconcile: async () => {
        const w = await c.pai.findWorkspaceByName(again.WorkspaceName)
        return w && { WorkspaceId: w.WorkspaceId }
      },
    })
    expect(r.WorkspaceId).toBeTruthy()
    expect(emu.state().createCalls).toEqual({
      [`CreateWorkspace:${MAIN.uid}/ws_unanswered`]: 1,
      [`CreateWorkspace:${MAIN.uid}/ws_unanswered2`]: 1,
    })
  })

  it('nothing listening is CLOUD_NETWORK with outcome not-sent (so even a create may be retried)', async () => {
    const free = await new Promise<number>((resolve) => {
      const s = net.createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as AddressInfo).port
        s.close(() => resolve(p))
      })
    })
    const c = createCloudClients(
      { ...profile(), endpoint: `127.0.0.1:${free}` },
      { retry: { maxAttempts: 2, baseDelayMs: 5, maxDelayMs: 10 }, limiters: new LimiterRegistry() },
    )
    const e = await appError(c.pai.createWorkspace({ WorkspaceName: 'ws_net', Description: 'd', EnvTypes: ['prod'] }))
    expect(e).toMatchObject({ code: 'CLOUD_NETWORK', details: { outcome: 'not-sent', attempts: 2, answerLost: false } })
  })

  it('caps concurrent requests per endpoint (shared by the services on that endpoint)', async () => {
    const limiters = new LimiterRegistry(2)
    const c = make({ limiters })
    emu.faults({ latencyMs: 80 })
    let peak = 0
    const limiter = c.limiterFor('pai')
    expect(c.limiterFor('eventBridge')).toBe(limiter)
    const timer = setInterval(() => (peak = Math.max(peak, limiter.active)), 2)
    const t0 = performance.now()
    await Promise.all(Array.from({ length: 6 }, () => c.pai.listWorkspaces()))
    clearInterval(timer)
    emu.clearFaults()
    expect(peak).toBe(2)
    expect(performance.now() - t0).toBeGreaterThanOrEqual(3 * 80 - 10)
    limiter.resize(6)
    // The hard cap; what the window allows right now may be lower (learned from the service, core/cloud/pacing.ts).
    expect(limiter.maxConcurrent).toBe(6)
  })

  it('sends every service through a per-profile HTTP proxy, still signed', async () => {
    const seen: string[] = []
    const proxy = http.createServer((req, res) => {
      seen.push(`${req.method} ${req.url}`)
      const target = new URL(req.url ?? '')
      const up = http.request(
        {
          host: target.hostname,
          port: target.port,
          method: req.method,
          path: target.pathname + target.search,
          headers: req.headers,
        },
        (r) => {
          res.writeHead(r.statusCode ?? 502, r.headers)
          r.pipe(res)
        },
      )
      up.on('error', () => res.destroy())
      req.pipe(up)
    })
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', () => r()))
    const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`
    try {
      emu.seed({ slsProjects: [{ projectName: 'proxied', logstores: ['a'] }] })
      const c = createCloudClients({ ...profile(), proxy: { url: proxyUrl } }, { limiters: new LimiterRegistry() })
      await c.pai.createWorkspace({ WorkspaceName: 'via_proxy', Description: 'd', EnvTypes: ['prod'] })
      expect((await c.pai.listAllWorkspaces()).map((w) => w.WorkspaceName)).toEqual(['via_proxy'])
      expect((await c.sts.getCallerIdentity()).kind).toBe('main')
      expect(await c.eventBridge.listAllEventBuses()).toHaveLength(1)
      expect(await c.sls.listAllProjects()).toHaveLength(1)
      expect(await c.sls.listAllLogStores('proxied')).toEqual(['a'])
      expect(seen.map((s) => s.split('?')[0])).toEqual([
        `POST http://${emu.endpoint}/api/v1/workspaces`,
        `GET http://${emu.endpoint}/api/v1/workspaces`,
        `POST http://${emu.endpoint}/`,
        `POST http://${emu.endpoint}/`,
        `GET http://${emu.endpoint}/`,
        `GET http://${emu.endpoint}/logstores`,
      ])
      // NO_PROXY-style bypass: the same profile with the emulator listed goes direct.
      seen.length = 0
      const direct = createCloudClients(
        { ...profile(), proxy: { url: proxyUrl, noProxy: '127.0.0.1' } },
        { limiters: new LimiterRegistry() },
      )
      await direct.pai.listWorkspaces()
      expect(seen).toEqual([])
    } finally {
      await new Promise<void>((r) => proxy.close(() => r()))
    }
  })
})
