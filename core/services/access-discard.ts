import { WorkspaceConfigSchema, type WorkspaceConfig } from '@shared/domain'
import type { AccessChangeRequest, AccessDiscardResult } from '@shared/ipc/channels/access'
import type { Store } from '../store'
import { contentHash } from '../store/json'
import { revertMembers } from './access-edits'

/** A part of a bulk change as the change record keeps it (what discarding needs of it). */
interface DiscardPart {
  profileId: string
  workspaceId: string
  drafted: boolean
  runId?: string | undefined
}

/** The users a change touched in one workspace, whose members go back to the base when it is discarded. */
function touchedUsers(req: AccessChangeRequest, base: WorkspaceConfig, from?: WorkspaceConfig): Set<string> {
  switch (req.kind) {
    case 'grant':
    case 'revoke':
      return new Set(req.userIds)
    case 'offboard':
      return new Set([req.userId])
    case 'copy':
      return new Set((from?.members ?? []).map((m) => m.userId))
    case 'replace': {
      const id = base.customRoles.find((r) => r.name === req.role)?.roleId ?? req.role
      return new Set(base.members.filter((m) => m.roles.includes(id)).map((m) => m.userId))
    }
  }
}

const same = (a: WorkspaceConfig, b: WorkspaceConfig): boolean => contentHash(a) === contentHash(b)

/**
 * Discards a bulk change not applied yet: on each of its drafts the touched members return to the draft's base;
 * a draft left equal to its base is deleted, one with other edits keeps them. Parts already queued are left to
 * their runs. Returns the keys of the drafts it changed, and what became of the parts.
 */
export function discardParts(
  store: Store,
  req: AccessChangeRequest,
  parts: readonly DiscardPart[],
): AccessDiscardResult & { changedKeys: Array<{ profileId: string; workspaceId: string }> } {
  const out = {
    removed: 0,
    reverted: 0,
    queued: 0,
    changedKeys: [] as Array<{ profileId: string; workspaceId: string }>,
  }
  const cached = (p: { profileId: string; workspaceId: string }): WorkspaceConfig | undefined => {
    const got = store.workspaces.getConfig(p.profileId, p.workspaceId, WorkspaceConfigSchema)
    return got?.config.ok ? got.config.value : undefined
  }
  const from = req.kind === 'copy' ? cached(req.from) : undefined
  for (const p of parts) {
    if (!p.drafted) continue
    if (p.runId) {
      out.queued++
      continue
    }
    const d = store.drafts.get(p.profileId, p.workspaceId, WorkspaceConfigSchema, WorkspaceConfigSchema)
    if (!d?.draft.ok) continue
    const base = d.base?.ok ? d.base.value : cached(p)
    if (!base) continue
    const next = revertMembers(d.draft.value, base, touchedUsers(req, base, from))
    if (same(next, base)) {
      store.drafts.delete(p.profileId, p.workspaceId, d.revision)
      out.removed++
    } else if (!same(next, d.draft.value)) {
      store.drafts.save({
        profileId: p.profileId,
        workspaceKey: p.workspaceId,
        draft: next,
        expectedRevision: d.revision,
      })
      out.reverted++
    } else continue
    out.changedKeys.push({ profileId: p.profileId, workspaceId: p.workspaceId })
  }
  return out
}
