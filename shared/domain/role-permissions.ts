import { BUILTIN_ROLE_IDS, ROLE_MODULES, type BuiltinRoleId, type PermissionLevel, type RoleModule } from './enums'
import type { CustomRole } from './model'

/**
 * M7: the role-to-permission-point mapping [角色与权限点的映射关系].
 *
 * The levels of the built-in roles are derived from the console's role descriptions (M2, M3); the
 * official per-point appendix was not available offline, so the points listed are those named in
 * docs/pai-api-facts.md §3.3. A level grants the points of its own tier and every lower tier:
 * ReadOnly = view own and public resources; ReadWrite = also edit and run own resources;
 * FullAccess = manage every resource of the module.
 */

export type PointTier = 'read' | 'write' | 'manage'

/** Known permission points per module and tier (docs/pai-api-facts.md §3.3); modules without known points have none listed. */
export const MODULE_PERMISSION_POINTS: Record<RoleModule, Partial<Record<PointTier, readonly string[]>>> = {
  PaiDesigner: {},
  Paiflow: {},
  DSW: {
    read: ['PaiDSW:ListInstances'],
    write: [
      'PaiDSW:CreatePostPaidInstance',
      'PaiDSW:StartInstance',
      'PaiDSW:StopInstance',
      'PaiDSW:OpenInstance',
      'PaiDSW:GetToken',
      'PaiDSW:CreateIdleInstanceCuller',
    ],
    manage: ['PaiDSW:ListAllInstances'],
  },
  DLC: {
    read: ['PaiDLC:GetJob', 'PaiDLC:ListJobs', 'PaiDLC:GetTensorboard'],
    write: ['PaiDLC:CreateJob', 'PaiDLC:StopJob', 'PaiDLC:GetWebTerminal', 'PaiDLC:CheckWebTerminalToken'],
    manage: ['PaiDLC:UpdateJob'],
  },
  Dataset: {},
  Model: {},
  Image: {},
  CodeSource: {},
  'PaiWorkspace@@Workspace': {
    read: ['PaiWorkspace:GetWorkspace', 'PaiWorkspace:ListOperationLogs', 'PaiWorkspace:ListPermissions'],
    manage: ['PaiWorkspace:UpdateWorkspace'],
  },
  'PaiWorkspace@@MemberRole': {
    read: [
      'PaiWorkspace:ListMembers',
      'PaiWorkspace:GetMember',
      'PaiWorkspace:ListWorkspaceUsers',
      'PaiWorkspace:ListWorkspaceRoles',
      'PaiWorkspace:GetWorkspaceRole',
    ],
    manage: [
      'PaiWorkspace:CreateMember',
      'PaiWorkspace:DeleteMembers',
      'PaiWorkspace:AddMemberRole',
      'PaiWorkspace:RemoveMemberRole',
      'PaiWorkspace:AddWorkspaceRole',
      'PaiWorkspace:RemoveWorkspaceRole',
      'PaiWorkspace:UpdateWorkspaceRole',
    ],
  },
  'PaiWorkspace@@Resource': {
    read: ['PaiWorkspace:ListResources', 'PaiWorkspace:GetResource'],
    manage: [
      'PaiWorkspace:CreateWorkspaceResource',
      'PaiWorkspace:DeleteWorkspaceResource',
      'PaiWorkspace:UpdateWorkspaceResource',
      'PaiWorkspace:AddWorkspaceQuota',
      'PaiWorkspace:RemoveWorkspaceQuota',
    ],
  },
  'PaiWorkspace@@Config': {
    read: ['PaiWorkspace:ListConfigs'],
    manage: ['PaiWorkspace:UpdateConfigs', 'PaiWorkspace:DeleteConfig'],
  },
  ArtLab: {},
}

const WORKSPACE_MODULES: RoleModule[] = [
  'PaiWorkspace@@Workspace',
  'PaiWorkspace@@MemberRole',
  'PaiWorkspace@@Resource',
  'PaiWorkspace@@Config',
]
const DEV_MODULES: RoleModule[] = [
  'PaiDesigner',
  'Paiflow',
  'DSW',
  'DLC',
  'Dataset',
  'Model',
  'Image',
  'CodeSource',
  'ArtLab',
]

function levels(
  base: PermissionLevel,
  overrides: Partial<Record<RoleModule, PermissionLevel>>,
): Record<RoleModule, PermissionLevel> {
  const out = {} as Record<RoleModule, PermissionLevel>
  for (const m of ROLE_MODULES) out[m] = overrides[m] ?? base
  return out
}
const each = (mods: RoleModule[], l: PermissionLevel): Partial<Record<RoleModule, PermissionLevel>> =>
  Object.fromEntries(mods.map((m) => [m, l]))

/** Module levels of each built-in role (derived from M2/M3, see above). */
export const BUILTIN_ROLE_LEVELS: Record<BuiltinRoleId, Record<RoleModule, PermissionLevel>> = {
  // 负责人 / 管理员: edit members, manage resource groups and every asset.
  'PAI.WorkspaceOwner': levels('FullAccess', {}),
  'PAI.WorkspaceAdmin': levels('FullAccess', {}),
  // 算法开发: develop and train; manage own assets, see public ones.
  'PAI.AlgoDeveloper': levels('NoPrivilege', {
    ...each(DEV_MODULES, 'ReadWrite'),
    ...each(WORKSPACE_MODULES, 'ReadOnly'),
  }),
  // 算法运维: job priority management (all DLC jobs), model release, online service monitoring.
  'PAI.AlgoOperator': levels('ReadOnly', { DLC: 'FullAccess', Model: 'FullAccess' }),
  // 标注管理员: intelligent labeling (labeling datasets).
  'PAI.LabelManager': levels('NoPrivilege', { Dataset: 'FullAccess', 'PaiWorkspace@@Workspace': 'ReadOnly' }),
  // 访客: read-only on every asset.
  'PAI.WorkspaceGuest': levels('ReadOnly', {}),
  // MaxCompute开发: submit jobs from PAI (Designer) to MaxCompute.
  'PAI.MaxComputeDeveloper': levels('NoPrivilege', {
    PaiDesigner: 'ReadWrite',
    'PaiWorkspace@@Workspace': 'ReadOnly',
    'PaiWorkspace@@Resource': 'ReadOnly',
  }),
}

/** The permission points a level grants in a module. */
export function pointsFor(module: RoleModule, level: PermissionLevel): string[] {
  const p = MODULE_PERMISSION_POINTS[module]
  const tiers: PointTier[] =
    level === 'FullAccess'
      ? ['read', 'write', 'manage']
      : level === 'ReadWrite'
        ? ['read', 'write']
        : level === 'ReadOnly'
          ? ['read']
          : []
  return tiers.flatMap((t) => p[t] ?? [])
}

export interface RolePermissionRow {
  /** `PAI.*` or the custom role's ID (or its name while it has no ID). */
  role: string
  module: RoleModule
  level: PermissionLevel
  points: string[]
}

/** M7: one row per role and module, for the built-in roles and the given custom roles. */
export function rolePermissionTable(customRoles: readonly CustomRole[] = []): RolePermissionRow[] {
  const rows: RolePermissionRow[] = []
  for (const role of BUILTIN_ROLE_IDS)
    for (const m of ROLE_MODULES) {
      const level = BUILTIN_ROLE_LEVELS[role][m]
      rows.push({ role, module: m, level, points: pointsFor(m, level) })
    }
  for (const cr of customRoles)
    for (const m of ROLE_MODULES) {
      const level = cr.permissions[m] ?? 'NoPrivilege'
      rows.push({ role: cr.roleId ?? cr.name, module: m, level, points: pointsFor(m, level) })
    }
  return rows
}
