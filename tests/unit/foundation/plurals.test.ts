import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import { countOf, formatMessage, messages } from '@shared/messages'
import { countPhrase, planSummary } from '@shared/plan/summary'
import zhUi from '../../../renderer/src/i18n/locales/zh-CN'
import enUi from '../../../renderer/src/i18n/locales/en'

/**
 * English plurals wherever a count is shown (issue 18: "1 error", not "1 errors"): every English text of the
 * shared catalogues and of the renderer, rendered with each of its placeholders set to 1, says no "1 errors",
 * "1 of 1 workspaces" or "error(s)"; and with 2 it says the plural.
 */
const NOUNS =
  'errors|warnings|items|workspaces|ops|operations|changes|steps|actions|conflicts|modules|profiles|drafts|users|entries|rows|memberships|problems|members|roles|secrets|lines|attempts|seconds|minutes|bytes|characters|levels'
const SINGULAR_WITH_PLURAL = new RegExp(`\\b1 (?:of 1 )?(?:[A-Za-z-]+ )?(?:${NOUNS})\\b`)
const EITHER = /(?<!http)\(s\)/

function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)(?::[^{}]*)?\}/g)].map((m) => m[1] as string)
}
const all = (template: string, v: unknown): Record<string, unknown> =>
  Object.fromEntries(placeholders(template).map((n) => [n, v]))

function flatten(o: Record<string, unknown>, prefix = ''): Array<[string, string]> {
  return Object.entries(o).flatMap(([k, v]) =>
    typeof v === 'string'
      ? [[`${prefix}${k}`, v] as [string, string]]
      : flatten(v as Record<string, unknown>, `${prefix}${k}.`),
  )
}
const ui = createI18n({ legacy: false, locale: 'en', messages: { 'zh-CN': zhUi, en: enUi }, missingWarn: false })
const t = ui.global.t as (key: string, named: Record<string, unknown>) => string

/** Texts that read wrong for a count of 1. */
function wrongForOne(texts: Array<[string, string]>): string[] {
  return texts.filter(([, text]) => SINGULAR_WITH_PLURAL.test(text) || EITHER.test(text)).map(([k, s]) => `${k}: ${s}`)
}

describe('English plurals (issue 18)', () => {
  it('shared/messages: no English message says "1 errors" or "error(s)"', () => {
    const texts = Object.entries(messages).map(([code, m]): [string, string] => [
      code,
      formatMessage('en', code, all(m.en, 1)),
    ])
    expect(wrongForOne(texts)).toEqual([])
  })

  it('renderer i18n: no English key says "1 errors" or "error(s)"', () => {
    const texts = flatten(enUi).map(([key, template]): [string, string] => [key, t(key, all(template, 1))])
    expect(wrongForOne(texts)).toEqual([])
  })

  it('one and two read "1 error" and "2 errors", in the catalogues, the renderer and the plan summary', () => {
    expect(formatMessage('en', 'SYNC_DRAFT_INVALID', { count: 1, rules: 'W1' })).toContain('1 error (')
    expect(formatMessage('en', 'SYNC_DRAFT_INVALID', { count: 2, rules: 'W1' })).toContain('2 errors (')
    expect(formatMessage('zh-CN', 'SYNC_DRAFT_INVALID', { count: 1, rules: 'W1' })).not.toMatch(/error/)
    expect(t('config.header.errors', { n: 1 })).toBe('1 error')
    expect(t('config.header.errors', { n: 2 })).toBe('2 errors')
    expect(t('pending.confirm.send', { count: 1, summary: 's' })).toContain('1 change will')
    expect(t('pending.confirm.send', { count: 3, summary: 's' })).toContain('3 changes will')
    expect(t('workspaces.refreshProgress', { done: 1, n: 1 })).toBe('Refreshing: 1 of 1 workspace')
    expect(t('access.counts', { users: t('access.countUsers', { n: 1 }), memberships: '', workspaces: '' })).toMatch(
      /^1 user,/,
    )
    expect(formatMessage('en', 'SYNC_ROLE_MODULE_READ_ONLY', { role: 'r', modules: 'DLC', moduleCount: 1 })).toContain(
      'module DLC holds',
    )
    expect(formatMessage('en', 'STORE_OPS_HELD', { count: 2 })).toContain('2 queued operations come')
    expect(countPhrase('manual', 1, 'en')).toBe('1 console step')
    // The CLI's own English lines (profile remove, ram users).
    expect([countOf(1, 'draft'), countOf(0, 'draft'), countOf(1, 'keychain entry', 'keychain entries')]).toEqual([
      '1 draft',
      '0 drafts',
      '1 keychain entry',
    ])
    expect(planSummary({ create: 1, change: 0, remove: 0, manual: 2, refused: 0, conflict: 1 }, 'en')).toBe(
      'Plan: 1 to add, 0 to change, 0 to remove; 2 console steps; 1 conflict',
    )
  })
})
