import type { Db } from '../database'

/** A cached configuration as its row holds it: the JSON text, unparsed, with its version and read time. */
export interface CachedConfigText {
  text: string
  configVersion: string
  fetchedAt: string
}

/** A new draft of a bulk access change: its JSON, and its base as the cache's own text (not written again). */
export interface NewBulkDraft {
  profileId: string
  workspaceKey: string
  draftJson: string
  baseJson: string
  baseVersion: string
}

/**
 * The drafts a bulk access change writes (issue 16: a thousand in a row), on the `drafts` table of DraftsRepo with
 * the same columns and revision rule (a new draft is revision 1). The base of a new draft is the cached
 * configuration's text as read, so it is neither parsed nor serialized again; one prepared statement, inside the
 * caller's one transaction (no savepoint per draft).
 */
export class AccessDraftsRepo {
  private readonly qConfig
  private readonly qInsert

  constructor(
    db: Db,
    private readonly now: () => Date,
  ) {
    this.qConfig = db.prepare<[string, string], { config_json: string; config_version: string; fetched_at: string }>(
      'SELECT config_json, config_version, fetched_at FROM cached_configs WHERE profile_id = ? AND workspace_id = ?',
    )
    this.qInsert = db.prepare(
      `INSERT INTO drafts (profile_id, workspace_key, draft_json, base_json, base_version, created_at, updated_at, revision)
       VALUES (?, ?, ?, ?, ?, ?, ?, 1)`,
    )
  }

  /** The cached configuration's text (parsed by the caller, once). */
  cachedConfigText(profileId: string, workspaceId: string): CachedConfigText | undefined {
    const r = this.qConfig.get(profileId, workspaceId)
    return r ? { text: r.config_json, configVersion: r.config_version, fetchedAt: r.fetched_at } : undefined
  }

  /**
   * Inserts a new draft (revision 1). The unique key refuses a draft that exists already, so a draft saved
   * meanwhile is never overwritten; the caller's transaction then rolls back the whole change.
   */
  insertNew(d: NewBulkDraft): { revision: number } {
    const at = this.now().toISOString()
    this.qInsert.run(d.profileId, d.workspaceKey, d.draftJson, d.baseJson, d.baseVersion, at, at)
    return { revision: 1 }
  }
}
