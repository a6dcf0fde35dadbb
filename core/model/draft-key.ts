import { AppError } from '@shared/ipc/errors'

/**
 * The renderer's handle on a draft: `<profileId>:<workspaceKey>`, or `offline:<workspaceKey>` for a draft
 * made with no profile. workspaceKey is the cloud WorkspaceId, or `local-…` for a workspace not created yet.
 */
export interface DraftKeyParts {
  profileId: string | null
  workspaceKey: string
}

const OFFLINE = 'offline'

export function encodeDraftKey(parts: DraftKeyParts): string {
  return `${parts.profileId ?? OFFLINE}:${parts.workspaceKey}`
}

export function decodeDraftKey(key: string): DraftKeyParts {
  const i = key.indexOf(':')
  if (i <= 0 || i === key.length - 1) throw new AppError('DRAFT_KEY_INVALID', { params: { key: key.slice(0, 100) } })
  const profile = key.slice(0, i)
  return { profileId: profile === OFFLINE ? null : profile, workspaceKey: key.slice(i + 1) }
}
