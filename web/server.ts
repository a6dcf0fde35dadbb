import crypto from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import { AppError, toErrorPayload } from '@shared/ipc/errors'
import type { Core } from '../core/core'
import { CSP } from '@shared/web-security'
import { checkRequest } from './guard'

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
}

const MAX_BODY = 32 * 1024 * 1024

export interface HarnessOptions {
  core: Core
  rendererDir: string
  port: number
  /** Fixed token for tests; random per run otherwise. */
  token?: string
}

export interface Harness {
  url: string
  port: number
  token: string
  close(): Promise<void>
}

/**
 * The browser harness: serves the built renderer and the core's handler table over HTTP on 127.0.0.1,
 * with events over Server-Sent Events. Every API request needs the per-run token (401 without it);
 * a Host or Origin other than the loopback address served gets 403 (DNS rebinding).
 */
export async function startHarness(opts: HarnessOptions): Promise<Harness> {
  const token = opts.token ?? crypto.randomBytes(24).toString('base64url')
  const root = path.resolve(opts.rendererDir)
  let port = opts.port
  const sseClients = new Set<http.ServerResponse>()

  const unsubscribe = opts.core.events.subscribe((event, payload) => {
    const data = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`
    for (const res of sseClients) res.write(data)
  })

  const server = http.createServer((req, res) => {
    void handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: toErrorPayload(err, locale()) })
      else res.end()
    })
  })

  const locale = () => opts.core.services.settings.get().locale

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`)
    const isApi = url.pathname.startsWith('/api/')
    const verdict = checkRequest(
      {
        host: req.headers.host,
        origin: req.headers.origin,
        authorization: req.headers.authorization,
        queryToken: url.searchParams.get('token'),
      },
      { port, token, requireToken: isApi },
    )
    if (verdict !== 'ok') {
      const code = verdict === 'unauthorized' ? 'UNAUTHORIZED' : 'FORBIDDEN_ORIGIN'
      sendJson(res, verdict === 'unauthorized' ? 401 : 403, {
        ok: false,
        error: new AppError(code).toPayload(locale()),
      })
      return
    }
    if (isApi) return handleApi(req, res, url)
    return serveStatic(res, url.pathname)
  }

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    if (url.pathname === '/api/events' && req.method === 'GET') {
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' })
      res.write(': connected\n\n')
      sseClients.add(res)
      req.on('close', () => sseClients.delete(res))
      return
    }
    const m = /^\/api\/invoke\/([A-Za-z0-9_.-]{1,100})$/.exec(url.pathname)
    if (!m || req.method !== 'POST') {
      sendJson(res, 404, {
        ok: false,
        error: new AppError('NOT_FOUND', { params: { what: url.pathname } }).toPayload(locale()),
      })
      return
    }
    let payload: unknown
    try {
      const body = await readBody(req)
      payload = body.length ? JSON.parse(body) : {}
    } catch {
      sendJson(res, 400, {
        ok: false,
        error: new AppError('VALIDATION', { params: { summary: 'body is not JSON' } }).toPayload(locale()),
      })
      return
    }
    const envelope = await opts.core.call(m[1], payload, { transport: 'http' })
    sendJson(res, 200, envelope)
  }

  function serveStatic(res: http.ServerResponse, pathname: string): void {
    const rel = decodeURIComponent(pathname === '/' ? '/index.html' : pathname)
    const file = path.resolve(root, '.' + rel)
    if (file !== root && !file.startsWith(root + path.sep)) {
      res.writeHead(403).end()
      return
    }
    fs.readFile(file, (err, data) => {
      if (err) {
        res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found')
        return
      }
      res.writeHead(200, {
        'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream',
        'Content-Security-Policy': CSP,
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
        'Cache-Control': 'no-cache',
      })
      res.end(data)
    })
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port, '127.0.0.1', () => resolve())
  })
  port = (server.address() as AddressInfo).port

  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/#token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        unsubscribe()
        for (const res of sseClients) res.end()
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' })
  res.end(text)
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > MAX_BODY) {
        reject(new Error('body too large'))
        req.destroy()
        return
      }
      chunks.push(c)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}
