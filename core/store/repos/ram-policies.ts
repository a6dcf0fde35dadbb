import type { Db } from '../database'

export interface RamPolicyFact {
  profileId: string
  /** A RAM user's UID, or a RAM role's (a member of AccountType "6"). */
  userId: string
  /** The RAM user's UserName, or the role's RoleName. */
  userName: string
  /** Whether the RAM user or role holds AliyunPAIFullAccess (A3), directly or (a user) through a group. */
  hasPaiFullAccess: boolean
  policies: string[]
  checkedAt: string
}

/** A member that is a RAM role (AccountType "6"): its UID and its name as the member list gives it. */
export interface RamRoleMember {
  userId: string
  roleName: string
}

/** What RAM last said about the policies of the RAM users and RAM roles who are members (A3), per profile. */
export class RamPoliciesRepo {
  private readonly qUpsert
  private readonly qWithout
  private readonly qRoles

  constructor(private readonly db: Db) {
    this.qUpsert = db.prepare(
      `INSERT INTO access_ram_policies (profile_id, user_id, user_name, has_pai_full_access, policies_json, checked_at)
       VALUES (@profileId, @userId, @userName, @has, @policies, @checkedAt)
       ON CONFLICT (profile_id, user_id) DO UPDATE SET user_name = excluded.user_name,
         has_pai_full_access = excluded.has_pai_full_access, policies_json = excluded.policies_json,
         checked_at = excluded.checked_at`,
    )
    this.qWithout = db
      .prepare<[], string>('SELECT DISTINCT user_id FROM access_ram_policies WHERE has_pai_full_access = 0')
      .pluck()
    // A role member's MemberName is its RoleName (assumed, docs/pai-api-facts.md §10.2); AccountName if it has none.
    this.qRoles = db.prepare<[string], RamRoleMember>(
      `SELECT user_id AS userId, coalesce(min(member_name), min(account_name)) AS roleName FROM cached_members
       WHERE profile_id = ? AND account_type = '6' GROUP BY user_id HAVING roleName IS NOT NULL ORDER BY roleName`,
    )
  }

  /** The members of one profile's workspaces that are RAM roles (each once), whose policies ListPoliciesForRole reads. */
  roleMembers(profileId: string): RamRoleMember[] {
    return this.qRoles.all(profileId)
  }

  /** What RAM said now of one profile's member RAM users: the rows of users no longer checked go. */
  replaceProfile(profileId: string, facts: readonly RamPolicyFact[]): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM access_ram_policies WHERE profile_id = ?').run(profileId)
      this.upsertMany(facts)
    })()
  }

  upsertMany(facts: readonly RamPolicyFact[]): void {
    this.db.transaction(() => {
      for (const f of facts)
        this.qUpsert.run({
          profileId: f.profileId,
          userId: f.userId,
          userName: f.userName,
          has: f.hasPaiFullAccess ? 1 : 0,
          policies: JSON.stringify(f.policies),
          checkedAt: f.checkedAt,
        })
    })()
  }

  /** UserIds (of RAM users and RAM roles) RAM said hold no AliyunPAIFullAccess. */
  withoutFullAccess(): string[] {
    return this.qWithout.all()
  }
}
