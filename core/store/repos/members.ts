import { z } from 'zod'
import { AppError } from '@shared/ipc/errors'
import type { Db } from '../database'
import { readJson } from '../json'
import { pageBounds, searchText, type ListQuery, type Page } from './paging'

/** One member as ListMembers returns it. */
export interface CachedMemberInput {
  memberId: string
  userId: string
  memberName?: string | null
  displayName?: string | null
  accountName?: string | null
  /** "1" Alibaba Cloud account, "5" RAM user, "6" RAM role. */
  accountType?: string | null
  roles: readonly string[]
  gmtCreate?: string | null
}

export interface CachedMember {
  memberId: string
  userId: string
  memberName: string | null
  displayName: string | null
  accountName: string | null
  accountType: string | null
  roles: string[]
  gmtCreate: string | null
  fetchedAt: string
  /** Set when the stored roles could not be read (the row is still listed). */
  problem: string | null
}

export type MemberSort = 'memberName' | 'displayName' | 'gmtCreate'

interface Row {
  member_id: string
  user_id: string
  member_name: string | null
  display_name: string | null
  account_name: string | null
  account_type: string | null
  roles_json: string
  gmt_create: string | null
  fetched_at: string
}

const COLS =
  'member_id, user_id, member_name, display_name, account_name, account_type, roles_json, gmt_create, fetched_at'
const SORT_COLUMNS: Record<MemberSort, string> = {
  memberName: 'member_name',
  displayName: 'display_name',
  gmtCreate: 'gmt_create',
}
const RolesSchema = z.array(z.string())

function toMember(r: Row): CachedMember {
  const roles = readJson(r.roles_json, RolesSchema)
  return {
    memberId: r.member_id,
    userId: r.user_id,
    memberName: r.member_name,
    displayName: r.display_name,
    accountName: r.account_name,
    accountType: r.account_type,
    roles: roles.ok ? roles.value : [],
    gmtCreate: r.gmt_create,
    fetchedAt: r.fetched_at,
    problem: roles.ok ? null : `roles: ${roles.error}`,
  }
}

/** Cached members per workspace: paged listing for workspaces with very many members. */
export class MembersRepo {
  private readonly qUpsert
  private readonly qDeleteStale
  private readonly qWorkspaceExists
  private readonly qGet
  private readonly listStatements = new Map<
    string,
    { page: ReturnType<Db['prepare']>; count: ReturnType<Db['prepare']> }
  >()

  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {
    this.qUpsert = db.prepare(
      `INSERT INTO cached_members (profile_id, workspace_id, member_id, user_id, member_name, display_name, account_name, account_type, roles_json, gmt_create, fetched_at, search)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (profile_id, workspace_id, member_id) DO UPDATE SET
         user_id = excluded.user_id, member_name = excluded.member_name, display_name = excluded.display_name,
         account_name = excluded.account_name, account_type = excluded.account_type, roles_json = excluded.roles_json,
         gmt_create = excluded.gmt_create, fetched_at = excluded.fetched_at, search = excluded.search`,
    )
    this.qDeleteStale = db.prepare<[string, string, string]>(
      'DELETE FROM cached_members WHERE profile_id = ? AND workspace_id = ? AND fetched_at <> ?',
    )
    this.qWorkspaceExists = db
      .prepare<[string, string], number>('SELECT 1 FROM cached_workspaces WHERE profile_id = ? AND workspace_id = ?')
      .pluck()
    this.qGet = db.prepare<[string, string, string], Row>(
      `SELECT ${COLS} FROM cached_members WHERE profile_id = ? AND workspace_id = ? AND member_id = ?`,
    )
  }

  /**
   * Caches members of one cached workspace in one transaction; `replaceAll` (a complete listing)
   * drops the members missing from `rows`. NOT_FOUND when the workspace itself is not cached.
   */
  upsertMany(
    profileId: string,
    workspaceId: string,
    rows: readonly CachedMemberInput[],
    opts: { replaceAll?: boolean; fetchedAt?: string } = {},
  ): { upserted: number; removed: number } {
    const fetchedAt = opts.fetchedAt ?? this.now().toISOString()
    const write = (): { upserted: number; removed: number } => {
      if (!this.qWorkspaceExists.get(profileId, workspaceId)) {
        throw new AppError('NOT_FOUND', { params: { what: `workspace ${workspaceId}` } })
      }
      for (const m of rows) {
        this.qUpsert.run(
          profileId,
          workspaceId,
          m.memberId,
          m.userId,
          m.memberName ?? null,
          m.displayName ?? null,
          m.accountName ?? null,
          m.accountType ?? null,
          JSON.stringify(m.roles),
          m.gmtCreate ?? null,
          fetchedAt,
          searchText(m.memberName, m.displayName, m.accountName),
        )
      }
      const removed = opts.replaceAll ? this.qDeleteStale.run(profileId, workspaceId, fetchedAt).changes : 0
      return { upserted: rows.length, removed }
    }
    // Inside a caller's transaction (a refresh of many workspaces) no savepoint is needed: the only
    // refusal (NOT_FOUND) comes before any write.
    return this.db.inTransaction ? write() : this.db.transaction(write)()
  }

  get(profileId: string, workspaceId: string, memberId: string): CachedMember | undefined {
    const r = this.qGet.get(profileId, workspaceId, memberId)
    return r ? toMember(r) : undefined
  }

  /** One page of a workspace's members, filtered on member, display or account name. */
  list(profileId: string, workspaceId: string, q: ListQuery<MemberSort> = {}): Page<CachedMember> {
    const { limit, offset } = pageBounds(q)
    const sort = SORT_COLUMNS[q.sort ?? 'memberName'] ?? 'member_name'
    const dir = q.dir === 'desc' ? 'DESC' : 'ASC'
    const key = `${sort}|${dir}`
    let st = this.listStatements.get(key)
    if (!st) {
      const where = 'profile_id = @profileId AND workspace_id = @workspaceId AND instr(search, @q) > 0'
      st = {
        page: this.db.prepare(
          `SELECT ${COLS} FROM cached_members WHERE rowid IN (
             SELECT rowid FROM cached_members WHERE ${where} ORDER BY ${sort} ${dir}, member_id ${dir} LIMIT @limit OFFSET @offset)
           ORDER BY ${sort} ${dir}, member_id ${dir}`,
        ),
        count: this.db
          .prepare(`SELECT count(*) FROM cached_members INDEXED BY cached_members_name WHERE ${where}`)
          .pluck(),
      }
      this.listStatements.set(key, st)
    }
    const params: Record<string, unknown> = { profileId, workspaceId, q: (q.filter ?? '').toLowerCase() }
    const rows = (st.page.all({ ...params, limit, offset }) as Row[]).map(toMember)
    return { total: st.count.get(params) as number, rows }
  }
}
