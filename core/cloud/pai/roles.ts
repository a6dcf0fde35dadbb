import { AppError } from '@shared/ipc/errors'
import { encodePath } from '../acs-send'
import type { CallOptions } from '../caller'
import { collectPages, type Page } from '../paginate'
import { sleep } from '../retry'
import { goneIsDone, pageOf, validate, ws, type PaiCall } from './call'
import * as S from './schemas'

/** The caller's permissions, custom roles and the jobs that create or change them (docs/pai-api-facts.md §1.6). */
export interface RolesApi {
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

export function rolesApi(call: PaiCall): RolesApi {
  const api: RolesApi = {
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
      return pageOf(r.Roles, r, query)
    },
    listAllWorkspaceRoles(workspaceId, input = {}) {
      return collectPages((PageNumber, PageSize) =>
        api.listWorkspaceRoles(workspaceId, { VerboseFields: 'ModulePermissions', ...input, PageNumber, PageSize }),
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
        const job = await api.getInstanceJob(instanceJobId)
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
  return api
}
