import { z } from 'zod'
import { Id, Str, Rid } from './common'

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
