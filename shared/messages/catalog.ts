import type { Locale } from '../locale'

/** One message in every language: a missing language is a type error, and a test checks it at run time. */
export type Message = Record<Locale, string>
export type Catalog = Record<string, Message>

/** Fills `{name}` placeholders. Unknown placeholders are left as they are, so a missing param is visible. */
export function interpolate(template: string, params: Record<string, unknown> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const v = params[key]
    if (v === undefined || v === null) return whole
    return Array.isArray(v) ? v.join(', ') : String(v)
  })
}
