import type { CallOptions } from '../caller'
import { collectPages, type Page } from '../paginate'
import { sleep } from '../retry'
import { goneIsDone, pageOf, validate, ws, type PaiCall } from './call'
import * as S from './schemas'

/** Workspaces (docs/pai-api-facts.md §1.2). */
export interface WorkspacesApi {
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
  /**
   * W4 online: whether the name is taken (by a PAI workspace, a DataWorks one, or one in the recycle bin), as
   * `ListWorkspaces Option=CheckWorkspaceExists` answers it: `TotalCount >= 1` means taken (Alibaba's own
   * workspace skill reads it so); the first item, when given, names the holder.
   */
  checkWorkspaceName(name: string): Promise<{ taken: boolean; workspaceId?: string; workspaceName?: string }>
  /** Polls GetWorkspace until Status is one of `statuses` (CreateWorkspace is asynchronous). */
  waitForWorkspaceStatus(
    workspaceId: string,
    statuses: string[],
    opts?: { timeoutMs?: number; intervalMs?: number },
  ): Promise<S.Workspace>
  updateWorkspace(workspaceId: string, input: S.UpdateWorkspaceInput): Promise<void>
  deleteWorkspace(workspaceId: string): Promise<void>
}

export function workspacesApi(call: PaiCall): WorkspacesApi {
  const api: WorkspacesApi = {
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
      return pageOf(r.Workspaces, r, query)
    },
    listAllWorkspaces(input = {}) {
      return collectPages((PageNumber, PageSize) => api.listWorkspaces({ ...input, PageNumber, PageSize }))
    },
    async findWorkspaceByName(name) {
      const all = await api.listAllWorkspaces({ WorkspaceName: name })
      return all.find((w) => w.WorkspaceName === name)
    },
    async checkWorkspaceName(name) {
      const query = validate(
        S.ListWorkspacesInput,
        { Option: 'CheckWorkspaceExists', WorkspaceName: name },
        'ListWorkspaces',
      )
      const r = await call(
        { action: 'ListWorkspaces', method: 'GET', path: '/api/v1/workspaces', query, idempotent: true },
        S.CheckWorkspaceExistsResponse,
      )
      const first = r.Workspaces[0]
      const out: { taken: boolean; workspaceId?: string; workspaceName?: string } = {
        taken: r.TotalCount >= 1 || r.Workspaces.length > 0,
      }
      if (first?.WorkspaceId) out.workspaceId = first.WorkspaceId
      if (first?.WorkspaceName) out.workspaceName = first.WorkspaceName
      return out
    },
    async waitForWorkspaceStatus(workspaceId, statuses, opts = {}) {
      const deadline = Date.now() + (opts.timeoutMs ?? 6 * 60_000)
      for (;;) {
        const w = await api.getWorkspace(workspaceId)
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
  }
  return api
}
