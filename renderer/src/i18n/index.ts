import { createI18n } from 'vue-i18n'
import type { Locale } from '@shared/locale'
import zhCN from './locales/zh-CN'
import en from './locales/en'

export const uiMessages = { 'zh-CN': zhCN, en } as const

export const i18n = createI18n({
  legacy: false,
  locale: 'zh-CN' satisfies Locale,
  fallbackLocale: 'zh-CN',
  messages: uiMessages,
  missingWarn: false,
  fallbackWarn: false,
  // A missing key shows up loudly (the e2e test looks for it) instead of silently falling back.
  missing: (_locale, key) => `⟦${key}⟧`,
})

export function setUiLocale(locale: Locale): void {
  // Unchanged, neither is written: a write would run every translation's effects and restyle the page.
  if (i18n.global.locale.value !== locale) i18n.global.locale.value = locale
  if (document.documentElement.lang !== locale) document.documentElement.lang = locale
}
