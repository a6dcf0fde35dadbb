import fc from 'fast-check'
import { WorkspaceConfigSchema, type WorkspaceConfig } from '@shared/domain'

/**
 * Workspace configurations over a small universe of natural keys (a few users, role names, resources, rules,
 * targets), so that a draft, its base and the cloud generated independently share most of their items: every
 * case of the three-way compare (equal, only mine changed, only the cloud changed, both, added, removed) comes
 * up in a few hundred runs.
 */

export const OWNER = '1000'
const USERS = ['2001', '2002', '2003', '2004']
const BUILTIN = [
  'PAI.AlgoDeveloper',
  'PAI.AlgoOperator',
  'PAI.LabelManager',
  'PAI.WorkspaceAdmin',
  'PAI.WorkspaceGuest',
]
/** Custom roles by name, with the ID the cloud gave them or a draft's local one. */
const ROLES = [
  { name: 'ops', ids: ['role-a1', 'role-localops'] },
  { name: 'viewer', ids: ['role-b2', 'role-localviewer'] },
]
const ROLE_IDS = ROLES.flatMap((r) => r.ids)

const sub = <T>(xs: readonly T[], max = xs.length) => fc.subarray([...xs], { maxLength: max })
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined })

const member = (userId: string) =>
  fc.record({ userId: fc.constant(userId), roles: sub([...BUILTIN, ...ROLE_IDS], 3).filter((r) => r.length > 0) })

/** The members besides the owner; now and then a configuration without the owner (M6: a draft that dropped it). */
const members = fc.record({
  withOwner: fc.oneof({ weight: 9, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  others: sub(USERS).chain((ids) => fc.tuple(...ids.map(member))),
})

const customRoles = fc
  .tuple(
    ...ROLES.map((r) =>
      opt(
        fc.record({
          roleId: fc.constantFrom(...r.ids),
          name: fc.constant(r.name),
          permissions: fc.record(
            { DSW: fc.constantFrom('ReadOnly', 'ReadWrite'), DLC: fc.constantFrom('ReadOnly', 'FullAccess') },
            { requiredKeys: [] },
          ),
        }),
      ),
    ),
  )
  .map((xs) => xs.filter((x) => x !== undefined))

const resources = fc
  .tuple(
    ...['pool_a', 'pool_b'].map((name) =>
      opt(
        fc.record({
          kind: fc.constant('general' as const),
          envType: fc.constant('prod' as const),
          name: fc.constant(name),
          isDefault: fc.boolean(),
          spec: opt(fc.record({ clusterType: fc.constantFrom('share' as const, 'private' as const) })),
        }),
      ),
    ),
  )
  .map((xs) => xs.filter((x) => x !== undefined))

const target = fc.oneof(
  fc.record({
    type: fc.constant('dingtalk' as const),
    webhook: fc.constantFrom('https://oapi.dingtalk.com/robot/send?access_token=t1'),
    secretRef: opt(fc.constantFrom('ref1', 'ref2')),
  }),
  fc.record({ type: fc.constant('http' as const), url: fc.constantFrom('https://h.example/a', 'https://h.example/b') }),
  fc.record({ type: fc.constant('sms' as const), contacts: fc.constantFrom(['13800000001'], ['13800000002']) }),
)
const rules = fc
  .tuple(
    ...['rule-a', 'rule-b'].map((name) =>
      opt(
        fc.record({
          name: fc.constant(name),
          enabled: fc.boolean(),
          eventTypes: sub(['dlc.jobProgress', 'dlc.jobTimeout', 'model.versionApproved'] as const, 2),
          scope: fc.constantFrom('mine' as const, 'all' as const),
          targets: fc.uniqueArray(target, { maxLength: 2, selector: (t) => JSON.stringify({ ...t, secretRef: 0 }) }),
        }),
      ),
    ),
  )
  .map((xs) => xs.filter((x) => x !== undefined))

const settings = fc.record({
  displayName: fc.constantFrom('', 'Shown', 'Other'),
  description: fc.constantFrom('one', 'two'),
  defaultPath: opt(fc.constantFrom('oss://b/p/', 'oss://b/q/')),
  designerPath: opt(fc.constantFrom('oss://b/d/')),
  quota: fc.constantFrom(5, 10),
  sls: fc.constantFrom({}, { project: 'p1', logstore: 'l1', modules: ['DLC' as const] }),
  switches: fc.record({ dlcContainerAccess: fc.boolean(), dswSsh: fc.boolean(), dswPublicAccess: fc.boolean() }),
  scheduling: fc.constantFrom({}, { timeouts: [{ kind: 'queue' as const, minutes: 30 }] }),
})

/** The areas a configuration is made of, each generated on its own so configurations can share some. */
const areas = fc.record({ settings, members, customRoles, resources, rules })
type AreaValues = typeof areas extends fc.Arbitrary<infer T> ? T : never

/**
 * A configuration whose members hold only custom roles it lists (M4), as the cloud's always are and a draft's
 * must be to be applied.
 */
function assemble(a: AreaValues): WorkspaceConfig {
  const s = a.settings
  const listed = new Set(a.customRoles.map((r) => r.roleId))
  const members = a.members.others.map((m) => {
    const roles = m.roles.filter((r) => !r.startsWith('role-') || listed.has(r))
    return { ...m, roles: roles.length > 0 ? roles : ['PAI.WorkspaceGuest'] }
  })
  const input = {
    basic: { name: 'ws_prop', displayName: s.displayName, description: s.description, mode: 'simple' },
    owner: { userId: OWNER },
    members: [...(a.members.withOwner ? [{ userId: OWNER, roles: ['PAI.WorkspaceOwner'] }] : []), ...members],
    customRoles: a.customRoles,
    resources: a.resources,
    notifications: { rules: a.rules, quota: s.quota },
    storage: { defaultPath: s.defaultPath, designerPath: s.designerPath },
    sls: s.sls,
    switches: s.switches,
    scheduling: s.scheduling,
  }
  return WorkspaceConfigSchema.parse(JSON.parse(JSON.stringify(input)))
}

const AREA_NAMES = ['settings', 'members', 'customRoles', 'resources', 'rules'] as const
/** Per area: all three differ, or two of them are the same (mine = base, cloud = base, mine = cloud). */
const SHARE = ['none', 'mineIsBase', 'cloudIsBase', 'mineIsCloud'] as const

/** A draft, its base and the cloud, as three configurations that share some areas and differ in others. */
export const tripleArb: fc.Arbitrary<{ mine: WorkspaceConfig; base: WorkspaceConfig; cloud: WorkspaceConfig }> = fc
  .record({
    base: areas,
    mine: areas,
    cloud: areas,
    share: fc.tuple(...AREA_NAMES.map(() => fc.constantFrom(...SHARE))),
  })
  .map(({ base, mine, cloud, share }) => {
    const m = { ...mine } as Record<string, unknown>
    const c = { ...cloud } as Record<string, unknown>
    const b = base as unknown as Record<string, unknown>
    AREA_NAMES.forEach((area, i) => {
      if (share[i] === 'mineIsBase') m[area] = b[area]
      if (share[i] === 'cloudIsBase') c[area] = b[area]
      if (share[i] === 'mineIsCloud') m[area] = c[area]
    })
    return {
      base: assemble(base),
      mine: assemble(m as AreaValues),
      cloud: assemble(c as AreaValues),
    }
  })
