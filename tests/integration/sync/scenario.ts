import fc from 'fast-check'
import {
  OWNER_ROLE,
  customRoleKey,
  notificationTargetKey,
  type Member,
  type NotificationTarget,
  type WorkspaceConfig,
} from '@shared/domain'
import { isTargetAllowed } from '@shared/domain/derived'
import { TIMEOUT_KINDS } from '@shared/domain/enums'
import { USERS } from './harness'

/**
 * Generated round trips for the emulator property test: a workspace (made by the app, or found in the cloud),
 * then a few syncs, each after user edits (as the configuration screen makes them), cloud edits made by
 * someone else meanwhile, and a failure (a flaky cloud, a lost answer, a member who is not a RAM user yet and
 * is retried once the cause is fixed). Edits are data; `applyEdit` makes them on a draft.
 */

const BUILTIN = [
  'PAI.AlgoDeveloper',
  'PAI.AlgoOperator',
  'PAI.LabelManager',
  'PAI.WorkspaceAdmin',
  'PAI.WorkspaceGuest',
]
const CUSTOM = ['ops', 'viewer'] as const
const RESOURCES = ['pool_a', 'pool_b'] as const
const RULES = ['rule-a', 'rule-b'] as const
const EVENTS = [
  'dlc.jobProgress',
  'dlc.faultTolerance',
  'model.versionApproved',
  'workflow.taskFailed',
  // E3: allowed only while a timeout rule exists (the timeouts have no read API: their record round trip).
  'dlc.jobTimeout',
] as const
const QUOTAS = [5, 3, 10] as const
const REFS = ['robot1', 'robot2'] as const

/** A role by index: the built-in ones, then the custom roles by name (granted by the draft's ID of that role). */
const role = fc.integer({ min: 0, max: BUILTIN.length + CUSTOM.length - 1 })
const user = fc.integer({ min: 0, max: USERS.length - 1 })
const perms = fc.record(
  { DSW: fc.constantFrom('ReadOnly', 'ReadWrite'), DLC: fc.constantFrom('ReadOnly', 'FullAccess') },
  { requiredKeys: [] },
)
const target = fc.integer({ min: 0, max: 3 })

export type Edit =
  | { op: 'addMember'; user: number; roles: number[] }
  | { op: 'removeMember'; user: number }
  | { op: 'removeOwner' }
  | { op: 'addRole'; user: number; role: number }
  | { op: 'removeRole'; user: number; role: number }
  | { op: 'addCustomRole'; name: number; perms: Record<string, string> }
  | { op: 'removeCustomRole'; name: number }
  | { op: 'setPerms'; name: number; perms: Record<string, string> }
  | { op: 'addResource'; name: number; isDefault: boolean; shared: boolean }
  | { op: 'setDefault'; name: number }
  | { op: 'setSpec'; name: number; shared: boolean }
  | { op: 'detachResource'; name: number }
  | { op: 'addRule'; name: number; events: number[]; mine: boolean; targets: number[] }
  | { op: 'removeRule'; name: number }
  | { op: 'toggleRule'; name: number }
  | { op: 'setEvents'; name: number; events: number[] }
  | { op: 'addTarget'; name: number; target: number }
  | { op: 'removeTarget'; name: number; target: number }
  | { op: 'rebind'; name: number }
  | { op: 'describe'; text: number }
  | { op: 'displayName'; text: number }
  | { op: 'storage'; path: number }
  | { op: 'switch'; which: number; on: boolean }
  | { op: 'sls'; on: boolean }
  | { op: 'timeout'; kind: number; minutes: number }
  | { op: 'nonMembers'; priority: number }
  | { op: 'designer'; path: number }
  | { op: 'quota'; value: number }

const idx = (n: number) => fc.integer({ min: 0, max: n - 1 })
const events = fc.uniqueArray(idx(EVENTS.length), { minLength: 1, maxLength: 2 })

const edit: fc.Arbitrary<Edit> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('addMember' as const),
      user,
      roles: fc.uniqueArray(role, { minLength: 1, maxLength: 3 }),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ op: 'removeOwner' as const }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('removeMember' as const), user }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('addRole' as const), user, role }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('removeRole' as const), user, role }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('addCustomRole' as const), name: idx(CUSTOM.length), perms }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('removeCustomRole' as const), name: idx(CUSTOM.length) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('setPerms' as const), name: idx(CUSTOM.length), perms }) },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('addResource' as const),
      name: idx(RESOURCES.length),
      isDefault: fc.boolean(),
      shared: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('setDefault' as const), name: idx(RESOURCES.length) }) },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant('setSpec' as const), name: idx(RESOURCES.length), shared: fc.boolean() }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('detachResource' as const), name: idx(RESOURCES.length) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('addRule' as const),
      name: idx(RULES.length),
      events,
      mine: fc.boolean(),
      targets: fc.uniqueArray(target, { minLength: 1, maxLength: 2 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('removeRule' as const), name: idx(RULES.length) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('toggleRule' as const), name: idx(RULES.length) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('setEvents' as const), name: idx(RULES.length), events }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('addTarget' as const), name: idx(RULES.length), target }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('removeTarget' as const), name: idx(RULES.length), target }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('rebind' as const), name: idx(RULES.length) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('describe' as const), text: idx(3) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('displayName' as const), text: idx(3) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('storage' as const), path: idx(2) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('switch' as const), which: idx(3), on: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('sls' as const), on: fc.boolean() }) },
  // Settings with no read API (console steps marked done, then the record): S3, S2, ST2, E6.
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('timeout' as const),
      kind: idx(TIMEOUT_KINDS.length),
      minutes: fc.constantFrom(0, 30, 90),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant('nonMembers' as const), priority: fc.integer({ min: 0, max: 9 }) }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('designer' as const), path: idx(3) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('quota' as const), value: idx(QUOTAS.length) }) },
)

/** Someone else's change in the cloud between two syncs (the console, another tool). */
export type CloudEdit =
  | { op: 'describe'; text: number }
  | { op: 'addMember'; user: number }
  | { op: 'addRole'; user: number; role: number }
  | { op: 'removeRole'; user: number; role: number }
  | { op: 'toggleRule'; name: number }
  | { op: 'removeMember'; user: number }
  | { op: 'rolePerms'; name: number; readWrite: boolean }
  | { op: 'deleteRole'; name: number }
  | { op: 'setDefault'; name: number }
  | { op: 'removeTarget'; name: number }

const cloudEdit: fc.Arbitrary<CloudEdit> = fc.oneof(
  fc.record({ op: fc.constant('describe' as const), text: idx(3) }),
  fc.record({ op: fc.constant('addMember' as const), user }),
  fc.record({ op: fc.constant('addRole' as const), user, role: idx(BUILTIN.length) }),
  fc.record({ op: fc.constant('removeRole' as const), user, role: idx(BUILTIN.length) }),
  fc.record({ op: fc.constant('toggleRule' as const), name: idx(RULES.length) }),
  fc.record({ op: fc.constant('removeMember' as const), user }),
  fc.record({ op: fc.constant('rolePerms' as const), name: idx(CUSTOM.length), readWrite: fc.boolean() }),
  fc.record({ op: fc.constant('deleteRole' as const), name: idx(CUSTOM.length) }),
  fc.record({ op: fc.constant('setDefault' as const), name: idx(RESOURCES.length) }),
  fc.record({ op: fc.constant('removeTarget' as const), name: idx(RULES.length) }),
)

/** What goes wrong during a sync: nothing, a flaky cloud, lost answers to creates, or a member not yet a RAM user. */
export type Failure = 'none' | 'flaky' | 'lostAnswer' | 'lateUser'

export interface Step {
  edits: Edit[]
  cloudEdits: CloudEdit[]
  failure: Failure
  /** How the user settles conflicts: keep theirs (mine) or take the cloud's. */
  resolve: 'mine' | 'cloud'
}

export interface Scenario {
  /** `created`: the wizard makes it (first step's edits on an empty draft); `seeded`: it was made in the console. */
  start: 'created' | 'seeded'
  steps: Step[]
}

const step: fc.Arbitrary<Step> = fc.record({
  edits: fc.array(edit, { minLength: 1, maxLength: 8 }),
  cloudEdits: fc.oneof(
    { weight: 2, arbitrary: fc.constant<CloudEdit[]>([]) },
    { weight: 1, arbitrary: fc.array(cloudEdit, { maxLength: 3 }) },
  ),
  failure: fc.constantFrom<Failure>('none', 'none', 'flaky', 'lostAnswer', 'lateUser'),
  resolve: fc.constantFrom('mine' as const, 'cloud' as const),
})

export const scenarioArb: fc.Arbitrary<Scenario> = fc.record({
  start: fc.constantFrom('created' as const, 'seeded' as const),
  steps: fc.array(step, { minLength: 1, maxLength: 4 }),
})

export const texts = ['first words', 'second words', 'third words']
export const builtinRole = (i: number): string => BUILTIN[i % BUILTIN.length]!
export const resourceName = (i: number): string => RESOURCES[i % RESOURCES.length]!
export const customName = (i: number): string => CUSTOM[i % CUSTOM.length]!

/** The target of an index: two HTTP endpoints, SMS contacts, or the DingTalk robot (signed with robot1). */
function targetOf(i: number, robot: string): NotificationTarget {
  switch (i % 4) {
    case 0:
      return { type: 'http', url: 'https://hooks.example.com/a' }
    case 1:
      return { type: 'http', url: 'https://hooks.example.com/b' }
    case 2:
      return { type: 'sms', contacts: ['13800000001'] }
    default:
      return { type: 'dingtalk', webhook: robot, secretRef: 'robot1' }
  }
}

/** Role ID a draft gives a role index: the built-in name, or the draft's ID of the custom role (none: skip). */
function roleIdIn(c: WorkspaceConfig, i: number): string | undefined {
  if (i < BUILTIN.length) return BUILTIN[i]
  return c.customRoles.find((r) => r.name === customName(i - BUILTIN.length))?.roleId
}

let localIds = 0

/**
 * Makes one edit on a copy of the draft; undefined when it does not apply (no such member, the owner, ...).
 * `robot` is the DingTalk webhook to use.
 */
export function applyEdit(c0: WorkspaceConfig, e: Edit, robot: string): WorkspaceConfig | undefined {
  const c = structuredClone(c0)
  const isOwner = (m: Member): boolean => m.roles.includes(OWNER_ROLE) || c.owner?.userId === m.userId
  // Edits of existing items take the n-th of what the draft has (adds name an item of the universe).
  const nth = <T>(xs: T[], n: number): T | undefined => (xs.length ? xs[n % xs.length] : undefined)
  const member = (u: number): Member | undefined =>
    nth(
      c.members.filter((m) => !isOwner(m)),
      u,
    )
  const rule = (n: number) => nth(c.notifications.rules, n)
  const resource = (n: number) => nth(c.resources, n)
  switch (e.op) {
    case 'addMember': {
      if (c.members.some((m) => m.userId === USERS[e.user]!.UserId)) return undefined
      const roles = [...new Set(e.roles.map((r) => roleIdIn(c, r)).filter((r): r is string => !!r))]
      if (roles.length === 0) return undefined
      c.members.push({ userId: USERS[e.user]!.UserId, roles: roles as Member['roles'] })
      return c
    }
    case 'removeOwner': {
      // M6: the plan refuses it, and keeps refusing until the user takes it back.
      const owner = c.members.find(isOwner)
      if (!owner) return undefined
      c.members = c.members.filter((x) => x !== owner)
      return c
    }
    case 'removeMember': {
      const m = member(e.user)
      if (!m || isOwner(m)) return undefined
      c.members = c.members.filter((x) => x !== m)
      return c
    }
    case 'addRole': {
      const m = member(e.user)
      const r = roleIdIn(c, e.role)
      if (!m || !r || m.roles.includes(r as never)) return undefined
      m.roles.push(r as never)
      return c
    }
    case 'removeRole': {
      const m = member(e.user)
      const r = m && nth(m.roles, e.role)
      if (!m || !r || m.roles.length < 2 || r === OWNER_ROLE) return undefined
      m.roles = m.roles.filter((x) => x !== r)
      return c
    }
    case 'addCustomRole': {
      const name = customName(e.name)
      if (c.customRoles.some((r) => customRoleKey(r) === name)) return undefined
      c.customRoles.push({ roleId: `role-local${++localIds}`, name, permissions: e.perms })
      return c
    }
    case 'removeCustomRole': {
      const r = nth(c.customRoles, e.name)
      if (!r || c.members.some((m) => m.roles.includes(r.roleId as never))) return undefined
      c.customRoles = c.customRoles.filter((x) => x !== r)
      return c
    }
    case 'setPerms': {
      const r = nth(c.customRoles, e.name)
      if (!r) return undefined
      r.permissions = e.perms
      return c
    }
    case 'addResource': {
      if (c.resources.some((r) => r.name === RESOURCES[e.name])) return undefined
      c.resources.push({
        kind: 'general',
        envType: 'prod',
        name: RESOURCES[e.name]!,
        isDefault: e.isDefault && !c.resources.some((r) => r.isDefault),
        spec: { clusterType: e.shared ? 'share' : 'private' },
      })
      return c
    }
    case 'setDefault': {
      const r = resource(e.name)
      if (!r || r.isDefault) return undefined
      for (const x of c.resources) x.isDefault = x === r
      return c
    }
    case 'setSpec': {
      const r = resource(e.name)
      if (!r) return undefined
      r.spec = { ...r.spec, clusterType: e.shared ? 'share' : 'private' }
      return c
    }
    case 'detachResource': {
      const r = resource(e.name)
      if (!r) return undefined
      c.resources = c.resources.filter((x) => x !== r)
      return c
    }
    case 'addRule': {
      if (c.notifications.rules.some((r) => r.name === RULES[e.name])) return undefined
      const types = e.events.map((i) => EVENTS[i]!)
      // As the editor offers them: only targets every chosen event type allows (E4).
      const targets = e.targets
        .map((t) => targetOf(t, robot))
        .filter((t) => types.every((x) => isTargetAllowed(x, t.type)))
      if (targets.length === 0) return undefined
      c.notifications.rules.push({
        name: RULES[e.name]!,
        enabled: true,
        eventTypes: types,
        scope: e.mine ? 'mine' : 'all',
        targets,
      })
      return c
    }
    case 'removeRule': {
      const r = rule(e.name)
      if (!r) return undefined
      c.notifications.rules = c.notifications.rules.filter((x) => x !== r)
      return c
    }
    case 'toggleRule': {
      const r = rule(e.name)
      if (!r) return undefined
      r.enabled = !r.enabled
      return c
    }
    case 'setEvents': {
      const r = rule(e.name)
      if (!r) return undefined
      r.eventTypes = e.events.map((i) => EVENTS[i]!)
      return c
    }
    case 'addTarget': {
      const r = rule(e.name)
      const t = targetOf(e.target, robot)
      if (!r || r.targets.some((x) => notificationTargetKey(x) === notificationTargetKey(t))) return undefined
      r.targets.push(t)
      return c
    }
    case 'removeTarget': {
      const r = rule(e.name)
      const key = notificationTargetKey(targetOf(e.target, robot))
      if (!r || r.targets.length < 2 || !r.targets.some((x) => notificationTargetKey(x) === key)) return undefined
      r.targets = r.targets.filter((x) => notificationTargetKey(x) !== key)
      return c
    }
    case 'rebind': {
      const t = rule(e.name)?.targets.find((x) => x.type === 'dingtalk')
      if (!t || t.type !== 'dingtalk') return undefined
      t.secretRef = t.secretRef === REFS[0] ? REFS[1] : REFS[0]
      return c
    }
    case 'describe':
      c.basic.description = texts[e.text]!
      return c
    case 'displayName':
      c.basic.displayName = `显示名 ${e.text}`
      return c
    case 'storage':
      c.storage.defaultPath = `oss://prop-bucket/p${e.path}/`
      return c
    case 'switch': {
      const k = (['dlcContainerAccess', 'dswSsh', 'dswPublicAccess'] as const)[e.which]!
      c.switches[k] = e.on
      return c
    }
    case 'sls':
      c.sls = e.on ? { project: 'prop-logs', logstore: 'pai', modules: ['DLC'] } : { modules: [] }
      return c
    case 'timeout': {
      const kind = TIMEOUT_KINDS[e.kind]!
      const rest = c.scheduling.timeouts.filter((t) => t.kind !== kind)
      c.scheduling.timeouts = e.minutes > 0 ? [...rest, { kind, minutes: e.minutes, enabled: true }] : rest
      return c
    }
    case 'nonMembers':
      c.scheduling.nonMembers = e.priority > 0 ? { allowed: true, maxJobPriority: e.priority } : { allowed: false }
      return c
    case 'designer':
      c.storage.designerPath = e.path < 2 ? `oss://prop-bucket/designer${e.path}/` : undefined
      return c
    case 'quota':
      c.notifications.quota = QUOTAS[e.value]!
      return c
  }
}
