import type { z } from 'zod'
import type { Db } from '../database'
import { readJson, type Checked } from '../json'

/** Key/value settings; each value is JSON, validated with the caller's zod schema on read. */
export class SettingsRepo {
  private readonly qGet
  private readonly qSet
  private readonly qDelete
  private readonly qKeys

  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {
    this.qGet = db.prepare<[string], { value_json: string }>('SELECT value_json FROM settings WHERE key = ?')
    this.qSet = db.prepare<[string, string, string]>(
      `INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at`,
    )
    this.qDelete = db.prepare<[string]>('DELETE FROM settings WHERE key = ?')
    this.qKeys = db.prepare<[], { key: string }>('SELECT key FROM settings ORDER BY key')
  }

  /** undefined when the key is not set; `{ok: false}` when the stored value is not valid. */
  get<T>(key: string, schema: z.ZodType<T>): Checked<T> | undefined {
    const row = this.qGet.get(key)
    return row ? readJson(row.value_json, schema) : undefined
  }

  set(key: string, value: unknown): void {
    this.qSet.run(key, JSON.stringify(value ?? null), this.now().toISOString())
  }

  delete(key: string): boolean {
    return this.qDelete.run(key).changes > 0
  }

  /** Runs `fn` in one transaction (several keys saved together). */
  transaction(fn: () => void): void {
    this.db.transaction(fn).immediate()
  }

  keys(): string[] {
    return this.qKeys.all().map((r) => r.key)
  }
}
