import type { Db } from '../database'
import { readJson } from '../json'

/** Who set a recorded value: the user, in the console (a manual step marked done), or this app (a call it sent). */
export type RecordSource = 'console' | 'app'

/** One value of a workspace that the cloud cannot be asked about (table `cloud_records`). */
export interface CloudRecord {
  /** Where it sits in the configuration, e.g. `/switches/dswSsh`. */
  path: string
  value: unknown
  source: RecordSource
  setAt: string
  runId: string | null
}

interface Row {
  path: string
  value_json: string
  source: RecordSource
  set_at: string
  run_id: string | null
}

/**
 * The persistent record of what the cloud cannot be read for, per workspace. A record of a workspace not
 * created yet (a `local-…` key) belongs to that draft: it goes when the draft is discarded, and moves to the
 * WorkspaceId with it (`rekey`).
 */
export class CloudRecordsRepo {
  private readonly qList
  private readonly qPut
  private readonly qDelete
  private readonly qDeletePrefix
  private readonly qRekey

  constructor(
    db: Db,
    private readonly now: () => Date,
  ) {
    this.qList = db.prepare<[string, string], Row>(
      'SELECT path, value_json, source, set_at, run_id FROM cloud_records WHERE profile_id = ? AND workspace_key = ? ORDER BY path',
    )
    this.qPut = db.prepare(
      `INSERT INTO cloud_records (profile_id, workspace_key, path, value_json, source, set_at, run_id, draft_id)
       VALUES (@profileId, @key, @path, @value, @source, @at, @runId,
               CASE WHEN @key LIKE 'local-%' THEN (SELECT id FROM drafts WHERE profile_id = @profileId AND workspace_key = @key) END)
       ON CONFLICT (profile_id, workspace_key, path) DO UPDATE SET value_json = excluded.value_json,
         source = excluded.source, set_at = excluded.set_at, run_id = excluded.run_id, draft_id = excluded.draft_id`,
    )
    this.qDelete = db.prepare<[string, string, string]>(
      'DELETE FROM cloud_records WHERE profile_id = ? AND workspace_key = ? AND path = ?',
    )
    this.qDeletePrefix = db.prepare<{ profileId: string; key: string; prefix: string }>(
      `DELETE FROM cloud_records
       WHERE profile_id = @profileId AND workspace_key = @key AND substr(path, 1, length(@prefix)) = @prefix`,
    )
    this.qRekey = db.prepare<[string, string, string]>(
      'UPDATE OR REPLACE cloud_records SET workspace_key = ?, draft_id = NULL WHERE profile_id = ? AND workspace_key = ?',
    )
  }

  list(profileId: string, workspaceKey: string): CloudRecord[] {
    const out: CloudRecord[] = []
    for (const r of this.qList.all(profileId, workspaceKey)) {
      const v = readJson(r.value_json)
      // A row that does not parse was never written by this app: it is no record.
      if (v.ok) out.push({ path: r.path, value: v.value, source: r.source, setAt: r.set_at, runId: r.run_id })
    }
    return out
  }

  put(
    profileId: string,
    workspaceKey: string,
    rec: { path: string; value: unknown; source: RecordSource; runId?: string | null; at?: Date },
  ): void {
    this.qPut.run({
      profileId,
      key: workspaceKey,
      path: rec.path,
      value: JSON.stringify(rec.value ?? null),
      source: rec.source,
      at: (rec.at ?? this.now()).toISOString(),
      runId: rec.runId ?? null,
    })
  }

  delete(profileId: string, workspaceKey: string, path: string): boolean {
    return this.qDelete.run(profileId, workspaceKey, path).changes > 0
  }

  /** Every record at or under `prefix` (e.g. one rule's target bindings). */
  deleteUnder(profileId: string, workspaceKey: string, prefix: string): number {
    return this.qDeletePrefix.run({ profileId, key: workspaceKey, prefix }).changes
  }

  /** A new workspace was created: its draft's records become the workspace's. */
  rekey(profileId: string, from: string, to: string): void {
    this.qRekey.run(to, profileId, from)
  }
}
