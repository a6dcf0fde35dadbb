import {
  WorkspaceConfigSchema,
  validateInContext,
  validateMemberChanges,
  type ValidationContext,
  type WorkspaceConfig,
} from '@shared/domain'
import type { DriftItem, Plan, PlanAction } from '@shared/ipc/channels/sync'
import { AppError } from '@shared/ipc/errors'
import type { Locale } from '@shared/locale'
import { formatMessage } from '@shared/messages'
import { decodeDraftKey, encodeDraftKey } from '../model/draft-key'
import type { CachedCloud, LoadedDraft, PlanPreload } from '../model/plan-preload'
import {
  profileContextOf,
  UNKNOWN_IDENTITY,
  validationContextFor,
  type ProfileContext,
} from '../model/validation-context'
import { isLocalWorkspaceKey } from '../store/ids'
import { contentHash } from '../store/json'
import type { SyncContext } from './deps'
import { overlayOf, recordsOfManualStep, relayRecords } from './cloud-model'
import { configFromCloud } from './mapping/from-cloud'
import { buildPlan, type PlanInput } from './plan/build'
import { onlyMembersDiffer, type PlanScope } from './plan/scope'
import { driftOf } from './plan/drift'
import { getAt, setAt } from './plan/paths'
import { fetchSnapshot } from './refresh'

/**
 * Planning, offline: load a draft, lay the manual overlay over the cache, plan (three-way), resolve
 * conflicts, mark manual steps done; and drift (what changed in the cloud since the base).
 */
export class Planning {
  constructor(private readonly c: SyncContext) {}

  /**
   * The draft of a key. A new workspace's draft moves to its WorkspaceId once created: its old `local-…` key
   * still finds it (a screen opened before the sync keeps working).
   */
  loadDraft(key: string): LoadedDraft {
    const parts = decodeDraftKey(key)
    if (parts.profileId === null) throw new AppError('SYNC_NO_PROFILE', { params: { key } })
    const store = this.c.store
    let d = store.drafts.get(parts.profileId, parts.workspaceKey, WorkspaceConfigSchema, WorkspaceConfigSchema)
    const moved = d ? undefined : store.syncRuns.movedKey(parts.profileId, parts.workspaceKey)
    if (moved) {
      parts.workspaceKey = moved
      d = store.drafts.get(parts.profileId, moved, WorkspaceConfigSchema, WorkspaceConfigSchema)
    }
    if (!d) throw new AppError('NOT_FOUND', { params: { what: key } })
    if (!d.draft.ok) throw new AppError('DRAFT_UNREADABLE', { params: { key, detail: d.draft.error } })
    return {
      parts: { profileId: parts.profileId, workspaceKey: parts.workspaceKey },
      draft: d.draft.value,
      base: d.base?.ok ? d.base.value : null,
      revision: d.revision,
    }
  }

  /**
   * What the planner is given for a loaded draft: the draft, its base, the cache (the cloud model) and the
   * identity's facts, all offline. `cloud` is null for a workspace not created yet.
   */
  inputOf(
    loaded: LoadedDraft,
    cached?: CachedCloud,
    known?: ProfileContext,
    scope: PlanScope = 'all',
  ): {
    input: PlanInput
    ctx: ValidationContext
    fetchedAt: string | null
    cloudVersion: string | null
    /** The scope planned: `members` when it was asked and only the members differ (plan/scope.ts). */
    scope: PlanScope
  } {
    const store = this.c.store
    const { parts, draft, base } = loaded
    const shared = known ?? profileContextOf(store, parts.profileId)
    const profile = shared.profile
    if (!profile) throw new AppError('NOT_FOUND', { params: { what: `profile ${parts.profileId}` } })
    const creating = isLocalWorkspaceKey(parts.workspaceKey)
    let cloud: WorkspaceConfig | null = null
    let fetchedAt: string | null = null
    let cloudVersion: string | null = null
    if (!creating) {
      const got = cached ?? this.cachedCloud(parts.profileId, parts.workspaceKey)
      cloud = got.config
      fetchedAt = got.fetchedAt
      cloudVersion = got.configVersion
    }
    const effectiveBase = creating ? null : (base ?? cloud)
    const input: PlanInput = {
      region: profile.region,
      draft,
      base: effectiveBase,
      cloud,
      workspaceId: creating ? undefined : parts.workspaceKey,
      identity: UNKNOWN_IDENTITY,
      identityRoles: [],
    }
    // A workspace not created yet: the console steps its draft's record says are done already.
    if (creating) input.manualOverlay = overlayOf(store.cloudRecords.list(parts.profileId, parts.workspaceKey))
    const narrow: PlanScope = scope === 'members' && onlyMembersDiffer(input) ? 'members' : 'all'
    // No workspace names: W4 checks a new workspace only, and this one exists (a thousand lists not copied).
    const names = narrow === 'members' ? { ...shared, paiNames: [], dataworksNames: [] } : shared
    const ctx = validationContextFor(store, parts.profileId, { previous: effectiveBase, current: cloud }, names)
    input.identity = ctx.identity
    input.identityRoles = ctx.identityRoles
    return { input, ctx, fetchedAt, cloudVersion, scope: narrow }
  }

  private cachedCloud(profileId: string, workspaceId: string): CachedCloud {
    const got = this.c.store.workspaces.getConfig(profileId, workspaceId, WorkspaceConfigSchema)
    if (!got?.config.ok) throw new AppError('DRAFT_NO_CLOUD_COPY', { params: { workspaceId } })
    return { config: got.config.value, fetchedAt: got.fetchedAt, configVersion: got.configVersion }
  }

  /**
   * The plan of a draft against the cache. Offline: it says how old the cache is. `pre`: the draft and the
   * cache entry the caller has just read and saved (nothing is read again). `scope: 'members'` (a bulk access
   * change) plans the members area alone when nothing else differs, and parses only the members that changed:
   * the same actions, fingerprint and problems; the apply plans the draft whole again and checks every rule.
   */
  plan(key: string, locale: Locale = 'en', pre?: PlanPreload, scope: PlanScope = 'all'): Plan {
    const loaded = pre?.draft ?? this.loadDraft(key)
    const { parts, draft, revision } = loaded
    const creating = isLocalWorkspaceKey(parts.workspaceKey)
    const planned = this.inputOf(loaded, pre?.cloud, pre?.profile, scope)
    const { input, ctx, fetchedAt, cloudVersion } = planned
    const actions = buildPlan(input, planned.scope).map((a) => withMessage(a, locale))

    const problems =
      planned.scope === 'members' ? validateMemberChanges(draft, ctx).problems : validateInContext(draft, ctx).problems

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
      cacheAgeMs: fetchedAt ? Math.max(0, this.c.now().getTime() - Date.parse(fetchedAt)) : null,
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
    const got = this.c.store.workspaces.getConfig(parts.profileId, parts.workspaceKey, WorkspaceConfigSchema)
    if (!got?.config.ok) throw new AppError('DRAFT_NO_CLOUD_COPY', { params: { workspaceId: parts.workspaceKey } })
    const cloud = got.config.value
    let nextDraft = draft
    let nextBase = base ?? cloud
    for (const c of choices) {
      const v = getAt(cloud, c.path)
      if (c.take === 'cloud') nextDraft = setAt(nextDraft, c.path, v)
      else nextBase = setAt(nextBase, c.path, v)
    }
    this.c.store.drafts.save({
      ...parts,
      draft: WorkspaceConfigSchema.parse(nextDraft),
      base: WorkspaceConfigSchema.parse(nextBase),
    })
    this.c.emit('data.changed', { area: 'drafts', id: key })
    return this.plan(key, locale)
  }

  /**
   * The user did a manual step in the console: the draft's value is recorded as the cloud's from now on
   * (`cloud_records`, source `console`), and the cache shows it.
   */
  markManualDone(key: string, actionId: string, locale: Locale = 'en'): Plan {
    const plan = this.plan(key, locale)
    const action = plan.actions.find((a) => a.id === actionId)
    if (!action || action.kind !== 'manual') throw new AppError('SYNC_ACTION_NOT_MANUAL', { params: { actionId } })
    const { parts, draft } = this.loadDraft(key)
    const store = this.c.store
    store.transaction(() => {
      for (const r of recordsOfManualStep(action, draft))
        store.cloudRecords.put(parts.profileId, parts.workspaceKey, { ...r, source: 'console', at: this.c.now() })
      if (!isLocalWorkspaceKey(parts.workspaceKey)) relayRecords(store, parts.profileId, parts.workspaceKey)
      store.activity.add({
        profileId: parts.profileId,
        workspace: parts.workspaceKey,
        action: 'sync.manualDone',
        result: 'ok',
        details: { actionId },
      })
    })
    this.c.emit('data.changed', { area: 'workspaces', id: parts.workspaceKey })
    return this.plan(plan.key, locale)
  }

  /** What changed in the cloud since the draft's base; with `live`, also since the last refresh (read now, not cached). */
  async drift(
    key: string,
    live = false,
  ): Promise<{ sinceBase: DriftItem[]; sinceRefresh: DriftItem[] | null; fetchedAt: string | null }> {
    const parts = decodeDraftKey(key)
    if (parts.profileId === null || isLocalWorkspaceKey(parts.workspaceKey))
      return { sinceBase: [], sinceRefresh: null, fetchedAt: null }
    const store = this.c.store
    const got = store.workspaces.getConfig(parts.profileId, parts.workspaceKey, WorkspaceConfigSchema)
    if (!got?.config.ok) throw new AppError('DRAFT_NO_CLOUD_COPY', { params: { workspaceId: parts.workspaceKey } })
    const d = store.drafts.get(parts.profileId, parts.workspaceKey, WorkspaceConfigSchema, WorkspaceConfigSchema)
    const base = d?.base?.ok ? d.base.value : got.config.value
    let sinceRefresh: DriftItem[] | null = null
    if (live) {
      const clients = await this.c.clientsFor(parts.profileId)
      const w = await clients.pai.getWorkspace(parts.workspaceKey, { verbose: true })
      const { snapshot } = await fetchSnapshot(clients, w)
      sinceRefresh = driftOf(got.config.value, configFromCloud(snapshot))
    }
    return { sinceBase: driftOf(base, got.config.value), sinceRefresh, fetchedAt: got.fetchedAt }
  }
}

function withMessage(a: PlanAction, locale: Locale): PlanAction {
  return a.code ? { ...a, message: formatMessage(locale, a.code, a.params ?? {}) } : a
}
