import type { CallOptions } from '../caller'
import { collectPages, type Page } from '../paginate'
import { pageOf, validate, wrapReconcile, ws, type PaiCall } from './call'
import * as S from './schemas'

/** Compute resources (docs/pai-api-facts.md §1.4). */
export interface ResourcesApi {
  /** Not idempotent: pass `reconcile` (e.g. listAllResources filtered by Name) to survive a lost answer. */
  createWorkspaceResource(
    workspaceId: string,
    input: S.CreateWorkspaceResourceInput,
    opts?: CallOptions<string[]>,
  ): Promise<string[]>
  listResources(workspaceId: string, input?: S.ListResourcesInput): Promise<Page<S.Resource>>
  listAllResources(workspaceId: string, input?: Omit<S.ListResourcesInput, 'PageNumber'>): Promise<S.Resource[]>
  updateWorkspaceResource(workspaceId: string, input: S.UpdateWorkspaceResourceInput): Promise<string[]>
}

export function resourcesApi(call: PaiCall): ResourcesApi {
  const api: ResourcesApi = {
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
      return pageOf(r.Resources, r, q)
    },
    listAllResources(workspaceId, input = {}) {
      return collectPages((PageNumber, PageSize) => api.listResources(workspaceId, { ...input, PageNumber, PageSize }))
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
  }
  return api
}
