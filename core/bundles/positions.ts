import { visit as visitJson } from 'jsonc-parser'
import {
  isMap,
  isNode,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Document,
  type Pair,
  type YAMLMap,
} from 'yaml'
import type { RawProblem } from './problems'

/**
 * Where things are in a bundle's text: the line and column of a JSON pointer (for problems found in the
 * parsed data), the position of a JSON.parse error, and duplicate keys with their positions. Every lookup
 * is linear in the text, whatever the file holds: the document is parsed once, and each mapping on a
 * looked-up path is indexed once (a map of a million keys is not scanned once per problem).
 */

export interface Position {
  line: number
  column: number
}

export const NOWHERE: Position = { line: 0, column: 0 }

/** The segments of a JSON pointer (`/a/0/b~1c` → `['a', '0', 'b/c']`). */
function pointerSegments(pointer: string): string[] {
  if (pointer === '') return []
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
}

const escapeSegment = (s: string): string => s.replace(/~/g, '~0').replace(/\//g, '~1')

/** A YAML key as the data holds it (the bundle reader takes keys as strings). */
function keyText(pair: Pair): string | undefined {
  return isScalar(pair.key) ? String(pair.key.value) : undefined
}

interface Trie {
  pointers: string[]
  children: Map<string, Trie>
}

/** Finds positions in one parsed YAML (or JSON) document. */
export class PositionIndex {
  private readonly maps = new WeakMap<YAMLMap, Map<string, Pair>>()

  constructor(
    private readonly doc: Document,
    private readonly lc: LineCounter,
  ) {}

  static parse(text: string): PositionIndex {
    const lc = new LineCounter()
    return new PositionIndex(
      parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: false, stringKeys: true }),
      lc,
    )
  }

  at(offset: number): Position {
    const p = this.lc.linePos(offset)
    return { line: p.line, column: p.col }
  }

  private entries(map: YAMLMap): Map<string, Pair> {
    let index = this.maps.get(map)
    if (!index) {
      index = new Map()
      for (const pair of map.items) {
        const k = keyText(pair)
        if (k !== undefined && !index.has(k)) index.set(k, pair)
      }
      this.maps.set(map, index)
    }
    return index
  }

  /** The position of each pointer: its node, or the deepest node on its path that exists. */
  positions(pointers: Iterable<string>): Map<string, Position> {
    const root: Trie = { pointers: [], children: new Map() }
    for (const pointer of pointers) {
      let t = root
      for (const seg of pointerSegments(pointer)) {
        let next = t.children.get(seg)
        if (!next) t.children.set(seg, (next = { pointers: [], children: new Map() }))
        t = next
      }
      t.pointers.push(pointer)
    }
    const out = new Map<string, Position>()
    const all = (t: Trie, pos: Position): void => {
      for (const p of t.pointers) out.set(p, pos)
      for (const c of t.children.values()) all(c, pos)
    }
    const walk = (node: unknown, t: Trie, inherited: Position): void => {
      const pos = isNode(node) && node.range ? this.at(node.range[0]) : inherited
      for (const p of t.pointers) out.set(p, pos)
      for (const [seg, child] of t.children) {
        let next: unknown
        if (isSeq(node)) next = /^\d+$/.test(seg) ? node.items[Number(seg)] : undefined
        else if (isMap(node)) next = this.entries(node).get(seg)?.value
        if (next === undefined || next === null) all(child, pos)
        else walk(next, child, pos)
      }
    }
    walk(this.doc.contents, root, NOWHERE)
    return out
  }

  /** Keys that appear twice in one mapping: the second occurrence's pointer and position (at most `max`). */
  duplicateKeys(max: number): Array<{ pointer: string; key: string; at: Position }> {
    const found: Array<{ pointer: string; key: string; at: Position }> = []
    const walk = (node: unknown, pointer: string): void => {
      if (found.length >= max) return
      if (isSeq(node)) node.items.forEach((item, i) => walk(item, `${pointer}/${i}`))
      else if (isMap(node)) {
        const seen = new Set<string>()
        for (const pair of node.items) {
          const k = keyText(pair)
          if (k === undefined) continue
          if (seen.has(k)) {
            const range = isNode(pair.key) ? pair.key.range : undefined
            if (found.length < max)
              found.push({ pointer: `${pointer}/${escapeSegment(k)}`, key: k, at: range ? this.at(range[0]) : NOWHERE })
          } else {
            seen.add(k)
            walk(pair.value, `${pointer}/${escapeSegment(k)}`)
          }
        }
      }
    }
    walk(this.doc.contents, '')
    return found
  }
}

/** Duplicate keys of valid JSON text, in one pass of a JSON scanner (JSON.parse keeps the last silently). */
export function duplicateJsonKeys(text: string, max: number): Array<{ pointer: string; key: string; at: Position }> {
  const found: Array<{ pointer: string; key: string; at: Position }> = []
  const objects: Array<Set<string>> = []
  visitJson(
    text,
    {
      onObjectBegin: () => {
        objects.push(new Set())
      },
      onObjectEnd: () => {
        objects.pop()
      },
      onObjectProperty: (key, _offset, _length, line, character, path) => {
        const seen = objects[objects.length - 1]
        if (!seen) return
        if (!seen.has(key)) {
          seen.add(key)
          return
        }
        if (found.length >= max) return
        const parent = path().map((s) => `/${escapeSegment(String(s))}`)
        found.push({
          pointer: `${parent.join('')}/${escapeSegment(key)}`,
          key,
          at: { line: line + 1, column: character + 1 },
        })
      },
    },
    { disallowComments: true },
  )
  return found
}

/** JSON.parse's error position ("... at position 12" or "(line 2 column 5)") as line and column. */
export function jsonErrorPosition(text: string, message: string): Position {
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
    return offsetPosition(text, offset)
  }
  return offsetPosition(text, Math.min(Number(m[1]), text.length))
}

function offsetPosition(text: string, offset: number): Position {
  let line = 1
  let lineStart = 0
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++
    lineStart = i + 1
  }
  return { line, column: offset - lineStart + 1 }
}

/** Sets `at` on every problem that has none, from one batch lookup. */
export function placeProblems(
  problems: RawProblem[],
  positionsOf: (pointers: string[]) => Map<string, Position>,
): void {
  const missing = problems.filter((p) => !p.at).map((p) => p.pointer)
  if (missing.length === 0) return
  const found = positionsOf(missing)
  for (const p of problems) if (!p.at) p.at = found.get(p.pointer) ?? NOWHERE
}
