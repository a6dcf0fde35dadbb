import crypto from 'node:crypto'
import querystring from 'node:querystring'
import OpenApiClient, { $OpenApiUtil, OpenApiUtil } from '@alicloud/openapi-core'
import * as $dara from '@darabonba/typescript'
import type { CredentialSource } from './credentials'
import type { CloudProfile, ServiceName } from './profile'
import { endpointFor } from './profile'
import { proxyAgent, proxyFor } from './proxy'
import { sendRaw, splitHostPort, type RawResponse } from './http-send'

/** One ACS3-signed call (ROA for AIWorkSpace, RPC for EventBridge and STS). */
export interface AcsRequest {
  service: ServiceName
  action: string
  version: string
  style: 'ROA' | 'RPC'
  method: 'GET' | 'POST' | 'PUT' | 'DELETE'
  /** Path with its parameters already percent-encoded (see encodePath). */
  pathname: string
  query?: Record<string, unknown>
  body?: Record<string, unknown>
}

export interface Timeouts {
  connectTimeoutMs: number
  readTimeoutMs: number
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

type Runtime = Parameters<OpenApiClient['callApi']>[2]

/**
 * Sends ACS3 calls for one service. Direct connections go through openapi-core's `callApi`; when a
 * proxy applies, the request is built and signed the same way (openapi-core's `OpenApiUtil`) and sent
 * through a proxy agent, because openapi-core's transport ignores its proxy settings.
 */
export class AcsTransport {
  readonly endpoint: string
  private readonly client: OpenApiClient
  private readonly proxyUrl: string | undefined

  constructor(
    private readonly profile: CloudProfile,
    readonly service: ServiceName,
    private readonly timeouts: Timeouts,
    private readonly credentials: CredentialSource,
  ) {
    this.endpoint = endpointFor(profile, service)
    const { host, port } = splitHostPort(this.endpoint, profile.protocol)
    this.proxyUrl = proxyFor(profile.proxy, profile.protocol, host, port)
    this.client = new OpenApiClient(
      new $OpenApiUtil.Config({
        // The SDK asks the source before every request: temporary credentials are refreshed in time.
        credential: credentials.credential,
        regionId: profile.region,
        endpoint: this.endpoint,
        protocol: profile.protocol,
        readTimeout: timeouts.readTimeoutMs,
        connectTimeout: timeouts.connectTimeoutMs,
      }),
    )
  }

  get proxied(): boolean {
    return this.proxyUrl !== undefined
  }

  /** Sends once; throws openapi-core errors (or AcsHttpError) for 4xx/5xx, Node errors for the network. */
  async send(r: AcsRequest): Promise<RawResponse> {
    return this.proxyUrl ? this.sendProxied(r, this.proxyUrl) : this.sendDirect(r)
  }

  private async sendDirect(r: AcsRequest): Promise<RawResponse> {
    const params = new $OpenApiUtil.Params({
      action: r.action,
      version: r.version,
      protocol: this.profile.protocol.toUpperCase(),
      pathname: r.pathname,
      method: r.method,
      authType: 'AK',
      style: r.style,
      reqBodyType: r.style === 'RPC' ? 'formData' : 'json',
      bodyType: 'string',
    })
    const req = new $OpenApiUtil.OpenApiRequest({ query: toQuery(r.query), body: r.body })
    const runtime: Runtime = new $dara.RuntimeOptions({
      readTimeout: this.timeouts.readTimeoutMs,
      connectTimeout: this.timeouts.connectTimeoutMs,
    })
    const res = (await this.client.callApi(params, req, runtime)) as {
      body: unknown
      headers: Record<string, string>
      statusCode: number
    }
    return {
      status: res.statusCode,
      headers: res.headers ?? {},
      body: typeof res.body === 'string' ? res.body : JSON.stringify(res.body),
    }
  }

  private async sendProxied(r: AcsRequest, proxyUrl: string): Promise<RawResponse> {
    const protocol = this.profile.protocol
    const cred = await this.credentials.get()
    const query = toQuery(r.query)
    const bodyText = r.body !== undefined ? JSON.stringify(r.body) : undefined
    const body = bodyText !== undefined ? Buffer.from(bodyText, 'utf8') : undefined
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
    if (body) headers['content-type'] = 'application/json; charset=utf-8'
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
    const agent = proxyAgent(proxyUrl, protocol)
    const res = await sendRaw({
      protocol,
      connectHost: host,
      connectPort: port,
      method: r.method,
      path: r.pathname + (qs ? `?${qs}` : ''),
      headers,
      body,
      agent,
      ...this.timeouts,
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
