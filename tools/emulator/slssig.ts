import crypto from 'node:crypto'
import { EmuError, header, type Incoming } from './http'
import type { Account } from './options'

/** SLS request signature v1 (`LOG <id>:<base64 HMAC-SHA256>`), as @alicloud/gateway-sls builds it (docs/pai-api-facts.md §7). */
export function slsStringToSign(inc: Incoming, pathname: string): string {
  const h = (n: string): string => header(inc, n) ?? ''
  const logHeaders = Object.keys(inc.headers)
    .filter((k) => k.includes('x-log-') || k.includes('x-acs-'))
    .sort()
    .map((k) => `${k}:${h(k)}\n`)
    .join('')
  const keys = Object.keys(inc.query).sort()
  const resource = keys.length ? `${pathname}?${keys.map((k) => `${k}=${inc.query[k]}`).join('&')}` : pathname
  return `${inc.method}\n${h('content-md5')}\n${h('content-type')}\n${h('date')}\n${logHeaders}${resource}`
}

export function slsSignature(secret: string, toSign: string): string {
  return crypto.createHmac('sha256', secret).update(toSign, 'utf8').digest('base64')
}

export function verifySls(
  inc: Incoming,
  pathname: string,
  deps: { accountFor(id: string): Account | undefined; clockSkewMs: number; now(): number },
): Account {
  const auth = header(inc, 'authorization') ?? ''
  const m = /^LOG ([^:]+):(.+)$/.exec(auth)
  if (!m) throw new EmuError(401, 'Unauthorized', 'The Authorization header is missing or malformed.')
  const account = deps.accountFor(m[1] ?? '')
  if (!account || account.disabled)
    throw new EmuError(401, 'InvalidAccessKeyId', 'The AccessKeyId is not found or disabled.')
  const date = Date.parse(header(inc, 'date') ?? '')
  if (!Number.isFinite(date) || Math.abs(deps.now() - date) > deps.clockSkewMs)
    throw new EmuError(
      400,
      'RequestTimeTooSkewed',
      'The difference between the request time and the server time is too large.',
    )
  const toSign = slsStringToSign(inc, pathname)
  const expected = slsSignature(account.accessKeySecret, toSign)
  const got = m[2] ?? ''
  if (got.length !== expected.length || !crypto.timingSafeEqual(Buffer.from(got), Buffer.from(expected))) {
    throw new EmuError(
      401,
      'SignatureNotMatch',
      `signature ${got} not match; the server string to sign is: ${toSign.replace(/\n/g, '\\n')}`,
    )
  }
  return account
}
