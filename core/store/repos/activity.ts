import type { Db } from '../database'

export type ActivityResult = 'ok' | 'failed' | 'refused' | 'cancelled' | 'info'

export interface ActivityInput {
  profileId?: string | null
  /** Workspace id, local key or name, as the action knows it. */
  workspace?: string | null
  /** What was done, e.g. "profile.add", "workspace.create", "member.addRole". */
  action: string
  result: ActivityResult
  requestId?: string | null
  /** Extra facts (never a secret). */
  details?: unknown
  at?: string
}

export interface ActivityEntry {
  id: number
  at: string
  profileId: string | null
  workspace: string | null
  action: string
  result: ActivityResult
  requestId: string | null
  details: unknown
}

/** What the activity log screen asks for: every filter optional, a page by offset. */
export interface ActivitySearch {
  profileId?: string
  workspace?: string
  /** An action (`member.addRole`) or its area (`member`: every `member.*`). */
  action?: string
  result?: ActivityResult
  /** Case-insensitive, literal: the action, the workspace's ID and name, the request ID and the details. */
  text?: string
  offset?: number
  limit?: number
}

/** An entry with the names the screen shows instead of IDs (null: not known to this machine any more). */
export interface NamedActivityEntry extends ActivityEntry {
  workspaceName: string | null
  profileName: string | null
}

interface Row {
  id: number
  at: string
  profile_id: string | null
  workspace: string | null
  action: string
  result: ActivityResult
  request_id: string | null
  details_json: string | null
}

function toEntry(r: Row): ActivityEntry {
  let details: unknown = null
  if (r.details_json !== null) {
    try {
      details = JSON.parse(r.details_json) as unknown
    } catch {
      details = { invalidJson: r.details_json }
    }
  }
  return {
    id: r.id,
    at: r.at,
    profileId: r.profile_id,
    workspace: r.workspace,
    action: r.action,
    result: r.result,
    requestId: r.request_id,
    details,
  }
}

/** The local activity log: what was done, by which profile, when, with what result (newest first). */
export class ActivityRepo {
  private readonly qAdd
  private readonly qList
  private readonly qCount
  private readonly qUpdate
  private readonly qGet
  private readonly qSearch
  private readonly qSearchCount
  private readonly qUserNames
  private readonly qOpPayload
  private readonly qLast

  constructor(
    db: Db,
    private readonly now: () => Date,
  ) {
    this.qAdd = db.prepare(
      'INSERT INTO activity (at, profile_id, workspace, action, result, request_id, details_json) VALUES (?, ?, ?, ?, ?, ?, ?)',
    )
    const where = `(@profileId IS NULL OR profile_id = @profileId) AND (@workspace IS NULL OR workspace = @workspace)
      AND (@action IS NULL OR action = @action) AND (@beforeId IS NULL OR id < @beforeId)`
    this.qList = db.prepare<[Record<string, unknown>], Row>(
      `SELECT * FROM activity WHERE ${where} ORDER BY id DESC LIMIT @limit`,
    )
    this.qCount = db
      .prepare<[Record<string, unknown>], number>(
        `SELECT count(*) FROM activity WHERE (@profileId IS NULL OR profile_id = @profileId)
           AND (@workspace IS NULL OR workspace = @workspace) AND (@action IS NULL OR action = @action)`,
      )
      .pluck()
    this.qUpdate = db.prepare<[ActivityResult, string | null, number]>(
      'UPDATE activity SET result = ?, details_json = ? WHERE id = ?',
    )
    this.qGet = db.prepare<[number], Row>('SELECT * FROM activity WHERE id = ?')
    // Names from the cache (a workspace ID), else from a draft (a new workspace's local key).
    const from = `activity a
      LEFT JOIN cached_workspaces w ON w.profile_id = a.profile_id AND w.workspace_id = a.workspace
      LEFT JOIN drafts d ON a.workspace LIKE 'local-%' AND d.workspace_key = a.workspace
        AND ifnull(d.profile_id, '') = ifnull(a.profile_id, '')
      LEFT JOIN profiles p ON p.id = a.profile_id`
    const wsName = `coalesce(w.name, CASE WHEN json_valid(d.draft_json) THEN json_extract(d.draft_json, '$.basic.name') END)`
    const filter = `(@profileId IS NULL OR a.profile_id = @profileId) AND (@workspace IS NULL OR a.workspace = @workspace)
      AND (@action IS NULL OR a.action = @action OR substr(a.action, 1, length(@action) + 1) = @action || '.')
      AND (@result IS NULL OR a.result = @result)
      AND (@text IS NULL OR instr(lower(a.action || char(31) || ifnull(a.workspace, '') || char(31) || ifnull(${wsName}, '')
        || char(31) || ifnull(a.request_id, '') || char(31) || ifnull(a.details_json, '')), @text) > 0)`
    this.qSearch = db.prepare<
      [Record<string, unknown>],
      Row & { workspace_name: string | null; profile_name: string | null }
    >(
      `SELECT a.*, ${wsName} AS workspace_name, p.name AS profile_name FROM ${from}
       WHERE ${filter} ORDER BY a.id DESC LIMIT @limit OFFSET @offset`,
    )
    this.qSearchCount = db
      .prepare<[Record<string, unknown>], number>(`SELECT count(*) FROM ${from} WHERE ${filter}`)
      .pluck()
    this.qUserNames = db.prepare<[string], { user_id: string; name: string }>(
      'SELECT user_id, name FROM access_users WHERE user_id IN (SELECT value FROM json_each(?))',
    )
    this.qLast = db.prepare<[string, string], Row>(
      'SELECT * FROM activity WHERE profile_id = ? AND action = ? ORDER BY id DESC LIMIT 1',
    )
    this.qOpPayload = db.prepare<[string], string>('SELECT payload_json FROM outbox WHERE op_id = ?').pluck()
  }

  /** The newest entry of an action for a profile (its last refresh...), on the (profile_id, id) index. */
  last(profileId: string, action: string): ActivityEntry | undefined {
    const r = this.qLast.get(profileId, action)
    return r ? toEntry(r) : undefined
  }

  /** The log screen's page: filtered, newest first, with the workspace's and the profile's names. */
  search(q: ActivitySearch = {}): { total: number; rows: NamedActivityEntry[] } {
    const params = {
      profileId: q.profileId ?? null,
      workspace: q.workspace ?? null,
      action: q.action ?? null,
      result: q.result ?? null,
      text: q.text?.trim() ? q.text.trim().toLowerCase() : null,
    }
    const limit = Math.min(Math.max(1, Math.trunc(q.limit ?? 50)), 500)
    const offset = Math.max(0, Math.trunc(q.offset ?? 0))
    const rows = this.qSearch.all({ ...params, limit, offset }).map((r) => ({
      ...toEntry(r),
      workspaceName: r.workspace_name,
      profileName: r.profile_name,
    }))
    const total =
      rows.length > 0 && rows.length < limit ? offset + rows.length : (this.qSearchCount.get(params) as number)
    return { total, rows }
  }

  /** Member names by UserId, as the cache last saw them (the access overview's user table). */
  userNames(userIds: readonly string[]): Record<string, string> {
    const out: Record<string, string> = {}
    if (userIds.length === 0) return out
    for (const r of this.qUserNames.all(JSON.stringify([...new Set(userIds)]))) out[r.user_id] = r.name
    return out
  }

  /** The payload of the op an entry is about (its member, role, rule...), when the outbox still holds it. */
  opPayload(opId: string): unknown {
    const json = this.qOpPayload.get(opId)
    if (json === undefined) return undefined
    try {
      return JSON.parse(json) as unknown
    } catch {
      return undefined
    }
  }

  get(id: number): ActivityEntry | undefined {
    const r = this.qGet.get(id)
    return r ? toEntry(r) : undefined
  }

  /** Sets the outcome of an entry written before the work ended (a bulk change, when its run settles). */
  update(id: number, e: { result: ActivityResult; details?: unknown }): boolean {
    return this.qUpdate.run(e.result, e.details === undefined ? null : JSON.stringify(e.details), id).changes > 0
  }

  add(e: ActivityInput): number {
    const r = this.qAdd.run(
      e.at ?? this.now().toISOString(),
      e.profileId ?? null,
      e.workspace ?? null,
      e.action,
      e.result,
      e.requestId ?? null,
      e.details === undefined ? null : JSON.stringify(e.details),
    )
    return Number(r.lastInsertRowid)
  }

  /** Newest first; page with `beforeId` = the last id of the previous page (keyset paging). */
  list(
    q: { profileId?: string; workspace?: string; action?: string; beforeId?: number; limit?: number } = {},
  ): ActivityEntry[] {
    return this.qList
      .all({
        profileId: q.profileId ?? null,
        workspace: q.workspace ?? null,
        action: q.action ?? null,
        beforeId: q.beforeId ?? null,
        limit: Math.min(Math.max(1, Math.trunc(q.limit ?? 50)), 1000),
      })
      .map(toEntry)
  }

  count(q: { profileId?: string; workspace?: string; action?: string } = {}): number {
    return this.qCount.get({
      profileId: q.profileId ?? null,
      workspace: q.workspace ?? null,
      action: q.action ?? null,
    }) as number
  }
}
