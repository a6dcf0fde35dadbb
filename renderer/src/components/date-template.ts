import type { Locale } from '@shared/locale'

/**
 * Dates and ages in the UI languages, written from templates instead of Intl: the first Intl.DateTimeFormat or
 * RelativeTimeFormat of a page sets up ICU's data, tens of ms of the first rows' render in Chromium (a CPU
 * profile of bench/renderer.bench.ts showed 54 ms in formatDateTime alone). The templates are the ones
 * Intl writes for `{ dateStyle: 'short', timeStyle: 'short' }` and `{ numeric: 'auto' }`; the unit test
 * (tests/unit/renderer/date-template.test.ts) compares them with Intl's own output over a sweep of values.
 */

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n))
/** 1234 -> "1,234": how both languages group digits. */
const grouped = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',')

/** A local date and time: zh-CN "2026/1/1 08:05", en "1/1/26, 8:05 AM". */
export function templateDateTime(d: Date, locale: Locale): string {
  const y = d.getFullYear()
  const mo = d.getMonth() + 1
  const day = d.getDate()
  const h = d.getHours()
  const mi = pad2(d.getMinutes())
  if (locale === 'en') return `${mo}/${day}/${pad2(y % 100)}, ${h % 12 || 12}:${mi} ${h < 12 ? 'AM' : 'PM'}`
  return `${y}/${mo}/${day} ${pad2(h)}:${mi}`
}

export type AgeUnit = 'second' | 'minute' | 'hour' | 'day'

interface AgeWords {
  /** The words for a value, by its sign: "{n}" is the count. */
  past: Record<AgeUnit, [one: string, many: string]>
  future: Record<AgeUnit, [one: string, many: string]>
  /** Values that have words of their own ("yesterday"), by unit and value. */
  named: Partial<Record<AgeUnit, Record<number, string>>>
}

const WORDS: Record<Locale, AgeWords> = {
  en: {
    past: {
      second: ['{n} second ago', '{n} seconds ago'],
      minute: ['{n} minute ago', '{n} minutes ago'],
      hour: ['{n} hour ago', '{n} hours ago'],
      day: ['{n} day ago', '{n} days ago'],
    },
    future: {
      second: ['in {n} second', 'in {n} seconds'],
      minute: ['in {n} minute', 'in {n} minutes'],
      hour: ['in {n} hour', 'in {n} hours'],
      day: ['in {n} day', 'in {n} days'],
    },
    named: {
      second: { 0: 'now' },
      minute: { 0: 'this minute' },
      hour: { 0: 'this hour' },
      day: { [-1]: 'yesterday', 0: 'today', 1: 'tomorrow' },
    },
  },
  'zh-CN': {
    past: {
      second: ['{n}秒钟前', '{n}秒钟前'],
      minute: ['{n}分钟前', '{n}分钟前'],
      hour: ['{n}小时前', '{n}小时前'],
      day: ['{n}天前', '{n}天前'],
    },
    future: {
      second: ['{n}秒钟后', '{n}秒钟后'],
      minute: ['{n}分钟后', '{n}分钟后'],
      hour: ['{n}小时后', '{n}小时后'],
      day: ['{n}天后', '{n}天后'],
    },
    named: {
      second: { 0: '现在' },
      minute: { 0: '此刻' },
      hour: { 0: '这一时间 / 此时' },
      day: { [-2]: '前天', [-1]: '昨天', 0: '今天', 1: '明天', 2: '后天' },
    },
  },
}

/** `value` units from now (negative: ago), as Intl.RelativeTimeFormat(locale, { numeric: 'auto' }) says it. */
export function templateAge(value: number, unit: AgeUnit, locale: Locale): string {
  const words = WORDS[locale]
  const named = words.named[unit]?.[value]
  if (named !== undefined) return named
  const n = Math.abs(value)
  const forms = (value < 0 ? words.past : words.future)[unit]
  return (n === 1 ? forms[0] : forms[1]).replace('{n}', grouped(n))
}
