import type { z } from 'zod'
import { AppError } from '@shared/ipc/errors'
import { encodePath, type AcsTransport } from '../acs-send'
import { parseJson, runOp, type CallOptions, type RetryContext } from '../caller'
import { collectPages, type Page } from '../paginate'
import { sleep } from '../retry'
import * as S from './schemas'

export type { Page } from '../paginate'

/** The AIWorkSpace 2021-02-04 operations the app uses (pai-api.md §1). Field names are the API's. */
export interface PaiClient {
  readonly endpoint: string
  // workspaces (§1.2)
  /** Not idempotent (no ClientToken): pass `reconcile` (e.g. findWorkspaceByName) to survive a lost answer. */
  createWorkspace(
    input: S.CreateWorkspaceInput,
    opts?: CallOptions<{ WorkspaceId: string }>,
  ): Promise<{ WorkspaceId: string }>
  getWorkspace(workspaceId: string, opts?: { verbose?: boolean }): Promise<S.Workspace>
  listWorkspaces(input?: S.ListWorkspacesInput): Promise<Page<S.Workspace>>
  /** Every page of ListWorkspaces. */
  listAllWorkspaces(input?: Omit<S.ListWorkspacesInput, 'PageNumber'>): Promise<S.Workspace[]>
  /** The workspace with exactly this name, if any (ListWorkspaces filters by name fuzzily). */
  findWorkspaceByName(name: string): Promise<S.Workspace | undefined>
  /** Polls GetWorkspace until Status is one of `statuses` (CreateWorkspace is asynchronous). */
  waitForWorkspaceStatus(
    workspaceId: string,
    statuses: string[],
    opts?: { timeoutMs?: number; intervalMs?: number },
  ): Promise<S.Workspace>
  updateWorkspace(workspaceId: string, input: S.UpdateWorkspaceInput): Promise<void>
  deleteWorkspace(workspaceId: string): Promise<void>
  // members (§1.3)
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
  // compute resources (§1.4)
  /** Not idempotent: pass `reconcile` (e.g. listAllResources filtered by Name) to survive a lost answer. */
  createWorkspaceResource(
    workspaceId: string,
    input: S.CreateWorkspaceResourceInput,
    opts?: CallOptions<string[]>,
  ): Promise<string[]>
  listResources(workspaceId: string, input?: S.ListResourcesInput): Promise<Page<S.Resource>>
  listAllResources(workspaceId: string, input?: Omit<S.ListResourcesInput, 'PageNumber'>): Promise<S.Resource[]>
  updateWorkspaceResource(workspaceId: string, input: S.UpdateWorkspaceResourceInput): Promise<string[]>
  // configs (§1.5)
  listConfigs(workspaceId: string, input?: S.ListConfigsInput): Promise<S.Config[]>
  /** Upsert; `CategoryName` is filled from CONFIG_CATEGORIES for the documented keys when omitted. */
  updateConfigs(workspaceId: string, input: S.UpdateConfigsInput): Promise<void>
  // permissions and custom roles (§1.6)
  listPermissions(workspaceId: string): Promise<S.Permission[]>
  /** Asynchronous: returns the job to poll (waitForInstanceJob). Not idempotent: reconcile by RoleName. */
  createWorkspaceRole(
    workspaceId: string,
    input: S.CreateWorkspaceRoleInput,
    opts?: CallOptions<{ InstanceJobId: string }>,
  ): Promise<{ InstanceJobId: string }>
  getWorkspaceRole(workspaceId: string, roleId: string): Promise<S.WorkspaceRole>
  listWorkspaceRoles(workspaceId: string, input?: S.ListWorkspaceRolesInput): Promise<Page<S.WorkspaceRole>>
  listAllWorkspaceRoles(
    workspaceId: string,
    input?: Omit<S.ListWorkspaceRolesInput, 'PageNumber'>,
  ): Promise<S.WorkspaceRole[]>
  updateWorkspaceRole(
    workspaceId: string,
    roleId: string,
    input: S.UpdateWorkspaceRoleInput,
  ): Promise<{ InstanceJobId: string }>
  deleteWorkspaceRoles(workspaceId: string, roleIds: string[]): Promise<void>
  getInstanceJob(instanceJobId: string): Promise<S.InstanceJob>
  /** Polls GetInstanceJob until `Successful` (returned) or `Failed` (CLOUD_ROLE_JOB_FAILED); CLOUD_ROLE_JOB_TIMEOUT after `timeoutMs`. */
  waitForInstanceJob(instanceJobId: string, opts?: { timeoutMs?: number; intervalMs?: number }): Promise<S.InstanceJob>
}

export interface CreatedMember {
  MemberId: string
  UserId: string
  DisplayName?: string
  Roles: string[]
}

const VERSION = '2021-02-04'
const ws = (id: string): string => `/api/v1/workspaces/${encodePath(id)}`

interface Spec {
  action: string
  method: 'GET' | 'POST' | 'PUT' | 'DELETE'
  path: string
  query?: Record<string, unknown>
  body?: Record<string, unknown>
  idempotent: boolean
  params?: Record<string, unknown>
}

function validate<Sch extends z.ZodType>(schema: Sch, input: unknown, action: string): z.infer<Sch> {
  const r = schema.safeParse(input)
  if (!r.success)
    throw new AppError('VALIDATION', {
      params: { summary: `${action}: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}` },
    })
  return r.data
}

/** Deletes are retried when their outcome is unknown; a retry that finds the object gone means done. */
async function goneIsDone(p: Promise<unknown>): Promise<void> {
  try {
    await p
  } catch (err) {
    const d = err instanceof AppError ? (err.details as { attempts?: number } | undefined) : undefined
    if (err instanceof AppError && err.code === 'CLOUD_NOT_FOUND' && (d?.attempts ?? 1) > 1) return
    throw err
  }
}

export function createPaiClient(t: AcsTransport, ctx: RetryContext): PaiClient {
  function call<Sch extends z.ZodType>(
    spec: Spec,
    schema: Sch,
    opts?: CallOptions<z.infer<Sch>>,
  ): Promise<z.infer<Sch>> {
    const op = {
      service: 'pai',
      action: spec.action,
      endpoint: t.endpoint,
      idempotent: spec.idempotent,
      params: spec.params,
    }
    return runOp(
      ctx,
      op,
      () =>
        t.send({
          service: 'pai',
          action: spec.action,
          version: VERSION,
          style: 'ROA',
          method: spec.method,
          pathname: spec.path,
          query: spec.query,
          body: spec.body,
        }),
      (res) => parseJson(schema, res, op),
      opts,
    )
  }

  const client: PaiClient = {
    endpoint: t.endpoint,

    async createWorkspace(input, opts) {
      const body = validate(S.CreateWorkspaceInput, input, 'CreateWorkspace')
      const r = await call(
        {
          action: 'CreateWorkspace',
          method: 'POST',
          path: '/api/v1/workspaces',
          body,
          idempotent: false,
          params: { name: body.WorkspaceName },
        },
        S.CreateWorkspaceResponse,
        opts,
      )
      return { WorkspaceId: r.WorkspaceId }
    },
    getWorkspace(workspaceId, opts) {
      return call(
        {
          action: 'GetWorkspace',
          method: 'GET',
          path: ws(workspaceId),
          query: { Verbose: opts?.verbose },
          idempotent: true,
        },
        S.GetWorkspaceResponse,
      )
    },
    async listWorkspaces(input = {}) {
      const query = validate(S.ListWorkspacesInput, input, 'ListWorkspaces')
      const r = await call(
        { action: 'ListWorkspaces', method: 'GET', path: '/api/v1/workspaces', query, idempotent: true },
        S.ListWorkspacesResponse,
      )
      return {
        items: r.Workspaces,
        totalCount: r.TotalCount,
        pageNumber: query.PageNumber ?? 1,
        pageSize: query.PageSize ?? 20,
        requestId: r.RequestId,
      }
    },
    listAllWorkspaces(input = {}) {
      return collectPages((PageNumber, PageSize) => client.listWorkspaces({ ...input, PageNumber, PageSize }))
    },
    async findWorkspaceByName(name) {
      const all = await client.listAllWorkspaces({ WorkspaceName: name })
      return all.find((w) => w.WorkspaceName === name)
    },
    async waitForWorkspaceStatus(workspaceId, statuses, opts = {}) {
      const deadline = Date.now() + (opts.timeoutMs ?? 6 * 60_000)
      for (;;) {
        const w = await client.getWorkspace(workspaceId)
        if (w.Status !== undefined && statuses.includes(w.Status)) return w
        if (Date.now() > deadline) return w
        await sleep(opts.intervalMs ?? 2_000)
      }
    },
    async updateWorkspace(workspaceId, input) {
      const body = validate(S.UpdateWorkspaceInput, input, 'UpdateWorkspace')
      await call(
        { action: 'UpdateWorkspace', method: 'PUT', path: ws(workspaceId), body, idempotent: true },
        S.RequestIdOnly,
      )
    },
    deleteWorkspace(workspaceId) {
      return goneIsDone(
        call({ action: 'DeleteWorkspace', method: 'DELETE', path: ws(workspaceId), idempotent: true }, S.RequestIdOnly),
      )
    },

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
      return {
        items: r.Members,
        totalCount: r.TotalCount,
        pageNumber: query.PageNumber ?? 1,
        pageSize: query.PageSize ?? 20,
        requestId: r.RequestId,
      }
    },
    listAllMembers(workspaceId, input = {}) {
      return collectPages((PageNumber, PageSize) => client.listMembers(workspaceId, { ...input, PageNumber, PageSize }))
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

    async createWorkspaceResource(workspaceId, input, opts) {
      const v = validate(S.CreateWorkspaceResourceInput, input, 'CreateWorkspaceResource')
      const body = { ...v, Resources: v.Resources.map((r) => ({ ...r, WorkspaceId: workspaceId })) }
      const r = await call(
        {
          action: 'CreateWorkspaceResource',
          method: 'POST',
          path: `${ws(workspaceId)}/resources`,
          body,
          idempotent: false,
        },
        S.CreateWorkspaceResourceResponse,
        opts && wrapReconcile(opts, (ids: string[]) => ({ Resources: ids.map((Id) => ({ Id })) })),
      )
      return r.Resources.map((x) => x.Id)
    },
    async listResources(workspaceId, input = {}) {
      const q = validate(S.ListResourcesInput, input, 'ListResources')
      const r = await call(
        {
          action: 'ListResources',
          method: 'GET',
          path: '/api/v1/resources',
          query: { Option: 'ListResourceByWorkspace', ...q, WorkspaceId: workspaceId },
          idempotent: true,
        },
        S.ListResourcesResponse,
      )
      return {
        items: r.Resources,
        totalCount: r.TotalCount,
        pageNumber: q.PageNumber ?? 1,
        pageSize: q.PageSize ?? 20,
        requestId: r.RequestId,
      }
    },
    listAllResources(workspaceId, input = {}) {
      return collectPages((PageNumber, PageSize) =>
        client.listResources(workspaceId, { ...input, PageNumber, PageSize }),
      )
    },
    async updateWorkspaceResource(workspaceId, input) {
      const body = validate(S.UpdateWorkspaceResourceInput, input, 'UpdateWorkspaceResource')
      const r = await call(
        {
          action: 'UpdateWorkspaceResource',
          method: 'PUT',
          path: `${ws(workspaceId)}/resources`,
          body,
          idempotent: true,
        },
        S.UpdateWorkspaceResourceResponse,
      )
      return r.ResourceIds
    },

    async listConfigs(workspaceId, input = {}) {
      const query = validate(S.ListConfigsInput, input, 'ListConfigs')
      const r = await call(
        { action: 'ListConfigs', method: 'GET', path: `${ws(workspaceId)}/configs`, query, idempotent: true },
        S.ListConfigsResponse,
      )
      return r.Configs
    },
    async updateConfigs(workspaceId, input) {
      const v = validate(S.UpdateConfigsInput, input, 'UpdateConfigs')
      const body = {
        Configs: v.Configs.map((c) => ({ ...c, CategoryName: c.CategoryName ?? S.CONFIG_CATEGORIES[c.ConfigKey] })),
      }
      await call(
        { action: 'UpdateConfigs', method: 'PUT', path: `${ws(workspaceId)}/configs`, body, idempotent: true },
        S.RequestIdOnly,
      )
    },

    async listPermissions(workspaceId) {
      const r = await call(
        { action: 'ListPermissions', method: 'GET', path: `${ws(workspaceId)}/permissions`, idempotent: true },
        S.ListPermissionsResponse,
      )
      return r.Permissions
    },
    async createWorkspaceRole(workspaceId, input, opts) {
      const v = validate(S.CreateWorkspaceRoleInput, input, 'CreateWorkspaceRole')
      const r = await call(
        {
          action: 'CreateWorkspaceRole',
          method: 'POST',
          path: `${ws(workspaceId)}/roles`,
          body: { ...v, RoleType: 'custom' },
          idempotent: false,
        },
        S.RoleJobResponse,
        opts,
      )
      return { InstanceJobId: r.InstanceJobId }
    },
    getWorkspaceRole(workspaceId, roleId) {
      return call(
        {
          action: 'GetWorkspaceRole',
          method: 'GET',
          path: `${ws(workspaceId)}/roles/${encodePath(roleId)}`,
          idempotent: true,
        },
        S.GetWorkspaceRoleResponse,
      )
    },
    async listWorkspaceRoles(workspaceId, input = {}) {
      const query = validate(S.ListWorkspaceRolesInput, input, 'ListWorkspaceRoles')
      const r = await call(
        {
          action: 'ListWorkspaceRoles',
          method: 'GET',
          path: `${ws(workspaceId)}/roles`,
          query: { RoleType: 'custom', ...query },
          idempotent: true,
        },
        S.ListWorkspaceRolesResponse,
      )
      return {
        items: r.Roles,
        totalCount: r.TotalCount,
        pageNumber: query.PageNumber ?? 1,
        pageSize: query.PageSize ?? 20,
        requestId: r.RequestId,
      }
    },
    listAllWorkspaceRoles(workspaceId, input = {}) {
      return collectPages((PageNumber, PageSize) =>
        client.listWorkspaceRoles(workspaceId, { VerboseFields: 'ModulePermissions', ...input, PageNumber, PageSize }),
      )
    },
    async updateWorkspaceRole(workspaceId, roleId, input) {
      const body = validate(S.UpdateWorkspaceRoleInput, input, 'UpdateWorkspaceRole')
      const r = await call(
        {
          action: 'UpdateWorkspaceRole',
          method: 'PUT',
          path: `${ws(workspaceId)}/roles/${encodePath(roleId)}`,
          body,
          idempotent: true,
        },
        S.RoleJobResponse,
      )
      return { InstanceJobId: r.InstanceJobId }
    },
    deleteWorkspaceRoles(workspaceId, roleIds) {
      return goneIsDone(
        call(
          {
            action: 'DeleteWorkspaceRoles',
            method: 'POST',
            path: `${ws(workspaceId)}/roles/action/delete`,
            body: { RoleIds: roleIds },
            idempotent: true,
          },
          S.RequestIdOnly,
        ),
      )
    },
    getInstanceJob(instanceJobId) {
      return call(
        {
          action: 'GetInstanceJob',
          method: 'GET',
          path: `/api/v1/instancejobs/${encodePath(instanceJobId)}`,
          idempotent: true,
        },
        S.InstanceJobSchema,
      )
    },
    async waitForInstanceJob(instanceJobId, opts = {}) {
      const timeoutMs = opts.timeoutMs ?? 60_000
      const deadline = Date.now() + timeoutMs
      for (;;) {
        const job = await client.getInstanceJob(instanceJobId)
        if (job.Status === 'Successful' || job.Status === 'Succeeded') return job
        if (job.Status === 'Failed')
          throw new AppError('CLOUD_ROLE_JOB_FAILED', {
            params: { reason: job.ReasonMessage ?? job.Status },
            details: { job },
          })
        if (Date.now() > deadline)
          throw new AppError('CLOUD_ROLE_JOB_TIMEOUT', {
            params: { jobId: instanceJobId, seconds: Math.round(timeoutMs / 1000) },
            details: { job },
          })
        await sleep(opts.intervalMs ?? 500)
      }
    },
  }
  return client
}

/** Adapts a caller's reconcile (typed on our result) to the raw answer type runOp parses. */
function wrapReconcile<T, R>(opts: CallOptions<T>, toRaw: (t: T) => R): CallOptions<R & { RequestId?: string }> {
  const { reconcile, signal } = opts
  return {
    signal,
    reconcile: reconcile
      ? async () => {
          const found = await reconcile()
          return found === undefined ? undefined : (toRaw(found) as R & { RequestId?: string })
        }
      : undefined,
  }
}
