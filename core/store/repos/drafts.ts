import type { z } from 'zod'
import { AppError } from '@shared/ipc/errors'
import type { Db } from '../database'
import { readJson, type Checked } from '../json'

export interface DraftSaveInput {
  /** null for a draft made with no profile (offline only). */
  profileId: string | null
  /** The cloud workspace id, or a local key (newLocalWorkspaceKey) for a workspace not created yet. */
  workspaceKey: string
  /** The whole draft. */
  draft: unknown
  /** The cloud snapshot the draft is based on; kept from the previous save when undefined, cleared by null. */
  base?: unknown
  /** What that snapshot reflects (GmtModifiedTime or content hash); kept when undefined. */
  baseVersion?: string | null
  /** The revision the editor loaded (0: none yet). DRAFT_CONFLICT when the stored one differs. */
  expectedRevision?: number
}

export interface DraftSummary {
  profileId: string | null
  workspaceKey: string
  revision: number
  baseVersion: string | null
  createdAt: string
  updatedAt: string
}

export interface Draft<T, B = unknown> extends DraftSummary {
  draft: Checked<T>
  /** null when no base snapshot is stored (a new workspace). */
  base: Checked<B> | null
}

interface Row {
  profile_id: string | null
  workspace_key: string
  revision: number
  base_version: string | null
  created_at: string
  updated_at: string
}

interface FullRow extends Row {
  draft_json: string
  base_json: string | null
}

const COLS = 'profile_id, workspace_key, revision, base_version, created_at, updated_at'
const KEY = "ifnull(profile_id, '') = ifnull(?, '') AND workspace_key = ?"

function toSummary(r: Row): DraftSummary {
  return {
    profileId: r.profile_id,
    workspaceKey: r.workspace_key,
    revision: r.revision,
    baseVersion: r.base_version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }
}

/** Offline drafts (D1): saved at every edit, one transaction per save, never lost on a crash. */
export class DraftsRepo {
  private readonly qGetMeta
  private readonly qGet
  private readonly qInsert
  private readonly qUpdate
  private readonly qDelete
  private readonly qListAll
  private readonly qListProfile
  private readonly qListOffline
  private readonly qCount

  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {
    this.qGetMeta = db.prepare<[string | null, string], { id: number; revision: number }>(
      `SELECT id, revision FROM drafts WHERE ${KEY}`,
    )
    this.qGet = db.prepare<[string | null, string], FullRow>(
      `SELECT ${COLS}, draft_json, base_json FROM drafts WHERE ${KEY}`,
    )
    this.qInsert = db.prepare(
      `INSERT INTO drafts (profile_id, workspace_key, draft_json, base_json, base_version, created_at, updated_at, revision)
       VALUES (?, ?, ?, ?, ?, ?, ?, 1)`,
    )
    this.qUpdate = db.prepare(
      `UPDATE drafts SET draft_json = ?,
         base_json = CASE WHEN ? THEN ? ELSE base_json END,
         base_version = CASE WHEN ? THEN ? ELSE base_version END,
         updated_at = ?, revision = revision + 1
       WHERE id = ?`,
    )
    this.qDelete = db.prepare<[number]>('DELETE FROM drafts WHERE id = ?')
    this.qListAll = db.prepare<[], Row>(`SELECT ${COLS} FROM drafts ORDER BY updated_at DESC`)
    this.qListProfile = db.prepare<[string], Row>(
      `SELECT ${COLS} FROM drafts WHERE profile_id = ? ORDER BY updated_at DESC`,
    )
    this.qListOffline = db.prepare<[], Row>(
      `SELECT ${COLS} FROM drafts WHERE profile_id IS NULL ORDER BY updated_at DESC`,
    )
    this.qCount = db.prepare<[string], number>('SELECT count(*) FROM drafts WHERE profile_id = ?').pluck()
  }

  /** Saves one edit in one (immediate) transaction; returns the new revision. */
  save(input: DraftSaveInput): { revision: number; updatedAt: string } {
    const at = this.now().toISOString()
    const draftJson = JSON.stringify(input.draft ?? null)
    const setBase = input.base !== undefined
    const baseJson = input.base === undefined || input.base === null ? null : JSON.stringify(input.base)
    const setVersion = input.baseVersion !== undefined
    return this.db
      .transaction(() => {
        const cur = this.qGetMeta.get(input.profileId, input.workspaceKey)
        const current = cur?.revision ?? 0
        if (input.expectedRevision !== undefined && input.expectedRevision !== current) {
          throw new AppError('DRAFT_CONFLICT', {
            ruleId: 'D1',
            params: { current, expected: input.expectedRevision, workspaceKey: input.workspaceKey },
          })
        }
        if (!cur) {
          this.qInsert.run(input.profileId, input.workspaceKey, draftJson, baseJson, input.baseVersion ?? null, at, at)
          return { revision: 1, updatedAt: at }
        }
        this.qUpdate.run(
          draftJson,
          setBase ? 1 : 0,
          baseJson,
          setVersion ? 1 : 0,
          input.baseVersion ?? null,
          at,
          cur.id,
        )
        return { revision: current + 1, updatedAt: at }
      })
      .immediate()
  }

  /** The draft validated with `schema` (and its base with `baseSchema`); invalid JSON is reported, not thrown. */
  get<T, B = unknown>(
    profileId: string | null,
    workspaceKey: string,
    schema: z.ZodType<T>,
    baseSchema?: z.ZodType<B>,
  ): Draft<T, B> | undefined {
    const r = this.qGet.get(profileId, workspaceKey)
    if (!r) return undefined
    let base: Checked<B> | null = null
    if (r.base_json !== null)
      base = baseSchema ? readJson(r.base_json, baseSchema) : (readJson(r.base_json) as Checked<B>)
    return { ...toSummary(r), draft: readJson(r.draft_json, schema), base }
  }

  /** The draft's revision, or undefined when there is none (no JSON is read). */
  revision(profileId: string | null, workspaceKey: string): number | undefined {
    return this.qGetMeta.get(profileId, workspaceKey)?.revision
  }

  /** Summaries (no JSON): all drafts, a profile's drafts, or (profileId null) the offline-only ones. */
  list(filter: { profileId?: string | null } = {}): DraftSummary[] {
    const rows =
      filter.profileId === undefined
        ? this.qListAll.all()
        : filter.profileId === null
          ? this.qListOffline.all()
          : this.qListProfile.all(filter.profileId)
    return rows.map(toSummary)
  }

  count(profileId: string): number {
    return this.qCount.get(profileId) as number
  }

  /** Deletes a draft (after it was applied, or discarded). DRAFT_CONFLICT if `expectedRevision` is stale. */
  delete(profileId: string | null, workspaceKey: string, expectedRevision?: number): boolean {
    return this.db
      .transaction(() => {
        const cur = this.qGetMeta.get(profileId, workspaceKey)
        if (!cur) return false
        if (expectedRevision !== undefined && expectedRevision !== cur.revision) {
          throw new AppError('DRAFT_CONFLICT', {
            ruleId: 'D1',
            params: { current: cur.revision, expected: expectedRevision, workspaceKey },
          })
        }
        return this.qDelete.run(cur.id).changes > 0
      })
      .immediate()
  }
}
