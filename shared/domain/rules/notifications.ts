import { MAX_TARGET_QUOTA, type EventType } from '../enums'
import { contactTargetsAvailable, foreignRuleUnits, isTargetAllowed, targetUnits } from '../derived'
import {
  checkContact,
  checkDingTalkWebhook,
  checkHttpUrl,
  checkRuleName,
  checkSecretRef,
  type FieldIssue,
} from '../fields'
import type { Collector } from '../problems'
import type { Rule } from './env'

/** The rule a field issue of a target belongs to: a secret in the configuration is D2, the rest E4. */
const targetRule = (i: FieldIssue): string =>
  i.code === 'DOMAIN_SECRET_IN_CONFIG' || i.code === 'DOMAIN_HTTP_URL_CREDENTIALS' ? 'D2' : 'E4'
const report = (c: Collector, pointer: string, i: FieldIssue): void => c.error(pointer, targetRule(i), i.code, i.params)

/** E1 (authorization), E2 (rules on the bus), E3 (event types), E4 (targets), E5 (regions), E6 (quota). */
export const checkNotifications: Rule = (cfg, env, c) => {
  const n = cfg.notifications
  const quotaOk = Number.isInteger(n.quota) && n.quota >= 1 && n.quota <= MAX_TARGET_QUOTA
  if (c.fails(quotaOk))
    c.error('/notifications/quota', 'E6', 'DOMAIN_QUOTA_RANGE', { value: n.quota, min: 1, max: MAX_TARGET_QUOTA })
  if (n.rules.length + n.foreignRules.length > 0 && c.fails(env.eventBridgeAuthorized !== false))
    c.warn('/notifications', 'E1', 'DOMAIN_EVENTBRIDGE_NOT_AUTHORIZED')

  const hasTimeoutRule = cfg.scheduling.timeouts.some((t) => t?.enabled === true)
  const contactsHere = env.region === undefined || contactTargetsAvailable(env.region)
  // Names are unique across the app's rules and the read-only ones (one namespace on the bus).
  const names = new Set<string>()
  for (let i = 0; i < n.foreignRules.length; i++) {
    const f = n.foreignRules[i]
    if (!f) continue
    const p = `/notifications/foreignRules/${i}`
    if (c.fails(!names.has(f.name))) c.error(`${p}/name`, 'E2', 'DOMAIN_RULE_DUPLICATE', { name: f.name })
    names.add(f.name)
    // E6 as far as its targets tell; a warning, as the app never changes the rule (and the quota may be raised).
    const used = f.deleteRequested ? 0 : foreignRuleUnits(f)
    if (quotaOk && c.fails(used <= n.quota))
      c.warn(`${p}/targets`, 'E6', 'DOMAIN_FOREIGN_RULE_QUOTA', { name: f.name, used, quota: n.quota })
  }
  for (let i = 0; i < n.rules.length; i++) {
    const rule = n.rules[i]
    if (!rule) continue
    const p = `/notifications/rules/${i}`
    const nameIssue = checkRuleName(rule.name)
    if (c.fails(!nameIssue)) c.error(`${p}/name`, 'E2', nameIssue!.code, nameIssue!.params)
    if (c.fails(!names.has(rule.name))) c.error(`${p}/name`, 'E2', 'DOMAIN_RULE_DUPLICATE', { name: rule.name })
    names.add(rule.name)

    const events = rule.eventTypes
    if (c.fails(events.length > 0)) c.error(`${p}/eventTypes`, 'E3', 'DOMAIN_RULE_NO_EVENT_TYPES', { name: rule.name })
    for (let j = 0; j < events.length; j++) {
      const e = events[j]
      if (e === undefined) continue
      if (c.fails(events.indexOf(e) === j))
        c.error(`${p}/eventTypes/${j}`, 'E3', 'DOMAIN_RULE_DUPLICATE_EVENT_TYPE', { name: rule.name, eventType: e })
      if (e === 'dlc.jobTimeout' && c.fails(hasTimeoutRule))
        c.error(`${p}/eventTypes/${j}`, 'E3', 'DOMAIN_TIMEOUT_EVENT_NEEDS_RULE', { name: rule.name })
    }

    const targets = rule.targets
    if (c.fails(targets.length > 0)) c.warn(`${p}/targets`, 'E4', 'DOMAIN_RULE_NO_TARGETS', { name: rule.name })
    let units = 0
    for (let k = 0; k < targets.length; k++) {
      const t = targets[k]
      if (!t) continue
      const tp = `${p}/targets/${k}`
      units += targetUnits(t)
      // E4: the first selected event type this target may not take.
      const refused = events.find((e): e is EventType => e !== undefined && c.fails(isTargetAllowed(e, t.type)))
      if (refused) c.error(`${tp}/type`, 'E4', 'DOMAIN_TARGET_NOT_ALLOWED', { target: t.type, eventType: refused })
      switch (t.type) {
        case 'dingtalk': {
          const w = checkDingTalkWebhook(t.webhook, env.allowLoopbackWebhooks)
          if (c.fails(!w)) report(c, `${tp}/webhook`, w!)
          if (c.fails(t.secretRef !== undefined && t.secretRef !== ''))
            c.error(`${tp}/secretRef`, 'E4', 'DOMAIN_DINGTALK_SECRET_MISSING')
          else {
            const s = checkSecretRef(t.secretRef!)
            if (c.fails(!s)) report(c, `${tp}/secretRef`, s!)
          }
          break
        }
        case 'http': {
          const u = checkHttpUrl(t.url)
          if (c.fails(!u)) report(c, `${tp}/url`, u!)
          break
        }
        default: {
          if (c.fails(contactsHere))
            c.error(`${tp}/type`, 'E5', 'DOMAIN_TARGET_REGION', { target: t.type, region: env.region ?? '' })
          if (c.fails(t.contacts.length > 0))
            c.error(`${tp}/contacts`, 'E4', 'DOMAIN_CONTACTS_EMPTY', { target: t.type })
          for (let q = 0; q < t.contacts.length; q++) {
            const contact = t.contacts[q]
            if (typeof contact !== 'string') continue
            const ci = checkContact(contact)
            if (c.fails(!ci)) report(c, `${tp}/contacts/${q}`, ci!)
          }
        }
      }
    }
    if (quotaOk && c.fails(units <= n.quota))
      c.error(`${p}/targets`, 'E6', 'DOMAIN_TARGET_QUOTA_EXCEEDED', { name: rule.name, used: units, quota: n.quota })
  }
}
