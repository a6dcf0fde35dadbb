import { countOf } from '@shared/messages'
import { CliError } from '../exit-codes'
import { table } from '../output'
import type { Session } from '../session'

export interface RamUsersOptions {
  profile?: string
  search?: string
  offline?: boolean
  limit?: string
}

/**
 * `ram users`: the account's RAM users (RAM ListUsers, every page; read again unless --offline), searched by
 * logon name, display name or UID. The same cache the member picker reads.
 */
export async function ramUsers(s: Session, o: RamUsersOptions): Promise<void> {
  const profileId = await s.profileId(o.profile)
  const limit = o.limit === undefined ? 500 : Number(o.limit)
  if (!Number.isInteger(limit) || limit < 1 || limit > 500)
    throw new CliError('CLI_USAGE', { detail: '--limit takes a number from 1 to 500' })
  if (!o.offline) {
    const r = await s.call('accounts.refreshRam', { profileId })
    s.out.note(
      `${countOf(r.users, 'RAM user')} read; member RAM users and roles without AliyunPAIFullAccess (A3): ${r.withoutPaiFullAccess} of ${r.members}.`,
    )
  }
  const r = await s.call('accounts.ramUsers', { profileId, search: o.search ?? '', limit })
  if (r.error) s.out.note(r.error.message)
  s.out.result(
    { total: r.total, readAt: r.readAt, users: r.users },
    () =>
      (r.users.length
        ? table(
            ['USER NAME', 'DISPLAY NAME', 'UID', 'CREATED'],
            r.users.map((u) => [u.userName, u.displayName, u.userId, u.createDate]),
          )
        : r.readAt === null
          ? 'RAM users have not been read for this profile (drop --offline).'
          : 'No RAM user matches.') + (r.total > r.users.length ? `\n(${r.users.length} of ${r.total} shown)` : ''),
  )
}
