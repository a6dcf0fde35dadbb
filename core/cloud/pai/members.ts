import { encodePath } from '../acs-send'
import type { CallOptions } from '../caller'
import { collectPages, type Page } from '../paginate'
import { goneIsDone, pageOf, validate, wrapReconcile, ws, type PaiCall } from './call'
import * as S from './schemas'

export interface CreatedMember {
  MemberId: string
  UserId: string
  DisplayName?: string
  Roles: string[]
}

/** Members and their roles (docs/pai-api-facts.md §1.3). */
export interface MembersApi {
  /** Not idempotent: pass `reconcile` (e.g. listAllMembers filtered by UserId) to survive a lost answer. */
  createMembers(
    workspaceId: string,
    input: S.CreateMembersInput,
    opts?: CallOptions<CreatedMember[]>,
  ): Promise<CreatedMember[]>
  listMembers(workspaceId: string, input?: S.ListMembersInput): Promise<Page<S.Member>>
  listAllMembers(workspaceId: string, input?: Omit<S.ListMembersInput, 'PageNumber'>): Promise<S.Member[]>
  getMember(workspaceId: string, by: { MemberId: string } | { UserId: string }): Promise<S.Member>
  deleteMembers(workspaceId: string, memberIds: string[]): Promise<void>
  addMemberRole(workspaceId: string, memberId: string, roleName: string): Promise<void>
  removeMemberRole(workspaceId: string, memberId: string, roleName: string): Promise<void>
  /** RAM users and roles of the account that are not members yet. */
  listWorkspaceUsers(workspaceId: string, input?: { UserName?: string; UserId?: string }): Promise<S.WorkspaceUser[]>
}

export function membersApi(call: PaiCall): MembersApi {
  const api: MembersApi = {
    async createMembers(workspaceId, input, opts) {
      const body = validate(S.CreateMembersInput, input, 'CreateMember')
      const r = await call(
        { action: 'CreateMember', method: 'POST', path: `${ws(workspaceId)}/members`, body, idempotent: false },
        S.CreateMembersResponse,
        opts && wrapReconcile(opts, (m: CreatedMember[]) => ({ Members: m })),
      )
      return r.Members
    },
    async listMembers(workspaceId, input = {}) {
      const query = validate(S.ListMembersInput, input, 'ListMembers')
      const r = await call(
        { action: 'ListMembers', method: 'GET', path: `${ws(workspaceId)}/members`, query, idempotent: true },
        S.ListMembersResponse,
      )
      return pageOf(r.Members, r, query)
    },
    listAllMembers(workspaceId, input = {}) {
      return collectPages((PageNumber, PageSize) => api.listMembers(workspaceId, { ...input, PageNumber, PageSize }))
    },
    getMember(workspaceId, by) {
      return call(
        { action: 'GetMember', method: 'GET', path: `${ws(workspaceId)}/member`, query: by, idempotent: true },
        S.GetMemberResponse,
      )
    },
    deleteMembers(workspaceId, memberIds) {
      return goneIsDone(
        call(
          {
            action: 'DeleteMembers',
            method: 'DELETE',
            path: `${ws(workspaceId)}/members`,
            query: { MemberIds: memberIds.join(',') },
            idempotent: true,
          },
          S.DeleteMembersResponse,
        ),
      )
    },
    async addMemberRole(workspaceId, memberId, roleName) {
      await call(
        {
          action: 'AddMemberRole',
          method: 'POST',
          path: `${ws(workspaceId)}/members/${encodePath(memberId)}/roles/${encodePath(roleName)}`,
          idempotent: true,
        },
        S.RequestIdOnly,
      )
    },
    async removeMemberRole(workspaceId, memberId, roleName) {
      await call(
        {
          action: 'RemoveMemberRole',
          method: 'DELETE',
          path: `${ws(workspaceId)}/members/${encodePath(memberId)}/roles/${encodePath(roleName)}`,
          idempotent: true,
        },
        S.RequestIdOnly,
      )
    },
    async listWorkspaceUsers(workspaceId, input = {}) {
      const r = await call(
        {
          action: 'ListWorkspaceUsers',
          method: 'GET',
          path: `${ws(workspaceId)}/users`,
          query: input,
          idempotent: true,
        },
        S.ListWorkspaceUsersResponse,
      )
      return r.Users
    },
  }
  return api
}
