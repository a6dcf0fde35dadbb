import type { Locale } from '@shared/locale'

// Building an Intl formatter costs far more than using one: one per locale, kept (a list formats many rows).
const dateTimeFormats = new Map<Locale, Intl.DateTimeFormat>()
const relativeFormats = new Map<Locale, Intl.RelativeTimeFormat>()

/** A local date and time, e.g. 2026/11/28 12:40. */
export function formatDateTime(iso: string | undefined | null, locale: Locale): string {
  if (!iso) return ''
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  let f = dateTimeFormats.get(locale)
  if (!f) dateTimeFormats.set(locale, (f = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' })))
  return f.format(d)
}

/** How long ago, e.g. "5 分钟前" / "5 minutes ago". */
export function formatAge(iso: string | undefined | null, locale: Locale, now: number = Date.now()): string {
  if (!iso) return ''
  const t = new Date(iso).getTime()
  if (Number.isNaN(t)) return iso
  const s = Math.round((t - now) / 1000)
  let rtf = relativeFormats.get(locale)
  if (!rtf) relativeFormats.set(locale, (rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })))
  const abs = Math.abs(s)
  if (abs < 60) return rtf.format(s, 'second')
  if (abs < 3600) return rtf.format(Math.round(s / 60), 'minute')
  if (abs < 86400) return rtf.format(Math.round(s / 3600), 'hour')
  return rtf.format(Math.round(s / 86400), 'day')
}
