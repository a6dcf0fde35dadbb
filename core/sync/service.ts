import type { DriftItem, Plan, RefreshResult } from '@shared/ipc/channels/sync'
import type { Locale } from '@shared/locale'
import type { Store } from '../store'
import { activityPage } from './activity'
import type { SyncContext, SyncDeps } from './deps'
import { Planning } from './planning'
import { refreshJob } from './refresh-job'
import { applyPlan } from './runs/apply'
import { RunRecords, type RunMeta } from './runs/records'
import { recordAfterSend } from './runs/record-after-send'
import { settleRun } from './runs/settle'
import { runStatus, waitForRun, type RunState } from './runs/status'
import { OutboxWorker } from './worker'

export type { SyncDeps } from './deps'

/**
 * The sync engine's one entry point: refresh (`refresh-job.ts`), planning (`planning.ts`), runs
 * (`runs/`: apply, records, status, settle) and activity (`activity.ts`). Plain methods, so the IPC
 * handlers and the CLI (`pai-admin plan/apply`) call the same code.
 */
export class SyncService {
  readonly worker: OutboxWorker
  private readonly c: SyncContext
  private readonly planning: Planning
  private readonly runs: RunRecords
  /** The pieces the run functions share. */
  private readonly units: { planning: Planning; runs: RunRecords; worker: OutboxWorker }

  constructor(d: SyncDeps) {
    this.c = { ...d, now: d.now ?? (() => new Date()) }
    this.planning = new Planning(this.c)
    this.runs = new RunRecords(d.store)
    this.worker = new OutboxWorker({
      store: d.store,
      clientsFor: d.clientsFor,
      secret: d.secret,
      emit: d.emit,
      ...(d.log ? { log: d.log } : {}),
      ...(d.worker ?? {}),
      afterDone: (op, result) => recordAfterSend(this.c, op, result),
      onRunSettled: (runId) => settleRun(this.c, this.units, runId),
    })
    this.units = { planning: this.planning, runs: this.runs, worker: this.worker }
  }

  /** Resumes the outbox (ops left in flight by a crash are re-queued) and settles runs left unsettled. */
  start(): void {
    this.worker.start()
    for (const runId of this.runs.unsettled()) {
      const n = this.c.store.outbox.counts({ runId })
      if (n.pending === 0 && n.in_flight === 0) void this.worker.settle(runId)
    }
  }

  stop(): Promise<void> {
    return this.worker.stop()
  }

  refresh(profileId: string, workspaceId?: string): Promise<RefreshResult> {
    return refreshJob(this.c, profileId, workspaceId)
  }

  plan(key: string, locale: Locale = 'en'): Plan {
    return this.planning.plan(key, locale)
  }

  resolve(key: string, choices: Array<{ path: string; take: 'mine' | 'cloud' }>, locale: Locale = 'en'): Plan {
    return this.planning.resolve(key, choices, locale)
  }

  markManualDone(key: string, actionId: string, locale: Locale = 'en'): Plan {
    return this.planning.markManualDone(key, actionId, locale)
  }

  drift(
    key: string,
    live = false,
  ): Promise<{ sinceBase: DriftItem[]; sinceRefresh: DriftItem[] | null; fetchedAt: string | null }> {
    return this.planning.drift(key, live)
  }

  apply(key: string, planFingerprint: string): { runId: string; queued: number } {
    return applyPlan(this.c, this.units, key, planFingerprint)
  }

  meta(runId: string): RunMeta | undefined {
    return this.runs.get(runId)
  }

  status(q: { key?: string; runId?: string }): RunState {
    return runStatus(this.c.store, this.units, q)
  }

  waitForRun(runId: string, opts: { timeoutMs?: number; intervalMs?: number } = {}): Promise<RunState> {
    return waitForRun(this.c.store, this.units, runId, opts)
  }

  /**
   * Sends a failed, blocked or cancelled op again. It goes the way of a first send (looked up by natural key
   * first, since an earlier attempt may have reached the cloud; recorded when done), and its run settles again:
   * refreshed, so the next plan knows what the retry did.
   */
  retry(opId: string): boolean {
    const store = this.c.store
    store.transaction(() => {
      const op = store.outbox.retry(opId)
      this.runs.reopen(op.runId)
    })
    this.worker.kick()
    return true
  }

  activity(q: { offset: number; limit: number; profileId?: string }): {
    total: number
    rows: ReturnType<Store['activity']['list']>
  } {
    return activityPage(this.c.store, q)
  }
}
