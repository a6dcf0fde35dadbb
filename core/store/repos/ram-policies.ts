import type { Db } from '../database'

export interface RamPolicyFact {
  profileId: string
  userId: string
  userName: string
  /** Whether the RAM user holds AliyunPAIFullAccess (A3), directly or through a group. */
  hasPaiFullAccess: boolean
  policies: string[]
  checkedAt: string
}

/** What RAM last said about the policies of the RAM users who are members (A3), per profile. */
export class RamPoliciesRepo {
  private readonly qUpsert
  private readonly qWithout

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

  /** UserIds RAM said hold no AliyunPAIFullAccess. */
  withoutFullAccess(): string[] {
    return this.qWithout.all()
  }
}
