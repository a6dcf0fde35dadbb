import type { WorkspaceConfig } from '../domain/model'
import { KEYED_LISTS } from './diff'

/**
 * Three-way merge of two edits of one draft (two tabs or windows, D1): `base` is the revision both started
 * from, `mine` the edit that lost the revision race, `theirs` the revision saved meanwhile. A field only one
 * side changed takes that side's value; list items are matched by their natural key (as the import preview's
 * diff matches them), so two tabs adding different members both keep theirs; sets of words (roles, event
 * types, modules, contacts) merge item by item. A field both changed differently is a conflict the user
 * decides; until decided it keeps the saved (`theirs`) value.
 */

/** A field both sides changed, each differently. */
export interface DraftConflict {
  /** Where, spelled as the import preview spells it: `basic.displayName`, `members[2788…].roles`. */
  path: string
  /** The value at the base revision; `undefined` when absent there (added by both). */
  base: unknown
  /** This tab's value; `undefined` when this tab removed it. */
  mine: unknown
  /** The saved value; `undefined` when the other save removed it. */
  theirs: unknown
}

export type ConflictChoice = 'mine' | 'theirs'

export interface DraftMerge {
  config: WorkspaceConfig
  conflicts: DraftConflict[]
}

type Obj = Record<string, unknown>
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b)
const isWordList = (v: unknown): v is unknown[] =>
  Array.isArray(v) && v.every((x) => x === null || typeof x !== 'object')

/** Merges `mine` and `theirs` against `base`; `choices` decides conflicts by path (undecided: theirs). */
export function mergeDrafts(
  base: WorkspaceConfig,
  mine: WorkspaceConfig,
  theirs: WorkspaceConfig,
  choices: Readonly<Record<string, ConflictChoice>> = {},
): DraftMerge {
  const conflicts: DraftConflict[] = []
  const config = merge3(base, mine, theirs, '', '', { conflicts, choices }) as WorkspaceConfig
  return { config, conflicts }
}

interface Acc {
  conflicts: DraftConflict[]
  choices: Readonly<Record<string, ConflictChoice>>
}

function merge3(b: unknown, m: unknown, t: unknown, path: string, shape: string, acc: Acc): unknown {
  if (same(m, t)) return m
  if (same(b, m)) return t
  if (same(b, t)) return m
  const keyFn = KEYED_LISTS[shape]
  const listOrNone = (v: unknown): v is unknown[] | undefined => v === undefined || Array.isArray(v)
  if (keyFn && Array.isArray(m) && Array.isArray(t) && listOrNone(b))
    return mergeKeyed(b ?? [], m, t, keyFn as (x: unknown) => string, path, shape, acc)
  if (isWordList(m) && isWordList(t) && (b === undefined || isWordList(b))) return mergeWords(b ?? [], m, t)
  if (isObject(m) && isObject(t) && (b === undefined || isObject(b))) {
    const base = b ?? {}
    const out: Obj = {}
    for (const k of new Set([...Object.keys(t), ...Object.keys(m)])) {
      const v = merge3(base[k], m[k], t[k], path ? `${path}.${k}` : k, shape ? `${shape}.${k}` : k, acc)
      if (v !== undefined) out[k] = v
    }
    return out
  }
  acc.conflicts.push({ path, base: b, mine: m, theirs: t })
  return acc.choices[path] === 'mine' ? m : t
}

/** Items by natural key, in the saved order, then the ones only this tab has, in its order. */
function mergeKeyed(
  b: unknown[],
  m: unknown[],
  t: unknown[],
  keyOf: (x: unknown) => string,
  path: string,
  shape: string,
  acc: Acc,
): unknown[] {
  const byKey = (list: unknown[]) => new Map(list.map((x) => [keyOf(x), x]))
  const [bm, mm, tm] = [byKey(b), byKey(m), byKey(t)]
  const out: unknown[] = []
  for (const k of new Set([...tm.keys(), ...mm.keys()])) {
    const v = merge3(bm.get(k), mm.get(k), tm.get(k), `${path}[${k}]`, `${shape}[]`, acc)
    if (v !== undefined) out.push(v)
  }
  return out
}

/** A set of words: the saved ones less those this tab removed, plus those this tab added. */
function mergeWords(b: unknown[], m: unknown[], t: unknown[]): unknown[] {
  const has = (list: unknown[], x: unknown) => list.some((y) => same(x, y))
  const kept = t.filter((x) => !has(b, x) || has(m, x))
  return [...kept, ...m.filter((x) => !has(t, x) && !has(b, x))]
}
