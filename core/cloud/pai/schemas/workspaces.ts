import { z } from 'zod'
import { Id, Str, Rid } from './common'

// ---- workspaces (§1.2)

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
/** `ListWorkspaces Option=CheckWorkspaceExists`: only the count is relied on; items are read leniently. */
export const CheckWorkspaceExistsResponse = z.object({
  ...Rid,
  TotalCount: z.coerce.number().default(0),
  Workspaces: z.array(z.object({ WorkspaceId: Id.optional(), WorkspaceName: Str.optional() })).default([]),
})
export const CreateWorkspaceResponse = z.object({ ...Rid, WorkspaceId: Id })

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
  /** `GetWorkspaces` (default); `CheckWorkspaceExists` with `WorkspaceName` checks a name before creating (W4). */
  Option: z.enum(['GetWorkspaces', 'GetResourceLimits', 'CheckWorkspaceExists']).optional(),
})
export type ListWorkspacesInput = z.infer<typeof ListWorkspacesInput>

export const UpdateWorkspaceInput = z.object({ DisplayName: Str.optional(), Description: Str.optional() })
export type UpdateWorkspaceInput = z.infer<typeof UpdateWorkspaceInput>
