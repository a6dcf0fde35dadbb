import { z } from 'zod'

/**
 * AIWorkSpace 2021-02-04 answers and inputs, spelled exactly as the API spells them (pai-api.md §1).
 * Answers keep only the declared fields; a field the cloud omits is optional unless we cannot work
 * without it (IDs and names).
 */

/** IDs are strings on the wire even when numeric; accept a number too and keep it as a string. */
const Id = z.union([z.string(), z.number().transform(String)])
const Str = z.string()
const Labels = z.array(z.object({ Key: Str.optional(), Value: Str.optional() }))
const Rid = { RequestId: Str.optional() }

export const OwnerSchema = z.object({
  UserId: Str.optional(),
  UserKp: Str.optional(),
  UserName: Str.optional(),
  DisplayName: Str.optional(),
})

const workspaceFields = {
  WorkspaceId: Id,
  WorkspaceName: Str,
  DisplayName: Str.optional(),
  Description: Str.optional(),
  EnvTypes: z.array(Str).default([]),
  Status: Str.optional(),
  Creator: Str.optional(),
  AdminNames: z.array(Str).optional(),
  GmtCreateTime: Str.optional(),
  GmtModifiedTime: Str.optional(),
  IsDefault: z.boolean().optional(),
  ExtraInfos: z.record(Str, z.unknown()).optional(),
  Owner: OwnerSchema.optional(),
}

export const WorkspaceSchema = z.object({ ...workspaceFields, ResourceGroupId: Str.optional() })
export type Workspace = z.infer<typeof WorkspaceSchema>

/** ListWorkspaces items spell it `resourceGroupId` (lower-case r); we expose `ResourceGroupId` like GetWorkspace. */
const ListedWorkspaceSchema = z
  .object({ ...workspaceFields, resourceGroupId: Str.optional(), ResourceGroupId: Str.optional() })
  .transform(({ resourceGroupId, ResourceGroupId, ...w }): Workspace => ({
    ...w,
    ResourceGroupId: ResourceGroupId ?? resourceGroupId,
  }))

export const GetWorkspaceResponse = WorkspaceSchema.extend(Rid)
export const ListWorkspacesResponse = z.object({
  ...Rid,
  TotalCount: z.coerce.number().default(0),
  Workspaces: z.array(ListedWorkspaceSchema).default([]),
})
export const CreateWorkspaceResponse = z.object({ ...Rid, WorkspaceId: Id })
export const RequestIdOnly = z.object(Rid)

export const CreateWorkspaceInput = z.object({
  WorkspaceName: Str,
  Description: Str,
  EnvTypes: z.array(z.enum(['dev', 'prod'])).min(1),
  DisplayName: Str.optional(),
  ResourceGroupId: Str.optional(),
})
export type CreateWorkspaceInput = z.infer<typeof CreateWorkspaceInput>

export const ListWorkspacesInput = z.object({
  PageNumber: z.number().int().min(1).optional(),
  PageSize: z.number().int().min(1).max(100).optional(),
  WorkspaceName: Str.optional(),
  WorkspaceIds: Str.optional(),
  Status: Str.optional(),
  SortBy: z.enum(['GmtCreateTime', 'GmtModifiedTime']).optional(),
  Order: z.enum(['ASC', 'DESC']).optional(),
  Verbose: z.boolean().optional(),
  ResourceGroupId: Str.optional(),
  /** Comma list of modules, default `PAI`; `DataWorks` lists the DataWorks workspaces that share PAI's names (W4). */
  ModuleList: Str.optional(),
})
export type ListWorkspacesInput = z.infer<typeof ListWorkspacesInput>

export const UpdateWorkspaceInput = z.object({ DisplayName: Str.optional(), Description: Str.optional() })
export type UpdateWorkspaceInput = z.infer<typeof UpdateWorkspaceInput>

// ---- members (§1.3)

export const MemberSchema = z.object({
  MemberId: Id,
  UserId: Id,
  MemberName: Str.optional(),
  DisplayName: Str.optional(),
  AccountName: Str.optional(),
  /** "1" Alibaba Cloud account, "5" RAM user, "6" RAM role. */
  AccountType: Id.optional(),
  Roles: z.array(Str).default([]),
  GmtCreateTime: Str.optional(),
})
export type Member = z.infer<typeof MemberSchema>

export const ListMembersResponse = z.object({
  ...Rid,
  TotalCount: z.coerce.number().default(0),
  Members: z.array(MemberSchema).default([]),
})
export const GetMemberResponse = MemberSchema.extend(Rid)
export const CreateMembersResponse = z.object({
  ...Rid,
  Members: z
    .array(z.object({ MemberId: Id, UserId: Id, DisplayName: Str.optional(), Roles: z.array(Str).default([]) }))
    .default([]),
})
export const DeleteMembersResponse = z.object({ ...Rid, Code: Str.optional(), Message: Str.optional() })

export const CreateMembersInput = z.object({
  Members: z.array(z.object({ UserId: Str.min(1), Roles: z.array(Str.min(1)).min(1) })).min(1),
})
export type CreateMembersInput = z.infer<typeof CreateMembersInput>

export const ListMembersInput = z.object({
  PageNumber: z.number().int().min(1).optional(),
  PageSize: z.number().int().min(1).max(100).optional(),
  MemberName: Str.optional(),
  Roles: Str.optional(),
  UserId: Str.optional(),
})
export type ListMembersInput = z.infer<typeof ListMembersInput>

export const WorkspaceUserSchema = z.object({ UserId: Id, UserName: Str.optional() })
export const ListWorkspaceUsersResponse = z.object({
  ...Rid,
  TotalCount: z.coerce.number().default(0),
  Users: z.array(WorkspaceUserSchema).default([]),
})
export type WorkspaceUser = z.infer<typeof WorkspaceUserSchema>

// ---- compute resources (§1.4)

export const QuotaSchema = z.object({
  Id: Id.optional(),
  Name: Str.optional(),
  DisplayName: Str.optional(),
  Mode: Str.optional(),
  ProductCode: Str.optional(),
  QuotaType: Str.optional(),
  CardType: Str.optional(),
  Specs: z.array(z.object({ Name: Str.optional(), Value: Str.optional(), Type: Str.optional() })).optional(),
})

export const ResourceSchema = z.object({
  Id: Id,
  Name: Str,
  WorkspaceId: Id.optional(),
  EnvType: Str.optional(),
  GroupName: Str.optional(),
  ResourceType: Str.optional(),
  ProductType: Str.optional(),
  IsDefault: z.boolean().optional(),
  GmtCreateTime: Str.optional(),
  Spec: z.record(Str, z.unknown()).optional(),
  Labels: Labels.optional(),
  Quotas: z.array(QuotaSchema).optional(),
  Encryption: z.object({ Enabled: z.boolean().optional(), Algorithm: Str.optional(), Key: Str.optional() }).optional(),
  Executor: z.object({ OwnerId: Str.optional() }).optional(),
})
export type Resource = z.infer<typeof ResourceSchema>

export const ListResourcesResponse = z.object({
  ...Rid,
  TotalCount: z.coerce.number().default(0),
  Resources: z.array(ResourceSchema).default([]),
})
export const CreateWorkspaceResourceResponse = z.object({
  ...Rid,
  TotalCount: z.coerce.number().optional(),
  Resources: z.array(z.object({ Id: Id })).default([]),
})
export const UpdateWorkspaceResourceResponse = z.object({ ...Rid, ResourceIds: z.array(Id).default([]) })

export const RESOURCE_TYPES = [
  'MaxCompute',
  'ECS',
  'Lingjun',
  'ACS',
  'Flink',
  'SelfManagedAckPro',
  'SelfManagedAckLingjun',
  'SelfManagedASI',
] as const

export const CreateWorkspaceResourceInput = z.object({
  Option: z.enum(['CreateAndAttach', 'Attach']).optional(),
  Resources: z
    .array(
      z.object({
        Name: Str.min(1),
        EnvType: z.enum(['dev', 'prod']),
        ResourceType: z.enum(RESOURCE_TYPES),
        GroupName: Str.optional(),
        IsDefault: z.boolean().optional(),
        Labels: Labels.optional(),
        Quotas: z.array(z.object({ Id: Str })).optional(),
        Spec: z.record(Str, z.unknown()).optional(),
      }),
    )
    .min(1),
})
export type CreateWorkspaceResourceInput = z.infer<typeof CreateWorkspaceResourceInput>

export const ListResourcesInput = z.object({
  PageNumber: z.number().int().min(1).optional(),
  PageSize: z.number().int().min(1).max(100).optional(),
  Option: z.enum(['ListResourceByWorkspace', 'ListResource']).optional(),
  ResourceTypes: Str.optional(),
  ResourceName: Str.optional(),
  GroupName: Str.optional(),
  Verbose: z.boolean().optional(),
  VerboseFields: Str.optional(),
})
export type ListResourcesInput = z.infer<typeof ListResourcesInput>

export const UpdateWorkspaceResourceInput = z
  .object({
    GroupName: Str.optional(),
    ResourceIds: z.array(Str).optional(),
    IsDefault: z.literal(true).optional(),
    ResourceType: Str.optional(),
    Labels: Labels.optional(),
    Spec: z.record(Str, z.unknown()).optional(),
  })
  .refine((v) => v.GroupName !== undefined || (v.ResourceIds?.length ?? 0) > 0, 'GroupName or ResourceIds is required')
export type UpdateWorkspaceResourceInput = z.infer<typeof UpdateWorkspaceResourceInput>

// ---- configs (§1.5)

/** The documented category of each documented key (pai-api.md §1.5.1). */
export const CONFIG_CATEGORIES: Record<string, string> = {
  tempStoragePath: 'CommonResourceConfig',
  isAutoRecycle: 'DLCAutoRecycle',
  quotaMaximumDuration: 'QuotaMaximumDuration',
  predefinedTags: 'CommonTagConfig',
}

export const ConfigSchema = z.object({
  ConfigId: Str.optional(),
  CategoryName: Str.optional(),
  ConfigKey: Str,
  ConfigValue: Str.default(''),
  GmtCreateTime: Str.optional(),
  GmtModifiedTime: Str.optional(),
  Labels: Labels.optional(),
})
export type Config = z.infer<typeof ConfigSchema>
export const ListConfigsResponse = z.object({
  ...Rid,
  TotalCount: z.coerce.number().default(0),
  Configs: z.array(ConfigSchema).default([]),
})

export const ListConfigsInput = z.object({
  ConfigKeys: Str.optional(),
  CategoryName: Str.optional(),
  Labels: Str.optional(),
  Verbose: z.boolean().optional(),
})
export type ListConfigsInput = z.infer<typeof ListConfigsInput>

export const UpdateConfigsInput = z.object({
  Configs: z
    .array(
      z.object({ ConfigKey: Str.min(1), ConfigValue: Str, CategoryName: Str.optional(), Labels: Labels.optional() }),
    )
    .min(1),
})
export type UpdateConfigsInput = z.infer<typeof UpdateConfigsInput>

// ---- permissions and custom roles (§1.6)

const PermissionRule = z.object({ Accessibility: Str.optional(), EntityAccessType: Str.optional() })
export const PermissionSchema = z.object({ PermissionCode: Str, PermissionRules: z.array(PermissionRule).default([]) })
export type Permission = z.infer<typeof PermissionSchema>
export const ListPermissionsResponse = z.object({
  ...Rid,
  TotalCount: z.coerce.number().optional(),
  Permissions: z.array(PermissionSchema).default([]),
})

export const ModulePermissionSchema = z.object({
  ModuleName: Str,
  PermissionType: Str,
  Permissions: z
    .array(
      z.object({ PermissionCodes: z.array(Str).default([]), PermissionRules: z.array(PermissionRule).default([]) }),
    )
    .optional(),
})
export type ModulePermission = z.infer<typeof ModulePermissionSchema>

export const WorkspaceRoleSchema = z.object({
  RoleId: Str,
  RoleName: Str,
  Creator: Str.optional(),
  Status: Str.optional(),
  GmtCreateTime: Str.optional(),
  GmtModifiedTime: Str.optional(),
  ModulePermissions: z.array(ModulePermissionSchema).default([]),
})
export type WorkspaceRole = z.infer<typeof WorkspaceRoleSchema>
export const GetWorkspaceRoleResponse = WorkspaceRoleSchema.extend(Rid)
export const ListWorkspaceRolesResponse = z.object({
  ...Rid,
  TotalCount: z.coerce.number().default(0),
  Roles: z.array(WorkspaceRoleSchema).default([]),
})
export const RoleJobResponse = z.object({ ...Rid, InstanceJobId: Str })

const ModulePermissionInput = z.object({
  ModuleName: Str.min(1),
  PermissionType: z.enum(['NoPrivilege', 'ReadOnly', 'ReadWrite', 'FullAccess', 'CustomPermissions']),
  Permissions: z
    .array(
      z.object({
        PermissionCodes: z.array(Str),
        PermissionRules: z
          .array(
            z.object({
              Accessibility: z.enum(['PUBLIC', 'PRIVATE', 'ANY']),
              EntityAccessType: z.enum(['CREATOR', 'ANY']).optional(),
            }),
          )
          .optional(),
      }),
    )
    .optional(),
})
export const CreateWorkspaceRoleInput = z.object({
  RoleName: Str.min(1).max(64),
  ModulePermissions: z.array(ModulePermissionInput).default([]),
})
export type CreateWorkspaceRoleInput = z.input<typeof CreateWorkspaceRoleInput>
export const UpdateWorkspaceRoleInput = z.object({
  RoleName: Str.min(1).max(64).optional(),
  ModulePermissions: z.array(ModulePermissionInput).optional(),
})
export type UpdateWorkspaceRoleInput = z.infer<typeof UpdateWorkspaceRoleInput>

export const ListWorkspaceRolesInput = z.object({
  PageNumber: z.number().int().min(1).optional(),
  PageSize: z.number().int().min(1).max(100).optional(),
  RoleName: Str.optional(),
  RoleIds: Str.optional(),
  Status: Str.optional(),
  VerboseFields: z.literal('ModulePermissions').optional(),
})
export type ListWorkspaceRolesInput = z.infer<typeof ListWorkspaceRolesInput>

export const InstanceJobSchema = z.object({
  ...Rid,
  InstanceJobId: Str,
  /** Running states vary; `Successful` and `Failed` are final (pai-api.md §1.6). */
  Status: Str,
  Type: Str.optional(),
  InstanceId: Str.optional(),
  ReasonMessage: Str.optional(),
  GmtCreateTime: Str.optional(),
})
export type InstanceJob = z.infer<typeof InstanceJobSchema>
