import {
  WorkspaceConfigSchema,
  customRoleKey,
  memberKey,
  notificationRuleKey,
  notificationTargetKey,
  passthroughConfigKey,
  resourceKey,
  type CustomRole,
  type ForeignRule,
  type Member,
  type NotificationRule,
  type PassthroughConfig,
  type WorkspaceConfig,
} from '@shared/domain'
import type { PlanAction } from '@shared/ipc/channels/sync'
import type { PlanInput } from './actions'
import { buildPlan, emptyBase } from './build'
import { byKey, same } from './merge'
import { getAt, setAt } from './paths'

/**
 * After a sync, the draft is rebased on the refreshed cloud, as git rebases a branch: what the user changed
 * and the plan still has to do stays the user's; everything else becomes the cloud's (the owner the cloud
 * added, the custom roles' cloud IDs, the resources now associated, what was applied). Granularity is the
 * plan's: one scalar setting, or one list item by natural key.
 *
 * - An item the plan has nothing left for: draft and base become the cloud's (app-only fields the cloud cannot
 *   tell, such as a role's description or a target's keychain binding, stay the draft's).
 * - An item the plan still acts on (a failed op, a console step, a refusal, a conflict): draft and base stay as
 *   they were, so the next plan is the same plan: what is left, never more and never less.
 *
 * The result plans exactly the actions the draft planned against the same cloud (tested as a property).
 */
export function rebase(input: PlanInput): { draft: WorkspaceConfig; base: WorkspaceConfig } {
  const cloud = input.cloud
  if (!cloud) return { draft: input.draft, base: input.base ?? emptyBase(input.draft) }
  const mine = input.draft
  const base = input.base ?? emptyBase(mine)
  const t = touchedBy(buildPlan(input))
  keepRolesOfKeptMembers(t, [mine, base], cloud)

  let draft: WorkspaceConfig = structuredClone(cloud)
  let next: WorkspaceConfig = structuredClone(cloud)
  for (const path of SCALARS) {
    if (!t.scalars.has(path)) continue
    draft = setAt(draft, path, getAt(mine, path))
    next = setAt(next, path, getAt(base, path))
  }
  const lists = LISTS.map((l) => {
    const [m, b, c] = [byKey(l.of(mine), l.key), byKey(l.of(base), l.key), byKey(l.of(cloud), l.key)]
    const kept = (k: string): boolean => t.items[l.name].has(k)
    // Both sides of an item the plan is done with get the app-only fields, so the next plan sees them equal.
    const done = (k: string): unknown => l.appOnly(c.get(k) as never, m.get(k) as never, b.get(k) as never)
    // The draft keeps its order (the user's), with what the cloud added after it; the base likewise.
    const d = inOrder([m, b, c], (k) => (kept(k) ? m.get(k) : c.has(k) ? done(k) : undefined))
    const nb = inOrder([c, b, m], (k) => (kept(k) ? b.get(k) : c.has(k) ? structuredClone(done(k)) : undefined))
    return { l, d, nb }
  })
  for (const { l, d, nb } of lists) {
    draft = l.set(draft, d)
    next = l.set(next, nb)
  }
  // Members kept as they were name custom roles by the IDs of the configuration they came from.
  draft = retargetRoles(draft, mine, t.items.members)
  next = retargetRoles(next, base, t.items.members)
  return { draft: WorkspaceConfigSchema.parse(draft), base: WorkspaceConfigSchema.parse(next) }
}

/** The items of every key of the maps, first map's order first; `pick` says which item a key gets, if any. */
function inOrder(maps: Array<Map<string, unknown>>, pick: (k: string) => unknown): unknown[] {
  const seen = new Set<string>()
  const out: unknown[] = []
  for (const map of maps)
    for (const k of map.keys()) {
      if (seen.has(k)) continue
      seen.add(k)
      const item = pick(k)
      if (item !== undefined) out.push(item)
    }
  return out
}

/** Every scalar setting the planners compare, by path. */
const SCALARS = [
  '/basic/name',
  '/basic/mode',
  '/basic/displayName',
  '/basic/description',
  '/basic/resourceGroupId',
  '/scheduling',
  '/notifications/quota',
  '/storage/defaultPath',
  '/storage/designerPath',
  '/sls',
  '/switches/dlcContainerAccess',
  '/switches/dswSsh',
  '/switches/dswPublicAccess',
] as const

type ListName = 'members' | 'customRoles' | 'resources' | 'rules' | 'foreignRules' | 'passthrough'

interface ListDef<T> {
  name: ListName
  key: (x: T) => string
  of: (c: WorkspaceConfig) => T[]
  set: (c: WorkspaceConfig, items: unknown[]) => WorkspaceConfig
  /** The cloud's item with what only the app knows (the cloud cannot tell it) taken from the draft's. */
  appOnly: (cloud: T, mine: T | undefined, base: T | undefined) => T
}

/** A field only the app knows: the draft's when the user changed it, else the cloud's, else the base's. */
function keepField<T extends object, K extends keyof T>(cloud: T, mine: T | undefined, base: T | undefined, k: K): T {
  const m = mine?.[k]
  if (m === undefined || (same(m, base?.[k]) && cloud[k] !== undefined)) return cloud
  return { ...cloud, [k]: m }
}

const LISTS: ReadonlyArray<ListDef<never>> = [
  {
    name: 'members',
    key: memberKey,
    of: (c) => c.members,
    set: (c, items) => ({ ...c, members: items as Member[] }),
    appOnly: (c: Member, m, b) => keepField(keepField(c, m, b, 'userName'), m, b, 'displayName'),
  } satisfies ListDef<Member>,
  {
    name: 'customRoles',
    key: customRoleKey,
    of: (c) => c.customRoles,
    set: (c, items) => ({ ...c, customRoles: items as CustomRole[] }),
    appOnly: (c: CustomRole, m, b) => keepField(c, m, b, 'description'),
  } satisfies ListDef<CustomRole>,
  {
    name: 'resources',
    key: resourceKey,
    of: (c) => c.resources,
    set: (c, items) => ({ ...c, resources: items as WorkspaceConfig['resources'] }),
    appOnly: (c) => c,
  } satisfies ListDef<WorkspaceConfig['resources'][number]>,
  {
    name: 'rules',
    key: notificationRuleKey,
    of: (c) => c.notifications.rules,
    set: (c, items) => ({ ...c, notifications: { ...c.notifications, rules: items as NotificationRule[] } }),
    appOnly: (c: NotificationRule, m) => {
      // A DingTalk target's keychain binding the cloud has no record of stays the draft's.
      const mt = byKey(m?.targets ?? [], notificationTargetKey)
      return {
        ...c,
        targets: c.targets.map((t) => {
          const x = mt.get(notificationTargetKey(t))
          return t.type === 'dingtalk' && !t.secretRef && x?.type === 'dingtalk' && x.secretRef
            ? { ...t, secretRef: x.secretRef }
            : t
        }),
      }
    },
  } satisfies ListDef<NotificationRule>,
  // Read-only items: the cloud's copy is the truth; one the plan still acts on (a delete asked for, a
  // refusal) stays the draft's, so the user's request is neither lost nor done twice.
  {
    name: 'foreignRules',
    key: notificationRuleKey,
    of: (c) => c.notifications.foreignRules,
    set: (c, items) => ({ ...c, notifications: { ...c.notifications, foreignRules: items as ForeignRule[] } }),
    appOnly: (c) => c,
  } satisfies ListDef<ForeignRule>,
  {
    name: 'passthrough',
    key: passthroughConfigKey,
    of: (c) => c.passthrough.configs,
    set: (c, items) => ({ ...c, passthrough: { ...c.passthrough, configs: items as PassthroughConfig[] } }),
    appOnly: (c) => c,
  } satisfies ListDef<PassthroughConfig>,
] as never

interface Touched {
  scalars: Set<string>
  items: Record<ListName, Set<string>>
}

const AREA_LIST: Partial<Record<PlanAction['area'], ListName>> = {
  member: 'members',
  customRole: 'customRoles',
  resource: 'resources',
  rule: 'rules',
  targets: 'rules',
}
const AREA_SCALAR: Partial<Record<PlanAction['area'], (a: PlanAction) => string>> = {
  config: () => '/storage/defaultPath', // the default storage; pass-through keys are items (touchedBy)
  storage: () => '/storage/designerPath',
  sls: () => '/sls',
  scheduling: () => '/scheduling',
  notifications: () => '/notifications/quota',
  switches: (a) => `/switches/${a.target}`,
}

/** Which settings and list items the plan still acts on. */
function touchedBy(actions: readonly PlanAction[]): Touched {
  const t: Touched = {
    scalars: new Set(),
    items: {
      members: new Set(),
      customRoles: new Set(),
      resources: new Set(),
      rules: new Set(),
      foreignRules: new Set(),
      passthrough: new Set(),
    },
  }
  for (const a of actions) {
    // Refusals of read-only items and the delete of a foreign rule (areas/foreign.ts) touch those items.
    if (a.verb === 'readOnly' || (a.area === 'rule' && a.verb === 'delete')) {
      t.items[a.area === 'config' ? 'passthrough' : 'foreignRules'].add(a.target)
      if (a.area === 'config') continue
    }
    const list = AREA_LIST[a.area]
    if (list) t.items[list].add(a.target)
    const scalar = AREA_SCALAR[a.area]
    if (scalar) t.scalars.add(scalar(a))
    if (a.area !== 'workspace') continue
    if (a.verb === 'rename') t.scalars.add('/basic/name')
    if (a.verb === 'changeMode') t.scalars.add('/basic/mode')
    if (a.verb === 'manual') t.scalars.add('/basic/resourceGroupId')
    const p = (a.op?.payload ?? {}) as { DisplayName?: unknown; Description?: unknown }
    if (p.DisplayName !== undefined) t.scalars.add('/basic/displayName')
    if (p.Description !== undefined) t.scalars.add('/basic/description')
    for (const f of a.conflict ?? []) t.scalars.add(f.path)
  }
  return t
}

/**
 * A member kept as it was may name a custom role the cloud does not have (not created yet, or gone): that role
 * is kept as it was too, so the member's roles mean the same roles.
 */
function keepRolesOfKeptMembers(t: Touched, sources: WorkspaceConfig[], cloud: WorkspaceConfig): void {
  const inCloud = new Set(cloud.customRoles.map(customRoleKey))
  for (const source of sources) {
    const byId = new Map(source.customRoles.filter((r) => r.roleId).map((r) => [r.roleId as string, r.name]))
    for (const m of source.members) {
      if (!t.items.members.has(m.userId)) continue
      for (const id of m.roles) {
        const name = byId.get(id)
        if (name !== undefined && !inCloud.has(name)) t.items.customRoles.add(name)
      }
    }
  }
}

/**
 * The custom role IDs in the roles of kept members, renamed to the IDs the rebased configuration has for
 * the same role names. A role it no longer lists is carried over from the source with its ID.
 */
function retargetRoles(config: WorkspaceConfig, source: WorkspaceConfig, kept: Set<string>): WorkspaceConfig {
  const nameOf = new Map(source.customRoles.filter((r) => r.roleId).map((r) => [r.roleId as string, r]))
  const roles = [...config.customRoles]
  const idOf = new Map(roles.filter((r) => r.roleId).map((r) => [r.name, r.roleId as string]))
  const members = config.members.map((m) => {
    if (!kept.has(m.userId)) return m
    return {
      ...m,
      roles: m.roles.map((id) => {
        const role = nameOf.get(id)
        if (!role) return id
        const to = idOf.get(role.name)
        if (to) return to
        if (!roles.some((r) => r.name === role.name)) {
          roles.push(role)
          idOf.set(role.name, id)
        }
        return id
      }),
    } as Member
  })
  return { ...config, customRoles: roles, members }
}
