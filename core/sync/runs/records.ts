import type { Store } from '../../store'

/** A run as the engine sees it: whose draft it applies now, and whether it settled (and how). */
export interface RunMeta {
  profileId: string
  /** The draft's workspace key now (moves from `local-…` to the WorkspaceId once created). */
  workspaceKey: string
  createdAt: string
  settled: boolean
  outcome?: 'cleared' | 'kept'
}

/** Settled runs are kept this long, and each profile's newest RUNS_KEPT whatever their age. */
const RUN_RETENTION_MS = 30 * 24 * 3600_000
const RUNS_KEPT = 200

/** The records of the runs (table `sync_runs`, see store README). */
export class RunRecords {
  constructor(private readonly store: Store) {}

  ids(): string[] {
    return this.store.syncRuns.list().map((r) => r.runId)
  }

  get(runId: string): RunMeta | undefined {
    const r = this.store.syncRuns.get(runId)
    if (!r) return undefined
    const meta: RunMeta = {
      profileId: r.profileId,
      workspaceKey: r.workspaceKey,
      createdAt: r.createdAt,
      settled: r.settledAt !== null,
    }
    if (r.outcome) meta.outcome = r.outcome
    return meta
  }

  create(runId: string, meta: { profileId: string; workspaceKey: string; createdAt: string }): void {
    this.store.syncRuns.insert({ runId, ...meta })
  }

  settled(runId: string, outcome: 'cleared' | 'kept'): void {
    this.store.syncRuns.settle(runId, outcome)
  }

  /** An op of the run is sent again: the run settles again (refresh, record, rebase) once it has finished. */
  reopen(runId: string): void {
    this.store.syncRuns.reopen(runId)
  }

  /** Runs that finished without settling (the process stopped before), to settle at start. */
  unsettled(): string[] {
    return this.store.syncRuns.unsettled().map((r) => r.runId)
  }

  /** The runs of one draft. */
  ofDraft(parts: { profileId: string | null; workspaceKey: string }): string[] {
    if (parts.profileId === null) return []
    return this.store.syncRuns.ofDraft(parts.profileId, parts.workspaceKey).map((r) => r.runId)
  }

  /** Retention: old settled runs are forgotten (their ops stay in the outbox). */
  prune(now: Date): number {
    return this.store.syncRuns.prune({ before: new Date(now.getTime() - RUN_RETENTION_MS), keep: RUNS_KEPT })
  }
}
