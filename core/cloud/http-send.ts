import http from 'node:http'
import https from 'node:https'

/** One HTTP exchange for the paths openapi-core cannot take (proxies, SLS project hosts, DingTalk). */
export interface RawRequest {
  protocol: 'http' | 'https'
  /** Where the TCP connection goes (may differ from the Host header, e.g. SLS `{project}.` hosts). */
  connectHost: string
  connectPort: number
  method: string
  /** Path and query, already encoded. */
  path: string
  headers: Record<string, string>
  body?: Buffer
  agent?: http.Agent
  connectTimeoutMs: number
  readTimeoutMs: number
}

export interface RawResponse {
  status: number
  headers: Record<string, string>
  body: string
}

/** A timeout in the shape httpx (openapi-core's transport) raises, so errors.ts reads both alike. */
export class RequestTimeoutError extends Error {
  override name = 'RequestTimeoutError'
}

const keepAliveHttp = new http.Agent({ keepAlive: true })
const keepAliveHttps = new https.Agent({ keepAlive: true })

export function sendRaw(r: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const mod = r.protocol === 'https' ? https : http
    const headers: Record<string, string> = { ...r.headers }
    if (r.body) headers['content-length'] = String(r.body.length)
    const req = mod.request({
      host: r.connectHost,
      port: r.connectPort,
      method: r.method,
      path: r.path,
      headers,
      agent: r.agent ?? (r.protocol === 'https' ? keepAliveHttps : keepAliveHttp),
      servername: r.protocol === 'https' ? (headers.host ?? r.connectHost).replace(/:\d+$/, '') : undefined,
    })
    let settled = false
    const fail = (err: Error): void => {
      if (settled) return
      settled = true
      clearTimeout(connectTimer)
      req.destroy()
      reject(err)
    }
    const connectTimer = setTimeout(
      () => fail(new RequestTimeoutError(`ConnectTimeout(${r.connectTimeoutMs})`)),
      r.connectTimeoutMs,
    )
    req.on('socket', (socket) => {
      const connected = (): void => clearTimeout(connectTimer)
      if ((socket as { connecting?: boolean }).connecting) socket.once('connect', connected)
      else connected()
    })
    req.setTimeout(r.readTimeoutMs, () => fail(new RequestTimeoutError(`ReadTimeout(${r.readTimeoutMs})`)))
    req.on('error', fail)
    req.on('response', (res) => {
      clearTimeout(connectTimer)
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('error', fail)
      res.on('aborted', () => fail(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })))
      res.on('end', () => {
        if (settled) return
        settled = true
        const out: Record<string, string> = {}
        for (const [k, v] of Object.entries(res.headers))
          if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v
        resolve({ status: res.statusCode ?? 0, headers: out, body: Buffer.concat(chunks).toString('utf8') })
      })
    })
    req.end(r.body)
  })
}

/** `host[:port]` split, with the protocol's default port. */
export function splitHostPort(endpoint: string, protocol: 'http' | 'https'): { host: string; port: number } {
  const m = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(endpoint)
  const host = m?.[1] ?? endpoint
  const port = m?.[2] ? Number(m[2]) : protocol === 'https' ? 443 : 80
  return { host, port }
}
