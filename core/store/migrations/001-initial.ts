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
        search         TEXT NOT NULL, -- lower-cased name + display name, for the list filter
        UNIQUE (profile_id, workspace_id)
      ) STRICT;
      -- One covering index per sort order of the list screen: filter and page without touching rows.
      CREATE INDEX cached_workspaces_name ON cached_workspaces (profile_id, name, search);
      CREATE INDEX cached_workspaces_display ON cached_workspaces (profile_id, display_name, name, search);
      CREATE INDEX cached_workspaces_modified ON cached_workspaces (profile_id, gmt_modified, name, search);
      CREATE INDEX cached_workspaces_status ON cached_workspaces (profile_id, status, name, search);
      CREATE INDEX cached_workspaces_fetched ON cached_workspaces (profile_id, fetched_at, name, search);

      -- A token that changes (inside the writing transaction) whenever a profile's cached list changes,
      -- from this process or another one: list() reuses its counts only while the token is the same.
      CREATE TABLE cache_tokens (
        profile_id TEXT PRIMARY KEY,
        token      TEXT NOT NULL
      ) STRICT;
      -- (Plain UPDATE + INSERT WHERE NOT EXISTS: a trigger's own conflict clause would be overridden by
      -- the upsert that fires it.)
      CREATE TRIGGER cached_workspaces_token_insert AFTER INSERT ON cached_workspaces BEGIN
        UPDATE cache_tokens SET token = hex(randomblob(8)) WHERE profile_id = NEW.profile_id;
        INSERT INTO cache_tokens (profile_id, token)
          SELECT NEW.profile_id, hex(randomblob(8)) WHERE NOT EXISTS (SELECT 1 FROM cache_tokens WHERE profile_id = NEW.profile_id);
      END;
      CREATE TRIGGER cached_workspaces_token_update AFTER UPDATE ON cached_workspaces BEGIN
        UPDATE cache_tokens SET token = hex(randomblob(8)) WHERE profile_id = NEW.profile_id;
        INSERT INTO cache_tokens (profile_id, token)
          SELECT NEW.profile_id, hex(randomblob(8)) WHERE NOT EXISTS (SELECT 1 FROM cache_tokens WHERE profile_id = NEW.profile_id);
        UPDATE cache_tokens SET token = hex(randomblob(8)) WHERE profile_id = OLD.profile_id;
        INSERT INTO cache_tokens (profile_id, token)
          SELECT OLD.profile_id, hex(randomblob(8)) WHERE NOT EXISTS (SELECT 1 FROM cache_tokens WHERE profile_id = OLD.profile_id);
      END;
      CREATE TRIGGER cached_workspaces_token_delete AFTER DELETE ON cached_workspaces BEGIN
        UPDATE cache_tokens SET token = hex(randomblob(8)) WHERE profile_id = OLD.profile_id;
        INSERT INTO cache_tokens (profile_id, token)
          SELECT OLD.profile_id, hex(randomblob(8)) WHERE NOT EXISTS (SELECT 1 FROM cache_tokens WHERE profile_id = OLD.profile_id);
      END;

      -- The full configuration of a workspace as the cloud has it (kept apart so the list stays narrow).
      CREATE TABLE cached_configs (
        profile_id     TEXT NOT NULL,
        workspace_id   TEXT NOT NULL,
        config_version TEXT NOT NULL,
        fetched_at     TEXT NOT NULL,
        config_json    TEXT NOT NULL,
        PRIMARY KEY (profile_id, workspace_id),
        FOREIGN KEY (profile_id, workspace_id) REFERENCES cached_workspaces (profile_id, workspace_id) ON DELETE CASCADE
      ) STRICT;

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
        search       TEXT NOT NULL, -- lower-cased member, display and account names, for the filter
        PRIMARY KEY (profile_id, workspace_id, member_id),
        FOREIGN KEY (profile_id, workspace_id) REFERENCES cached_workspaces (profile_id, workspace_id) ON DELETE CASCADE
      ) STRICT;
      CREATE INDEX cached_members_name ON cached_members (profile_id, workspace_id, member_name, search);

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
