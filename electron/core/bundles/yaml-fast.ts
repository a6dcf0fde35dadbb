/**
 * A fast, deterministic YAML writer for bundles, and a reader for exactly the subset it writes (plus
 * blank lines and full-line comments). Anything else — anchors, flow collections with content, block
 * scalars, tags, single quotes, trailing comments, tabs — makes the reader give up (`undefined`), and the
 * full `yaml` library reads the file instead. A property test checks that both readers agree.
 *
 * The subset: block mappings and sequences (`- ` items, compact `- key: value` mappings), `[]` and `{}`,
 * JSON double-quoted strings, JSON numbers, true/false/null, and plain strings of a conservative shape.
 */

const RESERVED = /^(?:true|false|null|yes|no|on|off|y|n|~)$/i
/** First character of a plain string: a letter, `_` or `/`, or a non-ASCII letter-like character. */
const PLAIN_FIRST = /^[A-Za-z_/\u00a0-\u2027\u202a-\ufefe\uff00-\uffef]/
/** Every character of a plain string. */
const PLAIN_BODY = /^[A-Za-z0-9_./@+=&%~?:\- \u00a0-\u2027\u202a-\ufefe\uff00-\uffef]*$/

/** Whether `s` can be written unquoted and reads back as the same string in any YAML 1.2 reader. */
export function isSafePlain(s: string): boolean {
  if (s.length === 0 || s.length > 200 || RESERVED.test(s)) return false
  if (!PLAIN_FIRST.test(s) || !PLAIN_BODY.test(s)) return false
  if (s.endsWith(' ') || s.endsWith(':') || s.includes(': ') || s.includes(' #') || s.includes('  ')) return false
  // Lone surrogates cannot be written as UTF-8.
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdfff) return false
  }
  return true
}

/** A JSON string literal that is also a valid YAML double-quoted scalar (non-printable characters escaped). */
function quote(s: string): string {
  return JSON.stringify(s).replace(/[\u007f-\u009f\u2028\u2029\ufeff\ud800-\udfff]/g, (ch) => '\\u' + ch.charCodeAt(0).toString(16).padStart(4, '0'))
}

function scalar(v: unknown): string {
  if (v === null || v === undefined) return 'null'
  if (typeof v === 'boolean') return v ? 'true' : 'false'
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error('a bundle holds finite numbers only')
    return Object.is(v, -0) ? '-0' : String(v)
  }
  if (typeof v === 'string') return isSafePlain(v) ? v : quote(v)
  throw new Error(`cannot write ${typeof v}`)
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const keyText = (k: string): string => (isSafePlain(k) ? k : quote(k))

function emit(v: unknown, indent: string, out: string[]): void {
  if (Array.isArray(v)) {
    for (const item of v) {
      if (isObject(item) && Object.keys(item).length > 0) {
        const lines: string[] = []
        emitMap(item, indent + '  ', lines)
        // The first key goes on the dash line.
        out.push(indent + '- ' + lines[0]!.slice(indent.length + 2))
        for (let i = 1; i < lines.length; i++) out.push(lines[i]!)
      } else if (Array.isArray(item) && item.length > 0) {
        out.push(indent + '-')
        emit(item, indent + '  ', out)
      } else out.push(indent + '- ' + inline(item))
    }
    return
  }
  if (isObject(v)) emitMap(v, indent, out)
}

function inline(v: unknown): string {
  if (Array.isArray(v)) return '[]'
  if (isObject(v)) return '{}'
  return scalar(v)
}

function emitMap(m: Record<string, unknown>, indent: string, out: string[]): void {
  for (const [k, v] of Object.entries(m)) {
    if (v === undefined) continue
    const nested = (Array.isArray(v) && v.length > 0) || (isObject(v) && Object.keys(v).length > 0)
    if (!nested) out.push(`${indent}${keyText(k)}: ${inline(v)}`)
    else {
      out.push(`${indent}${keyText(k)}:`)
      emit(v, indent + '  ', out)
    }
  }
}

/** Block-style YAML of plain data (objects, arrays, strings, finite numbers, booleans, null), ending in a newline. */
export function writeYaml(value: unknown): string {
  const out: string[] = []
  if ((isObject(value) && Object.keys(value).length > 0) || (Array.isArray(value) && value.length > 0)) emit(value, '', out)
  else out.push(inline(value))
  return out.join('\n') + '\n'
}

// ---------------------------------------------------------------- reader

interface Line {
  indent: number
  text: string
}

class GiveUp extends Error {}
const giveUp = (): never => {
  throw new GiveUp()
}

const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/

function readScalar(s: string): unknown {
  if (s === '[]') return []
  if (s === '{}') return {}
  if (s === 'true') return true
  if (s === 'false') return false
  if (s === 'null') return null
  const c = s.charCodeAt(0)
  if (c === 34 /* " */) {
    // Only JSON escapes: YAML's others (\x, \U, \N, line folding...) make the reader give up.
    if (!/^"(?:[^"\\\u0000-\u001f]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*"$/.test(s)) giveUp()
    return JSON.parse(s) as string
  }
  if (JSON_NUMBER.test(s)) return Number(s)
  if (isSafePlain(s)) return s
  return giveUp()
}

/** Splits `key: rest` (key plain or double-quoted); undefined when the line is not a mapping entry. */
function splitKey(text: string): { key: string; rest: string } | undefined {
  if (text.charCodeAt(0) === 34) {
    const m = /^("(?:[^"\\]|\\.)*"):(?: (.*))?$/.exec(text)
    if (!m) return undefined
    const key = readScalar(m[1]!)
    return typeof key === 'string' ? { key, rest: m[2] ?? '' } : undefined
  }
  const i = text.indexOf(': ')
  const key = i < 0 ? (text.endsWith(':') ? text.slice(0, -1) : undefined) : text.slice(0, i)
  if (key === undefined || !isSafePlain(key)) return undefined
  return { key, rest: i < 0 ? '' : text.slice(i + 2) }
}

class Reader {
  i = 0
  constructor(readonly lines: Line[]) {}

  /** A block at exactly `indent` (a mapping or a sequence). */
  block(indent: number): unknown {
    const first = this.lines[this.i]
    if (!first || first.indent !== indent) return giveUp()
    return first.text === '-' || first.text.startsWith('- ') ? this.seq(indent) : this.map(indent)
  }

  map(indent: number, seed?: Record<string, unknown>): Record<string, unknown> {
    const out: Record<string, unknown> = seed ?? {}
    while (this.i < this.lines.length) {
      const line = this.lines[this.i]!
      if (line.indent < indent) break
      if (line.indent > indent) giveUp()
      const kv = splitKey(line.text)
      if (!kv || Object.hasOwn(out, kv.key) || kv.key === '__proto__') giveUp()
      this.i++
      out[kv!.key] = this.value(kv!.rest, indent)
    }
    return out
  }

  /** The value after `key:` — inline, or a nested block (a sequence may sit at the key's own indent). */
  value(rest: string, indent: number): unknown {
    if (rest !== '') return readScalar(rest)
    const next = this.lines[this.i]
    if (next && next.indent > indent) return this.block(next.indent)
    if (next && next.indent === indent && (next.text === '-' || next.text.startsWith('- '))) return this.seq(indent)
    return null
  }

  seq(indent: number): unknown[] {
    const out: unknown[] = []
    while (this.i < this.lines.length) {
      const line = this.lines[this.i]!
      if (line.indent !== indent || !(line.text === '-' || line.text.startsWith('- '))) {
        if (line.indent > indent) giveUp()
        break
      }
      this.i++
      if (line.text === '-') {
        const next = this.lines[this.i]
        out.push(next && next.indent > indent ? this.block(next.indent) : null)
        continue
      }
      const rest = line.text.slice(2)
      if (rest.startsWith('- ') || rest === '-') giveUp()
      const kv = splitKey(rest)
      if (kv) {
        // A compact mapping: its other keys are indented to the first key's column.
        const col = indent + 2
        const m: Record<string, unknown> = {}
        if (kv.key === '__proto__') giveUp()
        m[kv.key] = this.value(kv.rest, col)
        out.push(this.map(col, m))
      } else out.push(readScalar(rest))
    }
    return out
  }
}

/** Reads YAML written in the subset; undefined when the text uses anything else (use the full reader). */
export function readYamlFast(text: string): { value: unknown } | undefined {
  const lines: Line[] = []
  let start = 0
  const n = text.length
  while (start < n) {
    let end = text.indexOf('\n', start)
    if (end < 0) end = n
    let raw = text.slice(start, end)
    start = end + 1
    if (raw.endsWith('\r')) raw = raw.slice(0, -1)
    let indent = 0
    while (indent < raw.length && raw.charCodeAt(indent) === 32) indent++
    const body = raw.slice(indent)
    if (body === '' || body.startsWith('#')) continue
    if (body.includes('\t') || body.endsWith(' ') || body === '---' || body === '...' || body.startsWith('%')) return undefined
    lines.push({ indent, text: body })
  }
  if (lines.length === 0) return undefined
  try {
    const r = new Reader(lines)
    const value = r.block(lines[0]!.indent === 0 ? 0 : giveUp())
    if (r.i !== lines.length) return undefined
    return { value }
  } catch (err) {
    if (err instanceof GiveUp) return undefined
    throw err
  }
}
