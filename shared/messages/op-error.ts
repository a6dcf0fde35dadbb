import type { Locale } from '../locale'
import { formatMessage, hasMessage } from './index'

/** An op's last error as the op view carries it (shared/ipc/channels/sync.ts `OpView.lastError`). */
export interface OpErrorView {
  code: string
  message?: string | undefined
  requestId?: string | undefined
  params?: Record<string, unknown> | undefined
  cloudCode?: string | undefined
  cloudMessage?: string | undefined
}

/**
 * Failures that sending again cannot fix: the cloud refused the request for what it is (a name clash, an object that
 * already exists or no longer does, the owner's protection, a member's last role, a payload we built wrong). Offering
 * a retry for them would only repeat the refusal; the draft has to change.
 */
const PERMANENT = new Set([
  'CLOUD_NAME_CONFLICT',
  'CLOUD_ALREADY_EXISTS',
  'CLOUD_NOT_FOUND',
  'CLOUD_OWNER_PROTECTED',
  'CLOUD_LAST_ROLE',
  'VALIDATION',
])

export function isPermanentError(code: string): boolean {
  return PERMANENT.has(code)
}

/**
 * The error in the user's language: the catalog's message filled with the params the error was raised with, then the
 * cloud's own code and message when the catalog's text does not already show them. The request ID is in the cloud
 * messages; the caller shows it beside the text when it is not.
 */
export function opErrorText(locale: Locale, e: OpErrorView): string {
  if (!hasMessage(e.code)) return e.message ?? e.code
  const text = formatMessage(locale, e.code, { ...e.params, requestId: e.requestId ?? e.params?.requestId ?? '-' })
  if (!e.cloudMessage || text.includes(e.cloudMessage)) return text
  return `${text} — ${formatMessage(locale, 'OP_CLOUD_SAID', { cloudCode: e.cloudCode ?? '-', cloudMessage: e.cloudMessage })}`
}
