import type { Migration } from './types'

/**
 * The account's RAM users per profile (issue 18: the member picker), as RAM's ListUsers last answered, and how
 * that last read went (so an empty picker can say why: offline, never read, or no permission to read RAM).
 *
 * - `ram_users`: one row per profile and RAM UserId (the same UID that PAI members carry), with the lower-cased
 *   names and the UID for the search.
 * - `ram_user_reads`: per profile, when RAM was last read, how many users came back, and the error of a failed
 *   read (its code and message params, localized when shown).
 */
export const ramUsers: Migration = {
  version: 6,
  name: 'ram-users',
  up(db) {
    db.exec(`
      CREATE TABLE ram_users (
        profile_id   TEXT NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
        user_id      TEXT NOT NULL,
        user_name    TEXT NOT NULL,
        display_name TEXT,
        comments     TEXT,
        create_date  TEXT,
        search       TEXT NOT NULL,
        PRIMARY KEY (profile_id, user_id)
      ) STRICT;
      CREATE INDEX ram_users_name ON ram_users (profile_id, user_name COLLATE NOCASE);

      CREATE TABLE ram_user_reads (
        profile_id   TEXT PRIMARY KEY REFERENCES profiles (id) ON DELETE CASCADE,
        read_at      TEXT NOT NULL,
        ok           INTEGER NOT NULL CHECK (ok IN (0, 1)),
        users        INTEGER NOT NULL,
        error_code   TEXT,
        error_json   TEXT
      ) STRICT;
    `)
  },
}
