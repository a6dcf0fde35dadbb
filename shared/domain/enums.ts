import { z } from 'zod'

/**
 * The fixed vocabularies of a workspace configuration, spelled as the PAI API spells them
 * (docs/pai-api-facts.md §2, §3) where the API has a spelling, and as short API-ish names where it has none.
 */

/** The built-in workspace roles, exactly as the API spells them (docs/pai-api-facts.md §3.1; rules M2, M3, M6). */
export const BUILTIN_ROLE_IDS = [
  'PAI.AlgoDeveloper',
  'PAI.AlgoOperator',
  'PAI.LabelManager',
  'PAI.MaxComputeDeveloper',
  'PAI.WorkspaceAdmin',
  'PAI.WorkspaceGuest',
  'PAI.WorkspaceOwner',
] as const
export const BuiltinRoleIdSchema = z.enum(BUILTIN_ROLE_IDS)
export type BuiltinRoleId = z.infer<typeof BuiltinRoleIdSchema>

/** The owner role: held by the creator only, never granted or removed (A4, M6). */
export const OWNER_ROLE: BuiltinRoleId = 'PAI.WorkspaceOwner'
/** The administrator role: may modify the workspace (A1). */
export const ADMIN_ROLE: BuiltinRoleId = 'PAI.WorkspaceAdmin'
/** The built-in roles a member may be given (M2, M3): all but the owner's, which only the creator holds (M6). */
export const GRANTABLE_ROLE_IDS: readonly BuiltinRoleId[] = BUILTIN_ROLE_IDS.filter((r) => r !== OWNER_ROLE)
/** The compute resource role [计算资源角色] (M3). */
export const MAXCOMPUTE_ROLE: BuiltinRoleId = 'PAI.MaxComputeDeveloper'

/** A custom role's ID as the cloud assigns it: `role-…` (docs/pai-api-facts.md §1, §3.3). */
export const CUSTOM_ROLE_ID_PATTERN = /^role-[A-Za-z0-9_-]{1,64}$/
export const CustomRoleIdSchema = z.string().regex(CUSTOM_ROLE_ID_PATTERN)

/**
 * A role the app does not know, as the cloud spells it (e.g. a built-in role added to PAI after this app was
 * written). A member read from the cloud keeps it, read-only; the rules refuse it anywhere else (M2).
 */
export const FOREIGN_ROLE_ID_PATTERN = /^[A-Za-z][A-Za-z0-9_.@:-]{0,127}$/
export const ForeignRoleIdSchema = z.string().regex(FOREIGN_ROLE_ID_PATTERN)

/** Whether a role is one the app models: a built-in role or a custom role ID. */
export const isKnownRole = (role: string): boolean =>
  (BUILTIN_ROLE_IDS as readonly string[]).includes(role) || CUSTOM_ROLE_ID_PATTERN.test(role)

/** Any role a member may hold: a built-in role, a custom role ID, or (kept from the cloud) a role the app does not know. */
export const RoleIdSchema = z.union([BuiltinRoleIdSchema, CustomRoleIdSchema, ForeignRoleIdSchema])

/** Product modules a custom role grants per-module levels on (docs/pai-api-facts.md §3.3 `ModuleName`). */
export const ROLE_MODULES = [
  'PaiDesigner',
  'Paiflow',
  'DSW',
  'DLC',
  'Dataset',
  'Model',
  'Image',
  'CodeSource',
  'PaiWorkspace@@Workspace',
  'PaiWorkspace@@MemberRole',
  'PaiWorkspace@@Resource',
  'PaiWorkspace@@Config',
  'ArtLab',
] as const
export const RoleModuleSchema = z.enum(ROLE_MODULES)
export type RoleModule = z.infer<typeof RoleModuleSchema>

/**
 * The four permission levels of a custom role (M4; docs/pai-api-facts.md §3.3 `PermissionType`), weakest first:
 * none [无权限], read-only [只读], edit-run [可编辑运行], full control [完全控制].
 * The API's fifth value `CustomPermissions` (explicit permission points) is not modelled.
 */
export const PERMISSION_LEVELS = ['NoPrivilege', 'ReadOnly', 'ReadWrite', 'FullAccess'] as const
export const PermissionLevelSchema = z.enum(PERMISSION_LEVELS)
export type PermissionLevel = z.infer<typeof PermissionLevelSchema>

/** Workspace mode: simple = production only, standard = development + production (docs/pai-api-facts.md §2). */
export const WORKSPACE_MODES = ['simple', 'standard'] as const
export const WorkspaceModeSchema = z.enum(WORKSPACE_MODES)
export type WorkspaceMode = z.infer<typeof WorkspaceModeSchema>

/** The API's `EnvType` values. */
export const ENV_TYPES = ['dev', 'prod'] as const
export const EnvTypeSchema = z.enum(ENV_TYPES)
export type EnvType = z.infer<typeof EnvTypeSchema>

/** The API's `EnvTypes` for a mode: simple `["prod"]`, standard `["dev","prod"]`. */
export function envTypesOf(mode: WorkspaceMode): EnvType[] {
  return mode === 'simple' ? ['prod'] : ['dev', 'prod']
}

/** The mode for the API's `EnvTypes`; undefined when the list is neither `["prod"]` nor `["dev","prod"]` (any order). */
export function modeOf(envTypes: readonly string[]): WorkspaceMode | undefined {
  const set = new Set(envTypes)
  if (set.size !== envTypes.length) return undefined
  if (set.size === 1 && set.has('prod')) return 'simple'
  if (set.size === 2 && set.has('prod') && set.has('dev')) return 'standard'
  return undefined
}

/** The five compute resource kinds (C1). */
export const RESOURCE_KINDS = ['lingjun', 'general', 'acs', 'maxcompute', 'flink'] as const
export const ResourceKindSchema = z.enum(RESOURCE_KINDS)
export type ResourceKind = z.infer<typeof ResourceKindSchema>

/** The API's `ResourceType` for each kind (docs/pai-api-facts.md §1.4, §3.2: general computing is `ECS`). */
export const RESOURCE_TYPE_OF_KIND = {
  lingjun: 'Lingjun',
  general: 'ECS',
  acs: 'ACS',
  maxcompute: 'MaxCompute',
  flink: 'Flink',
} as const satisfies Record<ResourceKind, string>

/**
 * The kind for an API `ResourceType`, ignoring case (ROS spells Flink `FLINK`, the API `Flink`); undefined for
 * types outside the five (e.g. SelfManagedAckPro).
 */
export function resourceKindOf(resourceType: string): ResourceKind | undefined {
  const t = resourceType.toLowerCase()
  for (const k of RESOURCE_KINDS) if (RESOURCE_TYPE_OF_KIND[k].toLowerCase() === t) return k
  return undefined
}

/** `Spec.clusterType` of ECS / Lingjun / ACS resources (docs/pai-api-facts.md §3.2). */
export const CLUSTER_TYPES = ['share', 'private', 'FullyManaged'] as const
export const ClusterTypeSchema = z.enum(CLUSTER_TYPES)

/**
 * Event types of notification rules (E3). The wire strings PAI publishes are not documented
 * (docs/pai-api-facts.md §9); these names are ours, grouped by source prefix.
 */
export const EVENT_TYPES = [
  'workflow.taskFailed', // 工作流任务: 任务失败
  'workflow.taskEnded', // 工作流任务: 任务结束 (succeeded or failed)
  'dlc.jobProgress', // DLC任务: 任务进程 (queued, bidding, running, failed, ...)
  'dlc.faultTolerance', // DLC任务: 任务自动容错
  'dlc.jobTimeout', // DLC任务: 任务超时 (needs a timeout rule, S3)
  'dlc.other', // DLC任务: 其他事件 (preempted, stopped by hand)
  'model.versionApproved', // 模型: 模型版本允许上线 (Pending -> Approved)
  'model.versionStatusChanged', // 模型: 模型版本状态改变
] as const
export const EventTypeSchema = z.enum(EVENT_TYPES)
export type EventType = z.infer<typeof EventTypeSchema>

/** Event sources: Designer workflow tasks, DLC tasks, registered models. */
export const EVENT_SOURCES = ['workflow', 'dlc', 'model'] as const
export type EventSource = (typeof EVENT_SOURCES)[number]
export function eventSourceOf(t: EventType): EventSource {
  return t.slice(0, t.indexOf('.')) as EventSource
}

/** Notification target types (E4). */
export const TARGET_TYPES = ['dingtalk', 'http', 'voice', 'sms', 'email'] as const
export const TargetTypeSchema = z.enum(TARGET_TYPES)
export type TargetType = z.infer<typeof TargetTypeSchema>
/** Regions where voice, SMS and email targets exist (E5). */
export const CONTACT_TARGET_REGIONS = ['cn-hangzhou', 'cn-shanghai', 'cn-wulanchabu'] as const

/** Modules whose logs can be forwarded to SLS (L1). */
export const SLS_MODULES = ['DSW', 'DLC'] as const
export const SlsModuleSchema = z.enum(SLS_MODULES)

/** DLC timeout rule kinds [任务超时] (S3; docs/pai-api-facts.md §5.1: queue, environment preparation, wait). */
export const TIMEOUT_KINDS = ['queue', 'environmentPreparation', 'wait'] as const
export const TimeoutKindSchema = z.enum(TIMEOUT_KINDS)
export type TimeoutKind = z.infer<typeof TimeoutKindSchema>

/** Job and instance priority range (docs/pai-api-facts.md §8: 1-9, higher is more important). */
export const PRIORITY_MIN = 1
export const PRIORITY_MAX = 9

/** Notification targets per rule: default quota and the recommended ceiling (E6). */
export const DEFAULT_TARGET_QUOTA = 5
export const MAX_TARGET_QUOTA = 100
