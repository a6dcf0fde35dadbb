import { z } from 'zod'
import { NotificationTargetSchema } from '@shared/domain'

/**
 * The outbox op kinds of the sync area and their payloads (validated when the worker reads them).
 * `workspaceId` is absent for a workspace created in the same run: the worker takes it from the
 * result of that run's `workspace.create` op. Member roles are role names (`PAI.*`), cloud role IDs
 * (`role-…`), or `name:<custom role name>` for a custom role resolved when the op is sent.
 * No payload ever holds a secret: DingTalk targets carry their keychain reference (D2).
 */

const WsRef = { workspaceId: z.string().optional() }
const ModulePermissions = z.array(
  z.object({ ModuleName: z.string(), PermissionType: z.enum(['NoPrivilege', 'ReadOnly', 'ReadWrite', 'FullAccess']) }),
)
/** Modules of a console-made role the app cannot map (CustomRole.keptModules), sent back exactly as read. */
const KeptModules = z.array(z.looseObject({ ModuleName: z.string(), PermissionType: z.string() })).optional()
const RuleRef = { busName: z.string(), RuleName: z.string() }

export const OP_PAYLOADS = {
  'workspace.create': z.object({
    input: z.object({
      WorkspaceName: z.string(),
      Description: z.string(),
      EnvTypes: z.array(z.enum(['dev', 'prod'])),
      DisplayName: z.string().optional(),
      ResourceGroupId: z.string().optional(),
    }),
  }),
  'workspace.update': z.object({ ...WsRef, DisplayName: z.string().optional(), Description: z.string().optional() }),
  'role.create': z.object({ ...WsRef, RoleName: z.string(), ModulePermissions, KeptModules }),
  'role.update': z.object({ ...WsRef, RoleName: z.string(), ModulePermissions, KeptModules }),
  'role.delete': z.object({ ...WsRef, RoleName: z.string() }),
  'member.create': z.object({ ...WsRef, UserId: z.string(), Roles: z.array(z.string()).min(1) }),
  'member.addRole': z.object({ ...WsRef, UserId: z.string(), Role: z.string() }),
  'member.removeRole': z.object({ ...WsRef, UserId: z.string(), Role: z.string() }),
  'member.delete': z.object({ ...WsRef, UserId: z.string() }),
  'resource.create': z.object({
    ...WsRef,
    Resource: z.object({
      Name: z.string(),
      EnvType: z.enum(['dev', 'prod']),
      ResourceType: z.enum(['MaxCompute', 'ECS', 'Lingjun', 'ACS', 'Flink']),
      GroupName: z.string().optional(),
      IsDefault: z.boolean().optional(),
      Quotas: z.array(z.object({ Id: z.string() })).optional(),
      Spec: z.record(z.string(), z.unknown()).optional(),
    }),
  }),
  'resource.update': z.object({
    ...WsRef,
    Name: z.string(),
    EnvType: z.enum(['dev', 'prod']),
    ResourceType: z.string(),
    IsDefault: z.literal(true).optional(),
    /** Only the Spec keys the draft changed (null removes one); the op lays them over the cloud's current Spec. */
    Spec: z.record(z.string(), z.unknown()).optional(),
  }),
  'config.update': z.object({
    ...WsRef,
    Configs: z
      .array(z.object({ ConfigKey: z.string(), ConfigValue: z.string(), CategoryName: z.string().optional() }))
      .min(1),
  }),
  'eventBus.ensure': z.object({ busName: z.string(), workspaceName: z.string() }),
  'rule.create': z.object({ ...RuleRef, FilterPattern: z.string(), Status: z.enum(['ENABLE', 'DISABLE']) }),
  'rule.update': z.object({ ...RuleRef, FilterPattern: z.string(), Status: z.enum(['ENABLE', 'DISABLE']) }),
  'rule.delete': z.object(RuleRef),
  'targets.put': z.object({ ...RuleRef, targets: z.array(NotificationTargetSchema).min(1) }),
  'targets.delete': z.object({ ...RuleRef, ids: z.array(z.string()).min(1) }),
} as const

export type OpKind = keyof typeof OP_PAYLOADS
export type OpPayload<K extends OpKind> = z.infer<(typeof OP_PAYLOADS)[K]>

/** The cloud action each op kind calls (shown in the plan). */
export const OP_API: Record<OpKind, string> = {
  'workspace.create': 'CreateWorkspace',
  'workspace.update': 'UpdateWorkspace',
  'role.create': 'CreateWorkspaceRole',
  'role.update': 'UpdateWorkspaceRole',
  'role.delete': 'DeleteWorkspaceRoles',
  'member.create': 'CreateMember',
  'member.addRole': 'AddMemberRole',
  'member.removeRole': 'RemoveMemberRole',
  'member.delete': 'DeleteMembers',
  'resource.create': 'CreateWorkspaceResource',
  'resource.update': 'UpdateWorkspaceResource',
  'config.update': 'UpdateConfigs',
  'eventBus.ensure': 'GetEventBus/CreateEventBus',
  'rule.create': 'CreateRule',
  'rule.update': 'UpdateRule',
  'rule.delete': 'DeleteRule',
  'targets.put': 'PutTargets',
  'targets.delete': 'DeleteTargets',
}

export const CUSTOM_ROLE_REF = 'name:'
export const customRoleRef = (name: string): string => CUSTOM_ROLE_REF + name
