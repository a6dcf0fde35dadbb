import { describe, expect, it } from 'vitest'
import { messages, formatMessage } from '@shared/messages'
import { LOCALES } from '@shared/locale'

describe('message catalog', () => {
  it('has every code in every language, non-empty', () => {
    const missing: string[] = []
    for (const [code, msg] of Object.entries(messages)) {
      for (const l of LOCALES) if (typeof msg[l] !== 'string' || msg[l].trim() === '') missing.push(`${code}/${l}`)
    }
    expect(missing).toEqual([])
  })
  it('uses the same placeholders in every language', () => {
    const mismatched: string[] = []
    for (const [code, msg] of Object.entries(messages)) {
      const sets = LOCALES.map((l) =>
        [...msg[l].matchAll(/\{(\w+)\}/g)]
          .map((m) => m[1])
          .sort()
          .join(','),
      )
      if (new Set(sets).size > 1) mismatched.push(code)
    }
    expect(mismatched).toEqual([])
  })
  it('fills params and keeps unknown codes visible', () => {
    expect(formatMessage('en', 'NOT_FOUND', { what: 'Workspace 12' })).toBe('Workspace 12 not found')
    expect(formatMessage('en', 'NO_SUCH_CODE')).toBe('NO_SUCH_CODE')
  })
})
