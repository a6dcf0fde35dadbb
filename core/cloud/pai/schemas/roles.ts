import { z } from 'zod'
import { Str, Rid } from './common'

// ---- permissions and custom roles (§1.6)

const PermissionRule = z.object({ Accessibility: Str.optional(), EntityAccessType: Str.optional() })
export const PermissionSchema = z.object({ PermissionCode: Str, PermissionRules: z.array(PermissionRule).default([]) })
export type Permission = z.infer<typeof PermissionSchema>
export const ListPermissionsResponse = z.object({
  ...Rid,
  TotalCount: z.coerce.number().optional(),
  Permissions: z.array(PermissionSchema).default([]),
})

/** One module of a custom role. Loose: whatever else the cloud sends (permission points…) is kept as sent. */
export const ModulePermissionSchema = z.looseObject({ ModuleName: Str, PermissionType: Str })

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

/**
 * One module as sent. Loose at every level: a module read from a console-made role (CustomRole.keptModules) goes
 * back exactly as the cloud sent it, with fields the app does not know.
 */
const ModulePermissionInput = z.looseObject({
  ModuleName: Str.min(1),
  PermissionType: Str.min(1),
  Permissions: z
    .array(z.looseObject({ PermissionCodes: z.array(Str), PermissionRules: z.array(z.looseObject({})).optional() }))
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
  /** Running states vary; `Successful` and `Failed` are final (docs/pai-api-facts.md §1.6). */
  Status: Str,
  Type: Str.optional(),
  InstanceId: Str.optional(),
  ReasonMessage: Str.optional(),
  GmtCreateTime: Str.optional(),
})
export type InstanceJob = z.infer<typeof InstanceJobSchema>
