import { isNode, LineCounter, parseDocument, type Document } from 'yaml'
import { CORE_SCHEMA, load as loadYaml } from 'js-yaml'
import { BUNDLE_LIMITS, formatOfFileName, type BundleFormat } from '@shared/bundle'
import type { RawProblem } from './problems'

/**
 * Reading a bundle file into plain data, safely: size, binary content, nesting and YAML aliases are
 * checked before or while parsing, so a hostile file gets a clear error fast and nothing else runs.
 * Positions (line, column) of any JSON pointer are computed on demand from the YAML document (JSON is
 * read by the same parser for positions, only when a problem needs one).
 */

export interface Position {
  line: number
  column: number
}

export type ReadResult =
  | { ok: true; format: BundleFormat; data: unknown; positionOf: (pointer: string) => Position }
  | { ok: false; problems: RawProblem[]; positionOf: (pointer: string) => Position }

const NOWHERE: Position = { line: 0, column: 0 }
const nowhere = (): Position => NOWHERE
const fileProblem = (
  code: RawProblem['code'],
  params: RawProblem['params'] = {},
  at: Position = NOWHERE,
): RawProblem => ({
  pointer: '',
  ruleId: 'D4',
  severity: 'error',
  code,
  params,
  at,
})

/** Bytes of a string in UTF-8, without encoding it. */
function utf8Bytes(s: string): number {
  return Buffer.byteLength(s, 'utf8')
}

/** Text from the bytes of a file: refuses binary and invalid UTF-8 (a leading BOM is dropped). */
export function decodeText(bytes: Uint8Array): { ok: true; text: string } | { ok: false; problem: RawProblem } {
  if (bytes.byteLength > BUNDLE_LIMITS.maxBytes)
    return {
      ok: false,
      problem: fileProblem('BUNDLE_TOO_LARGE', { size: bytes.byteLength, max: BUNDLE_LIMITS.maxBytes }),
    }
  if (bytes.includes(0)) return { ok: false, problem: fileProblem('BUNDLE_BINARY') }
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
    return { ok: true, text }
  } catch {
    return { ok: false, problem: fileProblem('BUNDLE_BINARY') }
  }
}

/**
 * The deepest nesting of flow collections (`[`, `{`), outside quoted strings, and the deepest block
 * indentation: cheap bounds checked before the parser runs (it recurses).
 */
function tooDeep(text: string): boolean {
  if (DEEP_INDENT.test(text)) return true
  let depth = 0
  // Double-quoted strings are skipped whole; every other bracket counts.
  const re = /"(?:[^"\\\n]|\\.)*"|[[{\]}]/g
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const c = m[0]
    if (c === '[' || c === '{') {
      if (++depth > BUNDLE_LIMITS.maxDepth) return true
    } else if (c === ']' || c === '}') depth = depth > 0 ? depth - 1 : 0
  }
  return false
}
const DEEP_INDENT = new RegExp(`(?:^|\\n) {${BUNDLE_LIMITS.maxDepth * 8 + 1},}`)

/** Depth of a parsed value (objects and lists), stopping past the limit. */
function depthOf(v: unknown, limit: number, level = 0): number {
  if (level > limit || typeof v !== 'object' || v === null) return level
  let max = level + 1
  for (const child of Array.isArray(v) ? v : Object.values(v)) {
    const d = depthOf(child, limit, level + 1)
    if (d > max) max = d
    if (max > limit) return max
  }
  return max
}

function positionFinder(text: string, existing?: { doc: Document; lc: LineCounter }): (pointer: string) => Position {
  let cached = existing
  return (pointer) => {
    try {
      if (!cached) {
        const lc = new LineCounter()
        cached = { doc: parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: false }), lc }
      }
      const path =
        pointer === ''
          ? []
          : pointer
              .slice(1)
              .split('/')
              .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
      // The deepest node that exists on the path: a missing field points at its parent.
      for (let n = path.length; n >= 0; n--) {
        const keys = path.slice(0, n).map((s) => (/^\d+$/.test(s) ? Number(s) : s))
        const node = n === 0 ? cached.doc.contents : cached.doc.getIn(keys, true)
        if (isNode(node) && node.range) {
          const p = cached.lc.linePos(node.range[0])
          return { line: p.line, column: p.col }
        }
      }
    } catch {
      // A position is a convenience: never fail a report for want of one.
    }
    return NOWHERE
  }
}

/** JSON.parse's error position ("... at position 12" or "(line 2 column 5)") as line and column. */
function jsonErrorPosition(text: string, message: string): Position {
  const lc = /line (\d+) column (\d+)/.exec(message)
  if (lc) return { line: Number(lc[1]), column: Number(lc[2]) }
  const m = /position (\d+)/.exec(message)
  if (!m) {
    // Newer V8 messages carry no position but quote the text around the error (10 characters either side).
    let offset = text.length
    if (!/end of JSON input/.test(message)) {
      const q = /(?:Unexpected token '(.)',|Unexpected [^,]*,|,) (\.\.\.)?"([\s\S]*?)"(\.\.\.)? is not valid JSON/.exec(
        message,
      )
      const snippet = q?.[3]
      const at = snippet ? text.indexOf(snippet) : -1
      if (!q || at < 0) return { line: 1, column: 1 }
      const tokenAt = q[1] !== undefined ? snippet!.indexOf(q[1], q[2] ? Math.min(10, snippet!.length - 1) : 0) : -1
      offset = at + (tokenAt >= 0 ? tokenAt : q[2] ? 10 : 0)
    }
    const before = text.slice(0, offset)
    return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') }
  }
  const offset = Math.min(Number(m[1]), text.length)
  const before = text.slice(0, offset)
  const line = before.split('\n').length
  return { line, column: offset - before.lastIndexOf('\n') }
}

/**
 * Whether the text may hold a YAML anchor, alias or tag: those (and alias bombs) go to the `yaml` library,
 * which caps aliases. A false alarm only costs speed.
 */
function mayHaveAnchorsOrTags(text: string): boolean {
  return /(^|[\s,[{:-])[&*!]/.test(text)
}

/** js-yaml with the YAML 1.2 core schema (as the `yaml` library reads); undefined on any error, so the full parser reports it with a position. */
function loadPlainYaml(text: string): { value: unknown } | undefined {
  try {
    return {
      value: loadYaml(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, { schema: CORE_SCHEMA, json: false }),
    }
  } catch {
    return undefined
  }
}

/** Reads bundle text of the given file name (the extension chooses YAML or JSON). */
export function readBundleText(fileName: string, text: string): ReadResult {
  const format = formatOfFileName(fileName)
  if (!format)
    return {
      ok: false,
      problems: [fileProblem('BUNDLE_FORMAT_UNKNOWN', { file: fileName.slice(-100) })],
      positionOf: nowhere,
    }
  const size = utf8Bytes(text)
  if (size > BUNDLE_LIMITS.maxBytes)
    return {
      ok: false,
      problems: [fileProblem('BUNDLE_TOO_LARGE', { size, max: BUNDLE_LIMITS.maxBytes })],
      positionOf: nowhere,
    }
  if (text.includes('\u0000')) return { ok: false, problems: [fileProblem('BUNDLE_BINARY')], positionOf: nowhere }
  if (text.trim() === '') return { ok: false, problems: [fileProblem('BUNDLE_EMPTY')], positionOf: nowhere }
  if (tooDeep(text))
    return {
      ok: false,
      problems: [fileProblem('BUNDLE_TOO_DEEP', { max: BUNDLE_LIMITS.maxDepth })],
      positionOf: nowhere,
    }

  let data: unknown
  let positionOf: (pointer: string) => Position
  let fast: { value: unknown } | undefined
  if (format === 'json') {
    try {
      data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)
    } catch (err) {
      const detail = err instanceof Error ? err.message : String(err)
      return {
        ok: false,
        problems: [fileProblem('BUNDLE_SYNTAX', { detail: detail.slice(0, 200) }, jsonErrorPosition(text, detail))],
        positionOf: nowhere,
      }
    }
    positionOf = positionFinder(text)
  } else if (!mayHaveAnchorsOrTags(text) && (fast = loadPlainYaml(text))) {
    // Most bundles (and everything the app writes) have no anchors, aliases or tags: js-yaml reads them
    // several times faster. Positions are found on demand with the full parser, only when a problem needs one.
    data = fast.value
    positionOf = positionFinder(text)
  } else {
    const lc = new LineCounter()
    let doc: Document
    try {
      doc = parseDocument(text, {
        lineCounter: lc,
        prettyErrors: false,
        uniqueKeys: true,
        strict: true,
        stringKeys: true,
      })
    } catch (err) {
      return {
        ok: false,
        problems: [
          fileProblem('BUNDLE_SYNTAX', { detail: String(err instanceof Error ? err.message : err).slice(0, 200) }),
        ],
        positionOf: nowhere,
      }
    }
    if (doc.errors.length > 0) {
      const problems = doc.errors.slice(0, 20).map((e) => {
        const p = lc.linePos(e.pos[0])
        return fileProblem(
          'BUNDLE_SYNTAX',
          { detail: e.message.split('\n')[0]!.slice(0, 200) },
          { line: p.line, column: p.col },
        )
      })
      return { ok: false, problems, positionOf: nowhere }
    }
    try {
      data = doc.toJS({ maxAliasCount: BUNDLE_LIMITS.maxAliasCount })
    } catch (err) {
      if (err instanceof ReferenceError && /alias/i.test(err.message))
        return {
          ok: false,
          problems: [fileProblem('BUNDLE_ALIAS_LIMIT', { max: BUNDLE_LIMITS.maxAliasCount })],
          positionOf: nowhere,
        }
      return {
        ok: false,
        problems: [
          fileProblem('BUNDLE_SYNTAX', { detail: String(err instanceof Error ? err.message : err).slice(0, 200) }),
        ],
        positionOf: nowhere,
      }
    }
    positionOf = positionFinder(text, { doc, lc })
  }
  if (depthOf(data, BUNDLE_LIMITS.maxDepth) > BUNDLE_LIMITS.maxDepth)
    return {
      ok: false,
      problems: [fileProblem('BUNDLE_TOO_DEEP', { max: BUNDLE_LIMITS.maxDepth })],
      positionOf: nowhere,
    }
  return { ok: true, format, data, positionOf }
}
