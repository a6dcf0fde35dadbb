import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import http from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Core } from '../../../core/core'
import { testCore } from '../../helpers/core'
import { startHarness, type Harness } from '../../../web/server'

let core: Core
let harness: Harness
const rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pai-renderer-'))

beforeAll(async () => {
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>t</title>')
  core = testCore({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'pai-h-')) })
  harness = await startHarness({ core, rendererDir, port: 0 })
})
afterAll(async () => {
  await harness.close()
  await core.close()
})

function request(
  method: string,
  p: string,
  opts: { headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: harness.port, method, path: p, headers: opts.headers },
      (res) => {
        let body = ''
        res.on('data', (c: Buffer) => (body += c.toString()))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }))
      },
    )
    req.on('error', reject)
    if (opts.body) req.write(opts.body)
    req.end()
  })
}

describe('browser harness over real HTTP', () => {
  it('prints a loopback URL with a random token', () => {
    expect(harness.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]{20,}$/)
  })
  it('round-trips a call through the handler table', async () => {
    const res = await request('POST', '/api/invoke/app.ping', {
      headers: { Authorization: `Bearer ${harness.token}` },
      body: JSON.stringify({ text: '你好' }),
    })
    expect(res.status).toBe(200)
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { text: '你好' } })
  })
  it('refuses a request without the token (401)', async () => {
    const res = await request('POST', '/api/invoke/app.ping', { body: '{"text":"x"}' })
    expect(res.status).toBe(401)
  })
  it('refuses a foreign Host header (403)', async () => {
    const res = await request('POST', '/api/invoke/app.ping', {
      headers: { Authorization: `Bearer ${harness.token}`, Host: 'attacker.example' },
      body: '{"text":"x"}',
    })
    expect(res.status).toBe(403)
  })
  it('refuses a foreign Origin (403)', async () => {
    const res = await request('POST', '/api/invoke/app.ping', {
      headers: { Authorization: `Bearer ${harness.token}`, Origin: 'https://attacker.example' },
      body: '{"text":"x"}',
    })
    expect(res.status).toBe(403)
  })
  it('answers a non-JSON body with VALIDATION', async () => {
    const res = await request('POST', '/api/invoke/app.ping', {
      headers: { Authorization: `Bearer ${harness.token}` },
      body: '{not json',
    })
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
  })
  it('answers an unknown channel with UNKNOWN_CHANNEL', async () => {
    const res = await request('POST', '/api/invoke/shell.exec', {
      headers: { Authorization: `Bearer ${harness.token}` },
      body: '{}',
    })
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } })
  })
  it('serves the renderer with the CSP header and refuses path traversal', async () => {
    const page = await request('GET', '/')
    expect(page.status).toBe(200)
    expect(page.headers['content-security-policy']).toContain("script-src 'self'")
    const trav = await request('GET', '/../../etc/passwd')
    expect([403, 404]).toContain(trav.status)
    expect(trav.body).not.toContain('root:')
  })
  it('streams core events over SSE to a client with the token', async () => {
    const received = new Promise<string>((resolve, reject) => {
      const req = http.get(
        { host: '127.0.0.1', port: harness.port, path: `/api/events?token=${harness.token}` },
        (res) => {
          let buf = ''
          res.on('data', (c: Buffer) => {
            buf += c.toString()
            if (buf.includes('event: net.status')) {
              resolve(buf)
              req.destroy()
            }
          })
        },
      )
      req.on('error', reject)
    })
    await new Promise((r) => setTimeout(r, 100))
    core.events.emit('net.status', { online: false })
    expect(await received).toContain('"online":false')
  })
})
