import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { canonicalJson, contentHash, readJson } from '../../../core/store/json'

describe('JSON columns', () => {
  it('canonical JSON sorts keys at every level, so equal values hash equally', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,{"y":2,"z":1}]},"b":1}',
    )
    expect(contentHash({ a: 1, b: 2 })).toBe(contentHash({ b: 2, a: 1 }))
    expect(contentHash({ a: 1 })).not.toBe(contentHash({ a: 2 }))
    expect(contentHash({ a: 1 })).toMatch(/^sha256:[0-9a-f]{64}$/)
  })
  it('reports invalid JSON or a schema mismatch instead of throwing', () => {
    const S = z.object({ n: z.number() })
    expect(readJson('{"n":1}', S)).toEqual({ ok: true, value: { n: 1 } })
    const bad = readJson('{"n":"x"}', S)
    expect(bad.ok).toBe(false)
    if (!bad.ok) expect(bad.error).toMatch(/^n:/)
    expect(readJson('{oops', S)).toMatchObject({ ok: false, raw: '{oops' })
  })
})
