import { CONTACT_TARGET_REGIONS, TARGET_TYPES, type EventType, type ResourceKind, type TargetType } from './enums'
import type {
  ForeignRule,
  Member,
  NotificationRule,
  NotificationTarget,
  Resource,
  Storage,
  WorkspaceConfig,
} from './model'

/** Facts the UI shows, computed from a configuration. Pure. */

/** The custom event bus of a workspace (E2): `pai-system-<workspaceName>`. */
export function eventBusName(workspaceName: string): string {
  return `pai-system-${workspaceName}`
}

export interface EffectiveStoragePath {
  /** The path that is used, if any. */
  path: string | undefined
  /** Where it comes from: the Designer workflow data storage, the workspace default, or nothing. */
  source: 'designer' | 'default' | 'none'
}

/**
 * ST2: which storage path is effective. When a Designer workflow runs, its workflow data storage wins
 * over the workspace default; every other job (DLC, DSW...) uses the workspace default (ST1).
 */
export function effectiveStoragePath(storage: Storage, runningWorkflow = true): EffectiveStoragePath {
  if (runningWorkflow && storage.designerPath) return { path: storage.designerPath, source: 'designer' }
  if (storage.defaultPath) return { path: storage.defaultPath, source: 'default' }
  return { path: undefined, source: 'none' }
}

/** Quota units one target takes (E6): one per voice/SMS/email contact (not de-duplicated), else one. */
export function targetUnits(target: NotificationTarget): number {
  return target.type === 'dingtalk' || target.type === 'http' ? 1 : target.contacts.length
}

/** Quota units a rule's targets take (E6). */
export function ruleUnits(rule: Pick<NotificationRule, 'targets'>): number {
  let n = 0
  for (const t of rule.targets) n += targetUnits(t)
  return n
}

/** EventBridge target types addressed to contacts (one unit per contact, E6), as a rule made in the console spells them. */
const CONTACT_TARGET_WIRE_TYPES = new Set(['acs.sms', 'acs.mail', 'acs.voice'])

/**
 * Quota units a foreign rule's targets take (E6), as far as the targets tell: one per contact of an SMS,
 * email or voice target (its `Endpoint`, comma-separated), one for any other target.
 */
export function foreignRuleUnits(rule: Pick<ForeignRule, 'targets'>): number {
  let n = 0
  for (const t of rule.targets) {
    const type = typeof t.Type === 'string' ? t.Type : ''
    const endpoint = typeof t.Endpoint === 'string' ? t.Endpoint : ''
    n += CONTACT_TARGET_WIRE_TYPES.has(type) ? Math.max(1, endpoint.split(',').filter((x) => x !== '').length) : 1
  }
  return n
}

export interface QuotaUsage {
  used: number
  quota: number
  over: boolean
}
/** Units used / quota, as the rule editor shows it live (E6). */
export function quotaUsage(rule: Pick<NotificationRule, 'targets'>, quota: number): QuotaUsage {
  const used = ruleUnits(rule)
  return { used, quota, over: used > quota }
}

/** Whether voice, SMS and email exist in a region (E5). */
export function contactTargetsAvailable(region: string): boolean {
  return (CONTACT_TARGET_REGIONS as readonly string[]).includes(region)
}

/**
 * E4 (and E5 when a region is given): whether a target type may take an event type. DingTalk takes every
 * event; HTTP/HTTPS only model events; voice, SMS and email only workflow and DLC events, and only in
 * cn-hangzhou, cn-shanghai and cn-wulanchabu.
 */
export function isTargetAllowed(eventType: EventType, targetType: TargetType, region?: string): boolean {
  if (targetType === 'dingtalk') return true
  const model = eventType.startsWith('model.')
  if (targetType === 'http') return model
  return !model && (region === undefined || contactTargetsAvailable(region))
}

/** The target types allowed for an event type (E4; E5 when a region is given). */
export function allowedTargetTypes(eventType: EventType, region?: string): TargetType[] {
  return TARGET_TYPES.filter((t) => isTargetAllowed(eventType, t, region))
}

/** Target types a rule with these event types may use: those every selected event type allows. */
export function allowedTargetTypesForRule(eventTypes: readonly EventType[], region?: string): TargetType[] {
  return TARGET_TYPES.filter((t) => eventTypes.every((e) => allowedTargetTypes(e, region).includes(t)))
}

/** W3: what the confirmation step lists before a workspace is created. */
export interface CreationSummary {
  name: string
  /** The display name the workspace will have: the name when none is given (the API's default). */
  displayName: string
  description: string
  mode: WorkspaceConfig['basic']['mode']
  members: Member[]
  resources: Resource[]
  /** How many resources of each kind. */
  resourceCounts: Partial<Record<ResourceKind, number>>
  defaultStoragePath: string | undefined
}
export function creationSummary(config: WorkspaceConfig): CreationSummary {
  const resourceCounts: Partial<Record<ResourceKind, number>> = {}
  for (const r of config.resources) resourceCounts[r.kind] = (resourceCounts[r.kind] ?? 0) + 1
  return {
    name: config.basic.name,
    displayName: config.basic.displayName || config.basic.name,
    description: config.basic.description,
    mode: config.basic.mode,
    members: config.members,
    resources: config.resources,
    resourceCounts,
    defaultStoragePath: config.storage.defaultPath,
  }
}
