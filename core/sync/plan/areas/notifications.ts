import {
  eventBusName,
  notificationRuleKey,
  notificationTargetKey,
  type NotificationRule,
  type NotificationTarget,
} from '@shared/domain'
import type { ConflictField } from '@shared/ipc/channels/sync'
import { filterPatternOf, targetIdOf } from '../../mapping/events'
import { conflictOf, type Actions, type PlanContext } from '../actions'
import { byKey, merge3, mergeSet, same, seg, unionKeys } from '../merge'
import { foreignRuleNames } from './foreign'

const ruleFields = (r: NotificationRule): { enabled: boolean; eventTypes: string[]; scope: string } => ({
  enabled: r.enabled,
  eventTypes: [...r.eventTypes].sort(),
  scope: r.scope,
})

/** Targets by natural key (type and address: a DingTalk target's keychain binding is not part of it). */
const targetsByKey = (r: NotificationRule | undefined): Map<string, NotificationTarget> =>
  byKey(r?.targets ?? [], notificationTargetKey)

/** Event notifications: the event bus (ensured once), then rules, then their targets; the target quota is console only. */
export function planNotifications(ctx: PlanContext, a: Actions): void {
  const { base, mine, cloud, wsName } = ctx
  const busName = eventBusName(wsName)
  const b = byKey(base.notifications.rules, notificationRuleKey)
  const m = byKey(mine.notifications.rules, notificationRuleKey)
  const c = byKey(cloud.notifications.rules, notificationRuleKey)
  let busAction: string | undefined
  const ensureBus = (): string =>
    (busAction ??= a.apply('eventBus', busName, 'ensure', 'eventBus.ensure', { busName, workspaceName: wsName }))
  // Rules the cloud holds as foreign (made or edited outside the app) are never planned here (foreign.ts).
  const foreign = foreignRuleNames(ctx)
  for (const k of unionKeys(b, m, c)) {
    if (foreign.has(k)) continue
    const [bi, mi, ci] = [b.get(k), m.get(k), c.get(k)]
    const ruleRef = { busName, RuleName: k }
    let ruleAction: string | undefined
    if (mi && !ci) {
      if (bi) {
        if (!same(ruleFields(mi), ruleFields(bi)) || !same([...targetsByKey(mi).keys()], [...targetsByKey(bi).keys()]))
          a.conflict('rule', k, [{ path: `/notifications/rules/${seg(k)}`, base: bi, mine: mi, cloud: null }])
        continue
      }
      ruleAction = a.changed(
        a.apply(
          'rule',
          k,
          'create',
          'rule.create',
          { ...ruleRef, FilterPattern: filterPatternOf(mi), Status: mi.enabled ? 'ENABLE' : 'DISABLE' },
          [ensureBus()],
        ),
        {
          fields: (['enabled', 'eventTypes', 'scope'] as const).map((f) => ({
            field: f,
            before: null,
            after: ruleFields(mi)[f],
          })),
        },
      )
    } else if (!mi && ci) {
      if (!bi) continue
      if (same(ruleFields(bi), ruleFields(ci))) a.apply('rule', k, 'delete', 'rule.delete', ruleRef)
      else a.conflict('rule', k, [{ path: `/notifications/rules/${seg(k)}`, base: bi, mine: null, cloud: ci }])
      continue
    } else if (mi && ci) {
      const fb = bi ? ruleFields(bi) : undefined
      const fm = ruleFields(mi)
      const fc = ruleFields(ci)
      const merged = { ...fc }
      const conflicts: ConflictField[] = []
      const fields: Array<{ field: string; before: unknown; after: unknown }> = []
      for (const f of ['enabled', 'eventTypes', 'scope'] as const) {
        const r = merge3(fb?.[f], fm[f], fc[f])
        if (r.kind === 'apply') {
          fields.push({ field: f, before: fc[f], after: r.value })
          ;(merged as Record<string, unknown>)[f] = r.value
        }
        conflicts.push(...conflictOf(`/notifications/rules/${seg(k)}/${f}`, r))
      }
      if (fields.length)
        ruleAction = a.changed(
          a.apply('rule', k, 'update', 'rule.update', {
            ...ruleRef,
            FilterPattern: filterPatternOf({
              eventTypes: merged.eventTypes as NotificationRule['eventTypes'],
              scope: merged.scope as NotificationRule['scope'],
            }),
            Status: merged.enabled ? 'ENABLE' : 'DISABLE',
          }),
          { fields },
        )
      if (conflicts.length) a.conflict('rule', k, conflicts)
    } else continue
    planTargets(a, k, ruleRef, bi, mi, ci, ruleAction)
  }
  const q = merge3(base.notifications.quota, mine.notifications.quota, cloud.notifications.quota)
  if (q.kind === 'apply')
    a.manual(ctx, 'notifications', 'quota', 'targetQuota', [
      { field: 'quota', before: cloud.notifications.quota ?? null, after: q.value ?? null },
    ])
}

/** The targets of a rule in the draft, as a set: PutTargets for the added ones, DeleteTargets for the removed. */
function planTargets(
  a: Actions,
  k: string,
  ruleRef: { busName: string; RuleName: string },
  bi: NotificationRule | undefined,
  mi: NotificationRule,
  ci: NotificationRule | undefined,
  ruleAction: string | undefined,
): void {
  const tb = bi ? targetsByKey(bi) : undefined
  const tm = targetsByKey(mi)
  const tc = targetsByKey(ci)
  const set = mergeSet(tb ? [...tb.keys()] : undefined, [...tm.keys()], [...tc.keys()])
  const deps = ruleAction ? [ruleAction] : []
  const resent = rebound(tb, tm, tc)
  const put = [...set.add, ...resent]
  if (put.length)
    a.changed(
      a.apply(
        'targets',
        k,
        'put',
        'targets.put',
        { ...ruleRef, targets: put.map((t) => tm.get(t) as NotificationTarget) },
        deps,
      ),
      { targetsAdded: put.map((t) => targetChange(tm.get(t) as NotificationTarget, resent.includes(t))) },
    )
  if (set.remove.length)
    a.changed(
      a.apply(
        'targets',
        k,
        'delete',
        'targets.delete',
        { ...ruleRef, ids: set.remove.map((t) => targetIdOf(tc.get(t) as NotificationTarget)) },
        deps,
      ),
      { targetsRemoved: set.remove.map((t) => targetChange(tc.get(t) as NotificationTarget, false)) },
    )
}

/** A target as the plan names it: its type, and its contacts or its address (never a signing secret). */
function targetChange(t: NotificationTarget, resent: boolean): { type: string; to: string[]; resent?: boolean } {
  const to = t.type === 'dingtalk' ? [t.webhook] : t.type === 'http' ? [t.url] : t.contacts
  return resent ? { type: t.type, to, resent } : { type: t.type, to }
}

/**
 * DingTalk targets in both the draft and the cloud whose keychain binding the user changed: put again (same
 * target Id), so the cloud gets the other signing secret. The cloud's binding is what this app last put
 * (the record); where it has none, the cloud is taken to hold the base's.
 */
function rebound(
  tb: Map<string, NotificationTarget> | undefined,
  tm: Map<string, NotificationTarget>,
  tc: Map<string, NotificationTarget>,
): string[] {
  const ref = (t: NotificationTarget | undefined): string | undefined =>
    t?.type === 'dingtalk' && t.secretRef ? t.secretRef : undefined
  const out: string[] = []
  for (const [k, m] of tm) {
    if (m.type !== 'dingtalk' || !tc.has(k)) continue
    const b = ref(tb?.get(k))
    const mine = ref(m)
    const cloud = ref(tc.get(k)) ?? b
    // The user changed it (when the cloud changed it too, the user's choice is the newer intent).
    if (mine !== undefined && mine !== cloud && mine !== b) out.push(k)
  }
  return out
}
