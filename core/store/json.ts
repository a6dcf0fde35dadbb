import { createHash } from 'node:crypto'
import type { z } from 'zod'
import { summarizeIssues } from '@shared/ipc/errors'

/**
 * A JSON column read back: the value when it parses (and passes the caller's schema), else why not.
 * Invalid rows are reported this way, never thrown, so one bad row cannot break a screen.
 */
export type Checked<T> = { ok: true; value: T } | { ok: false; error: string; raw: string }

export function readJson(text: string): Checked<unknown>
export function readJson<T>(text: string, schema: z.ZodType<T>): Checked<T>
export function readJson<T>(text: string, schema?: z.ZodType<T>): Checked<T | unknown> {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (err) {
    return { ok: false, error: `not JSON: ${err instanceof Error ? err.message : String(err)}`, raw: text }
  }
  if (!schema) return { ok: true, value }
  const parsed = schema.safeParse(value)
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, error: summarizeIssues(parsed.error.issues), raw: text }
}

/** JSON with object keys sorted at every level: the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const src = v as Record<string, unknown>
      const out: Record<string, unknown> = {}
      for (const k of Object.keys(src).sort()) out[k] = src[k]
      return out
    }
    return v
  })
}

/** sha256 of the canonical JSON: the cloud version of a configuration when the cloud gives no timestamp. */
export function contentHash(value: unknown): string {
  return 'sha256:' + createHash('sha256').update(canonicalJson(value)).digest('hex')
}
