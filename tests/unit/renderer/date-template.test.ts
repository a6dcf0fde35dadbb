import { describe, expect, it } from 'vitest'
import { formatAge, formatDateTime } from '../../../renderer/src/components/format'
import { templateAge, type AgeUnit } from '../../../renderer/src/components/date-template'

const LOCALES = ['zh-CN', 'en'] as const

describe('dates and ages from templates write what Intl writes (issue 17: no ICU set-up before the first rows)', () => {
  it.each(LOCALES)(
    '%s: a date and time is Intl.DateTimeFormat short/short, every hour of a year and odd minutes',
    (l) => {
      const intl = new Intl.DateTimeFormat(l, { dateStyle: 'short', timeStyle: 'short' })
      const start = new Date(2025, 0, 1, 0, 0).getTime()
      let checked = 0
      for (let t = start; t < start + 366 * 86_400_000; t += 3_600_000 + 7 * 60_000) {
        const d = new Date(t)
        expect(formatDateTime(d.toISOString(), l)).toBe(intl.format(d))
        checked++
      }
      // Years of one digit and of four, after 2099, before 2000.
      for (const y of [1999, 2000, 2009, 2100, 2126]) {
        const d = new Date(y, 11, 31, 23, 59)
        expect(formatDateTime(d.toISOString(), l)).toBe(intl.format(d))
      }
      expect(checked).toBeGreaterThan(1000)
    },
  )

  it.each(LOCALES)('%s: an age is Intl.RelativeTimeFormat numeric auto, in every unit, past and future', (l) => {
    const intl = new Intl.RelativeTimeFormat(l, { numeric: 'auto' })
    const ranges: Record<AgeUnit, number> = { second: 59, minute: 59, hour: 23, day: 4000 }
    for (const unit of Object.keys(ranges) as AgeUnit[])
      for (let v = -ranges[unit]; v <= ranges[unit]; v++) expect(templateAge(v, unit, l)).toBe(intl.format(v, unit))
    expect(templateAge(-0, 'second', l)).toBe(intl.format(-0, 'second'))
  })

  it('an age picks its unit from how long ago it is, and bad or missing dates stay as they are', () => {
    const now = Date.UTC(2026, 0, 10, 12)
    const ago = (ms: number) => new Date(now - ms).toISOString()
    expect(formatAge(ago(5_000), 'en', now)).toBe('5 seconds ago')
    expect(formatAge(ago(5 * 60_000), 'zh-CN', now)).toBe('5分钟前')
    expect(formatAge(ago(3 * 3_600_000), 'en', now)).toBe('3 hours ago')
    expect(formatAge(ago(86_400_000), 'zh-CN', now)).toBe('昨天')
    expect(formatAge(ago(-2 * 86_400_000), 'en', now)).toBe('in 2 days')
    expect(formatAge('not a date', 'en', now)).toBe('not a date')
    expect(formatAge(null, 'en', now)).toBe('')
    expect(formatDateTime('', 'en')).toBe('')
  })
})
