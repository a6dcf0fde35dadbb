import { EventTypeSchema, type EventType, type ForeignRule, type NotificationRule } from '@shared/domain'
import type { EventRule, EventTarget } from '../../cloud'
import { PAI_EVENT_SOURCE, TYPE_PREFIX, targetInputOf, targetOf } from './events'

/**
 * Which rules on `pai-system-<workspace>` the app manages, and which it keeps as they are (docs/pai-api-facts.md §5.3:
 * PAI's own event strings are not published, and real workspaces hold rules made in the console). A rule is
 * the app's only when its pattern is exactly the app's encoding (events.ts) and every target is exactly what
 * the app would write for it (type, Id, endpoint, parameters); anything else is a foreign rule, kept byte for
 * byte, shown read-only and never updated. Signing secrets in a foreign rule's parameters are masked (D2).
 */

type Json = Record<string, unknown>
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)
const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b)

/** The event types and scope of a pattern that is exactly the app's encoding; undefined for any other pattern. */
export function exactPattern(text: string | undefined): { eventTypes: EventType[]; scope: 'mine' | 'all' } | undefined {
  let p: unknown
  try {
    p = text ? JSON.parse(text) : undefined
  } catch {
    return undefined
  }
  if (!isObject(p)) return undefined
  if (Object.keys(p).some((k) => k !== 'source' && k !== 'type' && k !== 'data')) return undefined
  if (!sameJson(p.source, [PAI_EVENT_SOURCE])) return undefined
  if (!Array.isArray(p.type) || p.type.length === 0) return undefined
  const eventTypes: EventType[] = []
  for (const t of p.type) {
    if (typeof t !== 'string' || !t.startsWith(TYPE_PREFIX)) return undefined
    const e = EventTypeSchema.safeParse(t.slice(TYPE_PREFIX.length))
    if (!e.success || eventTypes.includes(e.data)) return undefined
    eventTypes.push(e.data)
  }
  let scope: 'mine' | 'all' = 'all'
  if (p.data !== undefined) {
    if (!sameJson(p.data, { scope: ['mine'] })) return undefined
    scope = 'mine'
  }
  return { eventTypes: eventTypes.sort(), scope }
}

/** Target fields the app either writes or knows to be the service's own additions in answers. */
const TARGET_FIELDS = new Set([
  'Id',
  'Type',
  'Endpoint',
  'PushRetryStrategy',
  'ErrorsTolerance',
  'DeadLetterQueue',
  'ParamList',
  'PushSelector',
  'DetailMap',
  'EventBusName',
  'RuleName',
])

type Param = { ResourceKey: string; Form: string; Value?: string | undefined; Template?: string | undefined }

/** Whether the cloud's parameters are exactly those the app writes (the secret's value aside). */
function sameParams(cloud: readonly unknown[], ours: readonly Param[], dingtalk: boolean): boolean {
  const want = new Map(ours.map((p) => [p.ResourceKey, p]))
  const seen = new Set<string>()
  for (const raw of cloud) {
    if (!isObject(raw) || typeof raw.ResourceKey !== 'string') return false
    const k = raw.ResourceKey
    if (seen.has(k)) return false
    seen.add(k)
    if (Object.keys(raw).some((f) => !['ResourceKey', 'Form', 'Value', 'Template'].includes(f))) return false
    if (k === 'SecretKey' && dingtalk && raw.Form === 'CONSTANT') continue
    // The service may add IsBase64Encode=false by itself (docs/pai-api-facts.md §5.2).
    if (k === 'IsBase64Encode' && raw.Value === 'false' && !want.has(k)) continue
    const w = want.get(k)
    if (!w || raw.Form !== w.Form || (raw.Value ?? undefined) !== w.Value || (raw.Template ?? undefined) !== w.Template)
      return false
  }
  return [...want.keys()].every((k) => seen.has(k))
}

/** The domain target for a cloud target the app would have written exactly so; undefined otherwise. */
export function exactTarget(t: EventTarget): NotificationRule['targets'][number] | undefined {
  if (Object.keys(t).some((k) => !TARGET_FIELDS.has(k))) return undefined
  const d = targetOf(t)
  if (!d) return undefined
  const ours = targetInputOf(d)
  if (t.Id !== ours.Id || t.Type !== ours.Type || (t.Endpoint ?? '') !== ours.Endpoint) return undefined
  if (t.PushRetryStrategy !== undefined && t.PushRetryStrategy !== ours.PushRetryStrategy) return undefined
  if (t.ErrorsTolerance !== undefined && t.ErrorsTolerance !== 'ALL') return undefined
  if (t.DeadLetterQueue !== undefined && isObject(t.DeadLetterQueue) && t.DeadLetterQueue.Arn) return undefined
  if (
    t.ParamList !== undefined &&
    t.ParamList.length > 0 &&
    !sameParams(t.ParamList, ours.ParamList ?? [], d.type === 'dingtalk')
  )
    return undefined
  return d
}

const SECRET_KEY = /secret|password|passwd|token|accesskey|signature|credential/i
export const MASK = '******'

/** A copy of a cloud target with the value of every secret-looking parameter masked (D2: never stored). */
function masked(t: EventTarget): Json {
  const out: Json = structuredClone(t) as Json
  if (Array.isArray(out.ParamList))
    out.ParamList = out.ParamList.map((p: unknown) =>
      isObject(p) && typeof p.ResourceKey === 'string' && SECRET_KEY.test(p.ResourceKey) && typeof p.Value === 'string'
        ? { ...p, Value: MASK }
        : p,
    )
  return out
}

/** A rule as ListRules/GetRule return it: the app's own (fully mapped), or a foreign rule kept as it is. */
export function classifyRule(
  r: EventRule,
  targets: readonly EventTarget[] = r.Targets ?? [],
): { managed: NotificationRule } | { foreign: ForeignRule } {
  const pattern = exactPattern(r.FilterPattern)
  const status = r.Status === undefined || r.Status === 'ENABLE' || r.Status === 'DISABLE'
  const mapped = targets.map(exactTarget)
  if (pattern && status && mapped.every((t) => t !== undefined))
    return {
      managed: {
        name: r.RuleName,
        enabled: r.Status !== 'DISABLE',
        eventTypes: pattern.eventTypes,
        scope: pattern.scope,
        targets: mapped as NotificationRule['targets'],
      },
    }
  const foreign: ForeignRule = { name: r.RuleName, filterPattern: r.FilterPattern ?? '', targets: targets.map(masked) }
  if (r.Status !== undefined) foreign.status = r.Status
  if (r.Description !== undefined && r.Description !== '') foreign.description = r.Description
  return { foreign }
}

/**
 * The pattern an update sends: the cloud's current pattern with only the keys the app models (`source`,
 * `type`, `data.scope`) replaced by ours, so every other key (and their order) is kept.
 */
export function mergeFilterPattern(live: string | undefined, ours: string): string {
  let base: unknown
  try {
    base = live ? JSON.parse(live) : {}
  } catch {
    return ours
  }
  const want = JSON.parse(ours) as Json
  if (!isObject(base)) return ours
  const out: Json = { ...base, source: want.source, type: want.type }
  const data = isObject(base.data) ? { ...base.data } : undefined
  const scope = isObject(want.data) ? want.data.scope : undefined
  if (scope !== undefined) out.data = { ...(data ?? {}), scope }
  else if (data) {
    delete data.scope
    if (Object.keys(data).length > 0) out.data = data
    else delete out.data
  }
  return JSON.stringify(out)
}
