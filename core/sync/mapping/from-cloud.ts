import {
  OWNER_ROLE,
  PermissionLevelSchema,
  RoleIdSchema,
  RoleModuleSchema,
  WorkspaceConfigSchema,
  modeOf,
  resourceKindOf,
  type CustomRole,
  type ForeignRule,
  type Member,
  type NotificationRule,
  type PassthroughConfig,
  type Resource,
  type ResourceSpec,
  type WorkspaceConfig,
} from '@shared/domain'
import type { EventRule, paiSchemas } from '../../cloud'
import type { CachedMemberInput } from '../../store/repos/members'
import { classifyRule } from './foreign'

type S = typeof paiSchemas
type Workspace = import('zod').infer<S['WorkspaceSchema']>
type CloudMember = import('zod').infer<S['MemberSchema']>
type CloudRole = import('zod').infer<S['WorkspaceRoleSchema']>
type CloudResource = import('zod').infer<S['ResourceSchema']>
type CloudConfig = import('zod').infer<S['ConfigSchema']>

/** Everything a refresh reads about one workspace, as the APIs answered it. */
export interface CloudSnapshot {
  workspace: Workspace
  members: CloudMember[]
  roles: CloudRole[]
  resources: CloudResource[]
  configs: CloudConfig[]
  /** The workspace's event bus `pai-system-<name>` and its rules (with targets); absent bus = no rules. */
  bus: { name: string; exists: boolean; rules: EventRule[] }
}

/**
 * The workspace default storage path (ST1): the config key `modelExportPath`, with no category, as Alibaba's
 * SDK reads and writes it (docs/pai-api-facts.md §1.5). Every other key is carried as it is (`passthrough.configs`).
 */
export const DEFAULT_STORAGE_KEY = 'modelExportPath'

/** The members the cloud lists, as the configuration holds them (a member with no role the app can spell is left out). */
export function membersFromCloud(list: readonly CloudMember[]): Member[] {
  return list.map(memberOf).filter((m) => m.roles.length > 0)
}

/** The member rows the cache keeps of a listing: every member, as the cloud lists it. */
export function memberRowsFromCloud(list: readonly CloudMember[]): CachedMemberInput[] {
  return list.map((m) => ({
    memberId: m.MemberId,
    userId: m.UserId,
    memberName: m.MemberName ?? null,
    displayName: m.DisplayName ?? null,
    accountName: m.AccountName ?? null,
    accountType: m.AccountType ?? null,
    roles: m.Roles,
    gmtCreate: m.GmtCreateTime ?? null,
  }))
}

function memberOf(m: CloudMember): Member {
  // Roles the app does not know are kept (read-only); only a spelling no role can have is left out.
  const roles = m.Roles.filter((r) => RoleIdSchema.safeParse(r).success)
  const out: Member = { userId: m.UserId, roles } as Member
  if (m.MemberName) out.userName = m.MemberName
  if (m.DisplayName) out.displayName = m.DisplayName
  return out
}

function customRoleOf(r: CloudRole): CustomRole {
  const permissions: CustomRole['permissions'] = {}
  const kept: Array<Record<string, unknown>> = []
  for (const mp of r.ModulePermissions) {
    const mod = RoleModuleSchema.safeParse(mp.ModuleName)
    const level = PermissionLevelSchema.safeParse(mp.PermissionType)
    const plain = Object.keys(mp).every((k) => k === 'ModuleName' || k === 'PermissionType')
    // Explicit permission points (CustomPermissions), an unknown module or level: kept as sent, read-only.
    if (mod.success && level.success && plain) permissions[mod.data] = level.data
    else kept.push(structuredClone(mp))
  }
  return { roleId: r.RoleId, name: r.RoleName, permissions, ...(kept.length ? { keptModules: kept } : {}) }
}

function resourceOf(r: CloudResource): Resource | undefined {
  // Type names are read ignoring case (ROS spells Flink `FLINK`).
  const kind = resourceKindOf(r.ResourceType ?? r.ProductType ?? '')
  const env = r.EnvType === 'dev' || r.EnvType === 'prod' ? r.EnvType : undefined
  if (!kind || !env) return undefined
  const spec: ResourceSpec = {}
  const s = r.Spec ?? {}
  const extra: Record<string, unknown> = {}
  const ct = s.clusterType
  if (ct === 'share' || ct === 'private' || ct === 'FullyManaged') spec.clusterType = ct
  if (typeof s.gpuType === 'string') spec.gpuType = s.gpuType
  const gc =
    typeof s.gpuCount === 'number' ? s.gpuCount : typeof s.gpuCount === 'string' ? Number(s.gpuCount) : undefined
  if (gc !== undefined && Number.isFinite(gc)) spec.gpuCount = gc
  // Whatever the domain cannot hold exactly stays as the cloud spells it (read-only, never sent).
  for (const [k, v] of Object.entries(s)) {
    const held =
      (k === 'clusterType' && spec.clusterType === v) ||
      (k === 'gpuType' && spec.gpuType === v) ||
      (k === 'gpuCount' && spec.gpuCount !== undefined && (v === spec.gpuCount || v === String(spec.gpuCount)))
    if (!held) extra[k] = v
  }
  const q = r.Quotas?.[0]?.Id
  if (q) spec.quotaId = q
  const out: Resource = { kind, envType: env, name: r.Name, resourceId: r.Id, isDefault: r.IsDefault ?? false }
  if (r.GroupName) out.groupName = r.GroupName
  if (Object.keys(spec).length > 0) out.spec = spec
  if (Object.keys(extra).length > 0) out.extraSpec = extra
  return out
}

/**
 * The domain configuration the cloud holds. Settings with no API (SLS forwarding, switches G1-G3,
 * scheduling, the Designer path, the target quota: docs/pai-api-facts.md §8) cannot be read: they get their
 * defaults here, and the sync service lays over them what the user confirmed doing in the console.
 */
export function configFromCloud(s: CloudSnapshot): WorkspaceConfig {
  const w = s.workspace
  const ownerMember = s.members.find((m) => m.Roles.includes(OWNER_ROLE))
  const owner: NonNullable<WorkspaceConfig['owner']> = {}
  const ownerId = w.Owner?.UserId ?? ownerMember?.UserId ?? w.Creator
  if (ownerId) owner.userId = ownerId
  const ownerName = w.Owner?.UserName ?? ownerMember?.MemberName
  if (ownerName) owner.userName = ownerName
  if (w.Owner?.DisplayName) owner.displayName = w.Owner.DisplayName

  const rules: NotificationRule[] = []
  const foreignRules: ForeignRule[] = []
  for (const r of s.bus.rules) {
    const got = classifyRule(r)
    if ('managed' in got) rules.push(got.managed)
    else foreignRules.push(got.foreign)
  }
  const storage = s.configs.find((c) => c.ConfigKey === DEFAULT_STORAGE_KEY)
  const storagePath = storage?.ConfigValue
  const passthrough: PassthroughConfig[] = []
  for (const c of s.configs) {
    if (c === storage) continue
    const p: PassthroughConfig = { key: c.ConfigKey, value: c.ConfigValue }
    if (c.CategoryName) p.category = c.CategoryName
    passthrough.push(p)
  }
  const basic: WorkspaceConfig['basic'] = {
    name: w.WorkspaceName,
    displayName: w.DisplayName ?? '',
    description: w.Description ?? '',
    mode: modeOf(w.EnvTypes) ?? 'simple',
  }
  if (w.ResourceGroupId) basic.resourceGroupId = w.ResourceGroupId
  return WorkspaceConfigSchema.parse({
    basic,
    owner: Object.keys(owner).length > 0 ? owner : undefined,
    members: membersFromCloud(s.members),
    customRoles: s.roles.map(customRoleOf),
    resources: s.resources.map(resourceOf).filter((r): r is Resource => r !== undefined),
    notifications: { rules, foreignRules },
    storage: storagePath ? { defaultPath: storagePath } : {},
    passthrough: { configs: passthrough },
  })
}
