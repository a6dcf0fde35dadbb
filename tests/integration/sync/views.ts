import {
  OWNER_ROLE,
  notificationTargetKey,
  ossPathKey,
  resourceKey,
  type NotificationTarget,
  type WorkspaceConfig,
} from '@shared/domain'

/**
 * Projections of a configuration for comparing a draft with the cloud: what each area means, in a canonical
 * order, with custom roles named by name (the draft and the cloud give them different IDs).
 */

const byName = <T>(xs: T[], key: (x: T) => string): T[] => [...xs].sort((a, b) => key(a).localeCompare(key(b)))
const targetView = (t: NotificationTarget): string =>
  notificationTargetKey(t) + (t.type === 'dingtalk' ? ` (${t.secretRef ?? '-'})` : '')

function areas(c: WorkspaceConfig) {
  const names = new Map(c.customRoles.filter((r) => r.roleId).map((r) => [r.roleId as string, r.name]))
  const role = (r: string): string => (names.has(r) ? `name:${names.get(r)}` : r)
  return {
    members: byName(
      c.members.map((m) => ({ userId: m.userId, roles: m.roles.map(role).sort() })),
      (m) => m.userId,
    ),
    customRoles: byName(
      c.customRoles.map((r) => ({
        name: r.name,
        permissions: Object.fromEntries(
          Object.entries(r.permissions)
            .filter(([, v]) => v && v !== 'NoPrivilege')
            .sort(),
        ),
      })),
      (r) => r.name,
    ),
    resources: byName(
      c.resources.map((r) => ({
        key: resourceKey(r),
        isDefault: r.isDefault,
        clusterType: r.spec?.clusterType ?? null,
      })),
      (r) => r.key,
    ),
    rules: byName(
      c.notifications.rules.map((r) => ({
        name: r.name,
        enabled: r.enabled,
        eventTypes: [...r.eventTypes].sort(),
        scope: r.scope,
        targets: r.targets.map(targetView).sort(),
      })),
      (r) => r.name,
    ),
    basic: {
      name: c.basic.name,
      mode: c.basic.mode,
      displayName: c.basic.displayName || c.basic.name,
      description: c.basic.description,
    },
    // ST1: the cloud holds the path as Alibaba's SDK writes it (with the endpoint); the same folder either way.
    defaultPath: (c.storage.defaultPath && (ossPathKey(c.storage.defaultPath) ?? c.storage.defaultPath)) ?? null,
  }
}

/** The whole configuration as the app models the cloud: every area, the recorded console-only ones too. */
export function apiView(c: WorkspaceConfig) {
  return {
    ...areas(c),
    owner: c.owner?.userId ?? null,
    designerPath: c.storage.designerPath ?? null,
    sls: c.sls,
    switches: c.switches,
    scheduling: c.scheduling,
    quota: c.notifications.quota,
  }
}

/**
 * The areas an API writes, for "the cloud equals the draft": without the owner (the cloud makes it) and
 * without items whose change the plan refused (`refused`: their natural keys).
 */
export function strictView(c: WorkspaceConfig, refused: ReadonlySet<string>) {
  const a = areas(c)
  const owners = new Set(c.members.filter((m) => m.roles.includes(OWNER_ROLE)).map((m) => m.userId))
  if (c.owner?.userId) owners.add(c.owner.userId)
  return {
    ...a,
    members: a.members.filter((m) => !owners.has(m.userId) && !refused.has(m.userId)),
    resources: a.resources.filter((r) => !refused.has(r.key)).map(({ key, clusterType }) => ({ key, clusterType })),
    defaultResources: a.resources.filter((r) => r.isDefault && !refused.has(r.key)).map((r) => r.key),
  }
}
