import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkWorkspaceName, parseOssPath, quotaUsage, ruleUnits, validate, type NotificationTarget } from './format'
import { check, found } from './helpers'

// ---------------------------------------------------------------- independent oracles

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'
const DIGITS = '0123456789'

/** W1 name rule, written from the reference's words, character by character. */
function nameOracle(s: string): boolean {
  const chars = Array.from(s)
  if (chars.length < 3 || chars.length > 23) return false
  if (!LETTERS.includes(chars[0]!)) return false
  return chars.every((ch) => ch.length === 1 && (LETTERS.includes(ch) || DIGITS.includes(ch) || ch === '_'))
}

/** OSS directory path rule, written independently (TextEncoder for bytes, split for folders). */
function ossOracle(s: string): { bucket: string; prefix: string } | null {
  const scheme = 'oss://'
  if (s.slice(0, scheme.length) !== scheme) return null
  const rest = s.slice(scheme.length)
  const cut = rest.indexOf('/')
  if (cut === -1) return null
  const bucket = rest.slice(0, cut)
  const lower = LETTERS.slice(0, 26)
  if (bucket.length < 3 || bucket.length > 63) return null
  for (const ch of bucket) if (!(lower.includes(ch) || DIGITS.includes(ch) || ch === '-')) return null
  if (bucket[0] === '-' || bucket[bucket.length - 1] === '-') return null
  const prefix = rest.slice(cut + 1)
  if (prefix.length === 0) return { bucket, prefix }
  if (prefix[prefix.length - 1] !== '/') return null
  if (new TextEncoder().encode(prefix).length > 1023) return null
  const folders = prefix.split('/')
  folders.pop()
  for (const f of folders) {
    if (f === '' || f === '.' || f === '..') return null
    for (const ch of f) {
      const cp = ch.codePointAt(0)!
      if (ch === '\\' || cp < 0x20 || cp === 0x7f) return null
    }
  }
  return { bucket, prefix }
}

/** E6 units, from the rule's words: one unit per contact of voice/SMS/email, one per other target. */
function unitsOracle(targets: NotificationTarget[]): number {
  return targets.reduce((sum, t) => sum + ('contacts' in t ? t.contacts.length : 1), 0)
}

// ---------------------------------------------------------------- generators

const nameChars = fc.constantFrom(...'aZq09_-. 中é😀\u0000'.split(''), ...Array.from('aZq09_-. 中é😀'))
const nameLike = fc.oneof(
  fc
    .array(fc.constantFrom(...(LETTERS + DIGITS + '_').split('')), { minLength: 0, maxLength: 26 })
    .map((a) => a.join('')),
  fc.array(nameChars, { maxLength: 26 }).map((a) => a.join('')),
  fc.string({ unit: 'binary', maxLength: 30 }),
)

const bucketLike = fc.oneof(
  { arbitrary: fc.stringMatching(/^[a-z0-9][a-z0-9-]{1,20}[a-z0-9]$/), weight: 3 },
  fc.array(fc.constantFrom(...'abcxyz0189-'.split('')), { minLength: 0, maxLength: 66 }).map((a) => a.join('')),
  fc.array(fc.constantFrom(...'abAB_.-9中'.split('')), { maxLength: 8 }).map((a) => a.join('')),
)
const folderLike = fc.oneof(
  { arbitrary: fc.constantFrom('data', 'models', 'tmp', '模型', '😀', 'a.b', 'x y', '...'), weight: 12 },
  fc.constantFrom('', '.', '..', 'data', 'models', '模型', 'a\\b', 'tab\there', 'del\u007f', 'x y', '😀'),
  fc.string({ unit: 'binary', maxLength: 12 }).filter((s) => !s.includes('/')),
  // Long folders around the 1023-byte limit (3-byte and 4-byte characters).
  fc.tuple(fc.integer({ min: 150, max: 400 }), fc.constantFrom('模', '😀', 'a')).map(([n, ch]) => ch.repeat(n)),
)
const ossLike = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        fc.constantFrom('oss://', 'oss://', 'oss://', 'oss://', 'oss://', 'oss://', 'OSS://', 's3://', 'oss:/', ''),
        bucketLike,
        fc.boolean(),
        fc.array(folderLike, { maxLength: 5 }),
        fc.boolean(),
      )
      .map(
        ([scheme, bucket, slash, folders, trailing]) =>
          scheme + bucket + (slash ? '/' + folders.join('/') + (trailing && folders.length ? '/' : '') : ''),
      ),
  },
  fc.string({ unit: 'binary', maxLength: 40 }),
)

const contacts = fc.array(fc.constantFrom('Alice', 'Tony', 'Alan', 'Bob'), { maxLength: 12 })
const target: fc.Arbitrary<NotificationTarget> = fc.oneof(
  fc.constant<NotificationTarget>({
    type: 'dingtalk',
    webhook: 'https://oapi.dingtalk.com/robot/send?access_token=abc',
    secretRef: 'ref',
  }),
  fc.constant<NotificationTarget>({ type: 'http', url: 'https://hooks.example.com/' }),
  fc.record({ type: fc.constantFrom('voice' as const, 'sms' as const, 'email' as const), contacts }),
)

// ---------------------------------------------------------------- properties

describe('properties', () => {
  it('W1: the name validator agrees with an independent oracle and never throws', () => {
    let valid = 0
    fc.assert(
      fc.property(nameLike, (s) => {
        const ok = nameOracle(s)
        if (ok) valid++
        expect(checkWorkspaceName(s) === undefined).toBe(ok)
      }),
      { numRuns: 3000 },
    )
    expect(valid).toBeGreaterThan(300) // both sides of the rule were exercised
  })

  it('W1: validate() reports a name problem exactly when the oracle refuses the name', () => {
    fc.assert(
      fc.property(nameLike, (name) => {
        const r = check({ basic: { name, description: 'd' } })
        const nameProblems = found(r).filter((p) => p.endsWith(' /basic/name'))
        expect(nameProblems.length === 0).toBe(nameOracle(name))
      }),
      { numRuns: 500 },
    )
  })

  it('ST1: the OSS path parser agrees with an independent oracle and never throws', () => {
    let valid = 0
    fc.assert(
      fc.property(ossLike, (s) => {
        const got = parseOssPath(s)
        const want = ossOracle(s)
        if (want) valid++
        expect(got.ok).toBe(want !== null)
        if (got.ok && want) {
          expect({ bucket: got.bucket, prefix: got.prefix }).toEqual(want)
          expect(`oss://${got.bucket}/${got.prefix}`).toBe(s)
        }
      }),
      { numRuns: 3000 },
    )
    expect(valid).toBeGreaterThan(150) // both sides of the rule were exercised
  })

  it('E6: quota units agree with an independent count, and validate refuses exactly when units exceed the quota', () => {
    fc.assert(
      fc.property(fc.array(target, { maxLength: 10 }), fc.integer({ min: 1, max: 100 }), (targets, quota) => {
        const units = unitsOracle(targets)
        expect(ruleUnits({ targets })).toBe(units)
        expect(quotaUsage({ targets }, quota)).toEqual({ used: units, quota, over: units > quota })
        const r = validate(
          {
            basic: { name: 'team_alpha', description: 'd' },
            storage: { defaultPath: 'oss://bucket/' },
            notifications: { quota, rules: [{ name: 'r', eventTypes: ['dlc.other'], targets }] },
          },
          { region: 'cn-hangzhou', identity: { kind: 'main', userId: 'm' } },
        )
        expect(r.problems.some((p) => p.code === 'DOMAIN_TARGET_QUOTA_EXCEEDED')).toBe(units > quota)
      }),
      { numRuns: 1000 },
    )
  })
})
