import { WorkspaceConfigSchema, type NotificationTarget, type WorkspaceConfig } from '@shared/domain'
import type { CloudRecord, Store } from '../store'
import { targetIdOf } from './mapping/events'
import { seg } from './plan/merge'
import type { ManualOverlay } from './plan/overlay'
import { getAt, setAt } from './plan/paths'

/**
 * One model of what the cloud has: every area the APIs can read, as read (`configFromCloud`), plus the
 * persistent record (`store.cloudRecords`) of what they cannot:
 *
 * - settings with no read API (SLS forwarding, the switches, scheduling, the Designer path, the target quota):
 *   the value the user said they set in the console (a manual step marked done), else the default;
 * - the keychain binding (`secretRef`) of each DingTalk target the app put: the cloud keeps the signing secret
 *   itself and never says which keychain entry it came from;
 * - a readable setting changed in the console (the resource group): until a refresh reads it.
 *
 * The cache holds this model (`cached_configs`), so plans, drafts, bundles and the CLI read one truth; the
 * record says where each such value came from and when ("last set by this app on <date>").
 */

/** Settings no API can read: in the model they are the record's value, else their default. */
export const UNREADABLE_PATHS = [
  '/sls',
  '/scheduling',
  '/storage/designerPath',
  '/notifications/quota',
  '/switches/dlcContainerAccess',
  '/switches/dswSsh',
  '/switches/dswPublicAccess',
] as const
/** Readable settings that can only be changed in the console: the record holds until a refresh reads them. */
const UNTIL_READ_PATHS = ['/basic/resourceGroupId'] as const

const RULES = '/notifications/rules/'
/** The record path of a DingTalk target's keychain binding. */
export const bindingPath = (rule: string, t: NotificationTarget): string =>
  `${RULES}${seg(rule)}/targets/${targetIdOf(t)}/secretRef`
/** Every record of one rule is under this prefix. */
export const rulePrefix = (rule: string): string => `${RULES}${seg(rule)}/`

const isUntilRead = (path: string): boolean => (UNTIL_READ_PATHS as readonly string[]).includes(path)

/** The model: a configuration read from the cloud (`fetchedAt`) with the record laid over it. Pure. */
export function withRecords(
  config: WorkspaceConfig,
  records: readonly CloudRecord[],
  fetchedAt: string,
): WorkspaceConfig {
  const byPath = new Map(records.map((r) => [r.path, r]))
  let out = config
  const lay = (path: string, value: unknown): void => {
    // A value this build cannot read (an older or damaged row) is no record: the default stays.
    const next = WorkspaceConfigSchema.safeParse(setAt(out, path, value ?? undefined))
    if (next.success) out = next.data
  }
  for (const path of UNREADABLE_PATHS) {
    const r = byPath.get(path)
    if (r) lay(path, r.value)
  }
  for (const path of UNTIL_READ_PATHS) {
    const r = byPath.get(path)
    if (r && r.setAt > fetchedAt) lay(path, r.value)
  }
  const rules = out.notifications.rules.map((rule) => ({
    ...rule,
    targets: rule.targets.map((t) => {
      if (t.type !== 'dingtalk') return t
      const ref = byPath.get(bindingPath(rule.name, t))?.value
      return typeof ref === 'string' && ref !== '' ? { ...t, secretRef: ref } : t
    }),
  }))
  return WorkspaceConfigSchema.parse({ ...out, notifications: { ...out.notifications, rules } })
}

/** Records of a readable value that a refresh (at `fetchedAt`) has read since: they are spent. */
export function spentRecords(records: readonly CloudRecord[], fetchedAt: string): CloudRecord[] {
  return records.filter((r) => isUntilRead(r.path) && r.setAt <= fetchedAt)
}

/** A workspace not created yet: what the user marked done already, as the overlay the planner lays over nothing. */
export function overlayOf(records: readonly CloudRecord[]): ManualOverlay {
  const probe = withRecords(WorkspaceConfigSchema.parse({ basic: { name: '-' } }), records, '')
  const o: ManualOverlay = {}
  const has = (p: string): boolean => records.some((r) => r.path === p)
  if (has('/sls')) o.sls = probe.sls
  if (has('/scheduling')) o.scheduling = probe.scheduling
  if (has('/storage/designerPath')) o.designerPath = probe.storage.designerPath ?? null
  if (has('/notifications/quota')) o.quota = probe.notifications.quota
  if (has('/basic/resourceGroupId') && probe.basic.resourceGroupId) o.resourceGroupId = probe.basic.resourceGroupId
  for (const k of ['dlcContainerAccess', 'dswSsh', 'dswPublicAccess'] as const)
    if (has(`/switches/${k}`)) o.switches = { ...(o.switches ?? {}), [k]: probe.switches[k] }
  return o
}

/** The record paths (and values, from the draft) a manual step marked done stands for. */
export function recordsOfManualStep(
  action: { area: string; target: string },
  draft: WorkspaceConfig,
): Array<{ path: string; value: unknown }> {
  const at = (path: string): { path: string; value: unknown } => ({ path, value: getAt(draft, path) ?? null })
  switch (action.area) {
    case 'sls':
      return [at('/sls')]
    case 'switches':
      return [at(`/switches/${action.target}`)]
    case 'scheduling':
      return [at('/scheduling')]
    case 'storage':
      return [at('/storage/designerPath')]
    case 'notifications':
      return [at('/notifications/quota')]
    case 'workspace':
      return draft.basic.resourceGroupId ? [at('/basic/resourceGroupId')] : []
    default:
      return []
  }
}

/**
 * Lays the record over the cached configuration again (a value was recorded since the refresh): same fetch
 * time, new version. Nothing happens when the workspace is not cached.
 */
export function relayRecords(store: Store, profileId: string, workspaceId: string): void {
  const got = store.workspaces.getConfig(profileId, workspaceId, WorkspaceConfigSchema)
  if (!got?.config.ok) return
  const config = withRecords(got.config.value, store.cloudRecords.list(profileId, workspaceId), got.fetchedAt)
  store.workspaces.saveConfig(profileId, workspaceId, config, { fetchedAt: got.fetchedAt })
}
