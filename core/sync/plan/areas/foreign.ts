import {
  eventBusName,
  notificationRuleKey,
  passthroughConfigKey,
  type ForeignRule,
  type NotificationRule,
} from '@shared/domain'
import type { PlanChange } from '@shared/ipc/channels/sync'
import type { Actions, PlanContext } from '../actions'
import { byKey, same, unionKeys } from '../merge'

/**
 * What the app does not understand is never touched by a plan (docs/sync.md "Foreign rules and pass-through
 * configs"): a foreign rule is deleted only when the user deleted it on purpose (`deleteRequested`), never
 * updated; pass-through config keys are never written. A draft that edits either gets a refusal naming it.
 */

const withoutFlag = ({ deleteRequested: _d, ...r }: ForeignRule): Omit<ForeignRule, 'deleteRequested'> => r

function refuse(
  a: Actions,
  area: 'rule' | 'config',
  target: string,
  code: string,
  params: Record<string, string>,
  change?: PlanChange,
): void {
  a.push({
    ...(change ? { change } : {}),
    id: `${area}:${target}:readOnly`,
    kind: 'refused',
    area,
    target,
    verb: 'readOnly',
    ruleId: 'E2',
    code,
    params,
  })
}

/** Foreign rules: an explicit delete becomes DeleteRule; any other difference is refused; nothing else is sent. */
export function planForeignRules(ctx: PlanContext, a: Actions): void {
  const { base, mine, cloud, wsName } = ctx
  const b = byKey(base.notifications.foreignRules, notificationRuleKey)
  const m = byKey(mine.notifications.foreignRules, notificationRuleKey)
  const c = byKey(cloud.notifications.foreignRules, notificationRuleKey)
  const cloudManaged = byKey(cloud.notifications.rules, notificationRuleKey)
  for (const k of unionKeys(b, m, c)) {
    const [bi, mi, ci] = [b.get(k), m.get(k), c.get(k)]
    if (!mi) continue // the draft has no opinion (an older bundle, say): the rule stays as it is
    if (mi.deleteRequested) {
      if (!ci) continue // already gone
      if (bi && !same(withoutFlag(bi), withoutFlag(ci))) refuse(a, 'rule', k, 'SYNC_FOREIGN_RULE_CHANGED', { rule: k })
      else a.apply('rule', k, 'delete', 'rule.delete', { busName: eventBusName(wsName), RuleName: k })
      continue
    }
    if (ci) {
      if (!same(withoutFlag(mi), withoutFlag(ci)) && !(bi && same(withoutFlag(mi), withoutFlag(bi))))
        refuse(a, 'rule', k, 'SYNC_FOREIGN_RULE_READ_ONLY', { rule: k })
    } else if (!bi && !cloudManaged.has(k)) refuse(a, 'rule', k, 'SYNC_FOREIGN_RULE_NOT_COPIED', { rule: k })
  }
  // A rule the draft holds as the app's own, while the cloud's copy became foreign (edited in the console).
  const mineManaged = byKey(mine.notifications.rules, notificationRuleKey)
  const baseManaged = byKey(base.notifications.rules, notificationRuleKey)
  for (const [k, mr] of mineManaged) {
    if (!c.has(k)) continue
    const br: NotificationRule | undefined = baseManaged.get(k)
    if (!br || !same(mr, br)) refuse(a, 'rule', k, 'SYNC_FOREIGN_RULE_READ_ONLY', { rule: k })
  }
}

/** The names of rules the cloud holds as foreign: the app's own rule planner leaves them alone. */
export const foreignRuleNames = (ctx: PlanContext): Set<string> =>
  new Set(ctx.cloud.notifications.foreignRules.map(notificationRuleKey))

/** Pass-through config keys: never written; a draft whose value differs from the cloud's and the base's is refused. */
export function planPassthrough(ctx: PlanContext, a: Actions): void {
  const b = byKey(ctx.base.passthrough.configs, passthroughConfigKey)
  const c = byKey(ctx.cloud.passthrough.configs, passthroughConfigKey)
  for (const mi of ctx.mine.passthrough.configs) {
    const k = passthroughConfigKey(mi)
    const ci = c.get(k)
    if (!ci) continue // not in this workspace's cloud: nothing is written, ever
    const bi = b.get(k)
    if (mi.value !== ci.value && mi.value !== bi?.value)
      refuse(
        a,
        'config',
        k,
        'SYNC_PASSTHROUGH_READ_ONLY',
        { key: k },
        {
          fields: [{ field: k, before: ci.value, after: mi.value }],
        },
      )
  }
}
