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
