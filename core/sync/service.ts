import path from 'node:path'
import type { DriftItem, Plan, RefreshResult } from '@shared/ipc/channels/sync'
import type { Locale } from '@shared/locale'
import { activityPage } from './activity'
import { refreshStates } from './refresh-state'
import type { SyncContext, SyncDeps } from './deps'
import type { PlanPreload } from '../model/plan-preload'
import { Planning } from './planning'
import type { PlanScope } from './plan/scope'
import { refreshJob } from './refresh-job'
import { applyPlan } from './runs/apply'
import { cancelOps, retryOp } from './runs/control'
import { RunRecords, type RunMeta } from './runs/records'
import { recordAfterSend } from './runs/record-after-send'
import { settleRun } from './runs/settle'
import { runStatus, waitForRun, type RunState } from './runs/status'
import { OutboxWorker } from './worker'
import { WorkerLease } from './worker-lease'
import { Sender, type SenderState } from './worker-sender'

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
  private readonly units: { planning: Planning; runs: RunRecords; worker: OutboxWorker; sender: Sender }
  private readonly sender: Sender

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
    const lease = new WorkerLease(d.dataDir ?? path.dirname(d.store.file), d.runtime ?? 'core')
    this.sender = new Sender(lease, () => this.resume(), d.leaseRetryMs ?? 2_000, d.log)
    this.units = { planning: this.planning, runs: this.runs, worker: this.worker, sender: this.sender }
  }

  /**
   * Becomes this data directory's one sender (the worker lease), now or as soon as the process holding it lets go.
   * Only then is anything re-queued or claimed. A `never` engine only reads and queues.
   */
  start(): void {
    if (this.c.sender !== 'never') this.sender.want()
  }

  /** Who sends this data directory's outbox: this process, another one, or nobody. */
  senderState(): SenderState {
    return this.sender.state()
  }

  /** With the lease: ops a dead sender left in flight are re-queued, sending starts, unsettled runs settle. */
  private resume(): void {
    this.worker.start()
    for (const runId of this.runs.unsettled()) {
      const n = this.c.store.outbox.counts({ runId })
      if (n.pending === 0 && n.in_flight === 0) void this.worker.settle(runId)
    }
  }

  async stop(): Promise<void> {
    await this.worker.stop()
    this.sender.release()
  }

  refresh(profileId: string, workspaceId?: string): Promise<RefreshResult> {
    return refreshJob(this.c, profileId, workspaceId)
  }

  plan(key: string, locale: Locale = 'en', pre?: PlanPreload, scope?: PlanScope): Plan {
    return this.planning.plan(key, locale, pre, scope)
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

  /** Queues the plan; this process starts sending unless another one holds the lease (that one sends it). */
  apply(key: string, planFingerprint: string): { runId: string; queued: number } {
    const queued = applyPlan(this.c, this.units, key, planFingerprint)
    this.start()
    return queued
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

  /** Sends a failed, blocked or cancelled op again (through the same reconcile-then-record path); see runs/control.ts. */
  retry(opId: string): { retried: number } {
    const r = retryOp(this.c.store, this.units, opId)
    this.start()
    return r
  }

  /** Cancels an op (with what depends on it) or every op of a run not sent yet; see runs/control.ts. */
  cancel(q: { opId: string } | { runId: string }): { cancelled: number } {
    return cancelOps(this.c.store, this.units, q)
  }

  /** Each profile's last refresh and what it learned of EventBridge (E1); see refresh-state.ts. */
  refreshState(): ReturnType<typeof refreshStates> {
    return refreshStates(this.c.store)
  }

  activity(q: Parameters<typeof activityPage>[1]): ReturnType<typeof activityPage> {
    return activityPage(this.c.store, q)
  }
}
