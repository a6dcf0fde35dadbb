import { z } from 'zod'
import {
  ClusterTypeSchema,
  EnvTypeSchema,
  PermissionLevelSchema,
  ResourceKindSchema,
  RoleIdSchema,
  RoleModuleSchema,
  SlsModuleSchema,
  TimeoutKindSchema,
  WorkspaceModeSchema,
} from './enums'
import { NotificationsSchema } from './notifications'

export * from './notifications'

/**
 * The whole configuration of one PAI workspace, as a draft or as read from the cloud.
 *
 * These schemas check the *shape* (types, enums, required keys) and fill defaults, so a minimal
 * `{ basic: { name } }` parses. The field *rules* (name 3-23 characters, OSS paths, quotas, who may
 * change what...) live in `validate()`, which reports every problem with a rule ID: a draft that
 * breaks a rule still parses and can be saved (D1).
 */

/** Basic information [基础信息] (W1). */
export const BasicInfoSchema = z.object({
  /** `WorkspaceName`: 3-23 characters, letters, digits and `_`, starting with a letter; unique in the region (W4); immutable. */
  name: z.string(),
  /** `DisplayName`; empty means the API default (the name). */
  displayName: z.string().default(''),
  /** `Description`: required by the API, at most 80 characters. */
  description: z.string().default(''),
  /** simple = `EnvTypes ["prod"]`, standard = `["dev","prod"]` (see envTypesOf / modeOf); immutable. */
  mode: WorkspaceModeSchema.default('simple'),
  /** `ResourceGroupId` (`rg-…`) of the Alibaba Cloud resource group; the account default when absent. */
  resourceGroupId: z.string().optional(),
})

/** The owner [负责人]: read-only facts from the cloud (`Owner` of GetWorkspace); the creator (A4). */
export const OwnerSchema = z.object({
  /** Alibaba Cloud UID of the owner. */
  userId: z.string().optional(),
  /** Account or RAM user name. */
  userName: z.string().optional(),
  /** Display name. */
  displayName: z.string().optional(),
})

/** A workspace member [成员] and their roles (M1-M6). Natural key: `userId`. */
export const MemberSchema = z.object({
  /** Alibaba Cloud UID of the RAM user or role (CreateMember `UserId`). */
  userId: z.string(),
  /** Account name, for display (ListMembers `MemberName`). */
  userName: z.string().optional(),
  /** Display name (ListMembers `DisplayName`). */
  displayName: z.string().optional(),
  /** Built-in role IDs (`PAI.*`) and custom role IDs (`role-…`); at least one (M5), several allowed (M1). */
  roles: z.array(RoleIdSchema).min(1),
})
export type Member = z.infer<typeof MemberSchema>

/** A custom role [自定义角色] (M4). Natural key: `name`. */
export const CustomRoleSchema = z.object({
  /** `RoleId` (`role-…`) assigned by the cloud; absent for a role not yet created. */
  roleId: z.string().optional(),
  /** `RoleName`: at most 64 characters, letters, digits, `_` and `-`, unique in the workspace. */
  name: z.string(),
  /** Free text, shown in the app only. */
  description: z.string().optional(),
  /** Level per product module; a module left out has no permission (`NoPrivilege`). */
  permissions: z.partialRecord(RoleModuleSchema, PermissionLevelSchema).default({}),
  /**
   * Read-only: the modules the app cannot map exactly (explicit permission points `CustomPermissions` set in the
   * console, a module or a level it does not know), each exactly as the cloud sent it. Every update sends them
   * back unchanged, so the console's settings are never overwritten; the app never edits them.
   */
  keptModules: z.array(z.record(z.string(), z.unknown())).optional(),
})
export type CustomRole = z.infer<typeof CustomRoleSchema>

/** Extra facts of an associated resource (docs/pai-api-facts.md §1.4 `Spec`). */
export const ResourceSpecSchema = z.object({
  /** GPUs per node or quota; MaxCompute is CPU only (C3). */
  gpuCount: z.number().optional(),
  /** GPU model, e.g. `A10`; MaxCompute is CPU only (C3). */
  gpuType: z.string().optional(),
  /** `Spec.clusterType` of ECS / Lingjun / ACS: share, private or FullyManaged. */
  clusterType: ClusterTypeSchema.optional(),
  /** Quota ID (`Quotas[].Id`), e.g. of a subscription MaxCompute quota. */
  quotaId: z.string().optional(),
})
export type ResourceSpec = z.infer<typeof ResourceSpecSchema>

/** A compute resource associated with the workspace [计算资源] (C1-C3). Natural key: kind + envType + name. */
export const ResourceSchema = z.object({
  /** One of the five kinds (C1); API `ResourceType` via RESOURCE_TYPE_OF_KIND. */
  kind: ResourceKindSchema,
  /** The environment it serves: `dev` exists in standard mode only. */
  envType: EnvTypeSchema,
  /** API `Name`: 3-28 characters, letter first, letters, digits and `_` (for MaxCompute, the project name). */
  name: z.string(),
  /** API `Id` assigned by the cloud; absent until associated. */
  resourceId: z.string().optional(),
  /** API `GroupName`, when the resource belongs to a group. */
  groupName: z.string().optional(),
  /** Kind-specific facts. */
  spec: ResourceSpecSchema.optional(),
  /** The default resource of its kind in its environment (one per kind and environment). */
  isDefault: z.boolean().default(false),
  /**
   * Read-only: the `Spec` keys the cloud holds that the app does not model (e.g. `resourceId`, MaxCompute's
   * `endpoint` and `odpsProject`), as the cloud spells them. Never sent; an update keeps them.
   */
  extraSpec: z.record(z.string(), z.unknown()).optional(),
})
export type Resource = z.infer<typeof ResourceSchema>

/** A maximum priority (1-9) for one role or one member. Natural key: subjectType + subjectId. */
export const PriorityLimitSchema = z.object({
  /** Whether `subjectId` is a role ID or a member's user ID. */
  subjectType: z.enum(['role', 'member']),
  /** A role ID (`PAI.*` or `role-…`) or a member's `userId`. */
  subjectId: z.string(),
  /** Highest priority the subject may use, 1-9. */
  maxPriority: z.number(),
})
export type PriorityLimit = z.infer<typeof PriorityLimitSchema>

/** Constraints for non-members [非工作空间成员] who hold RAM permissions (S2). */
export const NonMemberConstraintsSchema = z.object({
  /** Whether non-members may use the workspace's resources and submit jobs at all. */
  allowed: z.boolean().default(true),
  /** Highest DLC job priority for non-members, 1-9; none when absent. */
  maxJobPriority: z.number().optional(),
  /** Highest DSW instance priority for non-members, 1-9; none when absent. */
  maxInstancePriority: z.number().optional(),
  /** Longest DLC job run time for non-members, in minutes; none when absent. */
  maxRuntimeMinutes: z.number().optional(),
})

/** A DLC timeout rule [超时规则] (S3); the DLC task-timeout event needs one (E3). Natural key: `kind`. */
export const TimeoutRuleSchema = z.object({
  /** Which wait it bounds: queueing, environment preparation, or the whole wait. */
  kind: TimeoutKindSchema,
  /** Threshold in minutes (a positive whole number). */
  minutes: z.number(),
  /** Whether the rule is on. */
  enabled: z.boolean().default(true),
})
export type TimeoutRule = z.infer<typeof TimeoutRuleSchema>

/** Scheduling [调度配置] (S1-S3), edited by administrators (A1). */
export const SchedulingSchema = z.object({
  /** Longest DLC job run time [最长运行时长] in minutes; jobs are stopped beyond it. None when absent. */
  maxRuntimeMinutes: z.number().optional(),
  /** Whether DLC jobs and DSW instances may use public (pay-as-you-go) resources. */
  allowPublicResources: z.boolean().default(true),
  /** Highest DLC job priority per role or member [任务优先级]. */
  jobPriorityLimits: z.array(PriorityLimitSchema).default([]),
  /** Highest DSW instance priority per role or member [实例优先级]. */
  instancePriorityLimits: z.array(PriorityLimitSchema).default([]),
  /** Constraints for non-members (S2). */
  nonMembers: NonMemberConstraintsSchema.prefault({}),
  /** Timeout rules (S3). */
  timeouts: z.array(TimeoutRuleSchema).default([]),
})

/** Storage paths [存储路径配置] (ST1, ST2). */
export const StorageSchema = z.object({
  /**
   * Workspace default storage `oss://bucket/path/`, or with the endpoint `oss://bucket.<endpoint>/path/` (config
   * key `modelExportPath`, as Alibaba's SDK reads and writes it); recommended (ST1).
   */
  defaultPath: z.string().optional(),
  /** Designer workflow data storage [工作流数据存储] `oss://bucket/path/`; wins when a workflow runs (ST2). */
  designerPath: z.string().optional(),
})
export type Storage = z.infer<typeof StorageSchema>

/** Log forwarding to SLS [SLS转发配置] (L1). */
export const SlsSchema = z.object({
  /** SLS Project name. */
  project: z.string().optional(),
  /** LogStore name in that project. */
  logstore: z.string().optional(),
  /** Modules whose logs are forwarded; none = forwarding off. */
  modules: z.array(SlsModuleSchema).default([]),
})

/** General switches [通用配置] (G1-G3); instances must restart after a change. */
export const SwitchesSchema = z.object({
  /** G1: users may enter the containers of DLC task nodes. */
  dlcContainerAccess: z.boolean().default(false),
  /** G2: SSH connections to DSW instances. */
  dswSsh: z.boolean().default(false),
  /** G3: access to DSW instances from the public internet. */
  dswPublicAccess: z.boolean().default(false),
})
export type Switches = z.infer<typeof SwitchesSchema>

/** A workspace config key (`ListConfigs`) the app does not model, kept as the cloud holds it. Natural key: category + key. */
export const PassthroughConfigSchema = z.object({
  /** `ConfigKey`. */
  key: z.string(),
  /** `CategoryName`, when the cloud gave one. */
  category: z.string().optional(),
  /** `ConfigValue`, exactly as the cloud has it. */
  value: z.string(),
})
export type PassthroughConfig = z.infer<typeof PassthroughConfigSchema>

/** Read-only settings the cloud holds that the app does not model: carried through drafts and bundles, never written. */
export const PassthroughSchema = z.object({
  /** Config keys other than the ones the app maps (the default storage path). */
  configs: z.array(PassthroughConfigSchema).default([]),
})

/** A whole workspace configuration. */
export const WorkspaceConfigSchema = z.object({
  basic: BasicInfoSchema,
  /** Read-only: from the cloud; the creator on a new workspace (A4). */
  owner: OwnerSchema.optional(),
  members: z.array(MemberSchema).default([]),
  customRoles: z.array(CustomRoleSchema).default([]),
  resources: z.array(ResourceSchema).default([]),
  scheduling: SchedulingSchema.prefault({}),
  notifications: NotificationsSchema.prefault({}),
  storage: StorageSchema.prefault({}),
  sls: SlsSchema.prefault({}),
  switches: SwitchesSchema.prefault({}),
  /** Read-only: what the cloud holds that the app does not model, kept verbatim. */
  passthrough: PassthroughSchema.prefault({}),
})
export type WorkspaceConfig = z.infer<typeof WorkspaceConfigSchema>
/** What callers may pass in (defaults not yet applied). */
export type WorkspaceConfigInput = z.input<typeof WorkspaceConfigSchema>
