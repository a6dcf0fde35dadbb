import fc from 'fast-check'
import {
  BUILTIN_ROLE_IDS,
  CLUSTER_TYPES,
  ENV_TYPES,
  EVENT_TYPES,
  PERMISSION_LEVELS,
  RESOURCE_KINDS,
  ROLE_MODULES,
  SLS_MODULES,
  TIMEOUT_KINDS,
  WORKSPACE_MODES,
  WorkspaceConfigSchema,
  type WorkspaceConfig,
} from '@shared/domain'

/**
 * Generated workspace configurations over the domain schema: every area, every field kind (optional
 * fields present or absent, unicode text, numbers, records, unions). Shape-valid; rules may be broken.
 */

const text = fc.string({ unit: 'grapheme', maxLength: 12 })
const id = fc.stringMatching(/^[A-Za-z0-9_]{1,10}$/)
const num = fc.oneof(
  fc.integer({ min: -5, max: 2000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
)
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined })
const pick = <T extends readonly string[]>(xs: T) => fc.constantFrom(...xs)

const member = fc.record(
  {
    userId: id,
    userName: opt(text),
    displayName: opt(text),
    roles: fc.array(
      fc.oneof(
        pick(BUILTIN_ROLE_IDS),
        id.map((s) => `role-${s}`),
      ),
      { minLength: 1, maxLength: 3 },
    ),
  },
  { requiredKeys: ['userId', 'roles'] },
)
const customRole = fc.record(
  {
    roleId: id.map((s) => `role-${s}`),
    name: id,
    description: text,
    permissions: fc.dictionary(pick(ROLE_MODULES), pick(PERMISSION_LEVELS), { maxKeys: 4 }),
  },
  { requiredKeys: ['name', 'permissions'] },
)
const resource = fc.record(
  {
    kind: pick(RESOURCE_KINDS),
    envType: pick(ENV_TYPES),
    name: id,
    resourceId: id,
    groupName: text,
    spec: fc.record(
      { gpuCount: num, gpuType: text, clusterType: pick(CLUSTER_TYPES), quotaId: id },
      { requiredKeys: [] },
    ),
    isDefault: fc.boolean(),
  },
  { requiredKeys: ['kind', 'envType', 'name', 'isDefault'] },
)
const limit = fc.record({
  subjectType: fc.constantFrom('role' as const, 'member' as const),
  subjectId: id,
  maxPriority: num,
})
const target = fc.oneof(
  fc.record(
    { type: fc.constant('dingtalk' as const), webhook: text, secretRef: opt(id) },
    { requiredKeys: ['type', 'webhook'] },
  ),
  fc.record({ type: fc.constant('http' as const), url: text }),
  fc.record({
    type: fc.constantFrom('voice' as const, 'sms' as const, 'email' as const),
    contacts: fc.array(text, { maxLength: 3 }),
  }),
)
const rule = fc.record({
  name: id,
  enabled: fc.boolean(),
  eventTypes: fc.array(pick(EVENT_TYPES), { maxLength: 3 }),
  scope: fc.constantFrom('mine' as const, 'all' as const),
  targets: fc.array(target, { maxLength: 3 }),
})

export const configArb: fc.Arbitrary<WorkspaceConfig> = fc
  .record({
    basic: fc.record({
      name: id,
      displayName: text,
      description: text,
      mode: pick(WORKSPACE_MODES),
      resourceGroupId: opt(id),
    }),
    owner: opt(fc.record({ userId: id, userName: text, displayName: text }, { requiredKeys: [] })),
    members: fc.array(member, { maxLength: 6 }),
    customRoles: fc.array(customRole, { maxLength: 3 }),
    resources: fc.array(resource, { maxLength: 3 }),
    scheduling: fc.record({
      maxRuntimeMinutes: opt(num),
      allowPublicResources: fc.boolean(),
      jobPriorityLimits: fc.array(limit, { maxLength: 3 }),
      instancePriorityLimits: fc.array(limit, { maxLength: 3 }),
      nonMembers: fc.record(
        { allowed: fc.boolean(), maxJobPriority: num, maxInstancePriority: num, maxRuntimeMinutes: num },
        { requiredKeys: ['allowed'] },
      ),
      timeouts: fc.array(fc.record({ kind: pick(TIMEOUT_KINDS), minutes: num, enabled: fc.boolean() }), {
        maxLength: 3,
      }),
    }),
    notifications: fc.record({ rules: fc.array(rule, { maxLength: 3 }), quota: num }),
    storage: fc.record({ defaultPath: text, designerPath: text }, { requiredKeys: [] }),
    sls: fc.record({ project: opt(text), logstore: opt(text), modules: fc.array(pick(SLS_MODULES), { maxLength: 2 }) }),
    switches: fc.record({ dlcContainerAccess: fc.boolean(), dswSsh: fc.boolean(), dswPublicAccess: fc.boolean() }),
  })
  .map((c) => {
    // fc.option gives explicit `undefined` keys: drop them, as a parsed configuration has none.
    const clean = JSON.parse(JSON.stringify(c)) as unknown
    return WorkspaceConfigSchema.parse(clean)
  })
