import type { Locale } from '@shared/locale'
import { templateAge, templateDateTime } from './date-template'

/** A local date and time, e.g. 2026/11/28 12:40 (no Intl set-up: ./date-template.ts). */
export function formatDateTime(iso: string | undefined | null, locale: Locale): string {
  if (!iso) return ''
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return templateDateTime(d, locale)
}

/** How long ago, e.g. "5 分钟前" / "5 minutes ago". */
export function formatAge(iso: string | undefined | null, locale: Locale, now: number = Date.now()): string {
  if (!iso) return ''
  const t = new Date(iso).getTime()
  if (Number.isNaN(t)) return iso
  const s = Math.round((t - now) / 1000)
  const abs = Math.abs(s)
  if (abs < 60) return templateAge(s, 'second', locale)
  if (abs < 3600) return templateAge(Math.round(s / 60), 'minute', locale)
  if (abs < 86400) return templateAge(Math.round(s / 3600), 'hour', locale)
  return templateAge(Math.round(s / 86400), 'day', locale)
}
