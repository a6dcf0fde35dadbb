import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Core } from '../../../core/core'
import { testCore } from '../../helpers/core'
import { testOnlyRoutesFromEnv } from '../../../core/services/cloud-sessions'
import { startTestEmulator } from '../emulator/support'

/**
 * Issue 11 item 4: the DingTalk robot test never goes through the profile's PAI endpoint. Its webhook
 * carries the robot's access token (and the signature), so it goes to oapi.dingtalk.com over HTTPS,
 * through the profile's proxy, whatever endpoint the profile has.
 */

interface Seen {
  method: string
  url: string
}

/** An HTTP server standing in for a profile's custom endpoint: it answers every request as a robot would. */
async function fakeEndpoint(): Promise<{ server: http.Server; seen: Seen[]; endpoint: string }> {
  const seen: Seen[] = []
  const server = http.createServer((req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '' })
    res.setHeader('content-type', 'application/json')
    res.end(JSON.stringify({ errcode: 0, errmsg: 'ok' }))
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  return { server, seen, endpoint: `127.0.0.1:${(server.address() as AddressInfo).port}` }
}

/** A proxy that records CONNECT targets and refuses them (so nothing leaves this machine). */
async function refusingProxy(): Promise<{ server: http.Server; connects: string[]; url: string }> {
  const connects: string[] = []
  const server = http.createServer((_req, res) => {
    res.statusCode = 405
    res.end()
  })
  server.on('connect', (req: http.IncomingMessage, socket: import('node:net').Socket) => {
    connects.push(req.url ?? '')
    socket.end('HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\n\r\n')
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  return { server, connects, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }
}

describe('DingTalk robot routing (issue 11 item 4)', () => {
  let core: Core
  let dataDir: string
  let endpoint: Awaited<ReturnType<typeof fakeEndpoint>>
  let proxy: Awaited<ReturnType<typeof refusingProxy>>
  let profileId: string

  beforeAll(async () => {
    endpoint = await fakeEndpoint()
    proxy = await refusingProxy()
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pai-dingroute-'))
    core = testCore({ dataDir, syncWorker: 'never' })
    const added = await core.invoke('profiles.add', {
      name: 'custom-endpoint',
      region: 'cn-hangzhou',
      endpoint: endpoint.endpoint,
      protocol: 'http',
      accessKeyId: 'TESTAK5tRouting0001',
      proxy: proxy.url,
    })
    if (!added.ok) throw new Error(JSON.stringify(added.error))
    profileId = added.value.id
  })
  afterAll(async () => {
    await core.close()
    endpoint.server.close()
    proxy.server.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  it("E7: the robot's token never reaches the profile's endpoint; the test goes to oapi.dingtalk.com:443 through the profile's proxy", async () => {
    const res = await core.invoke('dingtalk.test', {
      profileId,
      webhook: 'https://oapi.dingtalk.com/robot/send?access_token=leak-check-token',
      secret: 'SECleak-check-secret',
    })
    expect(res.ok).toBe(true)
    // Nothing went to the PAI endpoint (over plain HTTP, with the token in the query).
    expect(endpoint.seen).toEqual([])
    // It went to DingTalk itself, over TLS (CONNECT to port 443), through the profile's proxy.
    expect(proxy.connects).toEqual(['oapi.dingtalk.com:443'])
    // DingTalk was not reached (the proxy refused): that is a network error, never "received".
    if (res.ok) expect(res.value).toMatchObject({ ok: false, code: 'CLOUD_NETWORK' })
  })

  it("E7: tests reach the emulator's robot only through the explicit test-only route", async () => {
    const emu = await startTestEmulator()
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pai-dingroute-'))
    emu.seed({ robots: [{ token: 'routed', secret: 'SECrouted' }] })
    // The environment variables the CLI and the harness read; the Electron shell never reads them.
    const testOnly = testOnlyRoutesFromEnv({ PAI_ADMIN_TEST_DINGTALK_ORIGIN: emu.url })
    const routed = testCore({ dataDir: dir, syncWorker: 'never', testOnly })
    try {
      const res = await routed.invoke('dingtalk.test', {
        profileId: null,
        webhook: 'https://oapi.dingtalk.com/robot/send?access_token=routed',
        secret: 'SECrouted',
      })
      expect(res.ok && res.value).toMatchObject({ ok: true, code: 'DINGTALK_OK' })
      expect(emu.state().robots.routed!.messages).toHaveLength(1)
    } finally {
      await routed.close()
      await emu.close()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  it('E7: a server that answers what the DingTalk robot never does (an HTML page, other JSON) is a network error, never "received"', async () => {
    // What a captive portal, a gateway or a look-alike host answers, with HTTP 200 (or a redirect to a login page).
    const answers: Array<{ type: string; body: string; status?: number }> = [
      { type: 'text/html', body: '<!doctype html><html><body>登录 / Sign in to the network</body></html>' },
      { type: 'application/json', body: JSON.stringify({ status: 'received', ok: true }) },
      { type: 'application/json', body: JSON.stringify({ errcode: null, errmsg: 'ok' }) },
      { type: 'application/json', body: JSON.stringify({ errcode: '', errmsg: '' }) },
      { type: 'application/json', body: JSON.stringify({ errcode: false }) },
      { type: 'application/json', body: JSON.stringify([{ errcode: 0 }]) },
      { type: 'text/html', body: '<a href="/login">moved</a>', status: 302 },
    ]
    let next = 0
    const seen: string[] = []
    const server = http.createServer((req, res) => {
      seen.push(`${req.method} ${req.url}`)
      const a = answers[next++]!
      res.statusCode = a.status ?? 200
      if (a.status === 302) res.setHeader('location', '/login')
      res.setHeader('content-type', a.type)
      res.end(a.body)
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pai-dingroute-'))
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    const routed = testCore({ dataDir: dir, syncWorker: 'never', testOnly: { dingTalkOrigin: origin } })
    try {
      for (const a of answers) {
        const res = await routed.invoke('dingtalk.test', {
          profileId: null,
          webhook: 'https://oapi.dingtalk.com/robot/send?access_token=look-alike',
          secret: 'SEClook-alike',
        })
        expect(res.ok, a.body).toBe(true)
        if (res.ok) expect(res.value, a.body).toMatchObject({ ok: false, code: 'CLOUD_NETWORK' })
      }
      // every answer was asked for: the test did reach that server, and took none of its answers for the robot's
      expect(seen).toHaveLength(answers.length)
      expect(seen.every((r) => r.startsWith('POST /robot/send?access_token=look-alike'))).toBe(true)
    } finally {
      await routed.close()
      server.close()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
