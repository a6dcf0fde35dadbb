// Re-exports for tests, plus a formatter for a problem's message.
import { formatMessage } from '@shared/messages'
import type { Locale } from '@shared/locale'
import type { Problem } from '@shared/domain'
export * from '@shared/domain'

export function formatDomain(locale: Locale, p: Pick<Problem, 'code' | 'params'>): string {
  return formatMessage(locale, p.code, p.params)
}
