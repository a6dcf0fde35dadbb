import type { AllWorkspaceRow } from '@shared/ipc/channels/accounts'
import { printable } from '@shared/printable'
import type { WorkspaceRow } from '@shared/ipc/channels/workspaces'
import { EXIT, ExitWith } from '../exit-codes'
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

/** `workspace list --all-profiles`: every profile's workspaces, each row saying whose (issue 15 item 5). */
async function allProfilesList(s: Session, offline: boolean | undefined): Promise<void> {
  let failed = 0
  if (!offline) {
    s.out.progress('Refreshing every profile from the cloud…')
    try {
      const { results } = await s.call('sync.refreshAll', {})
      for (const r of results)
        if (!r.ok) {
          failed++
          s.out.note(printable(`${r.name}: ${r.error?.message ?? ''}`))
        }
    } finally {
      s.out.endProgress()
    }
  }
  const rows: AllWorkspaceRow[] = []
  for (let offset = 0; ; offset += 1000) {
    const page = await s.call('workspaces.listAll', { offset, limit: 1000 })
    rows.push(...page.rows)
    if (rows.length >= page.total || page.rows.length === 0) break
  }
  s.out.result({ total: rows.length, rows }, () =>
    table(
      ['PROFILE', 'ACCOUNT', 'REGION', 'NAME', 'ID', 'STATUS', 'DRAFT'],
      rows.map((r) => [
        r.profileName,
        r.accountId ?? '',
        r.region,
        r.name,
        r.workspaceId ?? '',
        r.status,
        r.hasDraft ? 'yes' : '',
      ]),
    ),
  )
  // Every reachable profile is listed; a profile that could not be refreshed makes it a cloud error (exit 3).
  if (failed > 0) throw new ExitWith(EXIT.cloud)
}

export async function workspaceList(
  s: Session,
  o: { profile?: string; offline?: boolean; allProfiles?: boolean },
): Promise<void> {
  if (o.allProfiles) return allProfilesList(s, o.offline)
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
