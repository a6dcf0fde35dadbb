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

/** The largest request body (a bundle of 16 MiB, JSON-escaped, fits). */
const MAX_BODY = 32 * 1024 * 1024
/** A body past the limit is read on (and dropped) up to this much, so that the client reads the 413. */
const MAX_DRAIN = 64 * 1024 * 1024

/** A request body over MAX_BODY. */
class BodyTooLarge extends Error {}

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
      // The detail (which may name files of this machine) goes to the log, not to the client.
      opts.core.services.log.error('harness request failed', { detail: toErrorPayload(err, 'en').message })
      if (!res.headersSent)
        sendJson(res, 500, {
          ok: false,
          error: new AppError('INTERNAL', { params: { detail: '-' } }).toPayload(locale()),
        })
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
    } catch (err) {
      if (err instanceof BodyTooLarge) {
        const error = new AppError('REQUEST_TOO_LARGE', { params: { max: MAX_BODY } }).toPayload(locale())
        sendJson(res, 413, { ok: false, error }, { Connection: 'close' })
        return
      }
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
    let rel: string
    try {
      rel = decodeURIComponent(pathname === '/' ? '/index.html' : pathname)
    } catch {
      rel = '\u0000'
    }
    // A NUL or another control character (or a bad %-encoding): never a file name we serve.
    if (/[\u0000-\u001f\u007f]/.test(rel)) {
      sendJson(res, 400, { ok: false, error: new AppError('REQUEST_PATH_INVALID').toPayload(locale()) })
      return
    }
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
        // The built assets have content hashes in their names: a browser keeps them (and V8 their compiled code,
        // as Electron does for the app scheme) from one start to the next; index.html is asked for again each time.
        'Cache-Control': rel.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
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

function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers })
  res.end(text)
}

/**
 * The request body as text, refused (BodyTooLarge) past MAX_BODY: at once when Content-Length says so, else
 * once that much arrived. The rest is read on and dropped (up to MAX_DRAIN, then the connection is cut), so
 * the client, still sending, gets the 413 instead of a reset connection.
 */
function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'])
    const drain = (): void => {
      let dropped = 0
      req.removeAllListeners('data')
      req.on('data', (c: Buffer) => {
        dropped += c.length
        if (dropped > MAX_DRAIN) req.destroy()
      })
      reject(new BodyTooLarge())
    }
    if (Number.isFinite(declared) && declared > MAX_BODY) return drain()
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > MAX_BODY) return drain()
      chunks.push(c)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}
