import { LineCounter, parseDocument, type Document } from 'yaml'
import { CORE_SCHEMA, load as loadYaml } from 'js-yaml'
import { BUNDLE_LIMITS, formatOfFileName, type BundleFormat } from '@shared/bundle'
import { duplicateJsonKeys, jsonErrorPosition, NOWHERE, PositionIndex, type Position } from './positions'
import { mayHaveAnchorsOrTags, tooDeep } from './prescan'
import type { RawProblem } from './problems'

/**
 * Reading a bundle file into plain data, safely: size, binary content, nesting and YAML aliases are
 * checked before or while parsing, duplicate keys are refused in YAML and JSON alike, and every check is
 * linear in the size of the text, so a hostile file gets a clear error fast and nothing else runs.
 * Positions (line, column) of JSON pointers are found on demand from one YAML parse of the text (JSON
 * is read by the same parser for positions, only when a problem needs one).
 */

export type { Position } from './positions'

/** Finds the positions of many pointers at once (one pass over the document). */
export type PositionsOf = (pointers: readonly string[]) => Map<string, Position>

export type ReadResult =
  { ok: true; format: BundleFormat; data: unknown; positionsOf: PositionsOf } | { ok: false; problems: RawProblem[] }

/** Duplicate keys reported per file: the first ones are enough to fix the file. */
const MAX_DUPLICATES = 20

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
const fail = (...problems: RawProblem[]): ReadResult => ({ ok: false, problems })
const detailOf = (err: unknown): string => String(err instanceof Error ? err.message : err).slice(0, 200)

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

/** Positions from the text, parsed on first use only (most files have no problem to place). */
function lazyPositions(text: string, parsed?: PositionIndex): PositionsOf {
  let index = parsed
  return (pointers) => {
    try {
      index ??= PositionIndex.parse(text)
      return index.positions(pointers)
    } catch {
      // A position is a convenience: never fail a report for want of one.
      return new Map()
    }
  }
}

const duplicateProblems = (dups: Array<{ pointer: string; key: string; at: Position }>): RawProblem[] =>
  dups.map((d) => ({ ...fileProblem('BUNDLE_DUPLICATE_KEY', { key: d.key.slice(0, 80) }, d.at), pointer: d.pointer }))

/** js-yaml with the YAML 1.2 core schema (as the `yaml` library reads); undefined on any error, so the full parser reports it with a position. */
function loadPlainYaml(text: string): { value: unknown } | undefined {
  try {
    return { value: loadYaml(text, { schema: CORE_SCHEMA, json: false }) }
  } catch {
    return undefined
  }
}

function readJson(text: string): ReadResult {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (err) {
    const detail = detailOf(err)
    return fail(fileProblem('BUNDLE_SYNTAX', { detail }, jsonErrorPosition(text, detail)))
  }
  const dups = duplicateJsonKeys(text, MAX_DUPLICATES)
  if (dups.length > 0) return fail(...duplicateProblems(dups))
  return { ok: true, format: 'json', data, positionsOf: lazyPositions(text) }
}

/** The full YAML parser: anchors, aliases (capped), tags, and errors with their positions. */
function readYamlFully(text: string): ReadResult {
  const lc = new LineCounter()
  let doc: Document
  try {
    // Duplicate keys are found below in one pass: the parser's own check compares every key with every
    // other key of its mapping, which a mapping of many keys turns into minutes.
    doc = parseDocument(text, {
      lineCounter: lc,
      prettyErrors: false,
      uniqueKeys: false,
      strict: true,
      stringKeys: true,
    })
  } catch (err) {
    return fail(fileProblem('BUNDLE_SYNTAX', { detail: detailOf(err) }))
  }
  if (doc.errors.length > 0)
    return fail(
      ...doc.errors.slice(0, 20).map((e) => {
        const p = lc.linePos(e.pos[0])
        return fileProblem(
          'BUNDLE_SYNTAX',
          { detail: e.message.split('\n')[0]!.slice(0, 200) },
          { line: p.line, column: p.col },
        )
      }),
    )
  const index = new PositionIndex(doc, lc)
  const dups = index.duplicateKeys(MAX_DUPLICATES)
  if (dups.length > 0) return fail(...duplicateProblems(dups))
  let data: unknown
  try {
    data = doc.toJS({ maxAliasCount: BUNDLE_LIMITS.maxAliasCount })
  } catch (err) {
    if (err instanceof ReferenceError && /alias/i.test(err.message))
      return fail(fileProblem('BUNDLE_ALIAS_LIMIT', { max: BUNDLE_LIMITS.maxAliasCount }))
    return fail(fileProblem('BUNDLE_SYNTAX', { detail: detailOf(err) }))
  }
  return { ok: true, format: 'yaml', data, positionsOf: lazyPositions(text, index) }
}

/** Reads bundle text of the given file name (the extension chooses YAML or JSON). */
export function readBundleText(fileName: string, content: string): ReadResult {
  const format = formatOfFileName(fileName)
  if (!format) return fail(fileProblem('BUNDLE_FORMAT_UNKNOWN', { file: fileName.slice(-100) }))
  const size = Buffer.byteLength(content, 'utf8')
  if (size > BUNDLE_LIMITS.maxBytes) return fail(fileProblem('BUNDLE_TOO_LARGE', { size, max: BUNDLE_LIMITS.maxBytes }))
  if (content.includes('\u0000')) return fail(fileProblem('BUNDLE_BINARY'))
  const text = content.charCodeAt(0) === 0xfeff ? content.slice(1) : content
  if (text.trim() === '') return fail(fileProblem('BUNDLE_EMPTY'))
  if (tooDeep(text)) return fail(fileProblem('BUNDLE_TOO_DEEP', { max: BUNDLE_LIMITS.maxDepth }))

  let read: ReadResult
  let fast: { value: unknown } | undefined
  if (format === 'json') read = readJson(text)
  else if (!mayHaveAnchorsOrTags(text) && (fast = loadPlainYaml(text)))
    // Most bundles (and everything the app writes) have no anchors, aliases or tags: js-yaml reads them
    // several times faster (and refuses duplicate keys). Positions are found with the full parser, only
    // when a problem needs one.
    read = { ok: true, format, data: fast.value, positionsOf: lazyPositions(text) }
  else read = readYamlFully(text)
  if (read.ok && depthOf(read.data, BUNDLE_LIMITS.maxDepth) > BUNDLE_LIMITS.maxDepth)
    return fail(fileProblem('BUNDLE_TOO_DEEP', { max: BUNDLE_LIMITS.maxDepth }))
  return read
}
