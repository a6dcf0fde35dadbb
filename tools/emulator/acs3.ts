import crypto from 'node:crypto'
import { EmuError, header, type Incoming } from './http'
import type { Account } from './options'

/**
 * ACS3-HMAC-SHA256 verification, server side, as docs/pai-api-facts.md §4.2 describes it: the canonical request
 * is rebuilt from what arrived (method, raw path, decoded-and-re-encoded query, the headers that
 * SignedHeaders lists, the SHA-256 of the body bytes), hashed, and HMAC'd with the key's secret.
 */

/** encodeURIComponent plus `! ' ( ) *`, the encoding of canonical query values. */
export function acsEncode(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`)
}

export interface SignedParts {
  method: string
  /** As sent. `+`, `*` and `%7E` are normalized the way the SDK normalizes its canonical URI. */
  rawPath: string
  query: Record<string, string>
  /** Lower-case header names to values. */
  headers: Record<string, string | undefined>
  signedHeaders: string[]
  payloadHash: string
}

export function canonicalRequest(p: SignedParts): string {
  const uri = p.rawPath.replace(/\+/g, '%20').replace(/\*/g, '%2A').replace(/%7E/gi, '~')
  const query = Object.keys(p.query)
    .sort()
    .map((k) => `${k}=${acsEncode(p.query[k] ?? '')}`)
    .join('&')
  const headerBlock = p.signedHeaders.map((h) => `${h}:${(p.headers[h] ?? '').trim()}\n`).join('')
  return [p.method, uri, query, headerBlock, p.signedHeaders.join(';'), p.payloadHash].join('\n')
}

export function stringToSign(canonical: string): string {
  return `ACS3-HMAC-SHA256\n${crypto.createHash('sha256').update(canonical, 'utf8').digest('hex')}`
}

export function acs3Signature(secret: string, parts: SignedParts): string {
  return crypto
    .createHmac('sha256', secret)
    .update(stringToSign(canonicalRequest(parts)), 'utf8')
    .digest('hex')
}

const AUTH_RE = /^ACS3-HMAC-SHA256\s+Credential=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-fA-F]+)\s*$/
const REQUIRED_SIGNED = [
  'host',
  'x-acs-action',
  'x-acs-version',
  'x-acs-date',
  'x-acs-signature-nonce',
  'x-acs-content-sha256',
]
const DATE_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/

/** Nonces seen per key, kept for twice the clock window. */
export class NonceCache {
  private readonly seen = new Map<string, number>()
  private lastSweep = 0

  constructor(private readonly ttlMs: number) {}

  /** False when the nonce was used already. */
  claim(key: string, now: number): boolean {
    if (now - this.lastSweep > 60_000) {
      for (const [k, exp] of this.seen) if (exp < now) this.seen.delete(k)
      this.lastSweep = now
    }
    const exp = this.seen.get(key)
    if (exp !== undefined && exp >= now) return false
    this.seen.set(key, now + this.ttlMs)
    return true
  }
}

export interface VerifyDeps {
  accountFor(accessKeyId: string): Account | undefined
  nonces: NonceCache
  clockSkewMs: number
  now(): number
}

/** Verifies the request's signature; returns the signing account, or throws the cloud's error. */
export function verifyAcs3(inc: Incoming, deps: VerifyDeps): Account {
  const auth = header(inc, 'authorization')
  if (!auth) throw new EmuError(400, 'MissingAuthorization', 'The Authorization header is missing.')
  const m = AUTH_RE.exec(auth)
  if (!m)
    throw new EmuError(
      400,
      'IncompleteSignature',
      'The request signature does not conform to Alibaba Cloud standards (Authorization is malformed).',
    )
  const [, keyId = '', signedList = '', signature = ''] = m
  const account = deps.accountFor(keyId)
  if (!account) throw new EmuError(404, 'InvalidAccessKeyId.NotFound', 'Specified access key is not found.')
  if (account.disabled) throw new EmuError(400, 'InvalidAccessKeyId.Inactive', 'Specified access key is disabled.')
  const signedHeaders = signedList.split(';').map((h) => h.trim().toLowerCase())
  for (const h of REQUIRED_SIGNED) {
    if (!signedHeaders.includes(h)) throw new EmuError(400, 'IncompleteSignature', `The header "${h}" must be signed.`)
  }
  // Temporary credentials: the SDK sends x-acs-security-token (and x-acs-accesskey-id), and signs them.
  if (account.session && !signedHeaders.includes('x-acs-security-token'))
    throw new EmuError(400, 'IncompleteSignature', 'The header "x-acs-security-token" must be signed.')
  for (const h of signedHeaders) {
    if (header(inc, h) === undefined)
      throw new EmuError(400, 'IncompleteSignature', `The signed header "${h}" is missing.`)
  }
  const date = header(inc, 'x-acs-date') ?? ''
  if (!DATE_RE.test(date))
    throw new EmuError(400, 'InvalidTimeStamp.Format', 'Specified time stamp or date value is not well formatted.')
  const skew = Math.abs(deps.now() - Date.parse(date))
  if (!(skew <= deps.clockSkewMs))
    throw new EmuError(
      400,
      'InvalidTimeStamp.Expired',
      `Specified time stamp or date value is expired (x-acs-date ${date}).`,
    )
  const payloadHash = crypto.createHash('sha256').update(inc.body).digest('hex')
  const headers: Record<string, string | undefined> = {}
  for (const h of signedHeaders) headers[h] = header(inc, h)
  const parts: SignedParts = {
    method: inc.method,
    rawPath: inc.rawPath,
    query: inc.query,
    headers,
    signedHeaders,
    payloadHash,
  }
  const expected = acs3Signature(account.accessKeySecret, parts)
  const claimedHash = header(inc, 'x-acs-content-sha256')
  const sigOk =
    signature.length === expected.length &&
    crypto.timingSafeEqual(Buffer.from(signature.toLowerCase()), Buffer.from(expected))
  if (!sigOk || claimedHash !== payloadHash) {
    const why =
      claimedHash !== payloadHash
        ? 'x-acs-content-sha256 does not match the request body'
        : `server string to sign is: ${stringToSign(canonicalRequest(parts)).replace(/\n/g, '\\n')}`
    throw new EmuError(
      403,
      'SignatureDoesNotMatch',
      `The request signature does not match the signature the server calculated; ${why}.`,
    )
  }
  const nonce = header(inc, 'x-acs-signature-nonce') ?? ''
  if (!deps.nonces.claim(`${keyId}\n${nonce}`, deps.now()))
    throw new EmuError(400, 'SignatureNonceUsed', 'Specified signature nonce was used already.')
  return account
}
