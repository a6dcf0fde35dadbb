import { AppError } from '@shared/ipc/errors'

/**
 * Every failure of a cloud call, whatever library raised it, is first normalized into a `CloudFailure`
 * and then turned into one `AppError` with a code from shared/messages/cloud.ts.
 */

/** What we know about whether the operation took effect. */
export type Outcome =
  /** The server answered and refused: nothing changed. */
  | 'rejected'
  /** The request never left this machine (refused connection, DNS, connect timeout, TLS): nothing changed. */
  | 'not-sent'
  /**
   * The request was written (or may have been) and no answer came: reset after send, no answer within the read
   * timeout, 5xx. The operation may have happened: a create is reconciled by natural key before any resend.
   */
  | 'unknown'

export interface CloudFailure {
  kind: 'http' | 'network' | 'timeout' | 'parse'
  httpStatus?: number
  cloudCode?: string
  cloudMessage?: string
  requestId?: string
  /** From `x-acs-retry-after`, in milliseconds (the unit openapi-core's retry code uses). */
  retryAfterMs?: number
  outcome: Outcome
  /** Node error code or a short description, for network failures. */
  detail?: string
}

/** The details every cloud AppError carries (shown in the UI's error panel). */
export interface CloudErrorDetails {
  requestId?: string
  cloudCode?: string
  cloudMessage?: string
  httpStatus?: number
  service: string
  action: string
  endpoint: string
  attempts: number
  outcome: Outcome
  /** True when a create's answer was lost: reconcile by natural key before creating again. */
  answerLost: boolean
  retryAfterMs?: number
}

const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'EADDRNOTAVAIL',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'EPROTO',
])

function str(v: unknown): string | undefined {
  if (typeof v === 'string' && v !== '' && v !== 'undefined' && v !== 'null') return v
  if (typeof v === 'number') return String(v)
  return undefined
}

function rec(v: unknown): Record<string, unknown> | undefined {
  return v && typeof v === 'object' ? (v as Record<string, unknown>) : undefined
}

/**
 * Reads an error thrown by openapi-core (ClientError / ServerError / ThrottlingError), by the older
 * tea-based errors (SLS gateway, openapi-client), by our own senders (same shape), by Node's sockets,
 * by httpx timeouts, or by JSON.parse.
 */
export function normalizeFailure(err: unknown): CloudFailure {
  const e = rec(err) ?? {}
  const name = str(e.name) ?? ''
  const message = str(e.message) ?? String(err)
  if (err instanceof SyntaxError) return { kind: 'parse', outcome: 'unknown', detail: message }
  const data = rec(e.data)
  const status =
    typeof e.statusCode === 'number'
      ? e.statusCode
      : typeof data?.statusCode === 'number'
        ? data.statusCode
        : typeof data?.httpCode === 'number'
          ? data.httpCode
          : undefined
  if (status !== undefined && status >= 400) {
    const code = str(e.code) ?? str(data?.Code) ?? str(data?.code) ?? str(data?.errorCode)
    const requestId = str(e.requestId) ?? str(data?.RequestId) ?? str(data?.requestId)
    const cloudMessage = str(data?.Message) ?? str(data?.message) ?? str(data?.errorMessage) ?? stripSdkPrefix(message)
    const retryAfter = typeof e.retryAfter === 'number' && Number.isFinite(e.retryAfter) ? e.retryAfter : undefined
    return {
      kind: 'http',
      httpStatus: status,
      cloudCode: code,
      cloudMessage,
      requestId,
      retryAfterMs: retryAfter,
      outcome: status >= 500 ? 'unknown' : 'rejected',
    }
  }
  const code = str(e.code) ?? ''
  // Our sender (http-send.ts) knows whether the request can have left this machine; nothing else is as sure.
  const sent = typeof e.requestSent === 'boolean' ? e.requestSent : undefined
  if (
    name === 'RequestTimeoutError' ||
    /Timeout/i.test(code) ||
    /^(Connect|Read)Timeout/.test(message) ||
    code === 'ETIMEDOUT'
  ) {
    if (sent !== undefined)
      return {
        kind: 'timeout',
        outcome: sent ? 'unknown' : 'not-sent',
        detail: sent ? 'no answer in time' : 'connect timeout',
      }
    // httpx (openapi-core's transport) raises "ConnectTimeout" from the socket's idle timer, which also fires while
    // the server is working on a request already written: it does not prove the request was not sent.
    return { kind: 'timeout', outcome: 'unknown', detail: /connect/i.test(message) ? 'timeout' : 'read timeout' }
  }
  if (code && /^E[A-Z]+$|^ERR_|CERT|^EPROTO$/.test(code)) {
    const outcome =
      sent !== undefined ? (sent ? 'unknown' : 'not-sent') : NOT_SENT_CODES.has(code) ? 'not-sent' : 'unknown'
    return { kind: 'network', outcome, detail: code }
  }
  if (/socket hang up|ECONNRESET|EPIPE/i.test(message))
    return { kind: 'network', outcome: 'unknown', detail: 'connection reset' }
  if (/ECONNREFUSED/.test(message)) return { kind: 'network', outcome: 'not-sent', detail: 'ECONNREFUSED' }
  if (/JSON|Unexpected token|Unexpected end/i.test(message))
    return { kind: 'parse', outcome: 'unknown', detail: message }
  return { kind: 'network', outcome: 'unknown', detail: message.slice(0, 200) }
}

/** openapi-core wraps the server's Message as "code: 404, <Message> request id: <id>". */
function stripSdkPrefix(message: string): string {
  const m = /^code: \d+, ([\s\S]*?) request id: .*$/.exec(message)
  return m?.[1] ?? message
}

/** `Code` values that mean success in an answer body (PAI and EventBridge spell it several ways). */
const SUCCESS_CODES = new Set(['', '0', '200', 'success', 'ok'])

/**
 * A failure carried in a 2xx answer's body: `DeleteMembers` (and other PAI calls) answer with `Code` and
 * `Message` in the body, so a 200 with a failure `Code` (or `Success: false`) is a failure, classified by
 * its code like any other (docs/pai-api-facts.md §1.7). Undefined when the body says nothing of failure.
 */
export function failureInBody(
  body: unknown,
  httpStatus: number,
  requestId: string | undefined,
): CloudFailure | undefined {
  const b = rec(body)
  if (!b) return undefined
  const code = str(b.Code) ?? str(b.code)
  const failed = b.Success === false || (code !== undefined && !SUCCESS_CODES.has(code.toLowerCase()))
  if (!failed) return undefined
  return {
    kind: 'http',
    httpStatus,
    cloudCode: code,
    cloudMessage: str(b.Message) ?? str(b.message),
    requestId: str(b.RequestId) ?? requestId,
    outcome: 'rejected',
  }
}

/** How a failure may be retried. */
export type RetryClass = 'throttled' | 'transient' | 'never'

export interface Classified {
  code: string
  ruleId?: string
  retry: RetryClass
}

/** The RAM 2015-05-01 reads (core/cloud/ram.ts): their permission errors are about reading RAM. */
const RAM_ACTIONS = new Set([
  'ListUsers',
  'ListPoliciesForUser',
  'ListGroupsForUser',
  'ListPoliciesForGroup',
  'ListPoliciesForRole',
])

const has = (code: string | undefined, re: RegExp): boolean => code !== undefined && re.test(code)

/** Maps a failure to our code. The cloud's code decides first, the HTTP status second. */
export function classify(f: CloudFailure, action: string): Classified {
  if (f.kind === 'parse') return { code: 'CLOUD_BAD_RESPONSE', retry: 'never' }
  if (f.kind === 'timeout') return { code: 'CLOUD_TIMEOUT', retry: 'transient' }
  if (f.kind === 'network') return { code: 'CLOUD_NETWORK', retry: 'transient' }
  const c = f.cloudCode
  const status = f.httpStatus ?? 0
  if (has(c, /Throttling|TooManyRequests|Flowlimit|QpsLimit/i) || status === 429)
    return { code: 'CLOUD_THROTTLED', retry: 'throttled' }
  if (has(c, /^InvalidTimeStamp|RequestTimeTooSkewed|RequestTimeExpired/i))
    return { code: 'CLOUD_CLOCK_SKEW', retry: 'never' }
  if (has(c, /^InvalidSecurityToken\.Expired$|^SecurityTokenExpired$/i))
    return { code: 'CLOUD_TOKEN_EXPIRED', retry: 'never' }
  if (
    has(
      c,
      /^(InvalidAccessKeyId|SignatureDoesNotMatch|SignatureNotMatch|IncompleteSignature|InvalidSecurityToken|SignatureNonceUsed|InvalidAccessKeySecret|Unauthorized\.AccessKey|MissingAuthorization)/i,
    )
  )
    return { code: 'CLOUD_AUTH', retry: 'never' }
  if (has(c, /^(ServiceAccessDenied|ServiceNotEnable|ServiceNotOpen|EventBridgeNotActivated)/i))
    return { code: 'CLOUD_SERVICE_NOT_ENABLED', ruleId: 'E1', retry: 'never' }
  // RAM answers NoPermission (403) when the caller may not read RAM (docs/pai-api-facts.md §10.3): not a workspace role.
  if (RAM_ACTIONS.has(action) && (has(c, /^(NoPermission|Forbidden|AccessDenied)/i) || status === 403))
    return { code: 'CLOUD_RAM_PERMISSION', retry: 'never' }
  if (has(c, /^NoPermission$/)) return { code: 'CLOUD_WORKSPACE_ROLE', ruleId: 'A1', retry: 'never' }
  const sls = action === 'ListProject' || action === 'ListLogStores'
  const permission = (): Classified =>
    sls ? { code: 'CLOUD_SLS_PERMISSION', retry: 'never' } : { code: 'CLOUD_PERMISSION', ruleId: 'A3', retry: 'never' }
  // The cloud's code decides whatever the HTTP status (Forbidden.RAM comes as 403 or 400, PAI's numeric codes
  // with any status, even 200: docs/pai-api-facts.md §1.7); the status decides only when the code says nothing.
  if (has(c, /^(Forbidden|AccessDenied|Unauthorized|ProjectForbidden)/i)) return permission()
  if (
    // WorkspaceNameAlreadyExists is the documented clash code (docs/pai-api-facts.md §1.7). 100400009 is OUR
    // ASSUMPTION: no source in docs/pai-api-facts.md or the API reference names it (docs/emulator.md).
    has(c, /^(WorkspaceNameAlreadyExists|100400009)$/) ||
    (action === 'CreateWorkspace' &&
      (status === 409 ||
        has(c, /AlreadyExist|Duplicate/i) ||
        /名称已经存在|already exists/i.test(f.cloudMessage ?? '')))
  )
    return { code: 'CLOUD_NAME_CONFLICT', ruleId: 'W4', retry: 'never' }
  if (c === '100600017' || has(c, /^OwnerRoleNotRemovable$/))
    return { code: 'CLOUD_OWNER_PROTECTED', ruleId: 'M6', retry: 'never' }
  if (has(c, /^MemberMustHaveRole$/)) return { code: 'CLOUD_LAST_ROLE', ruleId: 'M5', retry: 'never' }
  if (
    has(c, /^(100400027|100400008|100700008|100600006|201300003|201900002|201900003|201400002)$/) ||
    has(c, /NotExist|NotFound|NoSuch/i)
  )
    return { code: 'CLOUD_NOT_FOUND', retry: 'never' }
  if (has(c, /AlreadyExist|Duplicate|Conflict/i)) return { code: 'CLOUD_ALREADY_EXISTS', retry: 'never' }
  if (has(c, /^(InternalError|ServiceUnavailable|UnknownError)/i)) return { code: 'CLOUD_SERVER', retry: 'transient' }
  if (status === 403) return permission()
  if (status === 404) return { code: 'CLOUD_NOT_FOUND', retry: 'never' }
  if (status === 409) return { code: 'CLOUD_ALREADY_EXISTS', retry: 'never' }
  if (status >= 500) return { code: 'CLOUD_SERVER', retry: 'transient' }
  return { code: 'CLOUD_REQUEST_REJECTED', retry: 'never' }
}

export interface FailureContext {
  service: string
  action: string
  endpoint: string
  attempts: number
  /** Extra message params (e.g. the workspace name for W4). */
  params?: Record<string, unknown>
  /** True when the operation is a create that may not be repeated blindly. */
  answerLost?: boolean
}

/** The AppError for a failure; `answerLost` turns an unknown outcome into CLOUD_ANSWER_LOST. */
export function toAppError(f: CloudFailure, ctx: FailureContext, cause?: unknown): AppError {
  const cls = classify(f, ctx.action)
  const details: CloudErrorDetails = {
    requestId: f.requestId,
    cloudCode: f.cloudCode,
    cloudMessage: f.cloudMessage,
    httpStatus: f.httpStatus,
    service: ctx.service,
    action: ctx.action,
    endpoint: ctx.endpoint,
    attempts: ctx.attempts,
    outcome: f.outcome,
    answerLost: ctx.answerLost === true,
    retryAfterMs: f.retryAfterMs,
  }
  const code = ctx.answerLost ? 'CLOUD_ANSWER_LOST' : cls.code
  const params: Record<string, unknown> = {
    requestId: f.requestId ?? '-',
    cloudCode: f.cloudCode ?? (f.httpStatus ? `HTTP ${f.httpStatus}` : '-'),
    cloudMessage: f.cloudMessage ?? '',
    httpStatus: f.httpStatus ?? '-',
    attempts: ctx.attempts,
    endpoint: ctx.endpoint,
    detail: f.detail ?? f.cloudCode ?? '',
    summary: f.detail ?? '',
    name: '',
    ...ctx.params,
  }
  return new AppError(code, { ruleId: ctx.answerLost ? undefined : cls.ruleId, params, details, cause })
}
