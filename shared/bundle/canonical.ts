import type { z } from 'zod'
import { ROLE_MODULES } from '../domain/enums'
import {
  customRoleKey,
  memberKey,
  notificationRuleKey,
  notificationTargetKey,
  passthroughConfigKey,
  priorityLimitKey,
  resourceKey,
  timeoutRuleKey,
} from '../domain/keys'
import { WorkspaceConfigSchema, type CustomRole, type NotificationRule, type WorkspaceConfig } from '../domain/model'
import { defOf } from './zod-def'

/**
 * Canonical form of a configuration, so that a bundle's bytes change only when the configuration does:
 * every list sorted by its natural key (ties broken by content), sets of strings sorted, record keys in a
 * fixed order, object keys in the schema's order, absent optional fields left out. Idempotent.
 */

/** Code-unit order: the same on every machine and locale (never localeCompare). */
export const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** Sorts a copy by key; equal keys keep a content order so the result does not depend on the input order. */
export function sortByKey<T>(items: readonly T[], key: (item: T) => string): T[] {
  const keyed = items.map((item) => ({ item, k: key(item), c: '' }))
  keyed.sort((a, b) => {
    const byKey = compareStrings(a.k, b.k)
    if (byKey !== 0) return byKey
    if (a.c === '') a.c = JSON.stringify(a.item) ?? ''
    if (b.c === '') b.c = JSON.stringify(b.item) ?? ''
    return compareStrings(a.c, b.c)
  })
  return keyed.map((x) => x.item)
}

const sortedStrings = <T extends string>(list: readonly T[]): T[] => [...list].sort(compareStrings)

const MODULE_ORDER = new Map<string, number>(ROLE_MODULES.map((m, i) => [m, i]))

function sortPermissions(p: CustomRole['permissions']): CustomRole['permissions'] {
  const keys = Object.keys(p).sort(
    (a, b) => (MODULE_ORDER.get(a) ?? 999) - (MODULE_ORDER.get(b) ?? 999) || compareStrings(a, b),
  )
  const out: Record<string, unknown> = {}
  for (const k of keys) out[k] = (p as Record<string, unknown>)[k]
  return out as CustomRole['permissions']
}

function canonicalRule(r: NotificationRule): NotificationRule {
  const targets = r.targets.map((t) =>
    t.type === 'voice' || t.type === 'sms' || t.type === 'email' ? { ...t, contacts: sortedStrings(t.contacts) } : t,
  )
  return { ...r, eventTypes: sortedStrings(r.eventTypes), targets: sortByKey(targets, notificationTargetKey) }
}

/** The configuration with every list in canonical order (a new object; the input is not changed). */
export function sortConfig(c: WorkspaceConfig): WorkspaceConfig {
  return {
    ...c,
    members: sortByKey(
      c.members.map((m) => ({ ...m, roles: sortedStrings(m.roles) })),
      memberKey,
    ),
    customRoles: sortByKey(
      c.customRoles.map((r) => ({ ...r, permissions: sortPermissions(r.permissions) })),
      customRoleKey,
    ),
    resources: sortByKey(c.resources, resourceKey),
    scheduling: {
      ...c.scheduling,
      jobPriorityLimits: sortByKey(c.scheduling.jobPriorityLimits, priorityLimitKey),
      instancePriorityLimits: sortByKey(c.scheduling.instancePriorityLimits, priorityLimitKey),
      timeouts: sortByKey(c.scheduling.timeouts, timeoutRuleKey),
    },
    notifications: {
      ...c.notifications,
      rules: sortByKey(c.notifications.rules.map(canonicalRule), notificationRuleKey),
      // Foreign rules are kept as the cloud holds them: only the list is ordered, never their content.
      foreignRules: sortByKey(c.notifications.foreignRules ?? [], notificationRuleKey),
    },
    sls: { ...c.sls, modules: sortedStrings(c.sls.modules) },
    passthrough: { ...c.passthrough, configs: sortByKey(c.passthrough?.configs ?? [], passthroughConfigKey) },
  }
}

/** Rebuilds `value` with object keys in the order of `schema`'s shape, dropping undefined fields. */
export function orderKeys(schema: z.ZodType, value: unknown): unknown {
  if (value === undefined || value === null || typeof value !== 'object') return value
  const def = defOf(schema)
  switch (def.type) {
    case 'optional':
    case 'default':
    case 'prefault':
    case 'nullable':
      return def.innerType ? orderKeys(def.innerType, value) : value
    case 'object': {
      const shape = def.shape ?? {}
      const src = value as Record<string, unknown>
      const out: Record<string, unknown> = {}
      for (const [k, s] of Object.entries(shape)) if (src[k] !== undefined) out[k] = orderKeys(s, src[k])
      // Keys the schema does not know stay, after the known ones, in code-unit order.
      for (const k of Object.keys(src).sort(compareStrings)) if (!(k in shape) && src[k] !== undefined) out[k] = src[k]
      return out
    }
    case 'array':
      return Array.isArray(value) && def.element ? value.map((v: unknown) => orderKeys(def.element!, v)) : value
    case 'union': {
      if (!def.options || !def.discriminator) return value
      const tag = (value as Record<string, unknown>)[def.discriminator]
      const match = def.options.find((o) => {
        const d = defOf(o)
        const lit = d.shape?.[def.discriminator!]
        return lit !== undefined && lit.safeParse(tag).success
      })
      return match ? orderKeys(match, value) : value
    }
    default:
      return value
  }
}

/** Canonical configuration: sorted lists, schema key order. */
export function canonicalConfig(c: WorkspaceConfig): WorkspaceConfig {
  return orderKeys(WorkspaceConfigSchema, sortConfig(c)) as WorkspaceConfig
}
