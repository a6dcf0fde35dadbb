import crypto from 'node:crypto'
import { EmuError, bad } from './http'
import type { NonceCache } from './acs3'
import type { Account } from './options'

/**
 * The RPC signature V1 (HMAC-SHA1) that @alicloud/credentials uses for AssumeRole: every parameter
 * (query and form body, without `Signature`) sorted by name, each `encode(k)=encode(v)`, joined by `&`;
 * string to sign `POST&%2F&` + encode(that); signature base64(HMAC-SHA1(secret + "&", string to sign)).
 */

function rpcEncode(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`)
}

function rpcStringToSign(method: string, params: Record<string, string>): string {
  const canonical = Object.keys(params)
    .filter((k) => k !== 'Signature')
    .sort()
    .map((k) => `${rpcEncode(k)}=${rpcEncode(params[k] ?? '')}`)
    .join('&')
  return `${method}&${rpcEncode('/')}&${rpcEncode(canonical)}`
}

function rpcSignature(secret: string, toSign: string): string {
  return crypto.createHmac('sha1', `${secret}&`).update(toSign, 'utf8').digest('base64')
}

interface RpcVerifyDeps {
  accountFor(accessKeyId: string): Account | undefined
  nonces: NonceCache
  clockSkewMs: number
  now(): number
}

/** Verifies a V1-signed request; returns the signing account, or throws the cloud's error. */
export function verifyRpcV1(method: string, params: Record<string, string>, deps: RpcVerifyDeps): Account {
  const keyId = params.AccessKeyId
  if (!keyId) throw bad('MissingAccessKeyId', 'AccessKeyId is mandatory for this action.')
  const account = deps.accountFor(keyId)
  if (!account) throw new EmuError(404, 'InvalidAccessKeyId.NotFound', 'Specified access key is not found.')
  if (account.disabled) throw bad('InvalidAccessKeyId.Inactive', 'Specified access key is disabled.')
  if (params.SignatureMethod !== 'HMAC-SHA1' || params.SignatureVersion !== '1.0')
    throw bad('InvalidSignatureMethod', 'Specified signature method is not valid.')
  const ts = Date.parse(params.Timestamp ?? '')
  if (!Number.isFinite(ts) || Math.abs(deps.now() - ts) > deps.clockSkewMs)
    throw bad('InvalidTimeStamp.Expired', 'Specified time stamp or date value is expired.')
  const toSign = rpcStringToSign(method, params)
  const expected = rpcSignature(account.accessKeySecret, toSign)
  const got = params.Signature ?? ''
  if (got.length !== expected.length || !crypto.timingSafeEqual(Buffer.from(got), Buffer.from(expected)))
    // The wording @alicloud/credentials compares with its own string to sign ("the access key secret is invalid").
    throw bad(
      'SignatureDoesNotMatch',
      `Specified signature is not matched with our calculation. server string to sign is:${toSign}`,
    )
  if (!deps.nonces.claim(`${keyId}\n${params.SignatureNonce ?? ''}`, deps.now()))
    throw bad('SignatureNonceUsed', 'Specified signature nonce was used already.')
  return account
}
