import type { DomainCode } from '../messages/domain'
import type { ProblemParams } from './context'
import { clip } from './problems'

/**
 * E7, the pure half of the DingTalk connectivity test [测试连通性]: what to sign, the signed URL, the test
 * message, and what the robot's answer means. The HMAC itself (Base64(HMAC-SHA256(secret, stringToSign)))
 * is computed by the core, where the secret is read from the keychain.
 */

/** The string to sign: `timestamp + "\n" + secret` (timestamp in milliseconds). */
export function dingTalkStringToSign(timestampMs: number, secret: string): string {
  return `${timestampMs}\n${secret}`
}

/** The webhook with `&timestamp=…&sign=…` appended; `signBase64` is URL-encoded here. */
export function dingTalkSignedUrl(webhook: string, timestampMs: number, signBase64: string): string {
  return `${webhook}${webhook.includes('?') ? '&' : '?'}timestamp=${timestampMs}&sign=${encodeURIComponent(signBase64)}`
}

/** The body of the test message. */
export function dingTalkTestMessage(text: string): { msgtype: 'text'; text: { content: string } } {
  return { msgtype: 'text', text: { content: text } }
}

export interface DingTalkVerdict {
  ok: boolean
  ruleId: 'E7'
  code: DomainCode
  params: ProblemParams
}

/**
 * What the robot's answer means. DingTalk answers HTTP 200 with `{errcode, errmsg}` even on errors,
 * so the errcode decides: 0 is success; 310000 carries the reason in errmsg (keywords, timestamp,
 * sign, IP allow-list); 300001 bad token; 410100 too fast; 90030 over limit.
 */
export function interpretDingTalkAnswer(body: unknown): DingTalkVerdict {
  const verdict = (ok: boolean, code: DomainCode, params: ProblemParams = {}): DingTalkVerdict => ({
    ok,
    ruleId: 'E7',
    code,
    params,
  })
  if (typeof body !== 'object' || body === null) return verdict(false, 'DOMAIN_DINGTALK_BAD_ANSWER')
  const { errcode, errmsg } = body as { errcode?: unknown; errmsg?: unknown }
  const code =
    typeof errcode === 'number'
      ? errcode
      : typeof errcode === 'string' && /^-?\d+$/.test(errcode)
        ? Number(errcode)
        : undefined
  if (code === undefined) return verdict(false, 'DOMAIN_DINGTALK_BAD_ANSWER')
  const msg = typeof errmsg === 'string' ? errmsg : ''
  if (code === 0) return verdict(true, 'DOMAIN_DINGTALK_TEST_OK')
  if (code === 310000) {
    const lower = msg.toLowerCase()
    if (lower.includes('keyword')) return verdict(false, 'DOMAIN_DINGTALK_KEYWORDS')
    if (lower.includes('timestamp')) return verdict(false, 'DOMAIN_DINGTALK_TIMESTAMP')
    if (lower.includes('sign')) return verdict(false, 'DOMAIN_DINGTALK_SIGN')
    const ip = /ip\s+(\S+)\s+not in whitelist/i.exec(msg)
    if (ip) return verdict(false, 'DOMAIN_DINGTALK_IP', { ip: clip(ip[1] ?? '', 64) })
  }
  if (code === 300001) return verdict(false, 'DOMAIN_DINGTALK_TOKEN')
  if (code === 410100) return verdict(false, 'DOMAIN_DINGTALK_TOO_FAST')
  if (code === 90030) return verdict(false, 'DOMAIN_DINGTALK_OVER_LIMIT')
  return verdict(false, 'DOMAIN_DINGTALK_REFUSED', { errcode: code, errmsg: clip(msg, 200) })
}
