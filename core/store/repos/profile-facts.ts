import type { z } from 'zod'
import type { Db } from '../database'
import { readJson, type Checked } from '../json'

/** What a refresh learned about a profile's account (table `profile_facts`), as JSON validated on read. */
export class ProfileFactsRepo {
  private readonly qGet
  private readonly qSet

  constructor(
    db: Db,
    private readonly now: () => Date,
  ) {
    this.qGet = db.prepare<[string], string>('SELECT facts_json FROM profile_facts WHERE profile_id = ?').pluck()
    this.qSet = db.prepare<[string, string, string]>(
      `INSERT INTO profile_facts (profile_id, facts_json, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (profile_id) DO UPDATE SET facts_json = excluded.facts_json, updated_at = excluded.updated_at`,
    )
  }

  /** undefined when nothing is known yet; `{ok: false}` when the stored value is not valid. */
  get<T>(profileId: string, schema: z.ZodType<T>): Checked<T> | undefined {
    const text = this.qGet.get(profileId)
    return text === undefined ? undefined : readJson(text, schema)
  }

  /** The profile must exist (the row goes with it). */
  set(profileId: string, facts: unknown): void {
    this.qSet.run(profileId, JSON.stringify(facts ?? null), this.now().toISOString())
  }
}
