import type { Locale } from '../locale'
import { interpolate, type Catalog } from './catalog'
import { systemMessages } from './system'
import { domainMessages } from './domain'
import { cloudMessages } from './cloud'
import { storeMessages } from './store'
import { syncMessages } from './sync'
import { bundleMessages } from './bundle'
import { credentialMessages } from './credentials'
import { outboxMessages } from './outbox'
import { accessMessages } from './access'
import { cliSecretMessages } from './cli-secrets'

export type { Catalog } from './catalog'
export { countOf } from './catalog'

/**
 * Every user-facing message the shared code and the core produce, keyed by stable code.
 * Each area keeps its own catalog file in this folder.
 */
export const messages: Catalog = {
  ...systemMessages,
  ...domainMessages,
  ...cloudMessages,
  ...storeMessages,
  ...syncMessages,
  ...bundleMessages,
  ...credentialMessages,
  ...outboxMessages,
  ...accessMessages,
  ...cliSecretMessages,
}

export function hasMessage(code: string): boolean {
  return Object.hasOwn(messages, code)
}

/**
 * A message used as a parameter of another (e.g. the expected form in CREDENTIALS_FIELD_INVALID): it is
 * rendered in the language of the message it fills, so code that throws need not know the language.
 */
export interface MessageRef {
  messageCode: string
  params?: Record<string, unknown>
}

export function messageRef(messageCode: string, params?: Record<string, unknown>): MessageRef {
  return params ? { messageCode, params } : { messageCode }
}

function isMessageRef(v: unknown): v is MessageRef {
  return typeof v === 'object' && v !== null && typeof (v as MessageRef).messageCode === 'string'
}

/** The message for `code` in `locale`, with params filled in; the code itself when none is known. */
export function formatMessage(locale: Locale, code: string, params?: Record<string, unknown>): string {
  const msg = messages[code]
  if (!msg) return params ? `${code} ${JSON.stringify(params)}` : code
  const filled =
    params &&
    Object.fromEntries(
      Object.entries(params).map(([k, v]) => [k, isMessageRef(v) ? formatMessage(locale, v.messageCode, v.params) : v]),
    )
  return interpolate(msg[locale], filled)
}
