import type { Migration } from './types'

/**
 * Profiles of every credential kind (issue 15) and one endpoint per cloud service (issue 11 item 4).
 * Still no column for a secret (D2): AccessKey secrets and STS tokens the user gives live in the
 * keychain; temporary credentials the app obtains (AssumeRole, OIDC, ECS) live in memory only.
 *
 * - `kind`: access-key | sts-token | ram-role-arn | ecs-ram-role | oidc-role | env. Kinds without an
 *   AccessKey of their own keep `access_key_id` empty (the column is NOT NULL since 001).
 * - `endpoint_*`: per-service endpoints; each wins over `endpoint` (one endpoint for every cloud service).
 * - `base_profile_id`: for ram-role-arn, the profile whose credentials call AssumeRole (null: its own AccessKey).
 * - `caller_json`: who the credentials belonged to at the last check (GetCallerIdentity) and when.
 */
export const profileCredentials: Migration = {
  version: 4,
  name: 'profile-credentials',
  up(db) {
    db.exec(`
      ALTER TABLE profiles ADD COLUMN kind TEXT NOT NULL DEFAULT 'access-key'
        CHECK (kind IN ('access-key', 'sts-token', 'ram-role-arn', 'ecs-ram-role', 'oidc-role', 'env'));
      ALTER TABLE profiles ADD COLUMN endpoint_pai TEXT;
      ALTER TABLE profiles ADD COLUMN endpoint_eventbridge TEXT;
      ALTER TABLE profiles ADD COLUMN endpoint_sts TEXT;
      ALTER TABLE profiles ADD COLUMN endpoint_sls TEXT;
      ALTER TABLE profiles ADD COLUMN base_profile_id TEXT;
      ALTER TABLE profiles ADD COLUMN role_arn TEXT;
      ALTER TABLE profiles ADD COLUMN role_session_name TEXT;
      ALTER TABLE profiles ADD COLUMN duration_seconds INTEGER;
      ALTER TABLE profiles ADD COLUMN external_id TEXT;
      ALTER TABLE profiles ADD COLUMN session_policy TEXT;
      ALTER TABLE profiles ADD COLUMN oidc_provider_arn TEXT;
      ALTER TABLE profiles ADD COLUMN oidc_token_file TEXT;
      ALTER TABLE profiles ADD COLUMN ecs_role_name TEXT;
      ALTER TABLE profiles ADD COLUMN sts_expiration TEXT;
      ALTER TABLE profiles ADD COLUMN imported_from TEXT;
      ALTER TABLE profiles ADD COLUMN caller_json TEXT;
      CREATE INDEX profiles_base ON profiles (base_profile_id) WHERE base_profile_id IS NOT NULL;
    `)
  },
}
