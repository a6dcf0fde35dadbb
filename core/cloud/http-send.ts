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

/**
 * A failure of our sender that says whether the request may have reached the server: `requestSent` is false
 * only while the connection was still being set up (DNS, TCP connect, TLS handshake), when nothing of the
 * request can have left this machine. errors.ts reads it before any guess from codes or messages.
 */
export class SendError extends Error {
  constructor(
    message: string,
    readonly requestSent: boolean,
    readonly code?: string,
  ) {
    super(message)
    this.name = 'SendError'
  }
}

/** A timeout (connect or answer), in the shape httpx (openapi-core's transport) raises, with `requestSent`. */
export class RequestTimeoutError extends SendError {
  override name = 'RequestTimeoutError'
}

const keepAliveHttp = new http.Agent({ keepAlive: true })
const keepAliveHttps = new https.Agent({ keepAlive: true })

/**
 * One exchange, in three phases that decide what a failure means:
 * - connecting (DNS, TCP, TLS; at most `connectTimeoutMs`): a failure here is "not sent", safe to send again;
 * - sent (the connection is up, the request is written or being written; at most `readTimeoutMs` for the whole
 *   answer): a failure here is "outcome unknown": the server may have done it (a create must be reconciled);
 * - answered: the status and body.
 * The connect timer is never used as an idle timer, so a slow answer is not mistaken for a connection that failed.
 */
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
    let connected = false
    let settled = false
    let answerTimer: NodeJS.Timeout | undefined
    const done = (): boolean => {
      if (settled) return false
      settled = true
      clearTimeout(connectTimer)
      clearTimeout(answerTimer)
      return true
    }
    const fail = (err: Error): void => {
      if (!done()) return
      req.destroy()
      reject(err)
    }
    const connectTimer = setTimeout(
      () => fail(new RequestTimeoutError(`ConnectTimeout(${r.connectTimeoutMs})`, false, 'ETIMEDOUT')),
      r.connectTimeoutMs,
    )
    const onConnected = (): void => {
      if (connected || settled) return
      connected = true
      clearTimeout(connectTimer)
      answerTimer = setTimeout(
        () => fail(new RequestTimeoutError(`ReadTimeout(${r.readTimeoutMs})`, true, 'ETIMEDOUT')),
        r.readTimeoutMs,
      )
    }
    req.on('socket', (socket) => {
      if (!(socket as { connecting?: boolean }).connecting) return onConnected()
      // https: the request is written only after the TLS handshake.
      socket.once(r.protocol === 'https' && 'encrypted' in socket ? 'secureConnect' : 'connect', onConnected)
    })
    req.on('error', (err: NodeJS.ErrnoException) => {
      fail(new SendError(err.message, connected, err.code))
    })
    req.on('response', (res) => {
      onConnected()
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('error', (err: NodeJS.ErrnoException) => fail(new SendError(err.message, true, err.code)))
      res.on('aborted', () => fail(new SendError('socket hang up', true, 'ECONNRESET')))
      res.on('end', () => {
        if (!done()) return
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
