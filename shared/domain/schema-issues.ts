import type { z } from 'zod'
import { clip, pointerOf, type DomainProblem } from './problems'

/** Turns shape (zod) issues into problems, and salvages what is usable of a configuration that has some. */

type Path = ReadonlyArray<PropertyKey>

/** The rule a shape problem belongs to, from where it is. */
export function ruleForPath(path: Path): string {
  const [a, b, , d] = path.map(String)
  switch (a) {
    case 'basic':
      return 'W1'
    case 'owner':
      return 'A4'
    case 'members':
      return path.length > 2 && String(path[2]) === 'roles' ? 'M2' : 'M1'
    case 'customRoles':
      return 'M4'
    case 'resources':
      return path.length > 2 && String(path[2]) === 'spec' ? 'C3' : 'C1'
    case 'scheduling':
      return b === 'nonMembers' ? 'S2' : b === 'timeouts' ? 'S3' : 'S1'
    case 'notifications':
      if (b === 'quota') return 'E6'
      if (b === 'foreignRules') return 'E2'
      if (b === 'rules') return d === 'targets' ? 'E4' : d === 'eventTypes' ? 'E3' : 'E2'
      return 'E3'
    case 'storage':
      return b === 'designerPath' ? 'ST2' : 'ST1'
    case 'sls':
      return 'L1'
    case 'switches':
      return b === 'dswSsh' ? 'G2' : b === 'dswPublicAccess' ? 'G3' : 'G1'
    default:
      return 'W1'
  }
}

function valueAt(root: unknown, path: Path): unknown {
  let v = root
  for (const seg of path) {
    if (typeof v !== 'object' || v === null) return undefined
    v = (v as Record<PropertyKey, unknown>)[seg]
  }
  return v
}

function shown(v: unknown): string {
  if (typeof v === 'string') return clip(v)
  try {
    return clip(String(JSON.stringify(v)))
  } catch {
    return typeof v
  }
}

/** One shape issue as a problem with a stable code. */
export function issueToProblem(issue: z.core.$ZodIssue, input: unknown): DomainProblem {
  const path = issue.path
  const pointer = pointerOf(path)
  const field = path.length ? path.map(String).join('.') : '(root)'
  const ruleId = ruleForPath(path)
  const base = { ruleId, pointer, severity: 'error' as const }
  // Members' roles: an unknown role (M2), or none at all (M5).
  if (path[0] === 'members' && path[2] === 'roles') {
    if (path.length === 4)
      return { ...base, ruleId: 'M2', code: 'DOMAIN_ROLE_UNKNOWN', params: { role: shown(valueAt(input, path)) } }
    if (path.length === 3 && issue.code === 'too_small')
      return {
        ...base,
        ruleId: 'M5',
        code: 'DOMAIN_MEMBER_NO_ROLE',
        params: { userId: shown(valueAt(input, [...path.slice(0, 2), 'userId'])) },
      }
  }
  switch (issue.code) {
    case 'invalid_type':
      return valueAt(input, path) === undefined
        ? { ...base, code: 'DOMAIN_SCHEMA_REQUIRED', params: { field } }
        : { ...base, code: 'DOMAIN_SCHEMA_TYPE', params: { field, expected: String(issue.expected) } }
    case 'invalid_value':
      return { ...base, code: 'DOMAIN_SCHEMA_ENUM', params: { field, allowed: issue.values.map((v) => String(v)) } }
    case 'invalid_union': {
      const options = (issue as { options?: unknown[] }).options
      return Array.isArray(options)
        ? { ...base, code: 'DOMAIN_SCHEMA_ENUM', params: { field, allowed: options.map((o) => String(o)) } }
        : { ...base, code: 'DOMAIN_SCHEMA_INVALID', params: { field } }
    }
    case 'too_small':
      return { ...base, code: 'DOMAIN_SCHEMA_TOO_SMALL', params: { field, minimum: Number(issue.minimum) } }
    case 'too_big':
      return { ...base, code: 'DOMAIN_SCHEMA_TOO_BIG', params: { field, maximum: Number(issue.maximum) } }
    case 'invalid_format':
      return { ...base, code: 'DOMAIN_SCHEMA_FORMAT', params: { field } }
    case 'unrecognized_keys':
      return {
        ...base,
        code: 'DOMAIN_SCHEMA_UNKNOWN_KEY',
        params: { field, keys: issue.keys.slice(0, 10).map((k) => clip(k)) },
      }
    default:
      return { ...base, code: 'DOMAIN_SCHEMA_INVALID', params: { field } }
  }
}

/** The parts of a zod definition salvage looks at. */
interface LooseDef {
  type: string
  innerType?: z.ZodType
  shape?: Record<string, z.ZodType>
  element?: z.ZodType
  keyType?: z.ZodType
  valueType?: z.ZodType
}

type Salvaged = { ok: true; data: unknown } | { ok: false }
const FAIL: Salvaged = { ok: false }

export const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * The usable part of a value that fails its schema: a bad optional field is dropped, a bad field with
 * a default takes the default, a bad required string becomes '', a bad record entry is dropped, a bad list item becomes a hole
 * (`undefined`, kept so indexes and pointers stay right). The problems were reported already; rules
 * skip holes and their findings under a reported pointer are dropped.
 */
export function salvage(schema: z.ZodType, value: unknown): Salvaged {
  const r = schema.safeParse(value)
  if (r.success) return { ok: true, data: r.data }
  const def = schema._zod.def as unknown as LooseDef
  switch (def.type) {
    case 'default':
    case 'prefault': {
      const s = def.innerType ? salvage(def.innerType, value) : FAIL
      if (s.ok) return s
      const d = schema.safeParse(undefined)
      return d.success ? { ok: true, data: d.data } : FAIL
    }
    case 'optional': {
      const s = def.innerType ? salvage(def.innerType, value) : FAIL
      return s.ok ? s : { ok: true, data: undefined }
    }
    case 'object': {
      if (!isPlainObject(value) || !def.shape) return FAIL
      const out: Record<string, unknown> = {}
      for (const [k, fieldSchema] of Object.entries(def.shape)) {
        const s = salvage(fieldSchema, value[k])
        if (s.ok) {
          if (s.data !== undefined) out[k] = s.data
        } else if ((fieldSchema._zod.def as unknown as LooseDef).type === 'string') out[k] = ''
        else return FAIL
      }
      return { ok: true, data: out }
    }
    case 'array': {
      if (!Array.isArray(value) || !def.element) return FAIL
      const el = def.element
      return {
        ok: true,
        data: value.map((v) => {
          const s = salvage(el, v)
          return s.ok ? s.data : undefined
        }),
      }
    }
    case 'record': {
      if (!isPlainObject(value) || !def.keyType || !def.valueType) return FAIL
      const out: Record<string, unknown> = {}
      for (const [k, v] of Object.entries(value)) {
        const val = def.valueType.safeParse(v)
        if (def.keyType.safeParse(k).success && val.success) out[k] = val.data
      }
      const r2 = schema.safeParse(out)
      return r2.success ? { ok: true, data: r2.data } : FAIL
    }
    default:
      return FAIL
  }
}
