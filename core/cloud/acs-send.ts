import crypto from 'node:crypto'
import querystring from 'node:querystring'
import { OpenApiUtil } from '@alicloud/openapi-core'
import * as $dara from '@darabonba/typescript'
import type { CredentialSource } from './credentials'
import type { CloudProfile, ServiceName } from './profile'
import { endpointFor, ramEndpoint } from './profile'
import { proxyAgent, proxyFor } from './proxy'
import { sendRaw, splitHostPort, type RawResponse } from './http-send'

/** One ACS3-signed call (ROA for AIWorkSpace, RPC for EventBridge and STS). */
export interface AcsRequest {
  service: ServiceName | 'ram'
  action: string
  version: string
  style: 'ROA' | 'RPC'
  method: 'GET' | 'POST' | 'PUT' | 'DELETE'
  /** Path with its parameters already percent-encoded (see encodePath). */
  pathname: string
  query?: Record<string, unknown>
  body?: Record<string, unknown>
  /** false for creates: they get the longer `createReadTimeoutMs`. */
  idempotent?: boolean
}

export interface Timeouts {
  /** DNS, TCP connect and TLS handshake: a request that fails here was not sent. */
  connectTimeoutMs: number
  /** From the connection being up to the whole answer. */
  readTimeoutMs: number
  /** The same for creates (not idempotent), which PAI can take long to answer; a timeout there means "reconcile". */
  createReadTimeoutMs?: number
}

/** Percent-encodes one path parameter as the generated SDKs do (`$dara.URL.percentEncode`). */
export function encodePath(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`)
}

/** Query values are strings on the wire: booleans "true"/"false", numbers decimal, arrays/objects JSON. */
export function toQuery(q: Record<string, unknown> | undefined): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(q ?? {})) {
    if (v === undefined || v === null) continue
    out[k] = typeof v === 'object' ? JSON.stringify(v) : String(v)
  }
  return out
}

/** An HTTP error from our own sender, shaped like openapi-core's errors so errors.ts reads both alike. */
export class AcsHttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string | undefined,
    readonly requestId: string | undefined,
    readonly retryAfter: number | undefined,
    readonly data: Record<string, unknown>,
  ) {
    super(`code: ${statusCode}, ${String(data.Message ?? data.message ?? '')} request id: ${requestId ?? ''}`)
    this.name = 'AcsHttpError'
  }
}

/**
 * Sends ACS3 calls for one service. Each request is built and signed the way openapi-core's `callApi` does it
 * (its `OpenApiUtil`: the same headers, `x-acs-content-sha256`, `getAuthorization`), and sent by our own sender
 * (http-send.ts), directly or through a proxy agent. Not through openapi-core's transport: httpx uses the connect
 * timeout as the socket's idle timeout and calls it "ConnectTimeout", so a create answered after 5 s looked unsent
 * and was sent again; it also ignores proxies. Our sender tells "not connected" from "sent, no answer yet".
 */
export class AcsTransport {
  readonly endpoint: string
  private readonly proxyUrl: string | undefined

  constructor(
    private readonly profile: CloudProfile,
    readonly service: ServiceName | 'ram',
    private readonly timeouts: Timeouts,
    private readonly credentials: CredentialSource,
  ) {
    this.endpoint = service === 'ram' ? ramEndpoint(profile) : endpointFor(profile, service)
    const { host, port } = splitHostPort(this.endpoint, profile.protocol)
    this.proxyUrl = proxyFor(profile.proxy, profile.protocol, host, port)
  }

  get proxied(): boolean {
    return this.proxyUrl !== undefined
  }

  /**
   * Sends once; throws AcsHttpError for 4xx/5xx, SendError (with `requestSent`) for the network. A call that is
   * not idempotent (a create) waits `createReadTimeoutMs` for its answer: PAI can take long to answer one.
   */
  async send(r: AcsRequest): Promise<RawResponse> {
    const protocol = this.profile.protocol
    const cred = await this.credentials.get()
    const query = toQuery(r.query)
    let body: Buffer | undefined
    let contentType: string | undefined
    if (r.body !== undefined && r.style === 'RPC') {
      body = Buffer.from(OpenApiUtil.toForm(r.body), 'utf8')
      contentType = 'application/x-www-form-urlencoded'
    } else if (r.body !== undefined) {
      body = Buffer.from(JSON.stringify(r.body), 'utf8')
      contentType = 'application/json; charset=utf-8'
    }
    const headers: Record<string, string> = {
      host: this.endpoint,
      'x-acs-version': r.version,
      'x-acs-action': r.action,
      'user-agent': OpenApiUtil.getUserAgent(''),
      'x-acs-date': OpenApiUtil.getTimestamp(),
      'x-acs-signature-nonce': OpenApiUtil.getNonce(),
      accept: 'application/json',
      // As openapi-core sends them (all x-acs-* headers are signed).
      'x-acs-credentials-provider': cred.providerName,
    }
    if (cred.securityToken) {
      headers['x-acs-accesskey-id'] = cred.accessKeyId
      headers['x-acs-security-token'] = cred.securityToken
    }
    if (contentType) headers['content-type'] = contentType
    const payloadHash = crypto
      .createHash('sha256')
      .update(body ?? Buffer.alloc(0))
      .digest('hex')
    headers['x-acs-content-sha256'] = payloadHash
    const toSign = new $dara.Request()
    toSign.method = r.method
    toSign.pathname = r.pathname
    toSign.query = query
    toSign.headers = headers
    headers.authorization = OpenApiUtil.getAuthorization(
      toSign,
      'ACS3-HMAC-SHA256',
      payloadHash,
      cred.accessKeyId,
      cred.accessKeySecret,
    )
    const qs = querystring.stringify(query)
    const { host, port } = splitHostPort(this.endpoint, protocol)
    const res = await sendRaw({
      protocol,
      connectHost: host,
      connectPort: port,
      method: r.method,
      path: r.pathname + (qs ? `?${qs}` : ''),
      headers,
      body,
      agent: this.proxyUrl ? proxyAgent(this.proxyUrl, protocol) : undefined,
      connectTimeoutMs: this.timeouts.connectTimeoutMs,
      readTimeoutMs:
        r.idempotent === false
          ? Math.max(this.timeouts.readTimeoutMs, this.timeouts.createReadTimeoutMs ?? 0)
          : this.timeouts.readTimeoutMs,
    })
    if (res.status >= 400) throw httpErrorOf(res)
    return res
  }
}

export function httpErrorOf(res: RawResponse): AcsHttpError {
  let data: Record<string, unknown> = {}
  try {
    const parsed: unknown = JSON.parse(res.body)
    if (parsed && typeof parsed === 'object') data = parsed as Record<string, unknown>
  } catch {
    data = { Message: res.body.slice(0, 200) }
  }
  const code = data.Code ?? data.code ?? data.errorCode
  const requestId =
    data.RequestId ?? data.requestId ?? res.headers['x-acs-request-id'] ?? res.headers['x-log-requestid']
  const retryAfter =
    res.headers['x-acs-retry-after'] !== undefined ? Number.parseInt(res.headers['x-acs-retry-after'], 10) : undefined
  return new AcsHttpError(
    res.status,
    code === undefined ? undefined : String(code),
    requestId === undefined ? undefined : String(requestId),
    Number.isFinite(retryAfter) ? retryAfter : undefined,
    { ...data, statusCode: res.status },
  )
}
