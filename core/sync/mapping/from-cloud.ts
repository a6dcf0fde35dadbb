import {
  OWNER_ROLE,
  PermissionLevelSchema,
  RoleModuleSchema,
  WorkspaceConfigSchema,
  modeOf,
  resourceKindOf,
  type CustomRole,
  type Member,
  type NotificationRule,
  type Resource,
  type ResourceSpec,
  type WorkspaceConfig,
} from '@shared/domain'
import type { EventRule, paiSchemas } from '../../cloud'
import { ruleOf } from './events'

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

export const TEMP_STORAGE_KEY = 'tempStoragePath'

function memberOf(m: CloudMember): Member {
  const out: Member = { userId: m.UserId, roles: m.Roles.length > 0 ? [...m.Roles] : [] } as Member
  if (m.MemberName) out.userName = m.MemberName
  if (m.DisplayName) out.displayName = m.DisplayName
  return out
}

function customRoleOf(r: CloudRole): CustomRole {
  const permissions: CustomRole['permissions'] = {}
  for (const mp of r.ModulePermissions) {
    const mod = RoleModuleSchema.safeParse(mp.ModuleName)
    const level = PermissionLevelSchema.safeParse(mp.PermissionType)
    // CustomPermissions (explicit permission points) is not modelled; such modules are left out.
    if (mod.success && level.success) permissions[mod.data] = level.data
  }
  return { roleId: r.RoleId, name: r.RoleName, permissions }
}

function resourceOf(r: CloudResource): Resource | undefined {
  const kind = resourceKindOf(r.ResourceType ?? r.ProductType ?? '')
  const env = r.EnvType === 'dev' || r.EnvType === 'prod' ? r.EnvType : undefined
  if (!kind || !env) return undefined
  const spec: ResourceSpec = {}
  const s = r.Spec ?? {}
  const ct = s.clusterType
  if (ct === 'share' || ct === 'private' || ct === 'FullyManaged') spec.clusterType = ct
  if (typeof s.gpuType === 'string') spec.gpuType = s.gpuType
  const gc =
    typeof s.gpuCount === 'number' ? s.gpuCount : typeof s.gpuCount === 'string' ? Number(s.gpuCount) : undefined
  if (gc !== undefined && Number.isFinite(gc)) spec.gpuCount = gc
  const q = r.Quotas?.[0]?.Id
  if (q) spec.quotaId = q
  const out: Resource = { kind, envType: env, name: r.Name, resourceId: r.Id, isDefault: r.IsDefault ?? false }
  if (r.GroupName) out.groupName = r.GroupName
  if (Object.keys(spec).length > 0) out.spec = spec
  return out
}

/**
 * The domain configuration the cloud holds. Settings with no API (SLS forwarding, switches G1-G3,
 * scheduling, the Designer path, the target quota: docs/pai-api-facts.md §8) cannot be read: they get their
 * defaults here, and the sync service lays over them what the user confirmed doing in the console.
 */
export function configFromCloud(s: CloudSnapshot): WorkspaceConfig {
  const w = s.workspace
  const members = s.members.map(memberOf)
  const ownerMember = s.members.find((m) => m.Roles.includes(OWNER_ROLE))
  const owner: NonNullable<WorkspaceConfig['owner']> = {}
  const ownerId = w.Owner?.UserId ?? ownerMember?.UserId ?? w.Creator
  if (ownerId) owner.userId = ownerId
  const ownerName = w.Owner?.UserName ?? ownerMember?.MemberName
  if (ownerName) owner.userName = ownerName
  if (w.Owner?.DisplayName) owner.displayName = w.Owner.DisplayName

  const rules: NotificationRule[] = s.bus.rules.map((r) => ruleOf(r))
  const storagePath = s.configs.find((c) => c.ConfigKey === TEMP_STORAGE_KEY)?.ConfigValue
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
    members: members.filter((m) => m.roles.length > 0),
    customRoles: s.roles.map(customRoleOf),
    resources: s.resources.map(resourceOf).filter((r): r is Resource => r !== undefined),
    notifications: { rules },
    storage: storagePath ? { defaultPath: storagePath } : {},
  })
}
