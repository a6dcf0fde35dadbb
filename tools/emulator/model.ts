/** The emulator's in-memory state: plain JSON, so it can be inspected, persisted and reloaded. */

export interface UserRec {
  UserId: string
  UserName: string
  DisplayName: string
  /** "1" Alibaba Cloud account, "5" RAM user, "6" RAM role. */
  AccountType: string
}

export interface MemberRec {
  MemberId: string
  UserId: string
  Roles: string[]
  GmtCreateTime: string
}

export interface ConfigRec {
  ConfigId: string
  CategoryName: string
  ConfigKey: string
  ConfigValue: string
  Labels: Array<{ Key: string; Value: string }>
  GmtCreateTime: string
  GmtModifiedTime: string
}

export interface ResourceRec {
  Id: string
  Name: string
  EnvType: string
  ResourceType: string
  GroupName: string
  IsDefault: boolean
  Labels: Array<{ Key: string; Value: string }>
  Quotas: Array<{ Id: string }>
  Spec: Record<string, unknown>
  GmtCreateTime: string
}

export interface ModulePermissionRec {
  ModuleName: string
  PermissionType: string
  Permissions?: Array<{
    PermissionCodes: string[]
    PermissionRules: Array<{ Accessibility: string; EntityAccessType?: string }>
  }>
}

export interface RoleRec {
  RoleId: string
  RoleName: string
  Creator: string
  ModulePermissions: ModulePermissionRec[]
  GmtCreateTime: string
  GmtModifiedTime: string
  /** The role becomes Succeeded when its job finishes (epoch ms). */
  readyAt: number
  pendingStatus: 'Creating' | 'Updating'
}

export interface WorkspaceRec {
  WorkspaceId: string
  WorkspaceName: string
  DisplayName: string
  Description: string
  EnvTypes: string[]
  ResourceGroupId: string
  Creator: string
  IsDefault: boolean
  GmtCreateTime: string
  GmtModifiedTime: string
  /** INITIALIZING until this time (epoch ms), then ENABLED. */
  readyAt: number
  members: Record<string, MemberRec>
  configs: Record<string, ConfigRec>
  resources: Record<string, ResourceRec>
  roles: Record<string, RoleRec>
}

export interface TargetRec {
  Id: string
  Type: string
  Endpoint: string
  PushRetryStrategy: string
  ErrorsTolerance: string
  ParamList: Array<{ ResourceKey: string; Form: string; Value?: string; Template?: string }>
  /** Other fields the target was given (dead-letter queue, concurrency...), kept and listed as they came. */
  extra?: Record<string, unknown>
}

export interface RuleRec {
  RuleName: string
  Description: string
  FilterPattern: string
  Status: string
  CreatedTimestamp: number
  targets: TargetRec[]
}

export interface BusRec {
  EventBusName: string
  Description: string
  CreateTimestamp: number
  rules: Record<string, RuleRec>
}

/** A tenant's RAM groups and what is attached where, by UserName / GroupName (tools/emulator/ram.ts). */
export interface RamRec {
  userPolicies: Record<string, string[]>
  /** Policies attached to a RAM role, by RoleName (the seeded members of AccountType "6"). */
  rolePolicies: Record<string, string[]>
  userGroups: Record<string, string[]>
  groups: Record<string, { GroupName: string; GroupId: string; Comments: string; policies: string[] }>
  /** CreateDate per UserName. */
  created: Record<string, string>
}

export interface TenantRec {
  uid: string
  /** Whether EventBridge is activated (E1). */
  eventBridge: boolean
  users: Record<string, UserRec>
  dataworksNames: string[]
  workspaces: Record<string, WorkspaceRec>
  buses: Record<string, BusRec>
  slsProjects: Record<string, { projectName: string; description: string; createTime: string; logstores: string[] }>
  /** Absent in state saved before RAM was emulated. */
  ram?: RamRec
}

export interface JobRec {
  InstanceJobId: string
  Type: string
  InstanceId: string
  WorkspaceId: string
  GmtCreateTime: string
  readyAt: number
  /** Final status once ready. */
  finalStatus: 'Successful' | 'Failed'
  ReasonMessage: string
}

export interface RobotRec {
  token: string
  secret?: string
  keywords: string[]
  /** Epoch ms of accepted messages in the last minute (rate limit). */
  recent: number[]
  messages: Array<{ at: number; body: unknown }>
}

export interface EmuState {
  seq: number
  tenants: Record<string, TenantRec>
  jobs: Record<string, JobRec>
  robots: Record<string, RobotRec>
  /** Create calls that reached the handler, by natural key (tests prove "no duplicate" with these). */
  createCalls: Record<string, number>
  /** Requests served, by action. */
  calls: Record<string, number>
}

export function emptyState(): EmuState {
  return { seq: 1000, tenants: {}, jobs: {}, robots: {}, createCalls: {}, calls: {} }
}

export function nowIso(ms: number = Date.now()): string {
  return new Date(ms).toISOString()
}

export function nextId(s: EmuState): number {
  s.seq += 1
  return s.seq
}
