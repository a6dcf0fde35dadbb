import {
  OWNER_ROLE,
  RESOURCE_TYPE_OF_KIND,
  WorkspaceConfigSchema,
  canModify,
  customRoleKey,
  envTypesOf,
  eventBusName,
  memberKey,
  notificationRuleKey,
  notificationTargetKey,
  resourceKey,
  type CustomRole,
  type Identity,
  type Member,
  type NotificationRule,
  type NotificationTarget,
  type Resource,
  type WorkspaceConfig,
} from '@shared/domain'
import type { ConflictField, PlanAction } from '@shared/ipc/channels/sync'
import { filterPatternOf, targetIdOf } from '../mapping/events'
import { TEMP_STORAGE_KEY } from '../mapping/from-cloud'
import { OP_API, customRoleRef, type OpKind, type OpPayload } from '../ops/payloads'
import { consoleSteps, type ManualTopic } from './manual'
import { byKey, merge3, mergeSet, same, seg, unionKeys, type Merge } from './merge'

export interface PlanInput {
  region: string
  /** The draft (mine). */
  draft: WorkspaceConfig
  /** The cloud snapshot the draft was based on; null for a workspace not created yet. */
  base: WorkspaceConfig | null
  /** The cloud as cached now; null when the workspace does not exist yet (it will be created). */
  cloud: WorkspaceConfig | null
  workspaceId: string | undefined
  identity: Identity
  /** The identity's roles in this workspace (from the cache). */
  identityRoles: string[]
  /** Settings with no API that the user confirmed doing in the console (laid over the cloud state). */
  manualOverlay?: ManualOverlay
}

/** What the user did in the console (`sync.markManualDone`): the cloud cannot be asked about these. */
export interface ManualOverlay {
  sls?: WorkspaceConfig['sls']
  switches?: Partial<WorkspaceConfig['switches']>
  scheduling?: WorkspaceConfig['scheduling']
  designerPath?: string | null
  quota?: number
  resourceGroupId?: string
}

export function withOverlay(c: WorkspaceConfig, o: ManualOverlay | undefined): WorkspaceConfig {
  if (!o) return c
  const out: WorkspaceConfig = {
    ...c,
    switches: { ...c.switches, ...(o.switches ?? {}) },
    storage: { ...c.storage },
    notifications: { ...c.notifications },
    basic: { ...c.basic },
  }
  if (o.sls) out.sls = o.sls
  if (o.scheduling) out.scheduling = o.scheduling
  if (o.designerPath !== undefined) {
    if (o.designerPath === null) delete out.storage.designerPath
    else out.storage.designerPath = o.designerPath
  }
  if (o.quota !== undefined) out.notifications.quota = o.quota
  if (o.resourceGroupId !== undefined) out.basic.resourceGroupId = o.resourceGroupId
  return out
}

/**
 * A new workspace's base: nothing existed. Basic information is the draft's (it goes into
 * CreateWorkspace), every list is empty, every setting has its default.
 */
export function emptyBase(draft: WorkspaceConfig): WorkspaceConfig {
  return WorkspaceConfigSchema.parse({ basic: draft.basic })
}

type Area = PlanAction['area']

class Actions {
  readonly list: PlanAction[] = []
  private readonly ids = new Set<string>()
  constructor(readonly rootDeps: string[]) {}

  push(a: Omit<PlanAction, 'dependsOn'> & { dependsOn?: string[] }): string {
    let id = a.id
    for (let n = 2; this.ids.has(id); n++) id = `${a.id}#${n}`
    this.ids.add(id)
    this.list.push({
      ...a,
      id,
      dependsOn: [...new Set([...this.rootDeps.filter((d) => d !== id), ...(a.dependsOn ?? [])])],
    })
    return id
  }

  apply<K extends OpKind>(
    area: Area,
    target: string,
    verb: string,
    kind: K,
    payload: OpPayload<K>,
    dependsOn: string[] = [],
  ): string {
    return this.push({
      id: `${area}:${target}:${verb}`,
      kind: 'apply',
      area,
      target,
      verb,
      api: OP_API[kind],
      op: { kind, payload },
      dependsOn,
    })
  }

  refused(
    area: Area,
    target: string,
    verb: string,
    ruleId: string,
    code: string,
    params: Record<string, unknown>,
  ): string {
    return this.push({ id: `${area}:${target}:${verb}`, kind: 'refused', area, target, verb, ruleId, code, params })
  }

  conflict(area: Area, target: string, fields: ConflictField[]): string {
    return this.push({
      id: `${area}:${target}:conflict`,
      kind: 'conflict',
      area,
      target,
      verb: 'conflict',
      conflict: fields,
      code: 'SYNC_CONFLICT',
      params: { target },
    })
  }
}

const conflictOf = (path: string, m: Merge<unknown>): ConflictField[] =>
  m.kind === 'conflict' ? [{ path, base: m.base ?? null, mine: m.mine, cloud: m.cloud }] : []

/** A member's roles with custom role IDs replaced by `name:<role name>` (IDs differ between draft and cloud). */
function rolesOf(config: WorkspaceConfig, m: Member): string[] {
  const names = new Map(config.customRoles.filter((r) => r.roleId).map((r) => [r.roleId as string, r.name]))
  return m.roles.map((r) => (names.has(r) ? customRoleRef(names.get(r) as string) : r)).sort()
}

function permsOf(r: CustomRole): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(r.permissions)) if (v && v !== 'NoPrivilege') out[k] = v
  return out
}

function modulePermissions(perms: Record<string, string>): OpPayload<'role.create'>['ModulePermissions'] {
  return Object.entries(perms)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([ModuleName, PermissionType]) => ({ ModuleName, PermissionType: PermissionType as 'ReadOnly' }))
}

function specOf(r: Resource): Record<string, unknown> | undefined {
  const s: Record<string, unknown> = {}
  if (r.spec?.clusterType) s.clusterType = r.spec.clusterType
  if (r.spec?.gpuType) s.gpuType = r.spec.gpuType
  if (r.spec?.gpuCount !== undefined) s.gpuCount = r.spec.gpuCount
  return Object.keys(s).length > 0 ? s : undefined
}

const ruleFields = (r: NotificationRule): { enabled: boolean; eventTypes: string[]; scope: string } => ({
  enabled: r.enabled,
  eventTypes: [...r.eventTypes].sort(),
  scope: r.scope,
})

/** Targets by natural key, with the DingTalk secret reference left out of the comparison (the cloud cannot tell it). */
const targetsByKey = (r: NotificationRule | undefined): Map<string, NotificationTarget> =>
  byKey(r?.targets ?? [], notificationTargetKey)

/**
 * The plan: a three-way comparison of the draft, its base and the cached cloud state, as ordered
 * actions (workspace; custom roles before the members that use them; members, resources, configs;
 * the event bus before rules before targets). Pure: works offline against the cache.
 */
export function buildPlan(input: PlanInput): PlanAction[] {
  const mine = input.draft
  const creating = input.cloud === null
  const base = input.base ?? emptyBase(mine)
  const cloud = withOverlay(input.cloud ?? emptyBase(mine), input.manualOverlay)
  const wsName = creating ? mine.basic.name : cloud.basic.name
  const root = new Actions([])

  // ---- the workspace
  let wsAction: string | undefined
  if (creating) {
    const payload: OpPayload<'workspace.create'> = {
      input: {
        WorkspaceName: mine.basic.name,
        Description: mine.basic.description,
        EnvTypes: envTypesOf(mine.basic.mode),
      },
    }
    if (mine.basic.displayName) payload.input.DisplayName = mine.basic.displayName
    if (mine.basic.resourceGroupId) payload.input.ResourceGroupId = mine.basic.resourceGroupId
    wsAction = root.apply('workspace', mine.basic.name, 'create', 'workspace.create', payload)
  } else {
    if (mine.basic.name !== cloud.basic.name)
      root.refused('workspace', cloud.basic.name, 'rename', 'W1', 'DOMAIN_NAME_IMMUTABLE', {
        previous: cloud.basic.name,
      })
    if (mine.basic.mode !== cloud.basic.mode)
      root.refused('workspace', cloud.basic.name, 'changeMode', 'W1', 'DOMAIN_MODE_IMMUTABLE', {
        previous: cloud.basic.mode,
      })
    const dn = (c: WorkspaceConfig): string => c.basic.displayName || c.basic.name
    const mDn = merge3(dn(base), dn(mine), dn(cloud))
    const mDesc = merge3(base.basic.description, mine.basic.description, cloud.basic.description)
    const upd: OpPayload<'workspace.update'> = {}
    if (mDn.kind === 'apply') upd.DisplayName = mDn.value
    if (mDesc.kind === 'apply') upd.Description = mDesc.value
    if (upd.DisplayName !== undefined || upd.Description !== undefined)
      root.apply('workspace', wsName, 'update', 'workspace.update', upd)
    const conflicts = [...conflictOf('/basic/displayName', mDn), ...conflictOf('/basic/description', mDesc)]
    if (mine.basic.resourceGroupId) {
      const mRg = merge3(base.basic.resourceGroupId, mine.basic.resourceGroupId, cloud.basic.resourceGroupId)
      conflicts.push(...conflictOf('/basic/resourceGroupId', mRg))
      if (mRg.kind === 'apply')
        manual(root, input, wsName, 'workspace', 'resourceGroup', 'resourceGroup', mine.basic.resourceGroupId)
    }
    if (conflicts.length) root.conflict('workspace', wsName, conflicts)
  }
  const a = new Actions(wsAction ? [wsAction] : [])

  // ---- custom roles (before members that use them)
  const roleActs = new Map<string, string>()
  const roleDeletes: Array<{ name: string }> = []
  {
    const b = byKey(base.customRoles, customRoleKey)
    const m = byKey(mine.customRoles, customRoleKey)
    const c = byKey(cloud.customRoles, customRoleKey)
    for (const k of unionKeys(b, m, c)) {
      const [bi, mi, ci] = [b.get(k), m.get(k), c.get(k)]
      if (mi && !ci) {
        if (!bi)
          roleActs.set(
            k,
            a.apply('customRole', k, 'create', 'role.create', {
              RoleName: k,
              ModulePermissions: modulePermissions(permsOf(mi)),
            }),
          )
        else if (!same(permsOf(mi), permsOf(bi)))
          a.conflict('customRole', k, [{ path: `/customRoles/${seg(k)}`, base: bi, mine: mi, cloud: null }])
      } else if (!mi && ci) {
        if (bi && same(permsOf(bi), permsOf(ci))) roleDeletes.push({ name: k })
        else if (bi) a.conflict('customRole', k, [{ path: `/customRoles/${seg(k)}`, base: bi, mine: null, cloud: ci }])
      } else if (mi && ci) {
        const bp = bi ? permsOf(bi) : {}
        const mp = permsOf(mi)
        const cp = permsOf(ci)
        const merged: Record<string, string> = { ...cp }
        const conflicts: ConflictField[] = []
        let changed = false
        for (const mod of unionKeys(
          new Map(Object.entries(bp)),
          new Map(Object.entries(mp)),
          new Map(Object.entries(cp)),
        )) {
          const r = merge3(
            bi ? (bp[mod] ?? 'NoPrivilege') : undefined,
            mp[mod] ?? 'NoPrivilege',
            cp[mod] ?? 'NoPrivilege',
          )
          if (r.kind === 'apply') {
            changed = true
            if (r.value === 'NoPrivilege') delete merged[mod]
            else merged[mod] = r.value
          }
          conflicts.push(...conflictOf(`/customRoles/${seg(k)}/permissions/${seg(mod)}`, r))
        }
        if (changed)
          roleActs.set(
            k,
            a.apply('customRole', k, 'update', 'role.update', {
              RoleName: k,
              ModulePermissions: modulePermissions(merged),
            }),
          )
        if (conflicts.length) a.conflict('customRole', k, conflicts)
      }
    }
  }

  // ---- members
  const memberActs: string[] = []
  {
    const b = byKey(base.members, memberKey)
    const m = byKey(mine.members, memberKey)
    const c = byKey(cloud.members, memberKey)
    const ownerId = cloud.owner?.userId ?? base.owner?.userId
    const isOwner = (k: string, x?: Member): boolean => k === ownerId || (x?.roles.includes(OWNER_ROLE) ?? false)
    const roleDeps = (roles: string[]): string[] =>
      roles
        .filter((r) => r.startsWith('name:'))
        .map((r) => roleActs.get(r.slice(5)))
        .filter((x): x is string => x !== undefined)
    for (const k of unionKeys(b, m, c)) {
      const [bi, mi, ci] = [b.get(k), m.get(k), c.get(k)]
      if (mi && !ci) {
        if (!bi) {
          const roles = rolesOf(mine, mi).filter((r) => r !== OWNER_ROLE)
          if (roles.length === 0) a.refused('member', k, 'create', 'M5', 'DOMAIN_MEMBER_NO_ROLE', { userId: k })
          else
            memberActs.push(
              a.apply('member', k, 'create', 'member.create', { UserId: k, Roles: roles }, roleDeps(roles)),
            )
        } else if (!same(rolesOf(mine, mi), rolesOf(base, bi))) {
          a.conflict('member', k, [{ path: `/members/${seg(k)}`, base: bi, mine: mi, cloud: null }])
        }
      } else if (!mi && ci) {
        if (!bi) continue // added in the cloud since the base (or the owner of a new workspace): keep it
        if (isOwner(k, ci) || isOwner(k, bi)) {
          a.refused('member', k, 'delete', 'M6', 'DOMAIN_OWNER_REMOVED', { userId: k })
        } else if (same(rolesOf(base, bi), rolesOf(cloud, ci))) {
          memberActs.push(a.apply('member', k, 'delete', 'member.delete', { UserId: k }))
        } else {
          a.conflict('member', k, [{ path: `/members/${seg(k)}`, base: bi, mine: null, cloud: ci }])
        }
      } else if (mi && ci) {
        const br = bi ? rolesOf(base, bi) : undefined
        const mr = rolesOf(mine, mi)
        const cr = rolesOf(cloud, ci)
        const set = mergeSet(br, mr, cr)
        const adds = set.add.filter((r) => r !== OWNER_ROLE)
        const removes = set.remove.filter((r) => r !== OWNER_ROLE)
        if (set.remove.includes(OWNER_ROLE))
          a.refused('member', k, 'removeRole:' + OWNER_ROLE, 'M6', 'DOMAIN_OWNER_ROLE_REMOVED', { userId: k })
        if (set.add.includes(OWNER_ROLE) && !cr.includes(OWNER_ROLE))
          a.refused('member', k, 'addRole:' + OWNER_ROLE, 'M6', 'DOMAIN_OWNER_ROLE_GRANTED', { userId: k })
        if (set.result.length === 0) {
          a.refused('member', k, 'roles', 'M5', 'DOMAIN_MEMBER_NO_ROLE', { userId: k })
          continue
        }
        const addIds = adds.map((r) =>
          a.apply('member', k, `addRole:${r}`, 'member.addRole', { UserId: k, Role: r }, roleDeps([r])),
        )
        memberActs.push(...addIds)
        // M5: roles are added before any is removed, so the member never holds none.
        for (const r of removes)
          memberActs.push(a.apply('member', k, `removeRole:${r}`, 'member.removeRole', { UserId: k, Role: r }, addIds))
      }
    }
  }
  for (const r of roleDeletes) a.apply('customRole', r.name, 'delete', 'role.delete', { RoleName: r.name }, memberActs)

  // ---- compute resources (C2: never disassociated)
  {
    const b = byKey(base.resources, resourceKey)
    const m = byKey(mine.resources, resourceKey)
    const c = byKey(cloud.resources, resourceKey)
    for (const k of unionKeys(b, m, c)) {
      const [bi, mi, ci] = [b.get(k), m.get(k), c.get(k)]
      if (mi && !ci) {
        if (bi) continue // gone from the cloud (detached by the business manager): nothing to send
        const res: OpPayload<'resource.create'>['Resource'] = {
          Name: mi.name,
          EnvType: mi.envType,
          ResourceType: RESOURCE_TYPE_OF_KIND[mi.kind],
        }
        // GroupName is required for every type but MaxCompute (pai-api.md §1.4): the resource's own name by default.
        if (mi.groupName) res.GroupName = mi.groupName
        else if (mi.kind !== 'maxcompute') res.GroupName = mi.name
        if (mi.isDefault) res.IsDefault = true
        if (mi.spec?.quotaId) res.Quotas = [{ Id: mi.spec.quotaId }]
        const spec = specOf(mi)
        if (spec) res.Spec = spec
        a.apply('resource', k, 'create', 'resource.create', { Resource: res })
      } else if (!mi && ci) {
        if (bi || !creating)
          a.refused('resource', k, 'detach', 'C2', 'DOMAIN_RESOURCE_DETACH_REFUSED', {
            name: ci.name,
            kind: ci.kind,
            envType: ci.envType,
          })
      } else if (mi && ci) {
        const mDef = merge3(bi?.isDefault, mi.isDefault, ci.isDefault)
        const mSpec = merge3(bi ? specOf(bi) : undefined, specOf(mi), specOf(ci))
        const upd: OpPayload<'resource.update'> = {
          Name: mi.name,
          EnvType: mi.envType,
          ResourceType: RESOURCE_TYPE_OF_KIND[mi.kind],
        }
        let changed = false
        if (mDef.kind === 'apply') {
          if (mDef.value) {
            upd.IsDefault = true
            changed = true
          } else {
            // UpdateWorkspaceResource only accepts IsDefault=true: making another resource the default unsets this one.
          }
        }
        if (mSpec.kind === 'apply' && mSpec.value) {
          upd.Spec = mSpec.value
          changed = true
        }
        if (changed) a.apply('resource', k, 'update', 'resource.update', upd)
        const conflicts = [
          ...conflictOf(`/resources/${seg(k)}/isDefault`, mDef),
          ...conflictOf(`/resources/${seg(k)}/spec`, mSpec),
        ]
        if (conflicts.length) a.conflict('resource', k, conflicts)
      }
    }
  }

  // ---- storage (ST1 via UpdateConfigs; ST2 Designer path is console only)
  {
    const r = merge3(base.storage.defaultPath, mine.storage.defaultPath, cloud.storage.defaultPath)
    if (r.kind === 'apply')
      a.apply('config', TEMP_STORAGE_KEY, 'update', 'config.update', {
        Configs: [{ ConfigKey: TEMP_STORAGE_KEY, ConfigValue: r.value ?? '', CategoryName: 'CommonResourceConfig' }],
      })
    if (r.kind === 'conflict') a.conflict('config', TEMP_STORAGE_KEY, conflictOf('/storage/defaultPath', r))
    const d = merge3(base.storage.designerPath, mine.storage.designerPath, cloud.storage.designerPath)
    if (d.kind === 'apply') manual(a, input, wsName, 'storage', 'designerPath', 'designerPath', d.value ?? '-')
  }

  // ---- event notifications: the bus, then rules, then targets
  {
    const busName = eventBusName(wsName)
    const b = byKey(base.notifications.rules, notificationRuleKey)
    const m = byKey(mine.notifications.rules, notificationRuleKey)
    const c = byKey(cloud.notifications.rules, notificationRuleKey)
    let busAction: string | undefined
    const ensureBus = (): string =>
      (busAction ??= a.apply('eventBus', busName, 'ensure', 'eventBus.ensure', { busName, workspaceName: wsName }))
    for (const k of unionKeys(b, m, c)) {
      const [bi, mi, ci] = [b.get(k), m.get(k), c.get(k)]
      const ruleRef = { busName, RuleName: k }
      let ruleAction: string | undefined
      if (mi && !ci) {
        if (bi) {
          if (
            !same(ruleFields(mi), ruleFields(bi)) ||
            !same([...targetsByKey(mi).keys()], [...targetsByKey(bi).keys()])
          )
            a.conflict('rule', k, [{ path: `/notifications/rules/${seg(k)}`, base: bi, mine: mi, cloud: null }])
          continue
        }
        ruleAction = a.apply(
          'rule',
          k,
          'create',
          'rule.create',
          { ...ruleRef, FilterPattern: filterPatternOf(mi), Status: mi.enabled ? 'ENABLE' : 'DISABLE' },
          [ensureBus()],
        )
      } else if (!mi && ci) {
        if (!bi) continue
        if (same(ruleFields(bi), ruleFields(ci))) a.apply('rule', k, 'delete', 'rule.delete', ruleRef)
        else a.conflict('rule', k, [{ path: `/notifications/rules/${seg(k)}`, base: bi, mine: null, cloud: ci }])
        continue
      } else if (mi && ci) {
        const fb = bi ? ruleFields(bi) : undefined
        const fm = ruleFields(mi)
        const fc = ruleFields(ci)
        const merged = { ...fc }
        const conflicts: ConflictField[] = []
        let changed = false
        for (const f of ['enabled', 'eventTypes', 'scope'] as const) {
          const r = merge3(fb?.[f], fm[f], fc[f])
          if (r.kind === 'apply') {
            changed = true
            ;(merged as Record<string, unknown>)[f] = r.value
          }
          conflicts.push(...conflictOf(`/notifications/rules/${seg(k)}/${f}`, r))
        }
        if (changed)
          ruleAction = a.apply('rule', k, 'update', 'rule.update', {
            ...ruleRef,
            FilterPattern: filterPatternOf({
              eventTypes: merged.eventTypes as NotificationRule['eventTypes'],
              scope: merged.scope as NotificationRule['scope'],
            }),
            Status: merged.enabled ? 'ENABLE' : 'DISABLE',
          })
        if (conflicts.length) a.conflict('rule', k, conflicts)
      } else continue
      // targets of a rule in the draft
      const tb = bi ? targetsByKey(bi) : undefined
      const tm = targetsByKey(mi)
      const tc = targetsByKey(ci)
      const set = mergeSet(tb ? [...tb.keys()] : undefined, [...tm.keys()], [...tc.keys()])
      const deps = ruleAction ? [ruleAction] : []
      if (set.add.length)
        a.apply(
          'targets',
          k,
          'put',
          'targets.put',
          { ...ruleRef, targets: set.add.map((t) => tm.get(t) as NotificationTarget) },
          deps,
        )
      if (set.remove.length)
        a.apply(
          'targets',
          k,
          'delete',
          'targets.delete',
          { ...ruleRef, ids: set.remove.map((t) => targetIdOf(tc.get(t) as NotificationTarget)) },
          deps,
        )
    }
    const q = merge3(base.notifications.quota, mine.notifications.quota, cloud.notifications.quota)
    if (q.kind === 'apply') manual(a, input, wsName, 'notifications', 'quota', 'targetQuota', String(q.value))
  }

  // ---- settings with no API: console steps
  {
    const s = merge3(base.sls, mine.sls, cloud.sls)
    if (s.kind === 'apply')
      manual(
        a,
        input,
        wsName,
        'sls',
        'forwarding',
        'sls',
        `${mine.sls.project ?? '-'} / ${mine.sls.logstore ?? '-'} (${mine.sls.modules.join(', ') || '-'})`,
      )
    if (s.kind === 'conflict') a.conflict('sls', 'forwarding', conflictOf('/sls', s))
    for (const sw of ['dlcContainerAccess', 'dswSsh', 'dswPublicAccess'] as const) {
      const r = merge3(base.switches[sw], mine.switches[sw], cloud.switches[sw])
      if (r.kind === 'apply') manual(a, input, wsName, 'switches', sw, sw, r.value ? 'on / 开启' : 'off / 关闭')
    }
    const sc = merge3(base.scheduling, mine.scheduling, cloud.scheduling)
    if (sc.kind === 'apply')
      manual(a, input, wsName, 'scheduling', 'policies', 'scheduling', schedulingSummary(mine, cloud))
    if (sc.kind === 'conflict') a.conflict('scheduling', 'policies', conflictOf('/scheduling', sc))
  }

  const actions = [...root.list, ...a.list]
  // A1-A3: who may modify (offline, from the cache). A refusal turns every call into a refused action.
  const decision = canModify({ identity: input.identity, identityRoles: input.identityRoles }, { creating })
  if (!decision.allowed) {
    return actions.map((x) =>
      x.kind === 'apply'
        ? {
            ...x,
            kind: 'refused' as const,
            op: undefined,
            ruleId: decision.ruleId,
            code: decision.code,
            params: { ...(decision.params ?? {}) },
          }
        : x,
    )
  }
  return actions
}

function manual(
  acts: Actions,
  input: PlanInput,
  wsName: string,
  area: Area,
  target: string,
  topic: ManualTopic,
  value: string,
): void {
  const ctx: Parameters<typeof consoleSteps>[1] = { region: input.region, workspaceName: wsName, value }
  if (input.workspaceId) ctx.workspaceId = input.workspaceId
  acts.push({
    id: `${area}:${target}:manual`,
    kind: 'manual',
    area,
    target,
    verb: 'manual',
    code: 'SYNC_MANUAL_STEP',
    params: { topic },
    console: consoleSteps(topic, ctx),
  })
}

function schedulingSummary(mine: WorkspaceConfig, cloud: WorkspaceConfig): string {
  const parts: string[] = []
  const m = mine.scheduling
  const c = cloud.scheduling
  for (const k of Object.keys(m) as Array<keyof typeof m>)
    if (!same(m[k], c[k])) parts.push(`${k} = ${JSON.stringify(m[k])}`)
  return parts.join('; ')
}
