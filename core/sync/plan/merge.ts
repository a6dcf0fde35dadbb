import { canonicalJson } from '../../store/json'

/** Three-way merge helpers: compare the draft (mine) and the cloud against the base the draft started from. */

export function same(a: unknown, b: unknown): boolean {
  return canonicalJson(norm(a)) === canonicalJson(norm(b))
}

/** undefined, null and '' are all "not set"; object keys with such values are dropped. */
function norm(v: unknown): unknown {
  if (v === undefined || v === null || v === '') return null
  if (Array.isArray(v)) return v.map(norm)
  if (typeof v === 'object') {
    const out: Record<string, unknown> = {}
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      const n = norm(x)
      if (n !== null) out[k] = n
    }
    return Object.keys(out).length === 0 ? null : out
  }
  return v
}

export type Merge<T> =
  { kind: 'none' } | { kind: 'apply'; value: T } | { kind: 'conflict'; base: T | undefined; mine: T; cloud: T }

/**
 * One field: equal -> nothing; only the cloud changed -> keep the cloud's (nothing to send); only the
 * draft changed -> apply; both changed differently -> conflict.
 */
export function merge3<T>(base: T | undefined, mine: T, cloud: T): Merge<T> {
  if (same(mine, cloud)) return { kind: 'none' }
  if (same(mine, base)) return { kind: 'none' }
  if (same(base, cloud)) return { kind: 'apply', value: mine }
  return { kind: 'conflict', base, mine, cloud }
}

/**
 * A set (a member's roles, a rule's targets): element by element. Present in the draft and not in the
 * cloud -> add unless the cloud removed it since the base; the other way round -> remove unless the
 * cloud added it. Never a conflict.
 */
export function mergeSet(
  base: readonly string[] | undefined,
  mine: readonly string[],
  cloud: readonly string[],
): { add: string[]; remove: string[]; result: string[] } {
  const b = new Set(base ?? [])
  const m = new Set(mine)
  const c = new Set(cloud)
  const add: string[] = []
  const remove: string[] = []
  const result = new Set(c)
  for (const x of new Set([...m, ...c])) {
    const inM = m.has(x)
    const inC = c.has(x)
    if (inM === inC) continue
    if (b.has(x) !== inC) continue // the cloud changed this element since the base: keep the cloud's
    if (inM) {
      add.push(x)
      result.add(x)
    } else {
      remove.push(x)
      result.delete(x)
    }
  }
  return { add, remove, result: [...result] }
}

export function byKey<T>(items: readonly T[], key: (t: T) => string): Map<string, T> {
  const m = new Map<string, T>()
  for (const i of items) m.set(key(i), i)
  return m
}

export function unionKeys(...maps: Array<Map<string, unknown>>): string[] {
  const s = new Set<string>()
  for (const m of maps) for (const k of m.keys()) s.add(k)
  return [...s].sort()
}

/** A path segment for a natural key (resource keys contain `/`). */
export const seg = (k: string): string => encodeURIComponent(k)
