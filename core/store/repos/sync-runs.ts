import type { Db } from '../database'

/** One apply run of a draft (table `sync_runs`). */
export interface SyncRun {
  runId: string
  profileId: string
  /** The draft's workspace key now (a new workspace's draft moves from `local-…` to its WorkspaceId). */
  workspaceKey: string
  /** The key the run was applied from. */
  appliedAs: string
  createdAt: string
  /** When the run settled (refreshed, draft cleared or kept); null while it has not, or was retried since. */
  settledAt: string | null
  outcome: 'cleared' | 'kept' | null
}

interface Row {
  run_id: string
  profile_id: string
  workspace_key: string
  applied_as: string
  created_at: string
  settled_at: string | null
  outcome: 'cleared' | 'kept' | null
}

const COLS = 'run_id, profile_id, workspace_key, applied_as, created_at, settled_at, outcome'
const toRun = (r: Row): SyncRun => ({
  runId: r.run_id,
  profileId: r.profile_id,
  workspaceKey: r.workspace_key,
  appliedAs: r.applied_as,
  createdAt: r.created_at,
  settledAt: r.settled_at,
  outcome: r.outcome,
})

/** The sync engine's runs: whose draft each applies, and whether (and how) it settled. */
export class SyncRunsRepo {
  private readonly qInsert
  private readonly qGet
  private readonly qAll
  private readonly qOfDraft
  private readonly qUnsettled
  private readonly qSettle
  private readonly qReopen
  private readonly qRekey
  private readonly qMoved
  private readonly qPrune

  constructor(
    db: Db,
    private readonly now: () => Date,
  ) {
    this.qInsert = db.prepare(
      `INSERT INTO sync_runs (run_id, profile_id, workspace_key, applied_as, created_at, settled_at, outcome, updated_at)
       VALUES (?, ?, ?, ?, ?, NULL, NULL, ?)`,
    )
    this.qGet = db.prepare<[string], Row>(`SELECT ${COLS} FROM sync_runs WHERE run_id = ?`)
    this.qAll = db.prepare<[], Row>(`SELECT ${COLS} FROM sync_runs ORDER BY created_at, run_id`)
    this.qOfDraft = db.prepare<[string, string], Row>(
      `SELECT ${COLS} FROM sync_runs WHERE profile_id = ? AND workspace_key = ? ORDER BY created_at, run_id`,
    )
    this.qUnsettled = db.prepare<[], Row>(`SELECT ${COLS} FROM sync_runs WHERE settled_at IS NULL ORDER BY created_at`)
    this.qSettle = db.prepare<[string, string, string, string]>(
      'UPDATE sync_runs SET settled_at = ?, outcome = ?, updated_at = ? WHERE run_id = ?',
    )
    this.qReopen = db.prepare<[string, string]>(
      'UPDATE sync_runs SET settled_at = NULL, outcome = NULL, updated_at = ? WHERE run_id = ?',
    )
    this.qRekey = db.prepare<[string, string, string, string]>(
      'UPDATE sync_runs SET workspace_key = ?, updated_at = ? WHERE profile_id = ? AND workspace_key = ?',
    )
    this.qMoved = db
      .prepare<[string, string], string>(
        'SELECT workspace_key FROM sync_runs WHERE profile_id = ? AND applied_as = ? AND workspace_key <> applied_as LIMIT 1',
      )
      .pluck()
    // Settled runs older than the cut-off, except each profile's newest `keep`.
    this.qPrune = db.prepare<{ before: string; keep: number }>(
      `DELETE FROM sync_runs WHERE run_id IN (
         SELECT run_id FROM (
           SELECT run_id, settled_at, row_number() OVER (PARTITION BY profile_id ORDER BY created_at DESC, run_id DESC) AS n
           FROM sync_runs WHERE settled_at IS NOT NULL
         ) WHERE n > @keep AND settled_at < @before
       )`,
    )
  }

  insert(run: { runId: string; profileId: string; workspaceKey: string; createdAt: string }): void {
    this.qInsert.run(
      run.runId,
      run.profileId,
      run.workspaceKey,
      run.workspaceKey,
      run.createdAt,
      this.now().toISOString(),
    )
  }

  get(runId: string): SyncRun | undefined {
    const r = this.qGet.get(runId)
    return r ? toRun(r) : undefined
  }

  /** Every run, oldest first. */
  list(): SyncRun[] {
    return this.qAll.all().map(toRun)
  }

  /** The runs of one draft, oldest first. */
  ofDraft(profileId: string, workspaceKey: string): SyncRun[] {
    return this.qOfDraft.all(profileId, workspaceKey).map(toRun)
  }

  unsettled(): SyncRun[] {
    return this.qUnsettled.all().map(toRun)
  }

  settle(runId: string, outcome: 'cleared' | 'kept'): void {
    const at = this.now().toISOString()
    this.qSettle.run(at, outcome, at, runId)
  }

  /** An op of the run is sent again (a retry): the run settles again once it has finished. */
  reopen(runId: string): void {
    this.qReopen.run(this.now().toISOString(), runId)
  }

  /** A draft moved (a `local-…` key became its WorkspaceId): its runs follow it. */
  rekey(profileId: string, from: string, to: string): void {
    this.qRekey.run(to, this.now().toISOString(), profileId, from)
  }

  /** Where the draft of a key went, when a run moved it (a new workspace's `local-…` key): its key now. */
  movedKey(profileId: string, key: string): string | undefined {
    return this.qMoved.get(profileId, key)
  }

  /** Retention: settled runs older than `before` go, except each profile's newest `keep`. Returns how many. */
  prune(opts: { before: Date; keep: number }): number {
    return this.qPrune.run({ before: opts.before.toISOString(), keep: opts.keep }).changes
  }
}
