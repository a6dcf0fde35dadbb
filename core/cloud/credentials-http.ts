import { AppError } from '@shared/ipc/errors'
import { normalizeFailure, toAppError, type CloudFailure } from './errors'
import { sendRaw, splitHostPort } from './http-send'
import type { ProxySetting } from './profile'
import { proxyAgent, proxyFor } from './proxy'

/**
 * The HTTP sender of the @alicloud/credentials providers (AssumeRole, AssumeRoleWithOIDC, the ECS
 * metadata service). The package builds, signs and parses these requests itself; its own HTTP layer
 * (httpx) cannot use a proxy and always speaks HTTPS to STS. The providers keep that layer in a
 * `doRequest` property ("used for mock" in their source); credentials.ts puts this function there, so
 * the same request goes to the profile's STS endpoint with the profile's protocol, through its proxy.
 */

/** The request object the providers build (`providers/http.ts` of @alicloud/credentials 2.4.7). */
export interface ProviderRequest {
  method: string
  headers: Record<string, string>
  bodyForm?: Record<string, string>
  readTimeout?: number
  connectTimeout?: number
  toRequestURL(): string
}

export interface ProviderResponse {
  statusCode: number
  headers: Record<string, string>
  body: Buffer
}

const ECS_METADATA_HOST = '100.100.100.200'

export interface CredentialNet {
  /** `host[:port]` of STS (the profile's STS endpoint). */
  stsEndpoint: string
  protocol: 'http' | 'https'
  proxy: ProxySetting
  connectTimeoutMs: number
  readTimeoutMs: number
  /**
   * Test-only: the origin (e.g. `http://127.0.0.1:9123`) that stands in for the ECS metadata service
   * http://100.100.100.200. The shipped app never sets it.
   */
  metadataOrigin?: string
}

/** Form encoding as the package's own sender does it (`key=encodeURIComponent(value)`). */
function formBody(form: Record<string, string> | undefined): Buffer | undefined {
  if (!form || Object.keys(form).length === 0) return undefined
  return Buffer.from(
    Object.entries(form)
      .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
      .join('&'),
    'utf8',
  )
}

/** The sender for one profile. `onExpiration` hears every expiry STS or the metadata service gives. */
export function credentialsSender(
  net: CredentialNet,
  onExpiration: (iso: string) => void,
  onSecret: (value: string) => void = () => {},
): (req: ProviderRequest) => Promise<ProviderResponse> {
  return async (req) => {
    const u = new URL(req.toRequestURL())
    const metadata = u.hostname === ECS_METADATA_HOST
    const action = metadata ? 'EcsMetadata' : (u.searchParams.get('Action') ?? 'STS')
    let protocol: 'http' | 'https'
    let hostHeader: string
    let connect: { host: string; port: number }
    let agent
    if (metadata) {
      // Link-local: never through a proxy.
      const origin = new URL(net.metadataOrigin ?? `http://${ECS_METADATA_HOST}`)
      protocol = origin.protocol === 'https:' ? 'https' : 'http'
      hostHeader = origin.host
      connect = splitHostPort(origin.host, protocol)
    } else {
      protocol = net.protocol
      hostHeader = u.host
      connect = splitHostPort(u.host, protocol)
      const proxyUrl = proxyFor(net.proxy, protocol, connect.host, connect.port)
      agent = proxyUrl ? proxyAgent(proxyUrl, protocol) : undefined
    }
    const body = formBody(req.bodyForm)
    const headers: Record<string, string> = { ...req.headers, host: hostHeader }
    if (body && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type'))
      headers['content-type'] = 'application/x-www-form-urlencoded'
    let res
    try {
      res = await sendRaw({
        protocol,
        connectHost: connect.host,
        connectPort: connect.port,
        method: req.method,
        path: u.pathname + u.search,
        headers,
        body,
        agent,
        connectTimeoutMs: metadata ? (req.connectTimeout ?? 1000) : net.connectTimeoutMs,
        readTimeoutMs: metadata ? (req.readTimeout ?? 1000) : net.readTimeoutMs,
      })
    } catch (err) {
      // The metadata token request may fail: the provider then falls back to IMDSv1 by itself.
      if (metadata) throw err
      const f = normalizeFailure(err)
      throw toAppError(f, { service: 'sts', action, endpoint: u.host, attempts: 1 }, err)
    }
    const out = { statusCode: res.status, headers: res.headers, body: Buffer.from(res.body, 'utf8') }
    if (res.status === 200) {
      const got = issuedOf(res.body)
      if (got.expiration) onExpiration(got.expiration)
      // Temporary credentials are secrets too: the logger redacts them wherever they might appear.
      for (const v of got.secrets) onSecret(v)
      return out
    }
    if (metadata) return out
    throw stsError(res.status, res.body, res.headers, {
      action,
      endpoint: u.host,
      roleArn: req.bodyForm?.RoleArn,
      externalId: req.bodyForm?.ExternalId,
    })
  }
}

/** What STS or the metadata service issued: the expiry, and the secret parts (never kept here). */
function issuedOf(body: string): { expiration?: string; secrets: string[] } {
  try {
    const data = JSON.parse(body) as Record<string, unknown>
    const c = (data.Credentials ?? data) as Record<string, unknown>
    const secrets = [c.AccessKeySecret, c.SecurityToken].filter((v): v is string => typeof v === 'string' && v !== '')
    return typeof c.Expiration === 'string' ? { expiration: c.Expiration, secrets } : { secrets }
  } catch {
    return { secrets: [] }
  }
}

/** STS answered with an error: our code for it, with the request ID and what was asked. */
function stsError(
  status: number,
  body: string,
  headers: Record<string, string>,
  ctx: { action: string; endpoint: string; roleArn?: string; externalId?: string },
): AppError {
  let data: Record<string, unknown> = {}
  try {
    const parsed: unknown = JSON.parse(body)
    if (parsed && typeof parsed === 'object') data = parsed as Record<string, unknown>
  } catch {
    data = {}
  }
  const code = typeof data.Code === 'string' ? data.Code : undefined
  const message = typeof data.Message === 'string' ? data.Message : body.slice(0, 200)
  const requestId =
    (typeof data.RequestId === 'string' ? data.RequestId : undefined) ?? headers['x-acs-request-id'] ?? undefined
  const failure: CloudFailure = {
    kind: 'http',
    httpStatus: status,
    cloudCode: code,
    cloudMessage: message,
    requestId,
    outcome: 'rejected',
  }
  const own = credentialCode(code)
  const base = toAppError(failure, { service: 'sts', action: ctx.action, endpoint: ctx.endpoint, attempts: 1 })
  if (!own) return base
  return new AppError(own, {
    // The external ID the profile sent (not a secret: it guards against a confused deputy): a mismatch
    // answers only NoPermission, so the message says what was sent.
    params: {
      ...base.params,
      roleArn: ctx.roleArn ?? '-',
      externalId: ctx.externalId ?? '',
      externalIdSent: ctx.externalId ? 1 : 0,
    },
    details: base.details,
  })
}

/** STS codes that say what is wrong with the profile's role settings (see shared/messages/credentials.ts). */
function credentialCode(code: string | undefined): string | undefined {
  if (!code) return undefined
  if (code === 'EntityNotExist.Role') return 'CREDENTIALS_ROLE_NOT_FOUND'
  if (code === 'InvalidParameter.RoleArn') return 'CREDENTIALS_ROLE_ARN_INVALID'
  if (code === 'NoPermission' || code === 'AuthenticationFail.NoPermission') return 'CREDENTIALS_ROLE_DENIED'
  if (code === 'AuthenticationFail.OIDCToken.Expired') return 'CREDENTIALS_OIDC_TOKEN_EXPIRED'
  if (code.startsWith('AuthenticationFail.OIDCToken')) return 'CREDENTIALS_OIDC_TOKEN_REJECTED'
  if (code === 'InvalidSecurityToken.Expired') return 'CLOUD_TOKEN_EXPIRED'
  if (code === 'InvalidParameter.PolicyGrammar') return 'CREDENTIALS_POLICY_INVALID'
  return undefined
}
