import type { DomainCode } from '../messages/domain'
import type { ProblemParams } from './context'
import { clip } from './problems'

/**
 * Field rules from the API reference. Each check returns the first problem of the value, or
 * undefined when it is valid. Pure and total: no input makes them throw.
 */
export interface FieldIssue {
  code: DomainCode
  params: ProblemParams
}

const issue = (code: DomainCode, params: ProblemParams = {}): FieldIssue => ({ code, params })

/** Number of code points of `s`, counting at most to `cap + 1` (cheap on huge strings). */
export function charCount(s: string, cap = Number.MAX_SAFE_INTEGER): number {
  let n = 0
  for (let i = 0; i < s.length && n <= cap; i++) {
    const c = s.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1)
      if (d >= 0xdc00 && d <= 0xdfff) i++
    }
    n++
  }
  return n
}

export const WORKSPACE_NAME_MIN = 3
export const WORKSPACE_NAME_MAX = 23
/** WorkspaceName: 3-23 characters, ASCII letters, digits and `_`, starting with a letter (docs/pai-api-facts.md §2). */
export function checkWorkspaceName(name: string): FieldIssue | undefined {
  if (name.length === 0) return issue('DOMAIN_NAME_REQUIRED')
  const length = charCount(name, WORKSPACE_NAME_MAX)
  if (length < WORKSPACE_NAME_MIN || length > WORKSPACE_NAME_MAX)
    return issue('DOMAIN_NAME_LENGTH', {
      min: WORKSPACE_NAME_MIN,
      max: WORKSPACE_NAME_MAX,
      length: length > WORKSPACE_NAME_MAX ? `>${WORKSPACE_NAME_MAX}` : length,
    })
  if (!/^[A-Za-z]/.test(name)) return issue('DOMAIN_NAME_START')
  if (!/^[A-Za-z0-9_]+$/.test(name)) return issue('DOMAIN_NAME_CHARS')
  return undefined
}

export const DESCRIPTION_MAX = 80
/** Description: required, at most 80 characters (docs/pai-api-facts.md §1.2). */
export function checkDescription(description: string): FieldIssue | undefined {
  if (description.trim() === '') return issue('DOMAIN_DESCRIPTION_REQUIRED')
  const length = charCount(description, DESCRIPTION_MAX)
  if (length > DESCRIPTION_MAX)
    return issue('DOMAIN_DESCRIPTION_TOO_LONG', { max: DESCRIPTION_MAX, length: `>${DESCRIPTION_MAX}` })
  return undefined
}

/** ResourceGroupId: `rg-` followed by lowercase letters and digits. */
export function checkResourceGroupId(id: string): FieldIssue | undefined {
  return /^rg-[a-z0-9]{1,64}$/.test(id) ? undefined : issue('DOMAIN_RESOURCE_GROUP_ID', { value: clip(id) })
}

/** Resource `Name`: 3-28 characters, letter first, letters, digits and `_` (docs/pai-api-facts.md §1.4). */
export function checkResourceName(name: string): FieldIssue | undefined {
  return /^[A-Za-z][A-Za-z0-9_]{2,27}$/.test(name) ? undefined : issue('DOMAIN_RESOURCE_NAME', { name: clip(name) })
}

/** Custom role `RoleName`: at most 64 characters, letters, digits, `_` and `-` (docs/pai-api-facts.md §1.6). */
export function checkCustomRoleName(name: string): FieldIssue | undefined {
  return /^[A-Za-z0-9_-]{1,64}$/.test(name) ? undefined : issue('DOMAIN_CUSTOM_ROLE_NAME', { name: clip(name) })
}

/** Event rule name: 1-127 characters, letter or digit first, letters, digits, `_` and `-`. */
export function checkRuleName(name: string): FieldIssue | undefined {
  return /^[A-Za-z0-9][A-Za-z0-9_-]{0,126}$/.test(name) ? undefined : issue('DOMAIN_RULE_NAME', { name: clip(name) })
}

// ---------------------------------------------------------------- OSS paths

export type OssPathResult =
  { ok: true; bucket: string; prefix: string; endpoint?: string } | { ok: false; issue: FieldIssue }

/** OSS bucket naming: 3-63 characters, lowercase letters, digits and `-`, starting and ending with a letter or digit. */
export function isValidBucketName(bucket: string): boolean {
  return /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/.test(bucket)
}

/** An OSS endpoint host such as `oss-cn-hangzhou-internal.aliyuncs.com`: dot-separated labels of letters, digits and `-`. */
const OSS_ENDPOINT =
  /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/

/** Bytes of `s` in UTF-8 (lone surrogates count 3, as the encoder's replacement character does). */
export function utf8Length(s: string): number {
  let n = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c < 0x80) n += 1
    else if (c < 0x800) n += 2
    else if (
      c >= 0xd800 &&
      c <= 0xdbff &&
      i + 1 < s.length &&
      s.charCodeAt(i + 1) >= 0xdc00 &&
      s.charCodeAt(i + 1) <= 0xdfff
    ) {
      n += 4
      i++
    } else n += 3
  }
  return n
}

export const OSS_KEY_MAX_BYTES = 1023

/**
 * Parses a directory path `oss://bucket/` or `oss://bucket/a/b/`, also in the console's form with the
 * endpoint after the bucket, `oss://bucket.oss-cn-hangzhou-internal.aliyuncs.com/a/b/` (Alibaba's SDK reads
 * and writes both: the host's first label is the bucket, the rest the endpoint). The bucket follows OSS
 * naming, the prefix is empty or ends with `/`, has no empty, `.` or `..` folder, no backslash or control
 * character, and is at most 1023 bytes of UTF-8.
 */
export function parseOssPath(value: string): OssPathResult {
  const fail = (i: FieldIssue): OssPathResult => ({ ok: false, issue: i })
  const shown = clip(value)
  if (!value.startsWith('oss://')) return fail(issue('DOMAIN_OSS_SCHEME', { value: shown }))
  const rest = value.slice(6)
  const slash = rest.indexOf('/')
  const host = slash < 0 ? rest : rest.slice(0, slash)
  const dot = host.indexOf('.')
  const bucket = dot < 0 ? host : host.slice(0, dot)
  const endpoint = dot < 0 ? undefined : host.slice(dot + 1)
  if (!isValidBucketName(bucket)) return fail(issue('DOMAIN_OSS_BUCKET', { bucket: clip(bucket) }))
  if (endpoint !== undefined && !OSS_ENDPOINT.test(endpoint))
    return fail(issue('DOMAIN_OSS_ENDPOINT', { value: shown, endpoint: clip(endpoint) }))
  if (slash < 0) return fail(issue('DOMAIN_OSS_TRAILING_SLASH', { value: shown }))
  const prefix = rest.slice(slash + 1)
  const ok = (): OssPathResult =>
    endpoint === undefined ? { ok: true, bucket, prefix } : { ok: true, bucket, prefix, endpoint }
  if (prefix === '') return ok()
  if (!prefix.endsWith('/')) return fail(issue('DOMAIN_OSS_TRAILING_SLASH', { value: shown }))
  if (utf8Length(prefix) > OSS_KEY_MAX_BYTES) return fail(issue('DOMAIN_OSS_PATH', { value: shown }))
  if (/[\\\u0000-\u001f\u007f]/.test(prefix)) return fail(issue('DOMAIN_OSS_PATH', { value: shown }))
  const folders = prefix.slice(0, -1).split('/')
  for (const f of folders)
    if (f === '' || f === '.' || f === '..') return fail(issue('DOMAIN_OSS_PATH', { value: shown }))
  return ok()
}

/**
 * The place an OSS path names, without its endpoint: `oss://bucket/prefix`. Two spellings of one folder
 * (with and without the endpoint) have the same key. Undefined for anything that does not parse.
 */
export function ossPathKey(value: string | undefined): string | undefined {
  if (value === undefined) return undefined
  const r = parseOssPath(value)
  return r.ok ? `oss://${r.bucket}/${r.prefix}` : undefined
}

/** Whether two OSS paths name the same bucket and folder (endpoint or not); unparsable values compare as text. */
export function sameOssPath(a: string | undefined, b: string | undefined): boolean {
  const x = a === '' ? undefined : a
  const y = b === '' ? undefined : b
  if (x === undefined || y === undefined) return x === y
  const kx = ossPathKey(x)
  const ky = ossPathKey(y)
  return kx !== undefined && ky !== undefined ? kx === ky : x === y
}

/** OSS's intranet endpoint of a region, as Alibaba's SDK builds it when the bucket's own is not known. */
export const ossIntranetEndpoint = (region: string): string => `oss-${region}-internal.aliyuncs.com`

/**
 * A default storage path as Alibaba's SDK writes it (`oss://<bucket>.<intranet endpoint>/<path>`): a path
 * given with its endpoint is kept as it is; one without gets the region's intranet endpoint.
 */
export function ossPathWithEndpoint(value: string, region: string): string {
  const r = parseOssPath(value)
  if (!r.ok || r.endpoint !== undefined) return value
  return `oss://${r.bucket}.${ossIntranetEndpoint(region)}/${r.prefix}`
}

// ---------------------------------------------------------------- SLS

/** SLS Project: 3-63 characters, lowercase letters, digits and `-`, starting and ending with a letter or digit. */
export function checkSlsProject(name: string): FieldIssue | undefined {
  return /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/.test(name)
    ? undefined
    : issue('DOMAIN_SLS_PROJECT_NAME', { value: clip(name) })
}
/** SLS LogStore: 3-63 characters, lowercase letters, digits, `_` and `-`, starting and ending with a letter or digit. */
export function checkSlsLogstore(name: string): FieldIssue | undefined {
  return /^[a-z0-9][a-z0-9_-]{1,61}[a-z0-9]$/.test(name)
    ? undefined
    : issue('DOMAIN_SLS_LOGSTORE_NAME', { value: clip(name) })
}

// ---------------------------------------------------------------- notification targets

const DINGTALK_WEBHOOK = /^https:\/\/oapi\.dingtalk\.com\/robot\/send\?access_token=[A-Za-z0-9_-]{1,128}$/
const LOOPBACK_WEBHOOK =
  /^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d{1,5})?\/robot\/send\?access_token=[A-Za-z0-9_-]{1,128}$/

/**
 * DingTalk webhook shape: `https://oapi.dingtalk.com/robot/send?access_token=<token>`.
 * `allowLoopback` also accepts the same path on 127.0.0.1 / localhost (the local emulator, tests only).
 */
export function checkDingTalkWebhook(url: string, allowLoopback = false): FieldIssue | undefined {
  if (DINGTALK_WEBHOOK.test(url)) return undefined
  if (allowLoopback && LOOPBACK_WEBHOOK.test(url)) return undefined
  return issue('DOMAIN_DINGTALK_WEBHOOK')
}

/** The DingTalk signing secret [加签]: `SEC` followed by letters and digits (checked where it is typed, before it goes to the keychain). */
export function checkDingTalkSecret(secret: string): FieldIssue | undefined {
  return /^SEC[A-Za-z0-9]{4,253}$/.test(secret) ? undefined : issue('DOMAIN_DINGTALK_SECRET_FORMAT')
}

/** A string that looks like a DingTalk signing secret itself (so it must not sit in a config). */
export function looksLikeSecret(value: string): boolean {
  return /^SEC[0-9a-fA-F]{32,}$/.test(value)
}

/** Keychain reference name: letters, digits and `. _ : @ / -`, 1-200 characters, never a secret (D2). */
export function checkSecretRef(ref: string): FieldIssue | undefined {
  if (looksLikeSecret(ref)) return issue('DOMAIN_SECRET_IN_CONFIG')
  return /^[A-Za-z0-9][A-Za-z0-9._:@/-]{0,199}$/.test(ref)
    ? undefined
    : issue('DOMAIN_SECRET_REF_FORMAT', { value: clip(ref) })
}

export const HTTP_URL_MAX = 2048
/** HTTP target URL: http:// or https:// with a host, no spaces, no credentials, at most 2048 characters. */
export function checkHttpUrl(url: string): FieldIssue | undefined {
  const bad = issue('DOMAIN_HTTP_URL', { value: clip(url) })
  if (url.length > HTTP_URL_MAX || !/^https?:\/\/[^\s/?#]+[^\s]*$/i.test(url)) return bad
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return bad
  }
  if ((parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || parsed.hostname === '') return bad
  if (parsed.username !== '' || parsed.password !== '') return issue('DOMAIN_HTTP_URL_CREDENTIALS')
  return undefined
}

export const CONTACT_MAX = 128
/** A contact [联系人] of a voice, SMS or email target: not blank, at most 128 characters. */
export function checkContact(contact: string): FieldIssue | undefined {
  return contact.trim() !== '' && charCount(contact, CONTACT_MAX) <= CONTACT_MAX
    ? undefined
    : issue('DOMAIN_CONTACT_INVALID', { value: clip(contact) })
}
