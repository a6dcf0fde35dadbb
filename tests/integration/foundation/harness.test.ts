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
  fs.mkdirSync(path.join(rendererDir, 'assets'))
  fs.writeFileSync(path.join(rendererDir, 'assets', 'index-AbC123.js'), 'export {}')
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
  /** `open`: send the body but leave the request open (a client still sending a declared length). */
  opts: { headers?: Record<string, string>; body?: string; open?: boolean } = {},
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
    if (!opts.open) req.end()
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
  it('D4: answers an oversized body with 413 and a code, whether declared or streamed, and stays up', async () => {
    const auth = { Authorization: `Bearer ${harness.token}` }
    const declared = await request('POST', '/api/invoke/bundles.preview', {
      headers: { ...auth, 'Content-Type': 'application/json', 'Content-Length': String(40 * 1024 * 1024) },
      body: '{"fileName":"a.yaml",',
      open: true,
    })
    expect(declared.status).toBe(413)
    expect(JSON.parse(declared.body)).toMatchObject({ ok: false, error: { code: 'REQUEST_TOO_LARGE' } })
    const streamed = await request('POST', '/api/invoke/bundles.preview', {
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: `{"fileName":"a.yaml","content":"${'x'.repeat(33 * 1024 * 1024)}"}`,
    })
    expect(streamed.status).toBe(413)
    expect(JSON.parse(streamed.body)).toMatchObject({ ok: false, error: { code: 'REQUEST_TOO_LARGE' } })
    for (const r of [declared, streamed]) expect(r.body).not.toMatch(/\/(tmp|work|home|root)\//)
    const after = await request('POST', '/api/invoke/app.ping', { headers: auth, body: '{"text":"still here"}' })
    expect(after.status).toBe(200)
  })
  it('D4: answers a NUL or a bad encoding in a static path with 400, naming no file of this machine', async () => {
    for (const p of ['/%00', '/index.html%00.js', '/assets/%00/x.js', '/%E0%A4%A', '/a%0Ab.js']) {
      const res = await request('GET', p)
      expect(res.status, p).toBe(400)
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'REQUEST_PATH_INVALID' } })
      expect(res.body).not.toContain(rendererDir)
      expect(res.body).not.toMatch(/\/(tmp|work|home|root)\//)
    }
    expect((await request('GET', '/')).status).toBe(200)
  })
  it('serves the renderer with the CSP header and refuses path traversal', async () => {
    const page = await request('GET', '/')
    expect(page.status).toBe(200)
    expect(page.headers['content-security-policy']).toContain("script-src 'self'")
    const trav = await request('GET', '/../../etc/passwd')
    expect([403, 404]).toContain(trav.status)
    expect(trav.body).not.toContain('root:')
  })
  it('lets the browser keep the hashed assets between starts, never index.html (which names them)', async () => {
    const asset = await request('GET', '/assets/index-AbC123.js')
    expect(asset.status).toBe(200)
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    for (const p of ['/', '/index.html']) expect((await request('GET', p)).headers['cache-control']).toBe('no-cache')
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
