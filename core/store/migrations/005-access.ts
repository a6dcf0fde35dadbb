import type { Migration } from './types'

/**
 * Access across the fleet (issue 16): what the access overview [访问权限总览] queries needs, kept up to date
 * by triggers so the refresh (which writes `cached_members` and `cached_configs`) does not change.
 *
 * - `cached_members_user`: every membership of one user (the user's page, the cells of a page of users), covering
 *   the roles, so a scan of every membership's roles reads the index only.
 * - `access_users`: one row per UserId over every profile's cache, with a sort name, the lower-cased names
 *   for the filter and the number of memberships (the overview's first page and its counts without a scan
 *   of every member row).
 * - `access_workspaces`: per cached configuration, the owner's UserId and when it was read (the owner mark,
 *   "not refreshed for N days").
 * - `access_custom_roles`: custom role IDs and names per workspace (cells show custom roles by name).
 * - `access_changes`: bulk changes (grant, revoke, offboard, copy, replace) and what became of them.
 * - `access_ram_policies`: whether a RAM user holds AliyunPAIFullAccess (A3), as RAM last answered.
 */
export const access: Migration = {
  version: 5,
  name: 'access',
  up(db) {
    db.exec(`
      -- Covering: a user's memberships, and a scan of every membership's roles, never read the wide rows.
      CREATE INDEX cached_members_user ON cached_members (user_id, profile_id, workspace_id, member_id, roles_json);

      CREATE TABLE access_users (
        user_id      TEXT PRIMARY KEY,
        name         TEXT NOT NULL, -- member name, else account name, else display name, else the UserId
        display_name TEXT,
        account_name TEXT,
        account_type TEXT,
        search       TEXT NOT NULL, -- lower-cased names (as cached_members.search) and the UserId
        memberships  INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX access_users_name ON access_users (name COLLATE NOCASE, user_id);

      INSERT INTO access_users (user_id, name, display_name, account_name, account_type, search, memberships)
        SELECT user_id, coalesce(max(member_name), max(account_name), max(display_name), user_id), max(display_name),
               max(account_name), max(account_type), max(search) || char(31) || user_id, count(*)
        FROM cached_members GROUP BY user_id;

      CREATE TRIGGER access_users_member_insert AFTER INSERT ON cached_members BEGIN
        UPDATE access_users SET memberships = memberships + 1 WHERE user_id = NEW.user_id;
        INSERT INTO access_users (user_id, name, display_name, account_name, account_type, search, memberships)
          SELECT NEW.user_id, coalesce(NEW.member_name, NEW.account_name, NEW.display_name, NEW.user_id),
                 NEW.display_name, NEW.account_name, NEW.account_type, NEW.search || char(31) || NEW.user_id, 1
          WHERE NOT EXISTS (SELECT 1 FROM access_users WHERE user_id = NEW.user_id);
      END;
      CREATE TRIGGER access_users_member_delete AFTER DELETE ON cached_members BEGIN
        UPDATE access_users SET memberships = memberships - 1 WHERE user_id = OLD.user_id;
        DELETE FROM access_users WHERE user_id = OLD.user_id AND memberships <= 0;
      END;
      -- The refresh's upsert updates every row it reads again: only a change of user moves a count.
      CREATE TRIGGER access_users_member_move AFTER UPDATE OF user_id ON cached_members
        WHEN OLD.user_id <> NEW.user_id BEGIN
        UPDATE access_users SET memberships = memberships - 1 WHERE user_id = OLD.user_id;
        DELETE FROM access_users WHERE user_id = OLD.user_id AND memberships <= 0;
        UPDATE access_users SET memberships = memberships + 1 WHERE user_id = NEW.user_id;
        INSERT INTO access_users (user_id, name, display_name, account_name, account_type, search, memberships)
          SELECT NEW.user_id, coalesce(NEW.member_name, NEW.account_name, NEW.display_name, NEW.user_id),
                 NEW.display_name, NEW.account_name, NEW.account_type, NEW.search || char(31) || NEW.user_id, 1
          WHERE NOT EXISTS (SELECT 1 FROM access_users WHERE user_id = NEW.user_id);
      END;
      CREATE TRIGGER access_users_member_names AFTER UPDATE OF member_name, display_name, account_name, account_type, search
        ON cached_members BEGIN
        UPDATE access_users SET name = coalesce(NEW.member_name, NEW.account_name, NEW.display_name, NEW.user_id),
          display_name = NEW.display_name, account_name = NEW.account_name, account_type = NEW.account_type,
          search = NEW.search || char(31) || NEW.user_id
          WHERE user_id = NEW.user_id AND (name IS NOT coalesce(NEW.member_name, NEW.account_name, NEW.display_name, NEW.user_id)
            OR display_name IS NOT NEW.display_name OR account_name IS NOT NEW.account_name
            OR account_type IS NOT NEW.account_type OR search IS NOT NEW.search || char(31) || NEW.user_id);
      END;

      CREATE TABLE access_workspaces (
        profile_id       TEXT NOT NULL,
        workspace_id     TEXT NOT NULL,
        owner_user_id    TEXT,
        config_fetched_at TEXT NOT NULL,
        PRIMARY KEY (profile_id, workspace_id)
      ) STRICT;
      CREATE INDEX access_workspaces_fetched ON access_workspaces (config_fetched_at);

      CREATE TABLE access_custom_roles (
        profile_id   TEXT NOT NULL,
        workspace_id TEXT NOT NULL,
        role_id      TEXT NOT NULL,
        name         TEXT NOT NULL,
        PRIMARY KEY (profile_id, workspace_id, role_id)
      ) STRICT;
      CREATE INDEX access_custom_roles_id ON access_custom_roles (role_id);
      CREATE INDEX access_custom_roles_name ON access_custom_roles (name, profile_id, workspace_id);

      INSERT INTO access_workspaces (profile_id, workspace_id, owner_user_id, config_fetched_at)
        SELECT profile_id, workspace_id, json_extract(config_json, '$.owner.userId'), fetched_at FROM cached_configs
        WHERE json_valid(config_json);
      INSERT OR IGNORE INTO access_custom_roles (profile_id, workspace_id, role_id, name)
        SELECT c.profile_id, c.workspace_id, json_extract(r.value, '$.roleId'), json_extract(r.value, '$.name')
        FROM cached_configs c, json_each(c.config_json, '$.customRoles') r
        WHERE json_valid(c.config_json) AND json_type(r.value, '$.roleId') = 'text' AND json_type(r.value, '$.name') = 'text';

      CREATE TRIGGER access_config_insert AFTER INSERT ON cached_configs BEGIN
        DELETE FROM access_workspaces WHERE profile_id = NEW.profile_id AND workspace_id = NEW.workspace_id;
        DELETE FROM access_custom_roles WHERE profile_id = NEW.profile_id AND workspace_id = NEW.workspace_id;
        INSERT INTO access_workspaces (profile_id, workspace_id, owner_user_id, config_fetched_at)
          SELECT NEW.profile_id, NEW.workspace_id,
                 CASE WHEN json_valid(NEW.config_json) THEN json_extract(NEW.config_json, '$.owner.userId') END,
                 NEW.fetched_at;
        INSERT OR IGNORE INTO access_custom_roles (profile_id, workspace_id, role_id, name)
          SELECT NEW.profile_id, NEW.workspace_id, json_extract(r.value, '$.roleId'), json_extract(r.value, '$.name')
          FROM json_each(CASE WHEN json_valid(NEW.config_json) THEN NEW.config_json ELSE '{}' END, '$.customRoles') r
          WHERE json_type(r.value, '$.roleId') = 'text' AND json_type(r.value, '$.name') = 'text';
      END;
      CREATE TRIGGER access_config_update AFTER UPDATE ON cached_configs BEGIN
        DELETE FROM access_workspaces WHERE profile_id = OLD.profile_id AND workspace_id = OLD.workspace_id;
        DELETE FROM access_custom_roles WHERE profile_id = OLD.profile_id AND workspace_id = OLD.workspace_id;
        INSERT INTO access_workspaces (profile_id, workspace_id, owner_user_id, config_fetched_at)
          SELECT NEW.profile_id, NEW.workspace_id,
                 CASE WHEN json_valid(NEW.config_json) THEN json_extract(NEW.config_json, '$.owner.userId') END,
                 NEW.fetched_at;
        INSERT OR IGNORE INTO access_custom_roles (profile_id, workspace_id, role_id, name)
          SELECT NEW.profile_id, NEW.workspace_id, json_extract(r.value, '$.roleId'), json_extract(r.value, '$.name')
          FROM json_each(CASE WHEN json_valid(NEW.config_json) THEN NEW.config_json ELSE '{}' END, '$.customRoles') r
          WHERE json_type(r.value, '$.roleId') = 'text' AND json_type(r.value, '$.name') = 'text';
      END;
      CREATE TRIGGER access_config_delete AFTER DELETE ON cached_configs BEGIN
        DELETE FROM access_workspaces WHERE profile_id = OLD.profile_id AND workspace_id = OLD.workspace_id;
        DELETE FROM access_custom_roles WHERE profile_id = OLD.profile_id AND workspace_id = OLD.workspace_id;
      END;

      CREATE TABLE access_changes (
        id           TEXT PRIMARY KEY,
        kind         TEXT NOT NULL CHECK (kind IN ('grant', 'revoke', 'offboard', 'copy', 'replace')),
        request_json TEXT NOT NULL,
        parts_json   TEXT NOT NULL,
        status       TEXT NOT NULL DEFAULT 'drafted' CHECK (status IN ('drafted', 'queued', 'discarded')),
        run_id       TEXT,
        activity_id  INTEGER,
        created_at   TEXT NOT NULL,
        updated_at   TEXT NOT NULL
      ) STRICT;
      CREATE INDEX access_changes_status ON access_changes (status, created_at);
      CREATE INDEX access_changes_run ON access_changes (run_id);

      CREATE TABLE access_ram_policies (
        profile_id          TEXT NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
        user_id             TEXT NOT NULL,
        user_name           TEXT NOT NULL,
        has_pai_full_access INTEGER NOT NULL CHECK (has_pai_full_access IN (0, 1)),
        policies_json       TEXT NOT NULL,
        checked_at          TEXT NOT NULL,
        PRIMARY KEY (profile_id, user_id)
      ) STRICT;
    `)
  },
}
