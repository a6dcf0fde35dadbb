import fs from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatProblemLine } from '../../../core/bundles/problems'
import { readBundleText } from '../../../core/bundles/read'
import { flowNestingExceeds } from '../../../core/bundles/prescan'
import { FIXTURES, validateText } from './support'

/**
 * Hostile bundle text (D4): files made to freeze the reader, crash it, or pass unnoticed. Each case was
 * reproduced on the code before the fix (40 s for the 256 KiB line, INTERNAL for `constructor: {}`, a JSON
 * duplicate silently taking the last value). The time bounds are ten times what the fixed reader needs on
 * a loaded machine, far below what the quadratic one took.
 */

const VALID = fs.readFileSync(path.join(FIXTURES, 'valid.yaml'), 'utf8')
const codes = (r: { problems: Array<{ code: string }> }) => r.problems.map((p) => p.code)

function timed<T>(fn: () => T): { value: T; ms: number } {
  const t = performance.now()
  const value = fn()
  return { value, ms: performance.now() - t }
}

describe('hostile bundle text: bounded work', () => {
  it('D4: a 256 KiB line of escaped quotes is read in linear time (YAML and JSON)', () => {
    const quotes = '\\"'.repeat(128 * 1024)
    for (const [file, text] of [
      ['q.yaml', `apiVersion: "${quotes}\n`],
      ['q.json', `{"apiVersion": "${quotes}\n`],
      ['q2.yaml', `a: [${'"\\"'.repeat(80 * 1024)}\n`],
    ] as const) {
      const { value, ms } = timed(() => readBundleText(file, text))
      expect(value.ok).toBe(false)
      expect(ms).toBeLessThan(5000)
    }
  })

  it('D4: brackets inside quoted strings do not count as nesting; real nesting past the limit does', () => {
    const inString = `a: "${'['.repeat(200)}"\nb: 1\n`
    expect(readBundleText('s.yaml', inString).ok).toBe(true)
    // An unterminated quote does not hide the brackets that follow it on later lines.
    const hidden = `a: "\\"\nb: ${'['.repeat(100)}${']'.repeat(100)}\n`
    const r = readBundleText('h.yaml', hidden)
    expect(!r.ok && r.problems[0]!.code).toBe('BUNDLE_TOO_DEEP')
  })

  it('D4: a map of 100,000 keys read by the full YAML parser is read in linear time', { timeout: 90_000 }, () => {
    // The parser's own duplicate-key check compared every key with every other: minutes here. An anchor sends
    // the file to the full parser, as a syntax error does (to place it).
    let text = 'x: &a 1\nm:\n'
    for (let i = 0; i < 100_000; i++) text += `  k${i}: 1\n`
    const { value, ms } = timed(() => readBundleText('keys.yaml', text))
    expect(value.ok).toBe(true)
    expect(ms).toBeLessThan(30_000)
  })

  it('D4: a file with thousands of problems reports a bounded number of them, and says so', () => {
    const members = Array.from({ length: 3000 }, (_, i) => `        - {userId: "27${i}", roles: [], typo${i}: 1}`)
    const text = VALID.replace(/      members:\n(?: {8}.*\n)+/, `      members:\n${members.join('\n')}\n`)
    const r = validateText('many.yaml', text)
    expect(r.ok).toBe(false)
    expect(r.problems.length).toBeLessThanOrEqual(1001)
    expect(codes(r)).toContain('BUNDLE_PROBLEMS_TRUNCATED')
  })
})

describe('hostile bundle text: keys that name Object.prototype members', () => {
  const places: Array<[string, (key: string, value: string) => string]> = [
    ['top level', (k, v) => VALID.replace('kind: WorkspaceBundle', `kind: WorkspaceBundle\n${k}: ${v}`)],
    ['workspace', (k, v) => VALID.replace('    region: cn-hangzhou', `    region: cn-hangzhou\n    ${k}: ${v}`)],
    ['config', (k, v) => VALID.replace('      basic:', `      ${k}: ${v}\n      basic:`)],
    ['basic', (k, v) => VALID.replace('        name: team_a', `        name: team_a\n        ${k}: ${v}`)],
    [
      'member',
      (k, v) =>
        VALID.replace(
          '          roles: [PAI.AlgoDeveloper]',
          `          roles: [PAI.AlgoDeveloper]\n          ${k}: ${v}`,
        ),
    ],
    [
      'target',
      (k, v) =>
        VALID.replace(
          '                secretRef: ops-robot',
          `                secretRef: ops-robot\n                ${k}: ${v}`,
        ),
    ],
    [
      'custom role permissions',
      (k, v) =>
        VALID.replace(
          '      storage:',
          `      customRoles:\n        - name: r1\n          permissions:\n            DLC: ReadOnly\n            ${k}: ${v}\n      storage:`,
        ),
    ],
  ]
  for (const key of ['__proto__', 'constructor', 'toString', 'hasOwnProperty'])
    for (const [where, put] of places)
      it(`D4: "${key}" in the ${where} is an unknown key, never INTERNAL (YAML and JSON)`, () => {
        for (const value of ['x', '{a: 1}', '[1]']) {
          const yaml = put(key, value)
          const r = validateText('p.yaml', yaml)
          expect(r.ok).toBe(false)
          const unknown = r.problems.filter(
            (p) => p.code === 'BUNDLE_UNKNOWN_KEY' || p.code === 'DOMAIN_SCHEMA_UNKNOWN_KEY',
          )
          expect(unknown.length).toBeGreaterThan(0)
          expect(JSON.stringify(unknown.map((p) => p.params))).toContain(key)
        }
      })

  it('D4: the same keys in JSON are unknown keys too', () => {
    const base = JSON.parse(JSON.stringify(readJsonValid()))
    for (const key of ['__proto__', 'constructor', 'toString']) {
      const text = JSON.stringify(base, null, 2).replace('"basic": {', `"basic": {\n "${key}": {"a": 1},`)
      const r = validateText('p.json', text)
      expect(r.ok).toBe(false)
      expect(r.problems.find((p) => p.code === 'BUNDLE_UNKNOWN_KEY')?.params).toEqual({ key })
    }
  })
})

function readJsonValid(): unknown {
  const r = readBundleText('valid.yaml', VALID)
  if (!r.ok) throw new Error('valid.yaml does not read')
  return r.data
}

describe('hostile bundle text: duplicate keys', () => {
  it('D4: a duplicate key is refused in JSON as in YAML, at the second occurrence', () => {
    const yaml = VALID.replace('        mode: simple', '        mode: simple\n        mode: standard')
    const json = JSON.stringify(readJsonValid(), null, 2).replace(
      '"mode": "simple"',
      '"mode": "simple",\n        "mode": "standard"',
    )
    for (const [file, text] of [
      ['d.yaml', yaml],
      ['d.json', json],
    ] as const) {
      const r = validateText(file, text)
      expect(r.ok).toBe(false)
      const dup = r.problems.find((p) => p.code === 'BUNDLE_DUPLICATE_KEY')
      expect(dup?.params).toEqual({ key: 'mode' })
      expect(text.split('\n')[dup!.line - 1]).toContain('standard')
    }
  })

  it('D4: the same key in different objects is no duplicate', () => {
    const json = JSON.stringify(readJsonValid(), null, 2)
    expect(validateText('ok.json', json).ok).toBe(true)
  })
})

describe('hostile bundle text: the linear pre-scan', () => {
  /** The scan as it was written before (a regex, quadratic on unterminated quotes): the reference. */
  function reference(text: string, max: number): boolean {
    let depth = 0
    const re = /"(?:[^"\\\n]|\\.)*"|[[{\]}]/g
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const c = m[0]
      if (c === '[' || c === '{') {
        if (++depth > max) return true
      } else if (c === ']' || c === '}') depth = depth > 0 ? depth - 1 : 0
    }
    return false
  }

  it('D4: the one-pass nesting scan decides as the old scan did, on any text', () => {
    const alphabet = ['"', '\\', '\n', '\r', '\u2028', '[', ']', '{', '}', 'a', ' ']
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...alphabet), { maxLength: 60 }),
        fc.integer({ min: 0, max: 4 }),
        (chars, max) => {
          const text = chars.join('')
          expect(flowNestingExceeds(text, max)).toBe(reference(text, max))
        },
      ),
      { numRuns: 5000 },
    )
  })
})

describe('hostile bundle text: printing problems', () => {
  const FORGED = 'x\n::error file=ci.yml,line=1::forged annotation'
  const text = VALID.replace(
    '        name: team_a',
    `        name: team_a\n        ${JSON.stringify(FORGED)}: 1\n        "\\e[2J\\u009b31m\\u2028red": 2`,
  )

  it('D4: a key holding a newline or escape sequences is reported escaped: no line starts with text from the file', () => {
    const r = validateText('ci.yaml', text)
    const unknown = r.problems.filter((p) => p.code === 'BUNDLE_UNKNOWN_KEY')
    expect(unknown.map((p) => p.params.key)).toEqual([FORGED, '\u001b[2J\u009b31m\u2028red'])
    const printed = r.problems.map(formatProblemLine).join('\n')
    for (const line of printed.split('\n')) expect(line).toMatch(/^(ci\.yaml:\d+:\d+: |    hint: )/)
    expect(printed).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/)
    expect(printed).toContain('x\\n::error file=ci.yml')
    expect(printed).toContain('\\e[2J\\u009b31m\\u2028red')
  })
})
