import type { WorkspaceRow } from '@shared/ipc/channels/workspaces'
import { table } from '../output'
import type { Session } from '../session'

/** Refreshes the profile's cache from the cloud (sync.refresh), unless offline. */
export async function refresh(
  s: Session,
  profileId: string,
  offline: boolean | undefined,
  workspaceId?: string,
): Promise<void> {
  if (offline) return
  s.out.progress('Refreshing from the cloud…')
  try {
    await s.call('sync.refresh', workspaceId ? { profileId, workspaceId } : { profileId })
  } finally {
    s.out.endProgress()
  }
}

/** Every row of the list (the channel pages by at most 10,000). */
export async function allRows(s: Session, profileId: string): Promise<WorkspaceRow[]> {
  const rows: WorkspaceRow[] = []
  for (let offset = 0; ; offset += 10_000) {
    const page = await s.call('workspaces.list', { profileId, offset, limit: 10_000 })
    rows.push(...page.rows)
    if (rows.length >= page.total || page.rows.length === 0) return rows
  }
}

export async function workspaceList(s: Session, o: { profile: string; offline?: boolean }): Promise<void> {
  const profileId = await s.profileId(o.profile)
  await refresh(s, profileId, o.offline)
  const rows = await allRows(s, profileId)
  s.out.result({ total: rows.length, rows }, () =>
    table(
      ['NAME', 'ID', 'STATUS', 'MODE', 'OWNER', 'DRAFT', 'FETCHED'],
      rows.map((r) => [
        r.name,
        r.workspaceId ?? '',
        r.status,
        r.mode,
        r.ownerName ?? '',
        r.hasDraft ? 'yes' : '',
        r.fetchedAt ?? '',
      ]),
    ),
  )
}
