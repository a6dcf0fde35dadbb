import { z } from 'zod'
import { WorkspaceConfigSchema, validate, type Identity, type WorkspaceConfig } from '@shared/domain'
import type { DriftItem, OpView, Plan, PlanAction, RefreshResult, RunStatus } from '@shared/ipc/channels/sync'
import { AppError } from '@shared/ipc/errors'
import type { EventName, EventPayload } from '@shared/ipc/events'
import type { Locale } from '@shared/locale'
import { formatMessage } from '@shared/messages'
import type { CloudClients } from '../cloud'
import { decodeDraftKey, encodeDraftKey, type DraftKeyParts } from '../model/draft-key'
import { writeProfileFacts } from '../model/profile-facts'
import { validationContextFor } from '../model/validation-context'
import type { OutboxOp, Store } from '../store'
import { isLocalWorkspaceKey, newId } from '../store/ids'
import { contentHash } from '../store/json'
import { configFromCloud } from './mapping/from-cloud'
import type { ExecResult } from './ops/execute'
import { buildPlan, emptyBase, type ManualOverlay } from './plan/build'
import { diffConfigs } from './plan/drift'
import { getAt, setAt } from './plan/paths'
import { fetchSnapshot, refreshProfile, refreshWorkspace } from './refresh'
import { OutboxWorker, opErrorOf, type WorkerDeps } from './worker'

export interface SyncDeps {
  store: Store
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void
  clientsFor(profileId: string): Promise<CloudClients>
  /** A DingTalk signing secret from the keychain (D2). */
  secret(profileId: string, ref: string): Promise<string | null>
  /** STS GetCallerIdentity as the domain identity (A2/A3); refresh records it for offline planning. */
  identity?(profileId: string): Promise<{ identity: Identity }>
  log?: WorkerDeps['log']
  worker?: Pick<WorkerDeps, 'maxInFlight' | 'pollMs' | 'backoff'>
  now?: () => Date
}

const RunMetaSchema = z.object({
  profileId: z.string(),
  /** The draft's workspace key now (moves from `local-…` to the WorkspaceId once created). */
  workspaceKey: z.string(),
  createdAt: z.string(),
  settled: z.boolean().default(false),
  outcome: z.enum(['cleared', 'kept']).optional(),
})
type RunMeta = z.infer<typeof RunMetaSchema>
const ManualOverlaySchema = z.record(z.string(), z.unknown())
const runKey = (runId: string): string => `syncRun:${runId}`
const overlayKey = (p: DraftKeyParts): string => `syncManual:${p.profileId ?? 'offline'}:${p.workspaceKey}`

/** Kinds whose payload addresses a workspace by id. */
const WS_KINDS = new Set([
  'workspace.update',
  'role.create',
  'role.update',
  'role.delete',
  'member.create',
  'member.addRole',
  'member.removeRole',
  'member.delete',
  'resource.create',
  'resource.update',
  'config.update',
])

/**
 * Refresh, plan, apply through the durable outbox, status and drift: the sync engine. Plain methods,
 * so the IPC handlers and the CLI (`pai-admin plan/apply`) call the same code.
 */
export class SyncService {
  readonly worker: OutboxWorker
  private readonly now: () => Date

  constructor(private readonly d: SyncDeps) {
    this.now = d.now ?? (() => new Date())
    this.worker = new OutboxWorker({
      store: d.store,
      clientsFor: d.clientsFor,
      secret: d.secret,
      emit: d.emit,
      ...(d.log ? { log: d.log } : {}),
      ...(d.worker ?? {}),
      afterDone: (op, result) => this.afterDone(op, result),
      onRunSettled: (runId) => this.settle(runId),
    })
  }

  /** Resumes the outbox (ops left in flight by a crash are re-queued) and settles runs left unsettled. */
  start(): void {
    this.worker.start()
    for (const runId of this.runIds()) {
      const meta = this.meta(runId)
      if (!meta || meta.settled) continue
      const c = this.d.store.outbox.counts({ runId })
      if (c.pending === 0 && c.in_flight === 0) void this.worker.settle(runId)
    }
  }

  stop(): Promise<void> {
    return this.worker.stop()
  }

  // ---------------------------------------------------------------- refresh

  async refresh(profileId: string, workspaceId?: string): Promise<RefreshResult> {
    const store = this.d.store
    if (!store.profiles.get(profileId)) throw new AppError('NOT_FOUND', { params: { what: `profile ${profileId}` } })
    try {
      const clients = await this.d.clientsFor(profileId)
      if (workspaceId) {
        const r = await refreshWorkspace(store, clients, profileId, workspaceId, this.now)
        this.d.emit('data.changed', { area: 'workspaces', id: workspaceId })
        return { jobId: newId(), workspaces: 1, fetchedAt: r.fetchedAt, failed: [] }
      }
      const identity = this.d.identity ? await this.d.identity(profileId) : undefined
      const res = await refreshProfile(
        store,
        clients,
        profileId,
        {
          progress: (done, total, message) =>
            this.d.emit('job.progress', {
              jobId: `refresh:${profileId}`,
              kind: 'refresh',
              done,
              total,
              ...(message ? { message } : {}),
            }),
        },
        this.now,
      )
      const facts: Parameters<typeof writeProfileFacts>[2] = { fetchedAt: res.fetchedAt }
      if (identity) facts.identity = identity.identity
      const dataworks = await dataWorksNames(clients)
      if (dataworks) facts.dataworksNames = dataworks
      if (res.eventBridge !== undefined) facts.eventBridgeAuthorized = res.eventBridge
      writeProfileFacts(store, profileId, facts)
      store.activity.add({
        profileId,
        action: 'sync.refresh',
        result: res.failed.length ? 'failed' : 'ok',
        details: { workspaces: res.workspaces, failed: res.failed },
      })
      this.d.emit('net.status', { online: true })
      this.d.emit('data.changed', { area: 'workspaces' })
      return { jobId: res.jobId, workspaces: res.workspaces, fetchedAt: res.fetchedAt, failed: res.failed }
    } catch (err) {
      if (err instanceof AppError && (err.code === 'CLOUD_NETWORK' || err.code === 'CLOUD_TIMEOUT'))
        this.d.emit('net.status', { online: false })
      throw err
    }
  }

  // ---------------------------------------------------------------- plan

  private loadDraft(key: string): {
    parts: DraftKeyParts & { profileId: string }
    draft: WorkspaceConfig
    base: WorkspaceConfig | null
    revision: number
  } {
    const parts = decodeDraftKey(key)
    if (parts.profileId === null) throw new AppError('SYNC_NO_PROFILE', { params: { key } })
    const d = this.d.store.drafts.get(parts.profileId, parts.workspaceKey, WorkspaceConfigSchema, WorkspaceConfigSchema)
    if (!d) throw new AppError('NOT_FOUND', { params: { what: key } })
    if (!d.draft.ok) throw new AppError('DRAFT_UNREADABLE', { params: { key, detail: d.draft.error } })
    return {
      parts: { profileId: parts.profileId, workspaceKey: parts.workspaceKey },
      draft: d.draft.value,
      base: d.base?.ok ? d.base.value : null,
      revision: d.revision,
    }
  }

  private overlay(parts: DraftKeyParts): ManualOverlay {
    const got = this.d.store.settings.get(overlayKey(parts), ManualOverlaySchema)
    return got?.ok ? (got.value as ManualOverlay) : {}
  }

  /** The plan of a draft against the cache. Offline: it says how old the cache is. */
  plan(key: string, locale: Locale = 'en'): Plan {
    const store = this.d.store
    const { parts, draft, base, revision } = this.loadDraft(key)
    const profile = store.profiles.get(parts.profileId)
    if (!profile) throw new AppError('NOT_FOUND', { params: { what: `profile ${parts.profileId}` } })
    const creating = isLocalWorkspaceKey(parts.workspaceKey)
    let cloud: WorkspaceConfig | null = null
    let fetchedAt: string | null = null
    let cloudVersion: string | null = null
    if (!creating) {
      const got = store.workspaces.getConfig(parts.profileId, parts.workspaceKey, WorkspaceConfigSchema)
      if (!got?.config.ok) throw new AppError('DRAFT_NO_CLOUD_COPY', { params: { workspaceId: parts.workspaceKey } })
      cloud = got.config.value
      fetchedAt = got.fetchedAt
      cloudVersion = got.configVersion
    }
    const effectiveBase = creating ? null : (base ?? cloud)
    const ctx = validationContextFor(store, parts.profileId, { previous: effectiveBase, current: cloud })
    const { identity, identityRoles } = ctx
    const actions = buildPlan({
      region: profile.region,
      draft,
      base: effectiveBase,
      cloud,
      workspaceId: creating ? undefined : parts.workspaceKey,
      identity,
      identityRoles,
      manualOverlay: this.overlay(parts),
    }).map((a) => withMessage(a, locale))

    const problems = validate(draft, ctx).problems

    const counts = { apply: 0, manual: 0, refused: 0, conflict: 0 }
    for (const a of actions) counts[a.kind]++
    const fingerprint = contentHash({
      revision,
      cloudVersion,
      actions: actions.map((a) => ({ id: a.id, kind: a.kind, op: a.op ?? null })),
    })
    const plan: Plan = {
      key: encodeDraftKey(parts),
      profileId: parts.profileId,
      creating,
      actions,
      counts,
      fetchedAt,
      cacheAgeMs: fetchedAt ? Math.max(0, this.now().getTime() - Date.parse(fetchedAt)) : null,
      problems,
      fingerprint,
      draftRevision: revision,
    }
    if (!creating) plan.workspaceId = parts.workspaceKey
    return plan
  }

  /** Writes conflict choices: `cloud` puts the cloud's value in the draft; `mine` moves the base to the cloud's value. */
  resolve(key: string, choices: Array<{ path: string; take: 'mine' | 'cloud' }>, locale: Locale = 'en'): Plan {
    const { parts, draft, base } = this.loadDraft(key)
    if (isLocalWorkspaceKey(parts.workspaceKey)) throw new AppError('SYNC_NOTHING_TO_RESOLVE', { params: { key } })
    const got = this.d.store.workspaces.getConfig(parts.profileId, parts.workspaceKey, WorkspaceConfigSchema)
    if (!got?.config.ok) throw new AppError('DRAFT_NO_CLOUD_COPY', { params: { workspaceId: parts.workspaceKey } })
    const cloud = got.config.value
    let nextDraft = draft
    let nextBase = base ?? cloud
    for (const c of choices) {
      const v = getAt(cloud, c.path)
      if (c.take === 'cloud') nextDraft = setAt(nextDraft, c.path, v)
      else nextBase = setAt(nextBase, c.path, v)
    }
    this.d.store.drafts.save({
      ...parts,
      draft: WorkspaceConfigSchema.parse(nextDraft),
      base: WorkspaceConfigSchema.parse(nextBase),
    })
    this.d.emit('data.changed', { area: 'drafts', id: key })
    return this.plan(key, locale)
  }

  /** The user did a manual step in the console: the cloud is taken to hold the draft's value from now on. */
  markManualDone(key: string, actionId: string, locale: Locale = 'en'): Plan {
    const plan = this.plan(key, locale)
    const action = plan.actions.find((a) => a.id === actionId)
    if (!action || action.kind !== 'manual') throw new AppError('SYNC_ACTION_NOT_MANUAL', { params: { actionId } })
    const { parts, draft } = this.loadDraft(key)
    const o = this.overlay(parts)
    switch (action.area) {
      case 'sls':
        o.sls = draft.sls
        break
      case 'switches':
        o.switches = {
          ...(o.switches ?? {}),
          [action.target]: draft.switches[action.target as keyof WorkspaceConfig['switches']],
        }
        break
      case 'scheduling':
        o.scheduling = draft.scheduling
        break
      case 'storage':
        o.designerPath = draft.storage.designerPath ?? null
        break
      case 'notifications':
        o.quota = draft.notifications.quota
        break
      case 'workspace':
        if (draft.basic.resourceGroupId) o.resourceGroupId = draft.basic.resourceGroupId
        break
    }
    this.d.store.settings.set(overlayKey(parts), o)
    this.d.store.activity.add({
      profileId: parts.profileId,
      workspace: parts.workspaceKey,
      action: 'sync.manualDone',
      result: 'ok',
      details: { actionId },
    })
    return this.plan(key, locale)
  }

  // ---------------------------------------------------------------- apply

  /**
   * Queues the plan's apply actions in ONE transaction and wakes the worker. Refuses a stale plan
   * (the draft or the cache changed since it was shown: SYNC_PLAN_STALE), unresolved conflicts, a
   * draft the rules refuse, and a second run while one is still going for the same draft.
   */
  apply(key: string, planFingerprint: string): { runId: string; queued: number } {
    const store = this.d.store
    const plan = this.plan(key)
    if (plan.fingerprint !== planFingerprint) throw new AppError('SYNC_PLAN_STALE', { ruleId: 'D5', params: { key } })
    if (plan.counts.conflict > 0)
      throw new AppError('SYNC_CONFLICTS_UNRESOLVED', { ruleId: 'D5', params: { count: plan.counts.conflict } })
    const refusedRules = new Set(plan.actions.filter((a) => a.kind === 'refused').map((a) => a.ruleId))
    const blocking = plan.problems.filter((p) => p.severity === 'error' && !refusedRules.has(p.ruleId))
    if (blocking.length > 0)
      throw new AppError('SYNC_DRAFT_INVALID', {
        ruleId: blocking[0]?.ruleId,
        params: { count: blocking.length, rules: [...new Set(blocking.map((p) => p.ruleId))].join(', ') },
        details: { problems: blocking },
      })
    const parts = decodeDraftKey(key) as DraftKeyParts & { profileId: string }
    for (const runId of this.runIds()) {
      const meta = this.meta(runId)
      if (meta && meta.profileId === parts.profileId && meta.workspaceKey === parts.workspaceKey) {
        const c = store.outbox.counts({ runId })
        if (c.pending + c.in_flight > 0) throw new AppError('SYNC_RUN_IN_PROGRESS', { params: { runId } })
      }
    }
    const applies = plan.actions.filter(
      (a): a is PlanAction & { op: NonNullable<PlanAction['op']> } => a.kind === 'apply' && a.op !== undefined,
    )
    const opIds = new Map(applies.map((a) => [a.id, newId()]))
    const runId = newId()
    store.transaction(() => {
      store.outbox.enqueue(
        applies.map((a) => ({
          opId: opIds.get(a.id) as string,
          profileId: parts.profileId,
          workspaceKey: parts.workspaceKey,
          kind: a.op.kind,
          payload: {
            ...(a.op.payload as object),
            ...(plan.workspaceId && WS_KINDS.has(a.op.kind) ? { workspaceId: plan.workspaceId } : {}),
            actionId: a.id,
          },
          dependsOn: a.dependsOn.map((d) => opIds.get(d)).filter((x): x is string => x !== undefined),
        })),
        { runId },
      )
      const meta: RunMeta = {
        profileId: parts.profileId,
        workspaceKey: parts.workspaceKey,
        createdAt: this.now().toISOString(),
        settled: false,
      }
      store.settings.set(runKey(runId), meta)
      store.activity.add({
        profileId: parts.profileId,
        workspace: parts.workspaceKey,
        action: 'sync.apply',
        result: 'info',
        details: { runId, queued: applies.length, counts: plan.counts },
      })
    })
    this.d.emit('sync.progress', { runId, status: 'queued', done: 0, total: applies.length })
    if (applies.length === 0) void this.worker.settle(runId)
    else this.worker.kick()
    return { runId, queued: applies.length }
  }

  /** A new workspace exists: its draft moves from `local-…` to the WorkspaceId (in the same transaction). */
  private afterDone(op: OutboxOp, result: ExecResult['result']): void {
    if (op.kind !== 'workspace.create') return
    const workspaceId = result?.workspaceId
    if (typeof workspaceId !== 'string') return
    const store = this.d.store
    const from = { profileId: op.profileId, workspaceKey: op.workspaceKey }
    const d = store.drafts.get(op.profileId, op.workspaceKey, WorkspaceConfigSchema)
    if (d?.draft.ok && !store.drafts.get(op.profileId, workspaceId, WorkspaceConfigSchema)) {
      store.drafts.save({
        profileId: op.profileId,
        workspaceKey: workspaceId,
        draft: d.draft.value,
        base: emptyBase(d.draft.value),
        baseVersion: null,
      })
      store.drafts.delete(op.profileId, op.workspaceKey)
      const o = store.settings.get(overlayKey(from), ManualOverlaySchema)
      if (o?.ok) {
        store.settings.set(overlayKey({ profileId: op.profileId, workspaceKey: workspaceId }), o.value)
        store.settings.delete(overlayKey(from))
      }
    }
    const meta = this.meta(op.runId)
    if (meta) store.settings.set(runKey(op.runId), { ...meta, workspaceKey: workspaceId })
    this.d.emit('data.changed', {
      area: 'drafts',
      id: encodeDraftKey({ profileId: op.profileId, workspaceKey: workspaceId }),
    })
  }

  /**
   * After the last op of a run: refresh the workspace and plan the draft again (the drift check). The
   * draft is cleared when cloud and draft agree; otherwise it is kept with what remains.
   */
  private async settle(runId: string): Promise<void> {
    const store = this.d.store
    const meta = this.meta(runId)
    if (!meta || meta.settled) return
    let outcome: RunMeta['outcome'] = 'kept'
    if (!isLocalWorkspaceKey(meta.workspaceKey)) {
      const clients = await this.d.clientsFor(meta.profileId)
      await refreshWorkspace(store, clients, meta.profileId, meta.workspaceKey, this.now)
      const key = encodeDraftKey({ profileId: meta.profileId, workspaceKey: meta.workspaceKey })
      if (store.drafts.get(meta.profileId, meta.workspaceKey, WorkspaceConfigSchema)) {
        const plan = this.plan(key)
        if (plan.actions.length === 0) {
          store.drafts.delete(meta.profileId, meta.workspaceKey)
          store.settings.delete(overlayKey({ profileId: meta.profileId, workspaceKey: meta.workspaceKey }))
          outcome = 'cleared'
        }
      } else outcome = 'cleared'
      this.d.emit('data.changed', { area: 'drafts', id: key })
    }
    const c = store.outbox.counts({ runId })
    store.settings.set(runKey(runId), { ...meta, settled: true, outcome })
    store.activity.add({
      profileId: meta.profileId,
      workspace: meta.workspaceKey,
      action: 'sync.settled',
      result: c.failed + c.blocked > 0 ? 'failed' : 'ok',
      details: { runId, counts: c, draft: outcome },
    })
    this.d.emit('sync.progress', {
      runId,
      status: 'settled',
      done: c.done + c.failed + c.blocked + c.cancelled,
      total: Object.values(c).reduce((a, b) => a + b, 0),
      message: outcome,
    })
  }

  // ---------------------------------------------------------------- status, drift, activity

  private runIds(): string[] {
    return this.d.store.settings
      .keys()
      .filter((k) => k.startsWith('syncRun:'))
      .map((k) => k.slice('syncRun:'.length))
  }

  meta(runId: string): RunMeta | undefined {
    const got = this.d.store.settings.get(runKey(runId), RunMetaSchema)
    return got?.ok ? got.value : undefined
  }

  status(q: { key?: string; runId?: string }): RunStatus & { settled: boolean } {
    const store = this.d.store
    let runs: string[]
    if (q.runId) runs = [q.runId]
    else if (q.key) {
      const parts = decodeDraftKey(q.key)
      runs = this.runIds().filter((r) => {
        const m = this.meta(r)
        return m && m.profileId === parts.profileId && m.workspaceKey === parts.workspaceKey
      })
    } else runs = this.runIds()
    const ops: OpView[] = []
    const counts: Record<string, number> = {}
    for (const runId of runs) for (const op of store.outbox.list({ runId, limit: 100_000 })) ops.push(viewOf(op))
    for (const o of ops) counts[o.status] = (counts[o.status] ?? 0) + 1
    const finished = ops.every((o) => o.status !== 'pending' && o.status !== 'in_flight')
    const settled = runs.every((r) => this.meta(r)?.settled ?? true)
    return { ops, counts, finished, online: this.worker.isOnline, settled }
  }

  /** Waits until no op of the run is pending or in flight and the drift check ran (CLI, tests). */
  async waitForRun(
    runId: string,
    opts: { timeoutMs?: number; intervalMs?: number } = {},
  ): Promise<RunStatus & { settled: boolean }> {
    const deadline = Date.now() + (opts.timeoutMs ?? 10 * 60_000)
    for (;;) {
      const s = this.status({ runId })
      if (s.finished && !s.settled) void this.worker.settle(runId)
      if (s.finished && s.settled) return s
      if (Date.now() > deadline) throw new AppError('SYNC_WAIT_TIMEOUT', { params: { runId } })
      await new Promise((r) => setTimeout(r, opts.intervalMs ?? 100))
    }
  }

  /** What changed in the cloud since the draft's base; with `live`, also since the last refresh (read now, not cached). */
  async drift(
    key: string,
    live = false,
  ): Promise<{ sinceBase: DriftItem[]; sinceRefresh: DriftItem[] | null; fetchedAt: string | null }> {
    const parts = decodeDraftKey(key)
    if (parts.profileId === null || isLocalWorkspaceKey(parts.workspaceKey))
      return { sinceBase: [], sinceRefresh: null, fetchedAt: null }
    const got = this.d.store.workspaces.getConfig(parts.profileId, parts.workspaceKey, WorkspaceConfigSchema)
    if (!got?.config.ok) throw new AppError('DRAFT_NO_CLOUD_COPY', { params: { workspaceId: parts.workspaceKey } })
    const d = this.d.store.drafts.get(parts.profileId, parts.workspaceKey, WorkspaceConfigSchema, WorkspaceConfigSchema)
    const base = d?.base?.ok ? d.base.value : got.config.value
    let sinceRefresh: DriftItem[] | null = null
    if (live) {
      const clients = await this.d.clientsFor(parts.profileId)
      const w = await clients.pai.getWorkspace(parts.workspaceKey, { verbose: true })
      const { snapshot } = await fetchSnapshot(clients, w)
      sinceRefresh = diffConfigs(got.config.value, configFromCloud(snapshot))
    }
    return { sinceBase: diffConfigs(base, got.config.value), sinceRefresh, fetchedAt: got.fetchedAt }
  }

  retry(opId: string): boolean {
    this.d.store.outbox.retry(opId)
    this.worker.kick()
    return true
  }

  activity(q: { offset: number; limit: number; profileId?: string }): {
    total: number
    rows: ReturnType<Store['activity']['list']>
  } {
    const filter = q.profileId ? { profileId: q.profileId } : {}
    const rows = this.d.store.activity.list({ ...filter, limit: Math.min(1000, q.offset + q.limit) }).slice(q.offset)
    return { total: this.d.store.activity.count(filter), rows }
  }
}

function withMessage(a: PlanAction, locale: Locale): PlanAction {
  return a.code ? { ...a, message: formatMessage(locale, a.code, a.params ?? {}) } : a
}

function viewOf(op: OutboxOp): OpView {
  const err = op.lastError as { code?: unknown; message?: unknown; requestId?: unknown } | null
  const payload = op.payload as { actionId?: unknown } | null
  const v: OpView = {
    opId: op.opId,
    runId: op.runId,
    workspaceKey: op.workspaceKey,
    seq: op.seq,
    kind: op.kind,
    status: op.status,
    attempts: op.attempts,
    nextAttemptAt: op.nextAttemptAt,
    lastError:
      err && typeof err.code === 'string'
        ? {
            code: err.code,
            ...(typeof err.message === 'string' ? { message: err.message } : {}),
            ...(typeof err.requestId === 'string' ? { requestId: err.requestId } : {}),
          }
        : null,
    requestId: op.requestId,
    updatedAt: op.updatedAt,
  }
  if (payload && typeof payload.actionId === 'string') v.actionId = payload.actionId
  return v
}

export { opErrorOf }

/**
 * W4: DataWorks workspaces share PAI's names. ListWorkspaces with ModuleList=DataWorks lists them; the
 * names not also PAI workspaces are kept for the offline name check. Best effort: undefined when the
 * call is refused or fails, and the names already known are kept.
 */
async function dataWorksNames(clients: CloudClients): Promise<string[] | undefined> {
  try {
    const [dw, pai] = await Promise.all([
      clients.pai.listAllWorkspaces({ ModuleList: 'DataWorks' }),
      clients.pai.listAllWorkspaces({}),
    ])
    const paiNames = new Set(pai.map((w) => w.WorkspaceName))
    return [...new Set(dw.map((w) => w.WorkspaceName).filter((n) => !paiNames.has(n)))].sort()
  } catch {
    return undefined
  }
}
