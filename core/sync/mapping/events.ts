import { createHash } from 'node:crypto'
import { notificationTargetKey, type NotificationRule, type NotificationTarget } from '@shared/domain'
import type { EventTarget, TargetInput } from '../../cloud'

/**
 * Notification rules <-> EventBridge (docs/pai-api-facts.md §5). The event `source`/`type` strings PAI publishes
 * are not documented (§9), so the filter pattern is our own, reversible encoding:
 *   {"source":["acs.pai"],"type":["pai.dlc.jobTimeout", ...]}            scope "all"
 *   {..., "data":{"scope":["mine"]}}                                    scope "mine" (created by me)
 * Targets get a stable Id from their natural key, so a put replaces the same target on every retry.
 */

export const PAI_EVENT_SOURCE = 'acs.pai'
export const TYPE_PREFIX = 'pai.'

export function filterPatternOf(rule: Pick<NotificationRule, 'eventTypes' | 'scope'>): string {
  const pattern: Record<string, unknown> = {
    source: [PAI_EVENT_SOURCE],
    type: [...rule.eventTypes].sort().map((t) => TYPE_PREFIX + t),
  }
  if (rule.scope === 'mine') pattern.data = { scope: ['mine'] }
  return JSON.stringify(pattern)
}

/** A target's Id: `t-` + 16 hex of sha256(natural key). Stable, unique within a rule. */
export function targetIdOf(t: NotificationTarget): string {
  return 't-' + createHash('sha256').update(notificationTargetKey(t)).digest('hex').slice(0, 16)
}

const CONTACT_TYPES = { sms: 'acs.sms', email: 'acs.mail', voice: 'acs.voice' } as const

/**
 * The EventBridge target for a domain target. A DingTalk signing secret is read from the keychain by
 * the caller (`secret`) just before sending; it is never stored in the outbox or the cache (D2).
 */
export function targetInputOf(t: NotificationTarget, secret?: string): TargetInput {
  const Id = targetIdOf(t)
  switch (t.type) {
    case 'dingtalk': {
      const ParamList = [
        { ResourceKey: 'URL', Form: 'CONSTANT', Value: t.webhook },
        {
          ResourceKey: 'Body',
          Form: 'TEMPLATE',
          Value: '{"content":"$.data.content"}',
          Template: '{"msgtype":"text","text":{"content":"${content}"}}',
        },
      ]
      if (secret) ParamList.splice(1, 0, { ResourceKey: 'SecretKey', Form: 'CONSTANT', Value: secret })
      return { Id, Type: 'acs.dingtalk', Endpoint: t.webhook, PushRetryStrategy: 'BACKOFF_RETRY', ParamList }
    }
    case 'http':
      return {
        Id,
        Type: t.url.startsWith('https:') ? 'https' : 'http',
        Endpoint: t.url,
        PushRetryStrategy: 'BACKOFF_RETRY',
        ParamList: [
          { ResourceKey: 'url', Form: 'CONSTANT', Value: t.url },
          { ResourceKey: 'body', Form: 'ORIGINAL' },
        ],
      }
    default: {
      const list = t.contacts.join(',')
      return {
        Id,
        Type: CONTACT_TYPES[t.type],
        Endpoint: list,
        PushRetryStrategy: 'BACKOFF_RETRY',
        ParamList: [{ ResourceKey: 'Contacts', Form: 'CONSTANT', Value: list }],
      }
    }
  }
}

/** The domain target for an EventBridge target; undefined for target types the app does not manage. */
export function targetOf(t: Pick<EventTarget, 'Type' | 'Endpoint'>): NotificationTarget | undefined {
  const ep = t.Endpoint ?? ''
  switch (t.Type) {
    case 'acs.dingtalk':
      return { type: 'dingtalk', webhook: ep }
    case 'http':
    case 'https':
      return { type: 'http', url: ep }
    case 'acs.sms':
      return { type: 'sms', contacts: ep ? ep.split(',') : [] }
    case 'acs.mail':
      return { type: 'email', contacts: ep ? ep.split(',') : [] }
    case 'acs.voice':
      return { type: 'voice', contacts: ep ? ep.split(',') : [] }
    default:
      return undefined
  }
}
