import type { z } from 'zod'
import { AppError } from '@shared/ipc/errors'
import type { Db } from '../database'
import { contentHash, readJson, type Checked } from '../json'

/** One workspace as a list call returns it (ListWorkspaces), ready to cache. */
export interface CachedWorkspaceInput {
  workspaceId: string
  name: string
  displayName?: string | null
  status?: string | null
  /** simple | standard (from EnvTypes). */
  mode?: string | null
  owner?: string | null
  gmtModified?: string | null
  /** The cloud state this row reflects. Default: gmtModified, else a content hash of the row. */
  cloudVersion?: string
}

export interface CachedWorkspace {
  profileId: string
  workspaceId: string
  name: string
  displayName: string | null
  status: string | null
  mode: string | null
  owner: string | null
  gmtModified: string | null
  cloudVersion: string
  fetchedAt: string
  /** Version (GmtModifiedTime or content hash) of the cached full configuration, if one is cached. */
  configVersion: string | null
  configFetchedAt: string | null
}

export type WorkspaceSort = 'name' | 'displayName' | 'status' | 'gmtModified' | 'fetchedAt'

export interface ListQuery<S extends string> {
  /** Substring match (case-insensitive for ASCII); % and _ are taken literally. */
  filter?: string
  sort?: S
  dir?: 'asc' | 'desc'
  limit?: number
  offset?: number
}

export interface Page<T> {
  total: number
  rows: T[]
}

interface Row {
  profile_id: string
  workspace_id: string
  name: string
  display_name: string | null
  status: string | null
  mode: string | null
  owner: string | null
  gmt_modified: string | null
  cloud_version: string
  fetched_at: string
  config_version: string | null
  config_fetched_at: string | null
}

const COLS =
  'profile_id, workspace_id, name, display_name, status, mode, owner, gmt_modified, cloud_version, fetched_at, config_version, config_fetched_at'

const SORT_COLUMNS: Record<WorkspaceSort, string> = {
  name: 'name',
  displayName: 'display_name',
  status: 'status',
  gmtModified: 'gmt_modified',
  fetchedAt: 'fetched_at',
}

export const MAX_PAGE = 1000

function toWorkspace(r: Row): CachedWorkspace {
  return {
    profileId: r.profile_id,
    workspaceId: r.workspace_id,
    name: r.name,
    displayName: r.display_name,
    status: r.status,
    mode: r.mode,
    owner: r.owner,
    gmtModified: r.gmt_modified,
    cloudVersion: r.cloud_version,
    fetchedAt: r.fetched_at,
    configVersion: r.config_version,
    configFetchedAt: r.config_fetched_at,
  }
}

/** `%text%` for LIKE with the user's % _ \ escaped. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

export function pageBounds(q: { limit?: number; offset?: number }): { limit: number; offset: number } {
  const limit = Math.min(Math.max(Math.trunc(q.limit ?? 50), 1), MAX_PAGE)
  const offset = Math.max(Math.trunc(q.offset ?? 0), 0)
  return { limit, offset }
}

/** The cloud state cached per profile: the workspace list and each workspace's full configuration. */
export class WorkspacesRepo {
  private readonly qUpsert
  private readonly qDeleteStale
  private readonly qGet
  private readonly qNames
  private readonly qSaveConfig
  private readonly qGetConfig
  private readonly qDelete
  private readonly qClear
  private readonly listStatements = new Map<string, { page: ReturnType<Db['prepare']>; count: ReturnType<Db['prepare']> }>()

  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {
    this.qUpsert = db.prepare(
      `INSERT INTO cached_workspaces (profile_id, workspace_id, name, display_name, status, mode, owner, gmt_modified, cloud_version, fetched_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (profile_id, workspace_id) DO UPDATE SET
         name = excluded.name, display_name = excluded.display_name, status = excluded.status, mode = excluded.mode,
         owner = excluded.owner, gmt_modified = excluded.gmt_modified, cloud_version = excluded.cloud_version,
         fetched_at = excluded.fetched_at`,
    )
    this.qDeleteStale = db.prepare<[string, string]>('DELETE FROM cached_workspaces WHERE profile_id = ? AND fetched_at <> ?')
    this.qGet = db.prepare<[string, string], Row>(`SELECT ${COLS} FROM cached_workspaces WHERE profile_id = ? AND workspace_id = ?`)
    this.qNames = db.prepare<[string], { name: string }>('SELECT name FROM cached_workspaces WHERE profile_id = ? ORDER BY name')
    this.qSaveConfig = db.prepare<[string, string, string, string, string]>(
      `UPDATE cached_workspaces SET config_json = ?, config_version = ?, config_fetched_at = ?
       WHERE profile_id = ? AND workspace_id = ?`,
    )
    this.qGetConfig = db.prepare<[string, string], { config_json: string | null; config_version: string | null; config_fetched_at: string | null }>(
      'SELECT config_json, config_version, config_fetched_at FROM cached_workspaces WHERE profile_id = ? AND workspace_id = ?',
    )
    this.qDelete = db.prepare<[string, string]>('DELETE FROM cached_workspaces WHERE profile_id = ? AND workspace_id = ?')
    this.qClear = db.prepare<[string]>('DELETE FROM cached_workspaces WHERE profile_id = ?')
  }

  /**
   * Caches a list of workspaces in one transaction. With `replaceAll` (a complete listing) the
   * profile's workspaces missing from `rows` are dropped, with their members. A cached configuration
   * is kept: only the list columns are written.
   */
  upsertMany(
    profileId: string,
    rows: readonly CachedWorkspaceInput[],
    opts: { replaceAll?: boolean; fetchedAt?: string } = {},
  ): { upserted: number; removed: number } {
    const fetchedAt = opts.fetchedAt ?? this.now().toISOString()
    return this.db.transaction(() => {
      for (const w of rows) {
        this.qUpsert.run(
          profileId,
          w.workspaceId,
          w.name,
          w.displayName ?? null,
          w.status ?? null,
          w.mode ?? null,
          w.owner ?? null,
          w.gmtModified ?? null,
          w.cloudVersion ?? w.gmtModified ?? contentHash(w),
          fetchedAt,
        )
      }
      const removed = opts.replaceAll ? this.qDeleteStale.run(profileId, fetchedAt).changes : 0
      return { upserted: rows.length, removed }
    })()
  }

  get(profileId: string, workspaceId: string): CachedWorkspace | undefined {
    const r = this.qGet.get(profileId, workspaceId)
    return r ? toWorkspace(r) : undefined
  }

  /** One page for the workspace list screen, with the total that matches the filter. */
  list(profileId: string, q: ListQuery<WorkspaceSort> & { status?: string } = {}): Page<CachedWorkspace> {
    const { limit, offset } = pageBounds(q)
    const sort = SORT_COLUMNS[q.sort ?? 'name'] ?? 'name'
    const dir = q.dir === 'desc' ? 'DESC' : 'ASC'
    const hasFilter = !!q.filter
    const hasStatus = !!q.status
    const key = `${sort}|${dir}|${hasFilter}|${hasStatus}`
    let st = this.listStatements.get(key)
    if (!st) {
      const where = [
        'profile_id = @profileId',
        hasFilter ? "(name LIKE @pattern ESCAPE '\\' OR display_name LIKE @pattern ESCAPE '\\')" : '',
        hasStatus ? 'status = @status' : '',
      ]
        .filter(Boolean)
        .join(' AND ')
      st = {
        page: this.db.prepare(
          `SELECT ${COLS} FROM cached_workspaces WHERE ${where} ORDER BY ${sort} ${dir}, workspace_id ${dir} LIMIT @limit OFFSET @offset`,
        ),
        count: this.db.prepare(`SELECT count(*) AS n FROM cached_workspaces WHERE ${where}`).pluck(),
      }
      this.listStatements.set(key, st)
    }
    const params: Record<string, unknown> = { profileId }
    if (hasFilter) params.pattern = likePattern(q.filter ?? '')
    if (hasStatus) params.status = q.status
    const rows = (st.page.all({ ...params, limit, offset }) as Row[]).map(toWorkspace)
    const total = st.count.get(params) as number
    return { total, rows }
  }

  /** Every cached workspace name of the profile (PAI and DataWorks share names: W4's offline check). */
  names(profileId: string): string[] {
    return this.qNames.all(profileId).map((r) => r.name)
  }

  /**
   * Caches a workspace's full configuration as the cloud has it. `version` is what it reflects
   * (GmtModifiedTime); default: a content hash. NOT_FOUND if the workspace is not cached.
   */
  saveConfig(profileId: string, workspaceId: string, config: unknown, opts: { version?: string; fetchedAt?: string } = {}): { configVersion: string } {
    const configVersion = opts.version ?? contentHash(config)
    const changes = this.qSaveConfig.run(
      JSON.stringify(config),
      configVersion,
      opts.fetchedAt ?? this.now().toISOString(),
      profileId,
      workspaceId,
    ).changes
    if (changes === 0) throw new AppError('NOT_FOUND', { params: { what: `workspace ${workspaceId}` } })
    return { configVersion }
  }

  /** The cached configuration, validated with the caller's schema; undefined when none is cached. */
  getConfig<T>(
    profileId: string,
    workspaceId: string,
    schema: z.ZodType<T>,
  ): { config: Checked<T>; configVersion: string | null; configFetchedAt: string | null } | undefined {
    const r = this.qGetConfig.get(profileId, workspaceId)
    if (!r || r.config_json === null) return undefined
    return { config: readJson(r.config_json, schema), configVersion: r.config_version, configFetchedAt: r.config_fetched_at }
  }

  remove(profileId: string, workspaceId: string): boolean {
    return this.qDelete.run(profileId, workspaceId).changes > 0
  }

  /** Drops everything cached for the profile (workspaces, configurations, members). */
  clear(profileId: string): number {
    return this.qClear.run(profileId).changes
  }
}
