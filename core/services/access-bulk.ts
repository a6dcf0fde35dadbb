import { z } from 'zod'
import {
  AccessChangeRequestSchema,
  type AccessChangePlan,
  type AccessChangeRequest,
  type AccessDiscardResult,
  type AccessPendingChange,
  type AccessPart,
  type AccessProgress,
} from '@shared/ipc/channels/access'
import { AppError } from '@shared/ipc/errors'
import type { Plan, RunStatus } from '@shared/ipc/channels/sync'
import type { Locale } from '@shared/locale'
import type { Store } from '../store'
import { contentHash } from '../store/json'
import { encodeDraftKey } from '../model/draft-key'
import { discardParts } from './access-discard'
import { PartsRecord, partSummary, renderRefusal, type PartRecord } from './access-bulk-parts'
import { BulkTargets } from './access-targets'
import { writeDrafts } from './access-drafting'
import type { PlanPreload } from '../model/plan-preload'
import { profileContextOf, type ProfileContext } from '../model/validation-context'
import type { Emit } from '../ipc/types'

/**
 * What bulk changes need of the sync engine: plan a draft (its members area alone when nothing else differs, the
 * same plan: core/sync/plan/scope.ts), queue its plan (planned whole again, every rule checked), follow a run.
 */
export interface BulkSync {
  plan(key: string, locale: Locale, pre?: PlanPreload, scope?: 'members'): Plan
  apply(key: string, fingerprint: string): { runId: string }
  status(q: { runId: string }): RunStatus
}

const zero = (): AccessPart['counts'] => ({ apply: 0, manual: 0, refused: 0, conflict: 0 })

/**
 * Bulk access changes (issue 16 item 3): each becomes drafts on the affected workspaces (through the
 * workspace service, as an edit would), planned by the sync planner per workspace and shown as one plan;
 * one Apply queues every workspace's plan through the sync engine's outbox (resume, no duplicate creates).
 */
export class AccessBulkService {
  constructor(
    private readonly d: {
      store: Store
      /** The sync engine's plan, apply and status (passed in: services sit below core/sync). */
      sync: BulkSync
      /** Tells the screens that drafts changed (as the workspace service does at each save). */
      emit?: Emit
      now?: () => Date
    },
  ) {}

  private get now(): Date {
    return this.d.now?.() ?? new Date()
  }

  /**
   * Writes the change as drafts (all in one transaction, as the workspace screens would save them: a
   * workspace without a draft gets one based on its cached copy) and returns its combined plan. A new draft is
   * planned inside that transaction as soon as it is written (a plan that fails rolls the whole change back).
   */
  change(req: AccessChangeRequest, locale: Locale): AccessChangePlan {
    const targets = new BulkTargets(this.d.store).of(req)
    const profileOf = this.profileContexts()
    // each new draft planned as it is saved, from what was just parsed: the plan made from the store
    const planned = new Map<string, Plan>()
    const { parts, written } = writeDrafts(this.d.store, targets, (key, saved) =>
      planned.set(
        key,
        this.d.sync.plan(key, locale, { ...saved, profile: profileOf(saved.draft.parts.profileId) }, 'members'),
      ),
    )
    if (parts.length === 0) throw new AppError('ACCESS_NOTHING_TO_CHANGE', { params: { kind: req.kind } })
    for (const id of written) this.d.emit?.('data.changed', { area: 'drafts', id })
    const id = this.d.store.accessChanges.add(req.kind, req, parts)
    return this.plan(id, locale, planned, profileOf)
  }

  /** The bulk changes not applied yet (the pending screen lists them beside the drafts). */
  pending(): AccessPendingChange[] {
    return this.d.store.accessChanges
      .drafted(AccessChangeRequestSchema, PartsRecord)
      .filter((r) => r.parts.ok)
      .map((r) => ({
        changeId: r.id,
        kind: r.kind,
        createdAt: r.createdAt,
        workspaces: r.parts.ok ? r.parts.value.map((p) => p.name) : [],
      }))
  }

  /**
   * The combined plan: every part planned again by the sync planner, with the refusals of the change. `planned`:
   * the plans of drafts the caller has just written (not made again).
   */
  plan(
    changeId: string,
    locale: Locale,
    planned?: ReadonlyMap<string, Plan>,
    profileOf = this.profileContexts(),
  ): AccessChangePlan {
    const rec = this.record(changeId)
    const parts = rec.parts.map((p) => this.planPart(p, locale, planned, profileOf))
    const counts = zero()
    for (const p of parts) for (const k of Object.keys(counts) as Array<keyof typeof counts>) counts[k] += p.counts[k]
    const ages = parts.map((p) => p.cacheAgeMs).filter((x): x is number => x !== null)
    return {
      changeId,
      kind: rec.kind,
      parts,
      counts,
      oldestCacheAgeMs: ages.length ? Math.max(...ages) : null,
      fingerprint: contentHash(parts.map((p) => [p.key, p.fingerprint])),
      status: rec.status,
    }
  }

  /**
   * One Apply: the plan is made again and must match `fingerprint` (SYNC_PLAN_STALE), then every part not
   * queued yet is queued by the sync engine, all in ONE transaction with the record of the runs, the activity
   * entry and the change's status: a crash leaves either nothing queued or everything queued and recorded, so
   * applying again never queues a part twice. A part refused by the engine stops the loop; the parts queued
   * before it are committed and recorded, so applying again queues only the rest.
   */
  apply(changeId: string, fingerprint: string, locale: Locale = 'en'): AccessProgress {
    const rec = this.record(changeId)
    if (rec.status !== 'drafted') throw new AppError('ACCESS_CHANGE_NOT_DRAFTED', { params: { id: changeId } })
    const plan = this.plan(changeId, locale)
    if (plan.fingerprint !== fingerprint)
      throw new AppError('SYNC_PLAN_STALE', { ruleId: 'D5', params: { key: changeId } })
    const store = this.d.store
    const failure = store.transaction(() => {
      const parts = rec.parts.map((p) => ({ ...p }))
      let failed: { error: unknown } | undefined
      for (const [i, p] of parts.entries()) {
        const planned = plan.parts[i]!
        if (p.runId || !p.drafted || planned.counts.apply === 0) continue
        try {
          p.runId = this.d.sync.apply(planned.key, planned.fingerprint).runId
        } catch (e) {
          failed = { error: e }
          break
        }
      }
      store.accessChanges.setParts(changeId, parts)
      if (failed) return failed
      const activityId = store.activity.add({
        action: `access.${rec.kind}`,
        result: 'info',
        details: { changeId, request: rec.request, parts: parts.map((p, i) => partSummary(p, plan.parts[i]!)) },
      })
      store.accessChanges.markQueued(changeId, parts.find((p) => p.runId)?.runId ?? changeId, activityId)
      return undefined
    })
    if (failure) throw failure.error
    return this.progress(changeId)
  }

  /** Discards a change not applied yet (access-discard.ts): its edits leave the drafts, in one transaction. */
  discard(changeId: string): AccessDiscardResult {
    const rec = this.record(changeId)
    if (rec.status !== 'drafted') throw new AppError('ACCESS_CHANGE_NOT_DRAFTED', { params: { id: changeId } })
    const request = AccessChangeRequestSchema.parse(rec.request)
    const store = this.d.store
    const done = store.transaction(() => {
      const r = discardParts(store, request, rec.parts)
      store.accessChanges.markDiscarded(changeId)
      store.activity.add({
        action: 'access.discard',
        result: 'ok',
        details: { changeId, kind: rec.kind, removed: r.removed, reverted: r.reverted, queued: r.queued },
      })
      return r
    })
    for (const k of done.changedKeys)
      this.d.emit?.('data.changed', {
        area: 'drafts',
        id: encodeDraftKey({ profileId: k.profileId, workspaceKey: k.workspaceId }),
      })
    return { removed: done.removed, reverted: done.reverted, queued: done.queued }
  }

  /** Progress across every run of the change; the activity entry gets its outcome once all have finished. */
  progress(changeId: string): AccessProgress {
    const rec = this.record(changeId)
    const runs: AccessProgress['runs'] = []
    let done = 0
    let total = 0
    let failed = 0
    let finished = true
    for (const p of rec.parts) {
      if (!p.runId) continue
      runs.push({ key: encodeDraftKey({ profileId: p.profileId, workspaceKey: p.workspaceId }), runId: p.runId })
      const s = this.d.sync.status({ runId: p.runId })
      total += s.ops.length
      done += s.ops.filter((o) => o.status === 'done').length
      failed += s.ops.filter((o) => o.status === 'failed' || o.status === 'blocked').length
      if (!s.finished) finished = false
    }
    if (finished && rec.activityId !== null) {
      const entry = this.d.store.activity.get(rec.activityId)
      if (entry?.result === 'info')
        this.d.store.activity.update(rec.activityId, {
          result: failed > 0 ? 'failed' : 'ok',
          details: { ...(entry.details as object), done, failed, total },
        })
    }
    return { changeId, runs, done, total, failed, finished }
  }

  /** What every workspace of a profile shares in its validation context, read once for a whole plan. */
  private profileContexts(): (profileId: string) => ProfileContext {
    const shared = new Map<string, ProfileContext>()
    return (profileId) =>
      shared.get(profileId) ?? shared.set(profileId, profileContextOf(this.d.store, profileId)).get(profileId)!
  }

  private record(changeId: string): {
    kind: string
    status: AccessChangePlan['status']
    request: unknown
    parts: PartRecord[]
    activityId: number | null
  } {
    const r = this.d.store.accessChanges.get(changeId, AccessChangeRequestSchema, PartsRecord)
    if (!r) throw new AppError('NOT_FOUND', { params: { what: changeId } })
    if (!r.parts.ok || !r.request.ok) throw new AppError('ACCESS_CHANGE_UNREADABLE', { params: { id: changeId } })
    return { kind: r.kind, status: r.status, request: r.request.value, parts: r.parts.value, activityId: r.activityId }
  }

  private planPart(
    p: PartRecord,
    locale: Locale,
    planned: ReadonlyMap<string, Plan> | undefined,
    profileOf: (profileId: string) => ProfileContext,
  ): AccessPart {
    const key = encodeDraftKey({ profileId: p.profileId, workspaceKey: p.workspaceId })
    const refused = p.refused.map((r) => renderRefusal(r, locale))
    const base = { key, profileId: p.profileId, workspaceId: p.workspaceId, workspaceName: p.name, refused }
    const made = planned?.get(key)
    // a draft just written (planned) exists; any other is looked up
    const hasDraft =
      p.drafted &&
      !p.runId &&
      (made !== undefined || this.d.store.drafts.revision(p.profileId, p.workspaceId) !== undefined)
    if (hasDraft) {
      const plan = made ?? this.d.sync.plan(key, locale, { profile: profileOf(p.profileId) }, 'members')
      const counts = { ...plan.counts, refused: plan.counts.refused + refused.length }
      return {
        ...base,
        drafted: true,
        fingerprint: plan.fingerprint,
        counts,
        actions: plan.actions,
        problems: plan.problems.filter((x) => x.severity === 'error'),
        fetchedAt: plan.fetchedAt,
        cacheAgeMs: plan.cacheAgeMs,
      }
    }
    const fetchedAt = this.d.store.workspaces.getConfig(p.profileId, p.workspaceId, z.unknown())?.fetchedAt ?? null
    return {
      ...base,
      drafted: p.drafted,
      fingerprint: p.runId ? `run:${p.runId}` : '',
      counts: { ...zero(), refused: refused.length },
      actions: [],
      problems: [],
      fetchedAt,
      cacheAgeMs: fetchedAt ? Math.max(0, this.now.getTime() - Date.parse(fetchedAt)) : null,
    }
  }
}
