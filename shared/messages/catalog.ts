import type { Locale } from '../locale'

/** One message in every language: a missing language is a type error, and a test checks it at run time. */
export type Message = Record<Locale, string>
export type Catalog = Record<string, Message>

/**
 * Fills `{name}` placeholders, and `{name:one|other}` with the word for that count (English: "1 error",
 * "2 errors"; Chinese needs none). Unknown placeholders are left as they are, so a missing param is visible.
 */
export function interpolate(template: string, params: Record<string, unknown> = {}): string {
  return template.replace(/\{(\w+)(?::([^|{}]*)\|([^{}]*))?\}/g, (whole, key: string, one?: string, other?: string) => {
    const v = params[key]
    if (v === undefined || v === null) return whole
    if (one !== undefined) return Number(v) === 1 ? one : (other ?? '')
    return Array.isArray(v) ? v.join(', ') : String(v)
  })
}

/** A count with its English noun: `1 draft`, `2 drafts`, `1 keychain entry` / `3 keychain entries`. */
export function countOf(n: number, one: string, other = `${one}s`): string {
  return `${n} ${n === 1 ? one : other}`
}
