import type { Db } from '../database'
import { searchText } from './paging'

export interface RamUserRow {
  userId: string
  userName: string
  displayName: string | null
  comments: string | null
  createDate: string | null
}

/** How the last read of a profile's RAM users went. */
export interface RamUsersRead {
  readAt: string
  ok: boolean
  users: number
  /** A failed read's error: its code and message params (localized when shown). */
  error: { code: string; ruleId?: string; params: Record<string, unknown>; details?: unknown } | null
}

interface Row {
  user_id: string
  user_name: string
  display_name: string | null
  comments: string | null
  create_date: string | null
}

const toUser = (r: Row): RamUserRow => ({
  userId: r.user_id,
  userName: r.user_name,
  displayName: r.display_name,
  comments: r.comments,
  createDate: r.create_date,
})

/** The account's RAM users per profile, as RAM's ListUsers last answered (migration 006). */
export class RamUsersRepo {
  private readonly qDelete
  private readonly qInsert
  private readonly qRead
  private readonly qGetRead
  private readonly qMembers

  constructor(private readonly db: Db) {
    this.qDelete = db.prepare('DELETE FROM ram_users WHERE profile_id = ?')
    this.qInsert = db.prepare(
      `INSERT OR REPLACE INTO ram_users (profile_id, user_id, user_name, display_name, comments, create_date, search)
       VALUES (@profileId, @userId, @userName, @displayName, @comments, @createDate, @search)`,
    )
    this.qRead = db.prepare(
      `INSERT INTO ram_user_reads (profile_id, read_at, ok, users, error_code, error_json)
       VALUES (@profileId, @readAt, @ok, @users, @errorCode, @errorJson)
       ON CONFLICT (profile_id) DO UPDATE SET read_at = excluded.read_at, ok = excluded.ok,
         users = excluded.users, error_code = excluded.error_code, error_json = excluded.error_json`,
    )
    this.qGetRead = db.prepare<
      [string],
      { read_at: string; ok: number; users: number; error_code: string | null; error_json: string | null }
    >('SELECT read_at, ok, users, error_code, error_json FROM ram_user_reads WHERE profile_id = ?')
    this.qMembers = db.prepare<[string], Row>(
      `SELECT user_id, user_name, display_name, comments, create_date FROM ram_users r
       WHERE r.profile_id = ? AND EXISTS (SELECT 1 FROM cached_members m WHERE m.user_id = r.user_id AND m.profile_id = r.profile_id)
       ORDER BY user_name`,
    )
  }

  /** Replaces the profile's RAM users with what RAM answered now. */
  replace(profileId: string, users: readonly RamUserRow[], readAt: string): void {
    this.db.transaction(() => {
      this.qDelete.run(profileId)
      for (const u of users)
        this.qInsert.run({
          profileId,
          ...u,
          search: searchText(u.userName, u.displayName, u.userId),
        })
      this.qRead.run({ profileId, readAt, ok: 1, users: users.length, errorCode: null, errorJson: null })
    })()
  }

  /** A read that failed: the users read before are kept (a picker offline still helps), the error is remembered. */
  recordFailure(profileId: string, readAt: string, error: NonNullable<RamUsersRead['error']>): void {
    const users = this.db
      .prepare<[string], number>('SELECT count(*) FROM ram_users WHERE profile_id = ?')
      .pluck()
      .get(profileId)
    this.qRead.run({
      profileId,
      readAt,
      ok: 0,
      users: users ?? 0,
      errorCode: error.code,
      errorJson: JSON.stringify(error),
    })
  }

  lastRead(profileId: string): RamUsersRead | null {
    const r = this.qGetRead.get(profileId)
    if (!r) return null
    return {
      readAt: r.read_at,
      ok: r.ok === 1,
      users: r.users,
      error: r.error_json ? (JSON.parse(r.error_json) as RamUsersRead['error']) : null,
    }
  }

  /** Users whose name, display name or UID contains `query` (case-insensitive), by name; and how many match. */
  search(profileId: string, query: string, limit: number): { total: number; users: RamUserRow[] } {
    const q = query.trim().toLowerCase()
    const where = q ? 'profile_id = @profileId AND instr(search, @q) > 0' : 'profile_id = @profileId'
    const total = this.db
      .prepare<{ profileId: string; q: string }, number>(`SELECT count(*) FROM ram_users WHERE ${where}`)
      .pluck()
      .get({ profileId, q })
    const rows = this.db
      .prepare<{ profileId: string; q: string; limit: number }, Row>(
        `SELECT user_id, user_name, display_name, comments, create_date FROM ram_users WHERE ${where}
         ORDER BY user_name COLLATE NOCASE, user_id LIMIT @limit`,
      )
      .all({ profileId, q, limit })
    return { total: total ?? 0, users: rows.map(toUser) }
  }

  /** The profile's RAM users who are members of one of its cached workspaces (whose policies A3 checks). */
  members(profileId: string): RamUserRow[] {
    return this.qMembers.all(profileId).map(toUser)
  }
}
