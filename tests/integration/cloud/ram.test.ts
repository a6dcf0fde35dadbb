import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { AppError } from '@shared/ipc/errors'
import { formatMessage } from '@shared/messages'
import { createCloudClients, LimiterRegistry, type CloudClients } from '../../../core/cloud'
import type { RunningEmulator } from '../../../tools/emulator'
import { BOB, MAIN, startTestEmulator } from '../emulator/support'

/** The RAM client (core/cloud/ram.ts) over real HTTP to the emulator: paging, group-granted policies, errors. */

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
    { retry: { baseDelayMs: 5, maxDelayMs: 20, maxAttempts: 2 }, limiters: new LimiterRegistry() },
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

const MANY = Array.from({ length: 230 }, (_, i) => ({
  UserId: `28000000000${String(i).padStart(5, '0')}`,
  UserName: `u${String(i).padStart(3, '0')}`,
  DisplayName: `用户 ${i}`,
}))

describe('RAM 2015-05-01 against the emulator', () => {
  let emu: RunningEmulator
  let c: CloudClients
  beforeAll(async () => {
    emu = await startTestEmulator()
    c = clientsFor(emu)
  })
  afterAll(() => emu.close())
  beforeEach(() => {
    emu.reset()
    emu.clearRequests()
  })

  it('ListUsers pages with Marker until IsTruncated is false (MaxItems 100: three pages)', async () => {
    emu.seed({ users: MANY })
    const all = await c.ram.listAllUsers(100)
    // The seeded users and the three RAM AccessKeys of the test accounts (alice, bob, carol); never the main account.
    expect(all).toHaveLength(233)
    expect(new Set(all.map((u) => u.UserId)).size).toBe(233)
    expect(all.find((u) => u.UserName === 'u007')).toMatchObject({ UserId: MANY[7]!.UserId, DisplayName: '用户 7' })
    expect(all.some((u) => u.UserId === MAIN.uid)).toBe(false)
    const sent = emu.requests().filter((r) => r.action === 'ListUsers')
    expect(sent).toHaveLength(3)
    expect(sent.map((r) => r.sent?.query.MaxItems)).toEqual(['100', '100', '100'])
    expect(sent[0]!.sent?.query.Marker).toBeUndefined()
    expect(sent[1]!.sent?.query.Marker).toEqual(expect.any(String))
    const first = await c.ram.listUsers(undefined, 100)
    expect(first.users).toHaveLength(100)
    expect(first.marker).toEqual(expect.any(String))
  })

  it('A3: AliyunPAIFullAccess attached directly, through a group, or not at all', async () => {
    emu.seed({
      ramGroups: [
        { GroupName: 'pai-team', Policies: ['AliyunPAIFullAccess'] },
        { GroupName: 'readers', Policies: ['AliyunOSSReadOnlyAccess'] },
      ],
      users: [
        { UserId: '2810000000000001', UserName: 'direct', Policies: ['AliyunPAIFullAccess'] },
        { UserId: '2810000000000002', UserName: 'viagroup', Groups: ['pai-team', 'readers'] },
        { UserId: '2810000000000003', UserName: 'none', Policies: ['AliyunECSReadOnlyAccess'], Groups: ['readers'] },
      ],
    })
    expect((await c.ram.listPoliciesForUser('direct')).map((p) => p.PolicyName)).toEqual(['AliyunPAIFullAccess'])
    expect(await c.ram.listPoliciesForUser('viagroup')).toEqual([])
    expect(await c.ram.listGroupsForUser('viagroup')).toEqual(['pai-team', 'readers'])
    expect((await c.ram.listPoliciesForGroup('pai-team')).map((p) => p.PolicyName)).toEqual(['AliyunPAIFullAccess'])
    expect((await c.ram.listPoliciesForUser('none')).map((p) => p.PolicyName)).toEqual(['AliyunECSReadOnlyAccess'])
    expect(await c.ram.listGroupsForUser('none')).toEqual(['readers'])
    // A RAM AccessKey's own policies are its RAM policies.
    expect(await c.ram.listPoliciesForUser('bob')).toEqual([])
    const missing = await appError(c.ram.listPoliciesForUser('ghost'))
    expect(missing.code).toBe('CLOUD_NOT_FOUND')
    expect(missing.details).toMatchObject({ cloudCode: 'EntityNotExist.User', service: 'ram' })
  })

  it('NoPermission from RAM is CLOUD_RAM_PERMISSION with the cloud message and request ID, in zh-CN and English', async () => {
    const denied = await appError(clientsFor(emu, BOB).ram.listAllUsers())
    expect(denied.code).toBe('CLOUD_RAM_PERMISSION')
    expect(denied.ruleId).toBeUndefined()
    expect(denied.details).toMatchObject({ cloudCode: 'NoPermission', httpStatus: 403, action: 'ListUsers' })
    const requestId = (denied.details as { requestId: string }).requestId
    const zh = formatMessage('zh-CN', denied.code, denied.params)
    expect(zh).toContain('访问控制(RAM)')
    expect(zh).toContain('You are not authorized to do this action')
    expect(zh).toContain(requestId)
    expect(zh).not.toMatch(/\{\w+\}/)
    expect(formatMessage('en', denied.code, denied.params)).toContain('AliyunRAMReadOnlyAccess')
    // Not retried: a refusal is final.
    expect(emu.requests().filter((r) => r.action === 'ListUsers')).toHaveLength(1)
  })

  it('RAM requests are signature-checked like every other call: a wrong secret is CLOUD_AUTH, never an answer', async () => {
    const wrong = clientsFor(emu, { accessKeyId: MAIN.accessKeyId!, accessKeySecret: 'not-the-secret' })
    const e = await appError(wrong.ram.listUsers())
    expect(e.code).toBe('CLOUD_AUTH')
    expect(e.details).toMatchObject({ cloudCode: 'SignatureDoesNotMatch', service: 'ram' })
  })

  it("behind a proxy the same calls go through our signed transport: every page, then a user's groups", async () => {
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
    try {
      emu.seed({
        ramGroups: [{ GroupName: 'pai-team', Policies: ['AliyunPAIFullAccess'] }],
        users: [...MANY.slice(0, 150), { UserId: '2810000000000009', UserName: 'viagroup', Groups: ['pai-team'] }],
      })
      const c = createCloudClients(
        {
          region: 'cn-hangzhou',
          endpoint: emu.endpoint,
          protocol: 'http',
          accessKeyId: MAIN.accessKeyId,
          accessKeySecret: MAIN.accessKeySecret,
          proxy: { url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}` },
        },
        { limiters: new LimiterRegistry() },
      )
      expect(await c.ram.listAllUsers(100)).toHaveLength(154)
      expect(await c.ram.listGroupsForUser('viagroup')).toEqual(['pai-team'])
      expect(seen).toHaveLength(3)
      expect(seen.every((x) => x.startsWith(`POST http://${emu.endpoint}/?`))).toBe(true)
      expect(seen[1]).toMatch(/[?&]Marker=/)
    } finally {
      proxy.close()
    }
  })
})
