import {
  canModify,
  validate,
  WorkspaceConfigSchema,
  type ValidationContext,
  type WorkspaceConfig,
} from '@shared/domain'
import type { DraftView, WorkspaceRow } from '@shared/ipc/channels/workspaces'
import { AppError, validationError } from '@shared/ipc/errors'
import type { Locale } from '@shared/locale'
import { formatMessage } from '@shared/messages'
import type { EventHub } from '../ipc/events'
import type { Store } from '../store'
import { isLocalWorkspaceKey, newLocalWorkspaceKey } from '../store/ids'
import { decodeDraftKey, encodeDraftKey, type DraftKeyParts } from '../model/draft-key'
import type { SettingsService } from './settings'
import { validationContextFor } from '../model/validation-context'
import { SORT_TO_REPO, sortRows, type ListQuery } from './workspace-list'

/**
 * The workspace list and offline drafts (D1): opening, creating, saving (one transaction per edit),
 * discarding, and validating against the same context the renderer uses.
 */
export class WorkspacesService {
  constructor(
    private readonly store: Store,
    private readonly settings: SettingsService,
    private readonly events: EventHub,
  ) {}

  private resolveProfile(profileId: string | null | undefined): string | null {
    return profileId === undefined ? this.settings.get().activeProfileId : profileId
  }

  /** Cached cloud workspaces and drafts together: drafts of new workspaces first, then the cache, paged. */
  list(q: ListQuery): { total: number; rows: WorkspaceRow[] } {
    const profileId = this.resolveProfile(q.profileId)
    const drafts = this.store.drafts.list({ profileId })
    const draftByKey = new Map(drafts.map((d) => [d.workspaceKey, d]))
    const needle = q.query?.trim().toLowerCase() ?? ''

    const newRows = drafts
      .filter((d) => isLocalWorkspaceKey(d.workspaceKey))
      .map((d) => this.draftRow({ profileId, workspaceKey: d.workspaceKey }))
      .filter((r): r is WorkspaceRow => r !== undefined)
      .filter((r) => !needle || r.name.toLowerCase().includes(needle) || r.displayName.toLowerCase().includes(needle))
      .filter((r) => !q.status || r.status === q.status)
    sortRows(newRows, q.sortBy, q.order)

    if (q.draftsOnly || profileId === null) {
      const edited = profileId === null ? [] : drafts.filter((d) => !isLocalWorkspaceKey(d.workspaceKey))
      const editedRows = edited
        .map((d) => this.cachedRow(profileId as string, d.workspaceKey, draftByKey.has(d.workspaceKey)))
        .filter((r): r is WorkspaceRow => r !== undefined)
        .filter((r) => !needle || r.name.toLowerCase().includes(needle) || r.displayName.toLowerCase().includes(needle))
      const all = [...newRows, ...editedRows]
      return { total: all.length, rows: all.slice(q.offset, q.offset + q.limit) }
    }

    const cachedOffset = Math.max(0, q.offset - newRows.length)
    const fromNew = newRows.slice(q.offset, q.offset + q.limit)
    const page = this.store.workspaces.list(profileId, {
      filter: needle || undefined,
      status: q.status,
      sort: SORT_TO_REPO[q.sortBy],
      dir: q.order,
      offset: cachedOffset,
      limit: Math.max(1, q.limit - fromNew.length),
    })
    const cachedRows =
      fromNew.length >= q.limit ? [] : page.rows.map((w) => this.rowOfCached(w, draftByKey.get(w.workspaceId)))
    return { total: newRows.length + page.total, rows: [...fromNew, ...cachedRows] }
  }

  /**
   * The offline validation context for a draft (or for a new one under a profile): the one the plan uses, so
   * the screen and the plan never disagree. Immutability, C2 and M6 are checked against the draft's base
   * (else the cloud copy); the identity's roles come from the cloud copy.
   */
  context(key: string | undefined, profileIdIn?: string | null): ValidationContext {
    if (!key) return validationContextFor(this.store, this.resolveProfile(profileIdIn))
    const parts = this.partsOf(key)
    if (isLocalWorkspaceKey(parts.workspaceKey)) return validationContextFor(this.store, parts.profileId)
    const d = this.store.drafts.get(parts.profileId, parts.workspaceKey, WorkspaceConfigSchema, WorkspaceConfigSchema)
    return this.draftContext(parts, d?.base?.ok ? d.base.value : null)
  }

  private draftContext(parts: DraftKeyParts, base: WorkspaceConfig | null): ValidationContext {
    if (isLocalWorkspaceKey(parts.workspaceKey)) return validationContextFor(this.store, parts.profileId)
    const cloud = this.cloudConfig(parts.profileId, parts.workspaceKey) ?? null
    return validationContextFor(this.store, parts.profileId, { previous: base ?? cloud, current: cloud })
  }

  /**
   * A key's parts. A new workspace's draft moves to its WorkspaceId once created: a screen still holding the
   * old `local-…` key finds it there.
   */
  private partsOf(key: string): DraftKeyParts {
    const parts = decodeDraftKey(key)
    if (parts.profileId === null || !isLocalWorkspaceKey(parts.workspaceKey)) return parts
    if (this.store.drafts.get(parts.profileId, parts.workspaceKey, WorkspaceConfigSchema)) return parts
    const moved = this.store.syncRuns.movedKey(parts.profileId, parts.workspaceKey)
    return moved ? { profileId: parts.profileId, workspaceKey: moved } : parts
  }

  /** The draft, created from the cached cloud configuration when there is none yet. */
  open(key: string, locale: Locale): DraftView {
    const parts = this.partsOf(key)
    const existing = this.store.drafts.get(
      parts.profileId,
      parts.workspaceKey,
      WorkspaceConfigSchema,
      WorkspaceConfigSchema,
    )
    if (existing) return this.view(parts, locale)
    if (isLocalWorkspaceKey(parts.workspaceKey) || parts.profileId === null) {
      throw new AppError('NOT_FOUND', { params: { what: key } })
    }
    const cloud = this.cloudConfig(parts.profileId, parts.workspaceKey)
    if (!cloud) throw new AppError('DRAFT_NO_CLOUD_COPY', { params: { workspaceId: parts.workspaceKey } })
    const cached = this.store.workspaces.getConfig(parts.profileId, parts.workspaceKey, WorkspaceConfigSchema)
    this.store.drafts.save({
      profileId: parts.profileId,
      workspaceKey: parts.workspaceKey,
      draft: cloud,
      base: cloud,
      baseVersion: cached?.configVersion ?? null,
      expectedRevision: 0,
    })
    this.events.emit('data.changed', { area: 'drafts', id: encodeDraftKey(parts) })
    return this.view(parts, locale)
  }

  /** Starts a draft for a new workspace (the wizard's result). */
  create(profileIdIn: string | null | undefined, config: unknown, locale: Locale): DraftView {
    const profileId = this.resolveProfile(profileIdIn)
    if (profileId !== null && !this.store.profiles.get(profileId))
      throw new AppError('NOT_FOUND', { params: { what: `profile ${profileId}` } })
    const parsed = parseConfig(config)
    const parts = { profileId, workspaceKey: newLocalWorkspaceKey() }
    this.store.drafts.save({ ...parts, draft: parsed, base: null, baseVersion: null, expectedRevision: 0 })
    this.events.emit('data.changed', { area: 'drafts', id: encodeDraftKey(parts) })
    return this.view(parts, locale)
  }

  /** Saves the whole draft in one transaction; a stale revision is refused so no edit is lost silently. */
  save(key: string, config: unknown, revision: number, locale: Locale): DraftView {
    const parts = this.partsOf(key)
    const parsed = parseConfig(config)
    const existing = this.store.drafts.get(parts.profileId, parts.workspaceKey, WorkspaceConfigSchema)
    if (!existing) throw new AppError('NOT_FOUND', { params: { what: key } })
    this.store.drafts.save({ ...parts, draft: parsed, expectedRevision: revision })
    this.events.emit('data.changed', { area: 'drafts', id: encodeDraftKey(parts) })
    return this.view(parts, locale)
  }

  discard(key: string): boolean {
    const parts = this.partsOf(key)
    const done = this.store.drafts.delete(parts.profileId, parts.workspaceKey)
    if (done) this.events.emit('data.changed', { area: 'drafts', id: key })
    return done
  }

  /** The draft as the renderer sees it, with its problems and whether the identity may modify it. */
  view(parts: DraftKeyParts, locale: Locale): DraftView {
    const d = this.store.drafts.get(parts.profileId, parts.workspaceKey, WorkspaceConfigSchema, WorkspaceConfigSchema)
    if (!d) throw new AppError('NOT_FOUND', { params: { what: encodeDraftKey(parts) } })
    if (!d.draft.ok)
      throw new AppError('DRAFT_UNREADABLE', { params: { key: encodeDraftKey(parts), detail: d.draft.error } })
    const base = d.base?.ok ? d.base.value : null
    const ctx = this.draftContext(parts, base)
    const result = validate(d.draft.value, ctx)
    const decision = canModify(ctx, { creating: isLocalWorkspaceKey(parts.workspaceKey) })
    const view: DraftView = {
      key: encodeDraftKey(parts),
      profileId: parts.profileId,
      config: d.draft.value,
      base,
      revision: d.revision,
      updatedAt: d.updatedAt,
      problems: result.problems,
      records:
        parts.profileId === null
          ? []
          : this.store.cloudRecords
              .list(parts.profileId, parts.workspaceKey)
              .map((r) => ({ path: r.path, source: r.source, setAt: r.setAt })),
      canModify: { allowed: decision.allowed, ruleId: decision.ruleId },
    }
    if (!isLocalWorkspaceKey(parts.workspaceKey)) view.workspaceId = parts.workspaceKey
    if (!decision.allowed && decision.code) {
      view.canModify.code = decision.code
      view.canModify.message = formatMessage(locale, decision.code, decision.params)
    }
    return view
  }

  private cloudConfig(profileId: string | null, workspaceId: string): WorkspaceConfig | undefined {
    if (profileId === null) return undefined
    const got = this.store.workspaces.getConfig(profileId, workspaceId, WorkspaceConfigSchema)
    return got?.config.ok ? got.config.value : undefined
  }

  private draftRow(parts: DraftKeyParts): WorkspaceRow | undefined {
    const d = this.store.drafts.get(parts.profileId, parts.workspaceKey, WorkspaceConfigSchema, WorkspaceConfigSchema)
    if (!d || !d.draft.ok) return undefined
    const c = d.draft.value
    const counts = this.problemCounts(parts, c, d.base?.ok ? d.base.value : null)
    return {
      key: encodeDraftKey(parts),
      profileId: parts.profileId,
      name: c.basic.name,
      displayName: c.basic.displayName,
      description: c.basic.description,
      status: 'DRAFT',
      mode: c.basic.mode,
      ownerName: c.owner?.userName,
      hasDraft: true,
      draftUpdatedAt: d.updatedAt,
      ...counts,
    }
  }

  private cachedRow(profileId: string, workspaceId: string, hasDraft: boolean): WorkspaceRow | undefined {
    const w = this.store.workspaces.get(profileId, workspaceId)
    if (!w) return undefined
    const draft = hasDraft
      ? this.store.drafts.list({ profileId }).find((d) => d.workspaceKey === workspaceId)
      : undefined
    return this.rowOfCached(w, draft)
  }

  private rowOfCached(
    w: NonNullable<ReturnType<Store['workspaces']['get']>>,
    draft: { workspaceKey: string; updatedAt: string } | undefined,
  ): WorkspaceRow {
    const row: WorkspaceRow = {
      key: encodeDraftKey({ profileId: w.profileId, workspaceKey: w.workspaceId }),
      profileId: w.profileId,
      workspaceId: w.workspaceId,
      name: w.name,
      displayName: w.displayName ?? '',
      description: '',
      status: w.status ?? 'UNKNOWN',
      mode: w.mode === 'standard' ? 'standard' : 'simple',
      hasDraft: draft !== undefined,
      fetchedAt: w.fetchedAt,
      errorCount: 0,
      warningCount: 0,
    }
    if (w.owner) row.ownerName = w.owner
    if (w.gmtCreate) row.createdAt = w.gmtCreate
    if (draft) {
      row.draftUpdatedAt = draft.updatedAt
      const d = this.store.drafts.get(w.profileId, w.workspaceId, WorkspaceConfigSchema, WorkspaceConfigSchema)
      if (d?.draft.ok)
        Object.assign(
          row,
          this.problemCounts(
            { profileId: w.profileId, workspaceKey: w.workspaceId },
            d.draft.value,
            d.base?.ok ? d.base.value : null,
          ),
        )
    }
    return row
  }

  private problemCounts(
    parts: DraftKeyParts,
    config: WorkspaceConfig,
    base: WorkspaceConfig | null,
  ): { errorCount: number; warningCount: number } {
    const res = validate(config, this.draftContext(parts, base))
    let errorCount = 0
    for (const p of res.problems) if (p.severity === 'error') errorCount++
    return { errorCount, warningCount: res.problems.length - errorCount }
  }
}

/** The configuration's shape must parse (types, enums); rule breaks are kept and reported as problems. */
function parseConfig(config: unknown): WorkspaceConfig {
  const parsed = WorkspaceConfigSchema.safeParse(config)
  if (!parsed.success) throw validationError(parsed.error.issues)
  return parsed.data
}
