import { BUILTIN_ROLE_IDS, WorkspaceConfigSchema, type WorkspaceConfig } from '@shared/domain'
import type { AccessChangeRequest } from '@shared/ipc/channels/access'
import { AppError } from '@shared/ipc/errors'
import type { Store } from '../store'
import { copyMembers, grantRoles, removeMember, replaceRole, revokeRoles, type Edited } from './access-edits'

/** One workspace a bulk change touches, and the edit it makes there. */
export interface Target {
  profileId: string
  workspaceId: string
  /** The edit of a workspace's current config; `cached` is its cloud copy in the cache. */
  edit: (config: WorkspaceConfig, cached: WorkspaceConfig | undefined) => Edited
}

const BUILTIN = new Set<string>(BUILTIN_ROLE_IDS)

/**
 * Which workspaces a bulk access change touches and what it does to each: grant and revoke on the chosen (or,
 * for revoke, every) workspace of the users, offboarding on every workspace of the user, copy from one
 * workspace's cached members, replace wherever the role is held. Users, roles and workspaces must be known.
 */
export class BulkTargets {
  constructor(private readonly store: Store) {}

  private cachedConfig(profileId: string, workspaceId: string): WorkspaceConfig | undefined {
    const got = this.store.workspaces.getConfig(profileId, workspaceId, WorkspaceConfigSchema)
    return got?.config.ok ? got.config.value : undefined
  }

  private knownUser(userId: string): void {
    if (!this.store.access.user(userId)) throw new AppError('ACCESS_USER_UNKNOWN', { params: { userId } })
  }

  private knownRoles(roles: readonly string[]): void {
    const custom = new Set(this.store.access.customRoleNameList())
    const unknown = roles.filter((r) => !BUILTIN.has(r) && !custom.has(r))
    if (unknown.length) throw new AppError('ACCESS_ROLE_UNKNOWN', { params: { roles: unknown.join(', ') } })
  }

  private knownWorkspace(w: { profileId: string; workspaceId: string }): void {
    if (!this.store.workspaces.get(w.profileId, w.workspaceId))
      throw new AppError('ACCESS_WORKSPACE_UNKNOWN', { params: { workspace: `${w.profileId}/${w.workspaceId}` } })
  }

  private userWorkspaces(userIds: readonly string[]): Array<{ profileId: string; workspaceId: string }> {
    const seen = new Map<string, { profileId: string; workspaceId: string }>()
    for (const u of userIds)
      for (const m of this.store.access.memberships(u))
        seen.set(`${m.profileId}/${m.workspaceId}`, { profileId: m.profileId, workspaceId: m.workspaceId })
    return [...seen.values()]
  }

  /** The affected workspaces and what the change does to each (refused when a user, role or workspace is unknown). */
  of(req: AccessChangeRequest): Target[] {
    switch (req.kind) {
      case 'grant': {
        req.userIds.forEach((u) => this.knownUser(u))
        this.knownRoles(req.roles)
        req.workspaces.forEach((w) => this.knownWorkspace(w))
        return req.workspaces.map((w) => ({ ...w, edit: (c) => grantRoles(c, req.userIds, req.roles) }))
      }
      case 'revoke': {
        req.userIds.forEach((u) => this.knownUser(u))
        this.knownRoles(req.roles)
        req.workspaces?.forEach((w) => this.knownWorkspace(w))
        const ws = req.workspaces ?? this.userWorkspaces(req.userIds)
        return ws.map((w) => ({ ...w, edit: (c) => revokeRoles(c, req.userIds, req.roles) }))
      }
      case 'offboard': {
        this.knownUser(req.userId)
        return this.userWorkspaces([req.userId]).map((w) => ({
          ...w,
          edit: (c, cached) => removeMember(c, req.userId, cached),
        }))
      }
      case 'copy': {
        this.knownWorkspace(req.from)
        req.to.forEach((w) => this.knownWorkspace(w))
        const from = this.cachedConfig(req.from.profileId, req.from.workspaceId)
        if (!from) throw new AppError('DRAFT_NO_CLOUD_COPY', { params: { workspaceId: req.from.workspaceId } })
        return req.to
          .filter((w) => w.profileId !== req.from.profileId || w.workspaceId !== req.from.workspaceId)
          .map((w) => ({ ...w, edit: (c) => copyMembers(from, c) }))
      }
      case 'replace': {
        this.knownRoles([req.role, req.with])
        req.workspaces?.forEach((w) => this.knownWorkspace(w))
        const holding = BUILTIN.has(req.role) ? { builtinRoles: [req.role] } : { customRoleNames: [req.role] }
        const ws = req.workspaces ?? this.store.access.workspaces(holding)
        return ws.map((w) => ({
          profileId: w.profileId,
          workspaceId: w.workspaceId,
          edit: (c) => replaceRole(c, req.role, req.with),
        }))
      }
    }
  }
}
