import { z } from 'zod'
import {
  customRoleKey,
  memberKey,
  notificationRuleKey,
  notificationTargetKey,
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
/** Keyed lists by their path (with `[]` for list items on the way). */
const KEYED: Record<string, KeyFn> = {
  members: memberKey as KeyFn,
  customRoles: customRoleKey as KeyFn,
  resources: resourceKey as KeyFn,
  'scheduling.jobPriorityLimits': priorityLimitKey as KeyFn,
  'scheduling.instancePriorityLimits': priorityLimitKey as KeyFn,
  'scheduling.timeouts': timeoutRuleKey as KeyFn,
  'notifications.rules': notificationRuleKey as KeyFn,
  'notifications.rules[].targets': notificationTargetKey as KeyFn,
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b)

/** Every change from `before` to `after` (both canonicalized first); `before` undefined = everything is new. */
export function diffConfigs(before: WorkspaceConfig | undefined, after: WorkspaceConfig): ConfigChange[] {
  const out: ConfigChange[] = []
  if (!before) {
    out.push({ path: '', op: 'add', after: after.basic.name })
    return out
  }
  walk(canonicalConfig(before), canonicalConfig(after), '', '', out)
  return out
}

function walk(a: unknown, b: unknown, path: string, shapePath: string, out: ConfigChange[]): void {
  if (same(a, b)) return
  const keyFn = KEYED[shapePath]
  if (keyFn && Array.isArray(a) && Array.isArray(b)) {
    const am = new Map<string, unknown>(a.map((x) => [keyFn(x as never), x]))
    const bm = new Map<string, unknown>(b.map((x) => [keyFn(x as never), x]))
    for (const [k, x] of am) {
      const p = `${path}[${k}]`
      if (!bm.has(k)) out.push({ path: p, op: 'remove', before: x })
      else walk(x, bm.get(k), p, `${shapePath}[]`, out)
    }
    for (const [k, y] of bm) if (!am.has(k)) out.push({ path: `${path}[${k}]`, op: 'add', after: y })
    return
  }
  if (isObject(a) && isObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)])
    for (const k of keys) {
      const p = path ? `${path}.${k}` : k
      const sp = shapePath ? `${shapePath}.${k}` : k
      if (a[k] === undefined) out.push({ path: p, op: 'add', after: b[k] })
      else if (b[k] === undefined) out.push({ path: p, op: 'remove', before: a[k] })
      else walk(a[k], b[k], p, sp, out)
    }
    return
  }
  out.push({ path, op: 'change', before: a, after: b })
}
