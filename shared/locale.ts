import { z } from 'zod'

/** The languages the app speaks. zh-CN is the default, as in the PAI console. */
export const LOCALES = ['zh-CN', 'en'] as const
export const LocaleSchema = z.enum(LOCALES)
export type Locale = z.infer<typeof LocaleSchema>
export const DEFAULT_LOCALE: Locale = 'zh-CN'

/** Maps an OS or browser locale string (e.g. "en-US", "zh-Hans-CN") to one of ours. */
export function pickLocale(raw: string | undefined | null): Locale {
  if (!raw) return DEFAULT_LOCALE
  return raw.toLowerCase().startsWith('en') ? 'en' : DEFAULT_LOCALE
}
