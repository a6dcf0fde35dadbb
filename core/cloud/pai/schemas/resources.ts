import { z } from 'zod'
import { Id, Str, Labels, Rid } from './common'

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
