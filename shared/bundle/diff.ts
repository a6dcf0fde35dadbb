import { z } from 'zod'
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
import type { WorkspaceConfig } from '../domain/model'
import { canonicalConfig } from './canonical'

/**
 * What differs between two configurations, for the import preview: list items are matched by their
 * natural key (never by index), so a reordered list is no change and an edited member is one change.
 */

export const ConfigChangeSchema = z.object({
  /** Where: `members[2788…].roles`, `storage.defaultPath`, `notifications.rules[ops].targets[dingtalk:https://…]`. */
  path: z.string(),
  op: z.enum(['add', 'remove', 'change']),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
})
export type ConfigChange = z.infer<typeof ConfigChangeSchema>

type KeyFn = (item: never) => string
/** Keyed lists by their path (with `[]` for list items on the way); the draft merge matches items by them too. */
export const KEYED_LISTS: Readonly<Record<string, KeyFn>> = {
  members: memberKey as KeyFn,
  customRoles: customRoleKey as KeyFn,
  resources: resourceKey as KeyFn,
  'scheduling.jobPriorityLimits': priorityLimitKey as KeyFn,
  'scheduling.instancePriorityLimits': priorityLimitKey as KeyFn,
  'scheduling.timeouts': timeoutRuleKey as KeyFn,
  'notifications.rules': notificationRuleKey as KeyFn,
  'notifications.rules[].targets': notificationTargetKey as KeyFn,
  'notifications.foreignRules': notificationRuleKey as KeyFn,
  'passthrough.configs': passthroughConfigKey as KeyFn,
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b)

/** One step of a change's location: an object key, or a list item's natural key. */
type DiffStep = string | { key: string }

/** A change with its location as steps (`['members', {key: '2001'}, 'roles']`), before the path is spelled. */
export interface ConfigDelta {
  at: DiffStep[]
  op: ConfigChange['op']
  before?: unknown
  after?: unknown
}

/**
 * The one comparison of two configurations (both canonicalized first): list items matched by natural key,
 * objects key by key, anything else as a whole. The import preview spells it as paths (`diffConfigs`); sync's
 * drift groups it per object (`core/sync/plan/drift.ts`).
 */
export function configDeltas(before: WorkspaceConfig, after: WorkspaceConfig): ConfigDelta[] {
  const out: ConfigDelta[] = []
  walk(canonicalConfig(before), canonicalConfig(after), [], '', out)
  return out
}

/** Every change from `before` to `after` (both canonicalized first); `before` undefined = everything is new. */
export function diffConfigs(before: WorkspaceConfig | undefined, after: WorkspaceConfig): ConfigChange[] {
  if (!before) return [{ path: '', op: 'add', after: after.basic.name }]
  return configDeltas(before, after).map(({ at, ...change }) => ({ path: pathOf(at), ...change }))
}

function pathOf(at: readonly DiffStep[]): string {
  let path = ''
  for (const step of at) {
    if (typeof step === 'string') path = path ? `${path}.${step}` : step
    else path = `${path}[${step.key}]`
  }
  return path
}

function walk(a: unknown, b: unknown, at: DiffStep[], shapePath: string, out: ConfigDelta[]): void {
  if (same(a, b)) return
  const keyFn = KEYED_LISTS[shapePath]
  if (keyFn && Array.isArray(a) && Array.isArray(b)) {
    const am = new Map<string, unknown>(a.map((x) => [keyFn(x as never), x]))
    const bm = new Map<string, unknown>(b.map((x) => [keyFn(x as never), x]))
    for (const [k, x] of am) {
      const p = [...at, { key: k }]
      if (!bm.has(k)) out.push({ at: p, op: 'remove', before: x })
      else walk(x, bm.get(k), p, `${shapePath}[]`, out)
    }
    for (const [k, y] of bm) if (!am.has(k)) out.push({ at: [...at, { key: k }], op: 'add', after: y })
    return
  }
  if (isObject(a) && isObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)])
    for (const k of keys) {
      const p = [...at, k]
      const sp = shapePath ? `${shapePath}.${k}` : k
      if (a[k] === undefined) out.push({ at: p, op: 'add', after: b[k] })
      else if (b[k] === undefined) out.push({ at: p, op: 'remove', before: a[k] })
      else walk(a[k], b[k], p, sp, out)
    }
    return
  }
  out.push({ at, op: 'change', before: a, after: b })
}
