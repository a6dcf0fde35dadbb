import { configDeltas, type ConfigDelta } from '@shared/bundle'
import {
  customRoleKey,
  memberKey,
  notificationRuleKey,
  passthroughConfigKey,
  resourceKey,
  type WorkspaceConfig,
} from '@shared/domain'
import type { DriftItem } from '@shared/ipc/channels/sync'
import { byKey, same, seg } from './merge'

type Item = Record<string, unknown>
type KeyFn = (x: Item) => string

/** The objects drift reports on: where they sit in the configuration, and how list items are keyed. */
const OBJECTS: ReadonlyArray<{
  area: string
  /** Steps to the object (a plain object) or to the list of objects (keyed). */
  at: readonly string[]
  pointer: string
  /** The one object's name (plain objects). */
  target?: (c: WorkspaceConfig) => string
  key?: KeyFn
  list?: (c: WorkspaceConfig) => Item[]
}> = [
  { area: 'workspace', at: ['basic'], pointer: '/basic', target: (c) => c.basic.name },
  { area: 'config', at: ['storage'], pointer: '/storage', target: () => 'storage' },
  { area: 'member', at: ['members'], pointer: '/members', key: memberKey as KeyFn, list: (c) => c.members },
  {
    area: 'customRole',
    at: ['customRoles'],
    pointer: '/customRoles',
    key: customRoleKey as KeyFn,
    list: (c) => c.customRoles,
  },
  { area: 'resource', at: ['resources'], pointer: '/resources', key: resourceKey as KeyFn, list: (c) => c.resources },
  {
    area: 'rule',
    at: ['notifications', 'rules'],
    pointer: '/notifications/rules',
    key: notificationRuleKey as KeyFn,
    list: (c) => c.notifications.rules,
  },
  {
    area: 'rule',
    at: ['notifications', 'foreignRules'],
    pointer: '/notifications/foreignRules',
    key: notificationRuleKey as KeyFn,
    list: (c) => c.notifications.foreignRules,
  },
  {
    area: 'config',
    at: ['passthrough', 'configs'],
    pointer: '/passthrough/configs',
    key: passthroughConfigKey as KeyFn,
    list: (c) => c.passthrough.configs,
  },
]

const startsWith = (d: ConfigDelta, at: readonly string[]): boolean => at.every((s, i) => d.at[i] === s)

/**
 * What changed between two cloud states of one workspace (the draft's base and the cache, or the cache
 * and a fresh read): Terraform's "objects have changed outside", per object, field by field. Built on the
 * one configuration diff (`configDeltas` in shared/bundle); a field counts as changed when its values
 * differ beyond ''/null/absent (`same`).
 */
export function driftOf(before: WorkspaceConfig, after: WorkspaceConfig): DriftItem[] {
  const deltas = configDeltas(before, after)
  const out: DriftItem[] = []
  const fields = (path: string, a: Item, b: Item, names: Iterable<string>): DriftItem['fields'] =>
    [...new Set(names)]
      .sort()
      .filter((k) => !same(a[k], b[k]))
      .map((k) => ({ path: `${path}/${seg(k)}`, base: a[k] ?? null, cloud: b[k] ?? null }))
  const fieldAt = (d: ConfigDelta, i: number): string[] => (typeof d.at[i] === 'string' ? [d.at[i] as string] : [])

  for (const o of OBJECTS) {
    const mine = deltas.filter((d) => startsWith(d, o.at))
    if (o.target) {
      const a = { ...(before as unknown as Record<string, Item>)[o.at[0] as string] }
      const b = { ...(after as unknown as Record<string, Item>)[o.at[0] as string] }
      const f = fields(
        o.pointer,
        a,
        b,
        mine.flatMap((d) => fieldAt(d, o.at.length)),
      )
      if (f.length) out.push({ area: o.area, target: o.target(after), change: 'changed', fields: f })
      continue
    }
    if (!o.key || !o.list) continue
    const ma = byKey(o.list(before), o.key)
    const mb = byKey(o.list(after), o.key)
    const byItem = new Map<string, ConfigDelta[]>()
    for (const d of mine) {
      const step = d.at[o.at.length]
      if (step === undefined || typeof step === 'string') continue
      byItem.set(step.key, [...(byItem.get(step.key) ?? []), d])
    }
    for (const k of [...byItem.keys()].sort()) {
      const x = ma.get(k)
      const y = mb.get(k)
      const path = `${o.pointer}/${seg(k)}`
      if (x && !y) out.push({ area: o.area, target: k, change: 'removed', fields: [{ path, base: x, cloud: null }] })
      else if (!x && y) out.push({ area: o.area, target: k, change: 'added', fields: [{ path, base: null, cloud: y }] })
      else if (x && y) {
        const f = fields(
          path,
          x,
          y,
          (byItem.get(k) ?? []).flatMap((d) => fieldAt(d, o.at.length + 1)),
        )
        if (f.length) out.push({ area: o.area, target: k, change: 'changed', fields: f })
      }
    }
  }
  return out
}
