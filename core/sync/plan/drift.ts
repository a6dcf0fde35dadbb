import { customRoleKey, memberKey, notificationRuleKey, resourceKey, type WorkspaceConfig } from '@shared/domain'
import type { DriftItem } from '@shared/ipc/channels/sync'
import { byKey, same, seg, unionKeys } from './merge'

/**
 * What changed between two cloud states of one workspace (the draft's base and the cache, or the cache
 * and a fresh read): Terraform's "objects have changed outside", per object, field by field.
 */
export function diffConfigs(before: WorkspaceConfig, after: WorkspaceConfig): DriftItem[] {
  const out: DriftItem[] = []
  const fields = (path: string, a: Record<string, unknown>, b: Record<string, unknown>): DriftItem['fields'] =>
    unionKeys(new Map(Object.entries(a)), new Map(Object.entries(b)))
      .filter((k) => !same(a[k], b[k]))
      .map((k) => ({ path: `${path}/${seg(k)}`, base: a[k] ?? null, cloud: b[k] ?? null }))

  const basic = fields('/basic', { ...before.basic }, { ...after.basic })
  if (basic.length) out.push({ area: 'workspace', target: after.basic.name, change: 'changed', fields: basic })
  const storage = fields('/storage', { ...before.storage }, { ...after.storage })
  if (storage.length) out.push({ area: 'config', target: 'storage', change: 'changed', fields: storage })

  const lists: Array<
    [string, string, Array<Record<string, unknown>>, Array<Record<string, unknown>>, (x: never) => string]
  > = [
    ['member', '/members', before.members, after.members, memberKey as (x: never) => string],
    ['customRole', '/customRoles', before.customRoles, after.customRoles, customRoleKey as (x: never) => string],
    ['resource', '/resources', before.resources, after.resources, resourceKey as (x: never) => string],
    [
      'rule',
      '/notifications/rules',
      before.notifications.rules,
      after.notifications.rules,
      notificationRuleKey as (x: never) => string,
    ],
  ]
  for (const [area, path, a, b, key] of lists) {
    const ma = byKey(a, key as (x: Record<string, unknown>) => string)
    const mb = byKey(b, key as (x: Record<string, unknown>) => string)
    for (const k of unionKeys(ma, mb)) {
      const x = ma.get(k)
      const y = mb.get(k)
      if (x && !y)
        out.push({ area, target: k, change: 'removed', fields: [{ path: `${path}/${seg(k)}`, base: x, cloud: null }] })
      else if (!x && y)
        out.push({ area, target: k, change: 'added', fields: [{ path: `${path}/${seg(k)}`, base: null, cloud: y }] })
      else if (x && y && !same(x, y))
        out.push({ area, target: k, change: 'changed', fields: fields(`${path}/${seg(k)}`, x, y) })
    }
  }
  return out
}
