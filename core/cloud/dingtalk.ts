import crypto from 'node:crypto'
import { z } from 'zod'
import type { Timeouts } from './acs-send'
import { normalizeFailure, classify } from './errors'
import { sendRaw, splitHostPort } from './http-send'
import type { ProxySetting } from './profile'
import { proxyAgent, proxyFor } from './proxy'

/**
 * DingTalk custom robot (docs/pai-api-facts.md §6): the "加签" signature and the connectivity test of rule E7.
 * The signing secret is only ever used here to compute `sign`; it is never logged or returned.
 */

export const DINGTALK_ORIGIN = 'https://oapi.dingtalk.com'

/** base64(HMAC-SHA256(key = secret, message = timestamp + "\n" + secret)), not yet URL-encoded. */
export function dingTalkSign(secret: string, timestampMs: number | string): string {
  return crypto.createHmac('sha256', secret).update(`${timestampMs}\n${secret}`, 'utf8').digest('base64')
}

/** The webhook with `&timestamp=…&sign=…` appended (sign URL-encoded). */
export function signedDingTalkUrl(webhook: string, secret: string, timestampMs: number = Date.now()): string {
  const u = new URL(webhook)
  u.searchParams.set('timestamp', String(timestampMs))
  u.searchParams.set('sign', dingTalkSign(secret, timestampMs))
  return u.toString()
}

/** Whether `webhook` is a robot webhook URL: https://oapi.dingtalk.com/robot/send?access_token=…. */
export function isDingTalkWebhook(webhook: string): boolean {
  try {
    const u = new URL(webhook)
    return (
      u.origin === DINGTALK_ORIGIN && u.pathname === '/robot/send' && (u.searchParams.get('access_token') ?? '') !== ''
    )
  } catch {
    return false
  }
}

/**
 * The robot's answer: `errcode` a number (docs/pai-api-facts.md §6), or its digits as a string. Nothing looser: a
 * coercion would read `null`, `""`, `false` or `[]` from a look-alike host as errcode 0, "received".
 */
const AnswerSchema = z.object({
  errcode: z.union([
    z.number().int(),
    z
      .string()
      .regex(/^-?\d+$/)
      .transform(Number),
  ]),
  errmsg: z.string().default(''),
})

export interface DingTalkTestResult {
  ok: boolean
  /** A message code of shared/messages/cloud.ts (DINGTALK_* or CLOUD_NETWORK / CLOUD_TIMEOUT). */
  code: string
  params: Record<string, unknown>
  errcode?: number
  errmsg?: string
  httpStatus?: number
}

/** The robot's errcode/errmsg as one of our message codes. */
export function describeDingTalkAnswer(
  errcode: number,
  errmsg: string,
  signed = true,
): Pick<DingTalkTestResult, 'ok' | 'code'> {
  if (errcode === 0) return { ok: true, code: 'DINGTALK_OK' }
  const m = errmsg.toLowerCase()
  if (errcode === 310000) {
    // A robot with 加签 answers an unsigned message with a timestamp or signature error: the secret is missing,
    // not the clock or a wrong secret.
    if (!signed && (m.includes('sign') || m.includes('timestamp')))
      return { ok: false, code: 'DINGTALK_SECRET_MISSING' }
    if (m.includes('sign')) return { ok: false, code: 'DINGTALK_SIGN_MISMATCH' }
    if (m.includes('timestamp')) return { ok: false, code: 'DINGTALK_TIMESTAMP_INVALID' }
    if (m.includes('keyword')) return { ok: false, code: 'DINGTALK_KEYWORD_MISSING' }
    if (m.includes('whitelist') || m.includes(' ip ')) return { ok: false, code: 'DINGTALK_IP_NOT_ALLOWED' }
  }
  if (errcode === 300001 || errcode === 400102 || m.includes('token is not exist'))
    return { ok: false, code: 'DINGTALK_TOKEN_INVALID' }
  if (errcode === 410100 || errcode === 130101 || m.includes('too fast'))
    return { ok: false, code: 'DINGTALK_RATE_LIMITED' }
  return { ok: false, code: 'DINGTALK_ERROR' }
}

export interface DingTalkTestOptions {
  /** Replaces https://oapi.dingtalk.com (tests point it at the emulator). */
  baseUrl?: string
  proxy?: ProxySetting
  timeouts?: Partial<Timeouts>
  now?: () => number
}

/**
 * E7: sends a signed text message and reports the robot's answer. Never throws for an answer or a
 * network failure: everything becomes a result with a message code.
 */
export async function testDingTalkRobot(
  input: { webhook: string; secret?: string; text?: string },
  opts: DingTalkTestOptions = {},
): Promise<DingTalkTestResult> {
  if (!isDingTalkWebhook(input.webhook)) return { ok: false, code: 'DINGTALK_BAD_WEBHOOK', params: {} }
  const now = opts.now?.() ?? Date.now()
  const signed = input.secret ? signedDingTalkUrl(input.webhook, input.secret, now) : input.webhook
  const target = new URL(signed)
  if (opts.baseUrl) {
    const base = new URL(opts.baseUrl)
    target.protocol = base.protocol
    target.host = base.host
  }
  const protocol = target.protocol === 'http:' ? 'http' : 'https'
  const { host, port } = splitHostPort(target.host, protocol)
  const proxyUrl = proxyFor(opts.proxy ?? 'env', protocol, host, port)
  const text = input.text ?? 'PAI Workspace Admin: 测试连通性 / connectivity test'
  const body = Buffer.from(JSON.stringify({ msgtype: 'text', text: { content: text } }), 'utf8')
  try {
    const res = await sendRaw({
      protocol,
      connectHost: host,
      connectPort: port,
      method: 'POST',
      path: target.pathname + target.search,
      headers: { host: target.host, 'content-type': 'application/json; charset=utf-8', accept: 'application/json' },
      body,
      agent: proxyUrl ? proxyAgent(proxyUrl, protocol) : undefined,
      connectTimeoutMs: opts.timeouts?.connectTimeoutMs ?? 5_000,
      readTimeoutMs: opts.timeouts?.readTimeoutMs ?? 10_000,
    })
    let answer: z.infer<typeof AnswerSchema> | undefined
    try {
      const parsed = AnswerSchema.safeParse(JSON.parse(res.body))
      if (parsed.success) answer = parsed.data
    } catch {
      answer = undefined
    }
    // Every robot answer is JSON with an errcode (errors too, with HTTP 200). Anything else came from
    // something on the way (a proxy refusing CONNECT, a gateway): DingTalk was not reached.
    if (!answer)
      return {
        ok: false,
        code: 'CLOUD_NETWORK',
        params: { endpoint: target.host, detail: `HTTP ${res.status}, not an answer of the DingTalk robot` },
        httpStatus: res.status,
      }
    const d = describeDingTalkAnswer(answer.errcode, answer.errmsg, !!input.secret)
    return {
      ...d,
      params: { errcode: answer.errcode, errmsg: answer.errmsg },
      errcode: answer.errcode,
      errmsg: answer.errmsg,
      httpStatus: res.status,
    }
  } catch (err) {
    const f = normalizeFailure(err)
    const code = classify(f, 'DingTalkSend').code
    return { ok: false, code, params: { endpoint: target.host, detail: f.detail ?? '' } }
  }
}
