import type { Migration } from './types'

/**
 * The first schema. Times are ISO-8601 UTC text from Date.toISOString() (they sort as text).
 * JSON columns hold the values as given; readers validate them with zod (see ../json.ts).
 * No table has a column for a secret (D2): secrets live only in the OS keychain.
 */
export const initial: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE profiles (
        id            TEXT PRIMARY KEY,
        name          TEXT NOT NULL,
        region        TEXT NOT NULL,
        endpoint      TEXT,
        protocol      TEXT NOT NULL DEFAULT 'https' CHECK (protocol IN ('http', 'https')),
        access_key_id TEXT NOT NULL,
        proxy         TEXT,
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX profiles_name ON profiles (name COLLATE NOCASE);

      CREATE TABLE settings (
        key        TEXT PRIMARY KEY,
        value_json TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE cached_workspaces (
        profile_id     TEXT NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
        workspace_id   TEXT NOT NULL,
        name           TEXT NOT NULL,
        display_name   TEXT,
        status         TEXT,
        mode           TEXT,
        owner          TEXT,
        gmt_modified   TEXT,
        cloud_version  TEXT NOT NULL,
        fetched_at     TEXT NOT NULL,
        config_version TEXT,
        config_fetched_at TEXT,
        config_json    TEXT,
        UNIQUE (profile_id, workspace_id)
      ) STRICT;
      CREATE INDEX cached_workspaces_name ON cached_workspaces (profile_id, name);

      CREATE TABLE cached_members (
        profile_id   TEXT NOT NULL,
        workspace_id TEXT NOT NULL,
        member_id    TEXT NOT NULL,
        user_id      TEXT NOT NULL,
        member_name  TEXT,
        display_name TEXT,
        account_name TEXT,
        account_type TEXT,
        roles_json   TEXT NOT NULL,
        gmt_create   TEXT,
        fetched_at   TEXT NOT NULL,
        PRIMARY KEY (profile_id, workspace_id, member_id),
        FOREIGN KEY (profile_id, workspace_id) REFERENCES cached_workspaces (profile_id, workspace_id) ON DELETE CASCADE
      ) STRICT;
      CREATE INDEX cached_members_name ON cached_members (profile_id, workspace_id, member_name);

      CREATE TABLE drafts (
        id            INTEGER PRIMARY KEY,
        profile_id    TEXT REFERENCES profiles (id) ON DELETE CASCADE,
        workspace_key TEXT NOT NULL,
        draft_json    TEXT NOT NULL,
        base_json     TEXT,
        base_version  TEXT,
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL,
        revision      INTEGER NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX drafts_key ON drafts (ifnull(profile_id, ''), workspace_key);

      CREATE TABLE outbox (
        op_id           TEXT PRIMARY KEY,
        run_id          TEXT NOT NULL,
        profile_id      TEXT NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
        workspace_key   TEXT NOT NULL,
        seq             INTEGER NOT NULL UNIQUE,
        depends_on      TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(depends_on)),
        kind            TEXT NOT NULL,
        payload_json    TEXT NOT NULL,
        client_token    TEXT NOT NULL,
        status          TEXT NOT NULL DEFAULT 'pending'
                        CHECK (status IN ('pending', 'in_flight', 'done', 'failed', 'blocked', 'cancelled')),
        attempts        INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT,
        last_error_json TEXT,
        request_id      TEXT,
        result_json     TEXT,
        created_at      TEXT NOT NULL,
        updated_at      TEXT NOT NULL
      ) STRICT;
      CREATE INDEX outbox_status ON outbox (status, seq);
      CREATE INDEX outbox_run ON outbox (run_id, seq);
      CREATE INDEX outbox_profile ON outbox (profile_id, status);

      CREATE TABLE activity (
        id           INTEGER PRIMARY KEY AUTOINCREMENT,
        at           TEXT NOT NULL,
        profile_id   TEXT,
        workspace    TEXT,
        action       TEXT NOT NULL,
        result       TEXT NOT NULL,
        request_id   TEXT,
        details_json TEXT
      ) STRICT;
      CREATE INDEX activity_profile ON activity (profile_id, id);
    `)
  },
}
