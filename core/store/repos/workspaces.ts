import type { z } from 'zod'
import { AppError } from '@shared/ipc/errors'
import type { Db } from '../database'
import { contentHash, readJson, type Checked } from '../json'
import { pageBounds, searchText, type ListQuery, type Page } from './paging'

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
  /** GmtCreateTime (ISO-8601); null keeps what is cached (ListWorkspaces and GetWorkspace both send it). */
  gmtCreate?: string | null
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
  gmtCreate: string | null
  cloudVersion: string
  fetchedAt: string
}

export type WorkspaceSort = 'name' | 'displayName' | 'status' | 'gmtModified' | 'fetchedAt'

interface Row {
  profile_id: string
  workspace_id: string
  name: string
  display_name: string | null
  status: string | null
  mode: string | null
  owner: string | null
  gmt_modified: string | null
  gmt_create: string | null
  cloud_version: string
  fetched_at: string
}

const COLS =
  'profile_id, workspace_id, name, display_name, status, mode, owner, gmt_modified, gmt_create, cloud_version, fetched_at'

/** Each sort order has a covering index (see migration 001), so filtering and paging never read rows. */
const SORTS: Record<WorkspaceSort, { column: string; index: string }> = {
  name: { column: 'name', index: 'cached_workspaces_name' },
  displayName: { column: 'display_name', index: 'cached_workspaces_display' },
  status: { column: 'status', index: 'cached_workspaces_status' },
  gmtModified: { column: 'gmt_modified', index: 'cached_workspaces_modified' },
  fetchedAt: { column: 'fetched_at', index: 'cached_workspaces_fetched' },
}

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
    gmtCreate: r.gmt_create,
    cloudVersion: r.cloud_version,
    fetchedAt: r.fetched_at,
  }
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
  private readonly qToken
  private readonly nameLists = new Map<string, { token: string; names: string[] }>()
  private readonly listStatements = new Map<
    string,
    { page: ReturnType<Db['prepare']>; count: ReturnType<Db['prepare']> }
  >()
  /** Totals of recent filters, valid while the profile's cache token is unchanged (paging, re-sorting). */
  private readonly counts = new Map<string, { token: string | undefined; total: number }>()

  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {
    this.qUpsert = db.prepare(
      `INSERT INTO cached_workspaces (profile_id, workspace_id, name, display_name, status, mode, owner, gmt_modified, gmt_create, cloud_version, fetched_at, search)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (profile_id, workspace_id) DO UPDATE SET
         name = excluded.name, display_name = excluded.display_name, status = excluded.status, mode = excluded.mode,
         owner = excluded.owner, gmt_modified = excluded.gmt_modified,
         gmt_create = coalesce(excluded.gmt_create, gmt_create), cloud_version = excluded.cloud_version,
         fetched_at = excluded.fetched_at, search = excluded.search`,
    )
    this.qDeleteStale = db.prepare<[string, string]>(
      'DELETE FROM cached_workspaces WHERE profile_id = ? AND fetched_at <> ?',
    )
    this.qGet = db.prepare<[string, string], Row>(
      `SELECT ${COLS} FROM cached_workspaces WHERE profile_id = ? AND workspace_id = ?`,
    )
    this.qNames = db.prepare<[string], { name: string }>(
      'SELECT name FROM cached_workspaces WHERE profile_id = ? ORDER BY name',
    )
    this.qSaveConfig = db.prepare<[string, string, string, string, string]>(
      `INSERT INTO cached_configs (profile_id, workspace_id, config_version, fetched_at, config_json) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (profile_id, workspace_id) DO UPDATE SET
         config_version = excluded.config_version, fetched_at = excluded.fetched_at, config_json = excluded.config_json`,
    )
    this.qGetConfig = db.prepare<[string, string], { config_json: string; config_version: string; fetched_at: string }>(
      'SELECT config_json, config_version, fetched_at FROM cached_configs WHERE profile_id = ? AND workspace_id = ?',
    )
    this.qDelete = db.prepare<[string, string]>(
      'DELETE FROM cached_workspaces WHERE profile_id = ? AND workspace_id = ?',
    )
    this.qClear = db.prepare<[string]>('DELETE FROM cached_workspaces WHERE profile_id = ?')
    this.qToken = db.prepare<[string], string>('SELECT token FROM cache_tokens WHERE profile_id = ?').pluck()
  }

  /**
   * Caches a list of workspaces in one transaction. With `replaceAll` (a complete listing) the
   * profile's workspaces missing from `rows` are dropped, with their configuration and members.
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
          w.gmtCreate ?? null,
          w.cloudVersion ?? w.gmtModified ?? contentHash(w),
          fetchedAt,
          searchText(w.name, w.displayName),
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

  /**
   * One page for the workspace list screen, with the total that matches. The filter and the order
   * are evaluated on a covering index; only the rows of the page are read.
   */
  list(profileId: string, q: ListQuery<WorkspaceSort> & { status?: string } = {}): Page<CachedWorkspace> {
    const { limit, offset } = pageBounds(q)
    const sort = SORTS[q.sort ?? 'name'] ?? SORTS.name
    const dir = q.dir === 'desc' ? 'DESC' : 'ASC'
    const hasStatus = q.status !== undefined
    const key = `${sort.column}|${dir}|${hasStatus}`
    let st = this.listStatements.get(key)
    if (!st) {
      const where = `profile_id = @profileId AND instr(search, @q) > 0${hasStatus ? ' AND status = @status' : ''}`
      const order =
        sort.column === 'name' ? `name ${dir}, rowid ${dir}` : `${sort.column} ${dir}, name ${dir}, rowid ${dir}`
      // With a status filter the status index serves the filter; otherwise the sort's own index.
      const pageIndex = hasStatus ? SORTS.status.index : sort.index
      st = {
        page: this.db.prepare(
          `SELECT ${COLS} FROM cached_workspaces WHERE rowid IN (
             SELECT rowid FROM cached_workspaces INDEXED BY ${pageIndex} WHERE ${where} ORDER BY ${order} LIMIT @limit OFFSET @offset)
           ORDER BY ${order}`,
        ),
        count: this.db
          .prepare(
            `SELECT count(*) FROM cached_workspaces INDEXED BY ${hasStatus ? SORTS.status.index : SORTS.name.index} WHERE ${where}`,
          )
          .pluck(),
      }
      this.listStatements.set(key, st)
    }
    const params: Record<string, unknown> = { profileId, q: (q.filter ?? '').toLowerCase() }
    if (hasStatus) params.status = q.status
    const rows = (st.page.all({ ...params, limit, offset }) as Row[]).map(toWorkspace)
    // A short, non-empty page is the last one: its end is the total, no count needed.
    const total = rows.length > 0 && rows.length < limit ? offset + rows.length : this.total(st.count, params)
    return { total, rows }
  }

  private total(count: ReturnType<Db['prepare']>, params: Record<string, unknown>): number {
    const token = this.qToken.get(params.profileId as string)
    const key = `${String(params.profileId)}\u0000${String(params.q)}\u0000${String(params.status ?? '')}`
    const hit = this.counts.get(key)
    if (hit && hit.token === token) return hit.total
    const total = count.get(params) as number
    if (this.counts.size >= 64) this.counts.delete(this.counts.keys().next().value as string)
    this.counts.set(key, { token, total })
    return total
  }

  /** Every cached workspace name of the profile (PAI and DataWorks share names: W4's offline check). */
  names(profileId: string): string[] {
    // Every plan validates against these (W4): a bulk change plans a thousand workspaces in a row, so the
    // list is kept while the profile's cache token (bumped by triggers on every change, from any process) holds.
    const token = this.qToken.get(profileId)
    const hit = this.nameLists.get(profileId)
    if (hit && token !== undefined && hit.token === token) return [...hit.names]
    const names = this.qNames.all(profileId).map((r) => r.name)
    if (token !== undefined) {
      if (this.nameLists.size >= 16) this.nameLists.delete(this.nameLists.keys().next().value as string)
      this.nameLists.set(profileId, { token, names })
    }
    return [...names]
  }

  /**
   * Caches a workspace's full configuration as the cloud has it. `version` is what it reflects
   * (GmtModifiedTime); default: a content hash. NOT_FOUND if the workspace itself is not cached.
   */
  saveConfig(
    profileId: string,
    workspaceId: string,
    config: unknown,
    opts: { version?: string; fetchedAt?: string } = {},
  ): { configVersion: string } {
    const configVersion = opts.version ?? contentHash(config)
    if (!this.qGet.get(profileId, workspaceId))
      throw new AppError('NOT_FOUND', { params: { what: `workspace ${workspaceId}` } })
    this.qSaveConfig.run(
      profileId,
      workspaceId,
      configVersion,
      opts.fetchedAt ?? this.now().toISOString(),
      JSON.stringify(config),
    )
    return { configVersion }
  }

  /** The cached configuration, validated with the caller's schema; undefined when none is cached. */
  getConfig<T>(
    profileId: string,
    workspaceId: string,
    schema: z.ZodType<T>,
  ): { config: Checked<T>; configVersion: string; fetchedAt: string } | undefined {
    const r = this.qGetConfig.get(profileId, workspaceId)
    if (!r) return undefined
    return { config: readJson(r.config_json, schema), configVersion: r.config_version, fetchedAt: r.fetched_at }
  }

  remove(profileId: string, workspaceId: string): boolean {
    return this.qDelete.run(profileId, workspaceId).changes > 0
  }

  /** Drops everything cached for the profile (workspaces, configurations, members). */
  clear(profileId: string): number {
    return this.qClear.run(profileId).changes
  }
}
