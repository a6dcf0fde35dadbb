import type { z } from 'zod'
import { defOf } from './zod-def'

/**
 * Fields a schema does not know, anywhere in a value. The domain's schemas strip
 * unknown keys silently; in a hand-written bundle a typo (`memebrs:`) would drop data, so it is reported.
 */

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const esc = (k: string): string => k.replace(/~/g, '~0').replace(/\//g, '~1')

/** A field the schema does not know: where, its name, and its value (to tell a secret written in clear). */
interface UnknownKey {
  pointer: string
  key: string
  value: unknown
}

export function unknownKeys(
  schema: z.ZodType,
  value: unknown,
  base = '',
  out: UnknownKey[] = [],
  limit = 200,
): UnknownKey[] {
  if (out.length >= limit || typeof value !== 'object' || value === null) return out
  const def = defOf(schema)
  switch (def.type) {
    case 'optional':
    case 'default':
    case 'prefault':
    case 'nullable':
      if (def.innerType) unknownKeys(def.innerType, value, base, out, limit)
      break
    case 'object':
      if (!isObject(value) || !def.shape) break
      for (const [k, v] of Object.entries(value)) {
        // Own fields only: `constructor`, `toString` or `__proto__` are fields a schema never has.
        const s = Object.hasOwn(def.shape, k) ? def.shape[k] : undefined
        if (!s) out.push({ pointer: `${base}/${esc(k)}`, key: k, value: v })
        else unknownKeys(s, v, `${base}/${esc(k)}`, out, limit)
      }
      break
    case 'record':
      // Records keyed by an enum (custom-role permissions by module): a key outside it is unknown.
      if (!isObject(value) || !def.keyType || !def.valueType) break
      for (const [k, v] of Object.entries(value)) {
        if (!def.keyType.safeParse(k).success) out.push({ pointer: `${base}/${esc(k)}`, key: k, value: v })
        else unknownKeys(def.valueType, v, `${base}/${esc(k)}`, out, limit)
      }
      break
    case 'array':
      if (Array.isArray(value) && def.element)
        for (let i = 0; i < value.length; i++) unknownKeys(def.element, value[i], `${base}/${i}`, out, limit)
      break
    case 'union': {
      if (!def.options || !def.discriminator || !isObject(value)) break
      const tag = value[def.discriminator]
      const match = def.options.find((o) => defOf(o).shape?.[def.discriminator!]?.safeParse(tag).success)
      if (match) unknownKeys(match, value, base, out, limit)
      break
    }
  }
  return out
}
