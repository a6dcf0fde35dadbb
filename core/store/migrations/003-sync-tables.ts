import type { Database } from 'better-sqlite3'
import type { Migration } from './types'

/**
 * The sync engine's data in tables of its own (until now JSON rows of `settings`):
 *
 * - `sync_runs`: one row per apply run: whose draft it applies (`workspace_key` follows a new workspace's draft
 *   from its `local-…` key to the WorkspaceId; `applied_as` keeps the key it was applied from), when it settled
 *   and with what outcome. Old settled runs are pruned (SyncRunsRepo.prune).
 * - `profile_facts`: what a refresh learned about a profile's account (identity, DataWorks names, EventBridge).
 * - `cloud_records`: what the app knows of a workspace that the cloud cannot be asked about: settings with no
 *   read API the user did in the console (`source = 'console'`) and DingTalk targets' keychain bindings the app
 *   sent (`source = 'app'`), by configuration path. A row of a workspace not created yet belongs to its draft
 *   (`draft_id`): discarding the draft drops it; creating the workspace moves it to the WorkspaceId.
 *
 * Every row goes with its profile (ON DELETE CASCADE). Rows of settings whose profile is gone are dropped.
 */
export const syncTables: Migration = {
  version: 3,
  name: 'sync-tables',
  up(db) {
    db.exec(`
      CREATE TABLE sync_runs (
        run_id        TEXT PRIMARY KEY,
        profile_id    TEXT NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
        workspace_key TEXT NOT NULL,
        applied_as    TEXT NOT NULL,
        created_at    TEXT NOT NULL,
        settled_at    TEXT,
        outcome       TEXT CHECK (outcome IN ('cleared', 'kept')),
        updated_at    TEXT NOT NULL
      ) STRICT;
      CREATE INDEX sync_runs_draft ON sync_runs (profile_id, workspace_key);
      CREATE INDEX sync_runs_applied_as ON sync_runs (profile_id, applied_as);
      CREATE INDEX sync_runs_settled ON sync_runs (profile_id, settled_at);

      CREATE TABLE profile_facts (
        profile_id TEXT PRIMARY KEY REFERENCES profiles (id) ON DELETE CASCADE,
        facts_json TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE cloud_records (
        profile_id    TEXT NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
        workspace_key TEXT NOT NULL,
        path          TEXT NOT NULL,
        value_json    TEXT NOT NULL,
        source        TEXT NOT NULL CHECK (source IN ('console', 'app')),
        set_at        TEXT NOT NULL,
        run_id        TEXT,
        draft_id      INTEGER REFERENCES drafts (id) ON DELETE CASCADE,
        PRIMARY KEY (profile_id, workspace_key, path)
      ) STRICT;
      CREATE INDEX cloud_records_draft ON cloud_records (draft_id);
    `)
    moveSettings(db)
  },
}

interface SettingRow {
  key: string
  value_json: string
  updated_at: string
}

const parse = (text: string): Record<string, unknown> | undefined => {
  try {
    const v: unknown = JSON.parse(text)
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}

/** The old manual overlay's fields and the record paths they become. */
const OVERLAY_PATHS: Record<string, (v: unknown) => Array<[string, unknown]>> = {
  sls: (v) => [['/sls', v]],
  scheduling: (v) => [['/scheduling', v]],
  designerPath: (v) => [['/storage/designerPath', v]],
  quota: (v) => [['/notifications/quota', v]],
  resourceGroupId: (v) => [['/basic/resourceGroupId', v]],
  switches: (v) =>
    v && typeof v === 'object'
      ? Object.entries(v as Record<string, unknown>).map(([k, x]) => [`/switches/${k}`, x])
      : [],
}

function moveSettings(db: Database): void {
  const profiles = new Set(
    db
      .prepare<[], { id: string }>('SELECT id FROM profiles')
      .all()
      .map((r) => r.id),
  )
  const rows = db
    .prepare<[], SettingRow>(
      "SELECT key, value_json, updated_at FROM settings WHERE key LIKE 'syncRun:%' OR key LIKE 'facts:%' OR key LIKE 'syncManual:%'",
    )
    .all()
  const run = db.prepare(
    `INSERT OR IGNORE INTO sync_runs (run_id, profile_id, workspace_key, applied_as, created_at, settled_at, outcome, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const facts = db.prepare('INSERT OR REPLACE INTO profile_facts (profile_id, facts_json, updated_at) VALUES (?, ?, ?)')
  const draftId = db
    .prepare<[string, string], number>('SELECT id FROM drafts WHERE profile_id = ? AND workspace_key = ?')
    .pluck()
  const record = db.prepare(
    `INSERT OR REPLACE INTO cloud_records (profile_id, workspace_key, path, value_json, source, set_at, run_id, draft_id)
     VALUES (?, ?, ?, ?, 'console', ?, NULL, ?)`,
  )
  for (const r of rows) {
    const v = parse(r.value_json)
    if (r.key.startsWith('syncRun:')) {
      const profileId = v?.profileId
      const key = v?.workspaceKey
      if (typeof profileId === 'string' && typeof key === 'string' && profiles.has(profileId)) {
        const createdAt = typeof v?.createdAt === 'string' ? v.createdAt : r.updated_at
        const outcome = v?.outcome === 'cleared' || v?.outcome === 'kept' ? v.outcome : null
        run.run(
          r.key.slice(8),
          profileId,
          key,
          key,
          createdAt,
          v?.settled === true ? r.updated_at : null,
          outcome,
          r.updated_at,
        )
      }
    } else if (r.key.startsWith('facts:')) {
      const profileId = r.key.slice(6)
      if (v && profiles.has(profileId)) facts.run(profileId, r.value_json, r.updated_at)
    } else {
      // syncManual:<profileId>:<workspaceKey>; a draft of no profile has no cloud to record.
      const rest = r.key.slice(11)
      const i = rest.indexOf(':')
      const profileId = rest.slice(0, i)
      const key = rest.slice(i + 1)
      if (!v || i <= 0 || !profiles.has(profileId)) continue
      const local = key.startsWith('local-')
      const draft = local ? draftId.get(profileId, key) : undefined
      if (local && draft === undefined) continue
      for (const [field, value] of Object.entries(v))
        for (const [path, x] of OVERLAY_PATHS[field]?.(value) ?? [])
          record.run(profileId, key, path, JSON.stringify(x ?? null), r.updated_at, draft ?? null)
    }
  }
  db.prepare("DELETE FROM settings WHERE key LIKE 'syncRun:%' OR key LIKE 'facts:%' OR key LIKE 'syncManual:%'").run()
}
