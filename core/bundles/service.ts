import { diffConfigs, type BundleFormat, type EncryptedSecrets } from '@shared/bundle'
import { WorkspaceConfigSchema, type WorkspaceConfig } from '@shared/domain'
import type { BundlePreview, BundlePreviewWorkspace, ExportSecrets } from '@shared/ipc/channels/bundles'
import { AppError } from '@shared/ipc/errors'
import type { Locale } from '@shared/locale'
import type { EventHub } from '../ipc/events'
import { decodeDraftKey, encodeDraftKey } from '../model/draft-key'
import type { WorkspacesService } from '../services/workspaces'
import type { SettingsService } from '../services/settings'
import { isLocalWorkspaceKey, newLocalWorkspaceKey, type ProfileRecord, type Store } from '../store'
import { dingtalkKind, type Vault } from '../vault'
import { checkBundle, type BundleCheck, type CheckedWorkspace, type ContextFor } from './check'
import { decryptSecrets, encryptSecrets, type SecretMap } from './crypto'
import { localizeProblems, type RawProblem } from './problems'
import { assertNoClearSecrets, dingtalkRefs } from './secrets'
import { buildBundle, bundleFileName, serializeBundle, type BundleEntry } from './serialize'

/** Keychain entry names for DingTalk secrets (the vault's rule). */
const STORABLE_REF = /^[A-Za-z0-9_.-]{1,64}$/

export interface ImportInput {
  fileName: string
  content: string
  passphrase?: string
  /** undefined: each workspace's `profile`, else the active profile; null: offline drafts; else this profile. */
  profileId?: string | null
}

/** Where one workspace of a bundle goes. */
interface Target {
  profile: ProfileRecord | null
  workspaceId?: string
  /** An existing draft: the cloud workspace's, or a local (not yet created) one of the same name. */
  draftKey?: string
  draftRevision?: number
  draftConfig?: WorkspaceConfig
  cloudConfig?: WorkspaceConfig
  cloudVersion?: string
}

interface Prepared {
  check: BundleCheck
  targets: Map<number, Target>
  secrets: SecretMap | undefined
  extra: RawProblem[]
}

/**
 * Config bundles (D4): export workspaces to a file's content, preview an import (every problem at once,
 * the difference from draft and cloud), import as drafts. Import never calls the cloud.
 */
export class BundlesService {
  constructor(
    private readonly store: Store,
    private readonly vault: Vault,
    private readonly settings: SettingsService,
    private readonly workspaces: WorkspacesService,
    private readonly events: EventHub,
  ) {}

  // ------------------------------------------------------------------ export

  async export(req: {
    keys: string[]
    format: BundleFormat
    source: 'draft' | 'cloud'
    secrets: ExportSecrets
    description?: string
  }): Promise<{
    fileName: string
    content: string
    workspaces: number
    encryptedSecrets: number
  }> {
    if (req.keys.length === 0) throw new AppError('BUNDLE_EXPORT_EMPTY', { ruleId: 'D4' })
    const entries: Array<BundleEntry & { profileId: string | null }> = []
    for (const key of req.keys) entries.push(this.entryFor(key, req.source))

    let box: EncryptedSecrets | undefined
    const carried: string[] = []
    if (req.secrets.mode === 'encrypted') {
      const map: SecretMap = {}
      for (const e of entries) {
        const refs = dingtalkRefs(e.config)
        if (refs.length === 0) continue
        if (e.profileId === null) throw new AppError('BUNDLE_SECRETS_NEED_PROFILE', { ruleId: 'D2' })
        for (const ref of refs) {
          const secret = STORABLE_REF.test(ref) ? await this.vault.get(e.profileId, dingtalkKind(ref)) : null
          if (secret === null)
            throw new AppError('BUNDLE_SECRET_MISSING', { ruleId: 'D2', params: { ref, profile: e.profile ?? '' } })
          map[ref] = secret
          carried.push(secret)
        }
      }
      if (Object.keys(map).length > 0) box = await encryptSecrets(map, req.secrets.passphrase)
    }
    const bundle = buildBundle(
      entries.map(({ profileId: _p, ...e }) => e),
      box,
      req.description,
    )
    const content = serializeBundle(bundle, req.format)
    // The last gate (D2): no secret we know, nor anything shaped like one, may be in the text in clear.
    assertNoClearSecrets(content, carried, box)
    return {
      fileName: bundleFileName(entries, req.format),
      content,
      workspaces: entries.length,
      encryptedSecrets: carried.length,
    }
  }

  private entryFor(key: string, source: 'draft' | 'cloud'): BundleEntry & { profileId: string | null } {
    const parts = decodeDraftKey(key)
    const profile = parts.profileId === null ? null : (this.store.profiles.get(parts.profileId) ?? null)
    if (parts.profileId !== null && !profile)
      throw new AppError('PROFILE_NOT_FOUND', { params: { id: parts.profileId } })
    let config: WorkspaceConfig | undefined
    if (source === 'draft') {
      const d = this.store.drafts.get(parts.profileId, parts.workspaceKey, WorkspaceConfigSchema)
      if (d?.draft.ok) config = d.draft.value
      else if (d && !d.draft.ok) throw new AppError('DRAFT_UNREADABLE', { params: { key, detail: d.draft.error } })
    }
    if (!config && parts.profileId !== null && !isLocalWorkspaceKey(parts.workspaceKey)) {
      const c = this.store.workspaces.getConfig(parts.profileId, parts.workspaceKey, WorkspaceConfigSchema)
      if (c?.config.ok) config = c.config.value
    }
    if (!config) throw new AppError('NOT_FOUND', { params: { what: key } })
    const entry: BundleEntry & { profileId: string | null } = {
      name: config.basic.name,
      config,
      profileId: parts.profileId,
    }
    if (profile) {
      entry.profile = profile.name
      entry.region = profile.region
    }
    return entry
  }

  // ------------------------------------------------------------------ import

  private resolveProfile(
    ws: { profile?: string },
    requested: string | null | undefined,
  ): { profile: ProfileRecord | null } | { problem: RawProblem } {
    if (requested === null) return { profile: null }
    if (requested !== undefined) {
      const p = this.store.profiles.get(requested)
      if (!p) throw new AppError('PROFILE_NOT_FOUND', { params: { id: requested } })
      return { profile: p }
    }
    if (ws.profile !== undefined) {
      const p = this.store.profiles.getByName(ws.profile)
      if (!p)
        return {
          problem: {
            pointer: '',
            ruleId: 'D4',
            severity: 'error',
            code: 'BUNDLE_PROFILE_UNKNOWN',
            params: { profile: ws.profile },
          },
        }
      return { profile: p }
    }
    const active = this.settings.get().activeProfileId
    return { profile: active ? (this.store.profiles.get(active) ?? null) : null }
  }

  /** The cached cloud workspace of that name, and any draft of it (or a local draft of a new one of that name). */
  private locate(
    profile: ProfileRecord | null,
    name: string,
    locals: Map<string, Map<string, { key: string; revision: number; config: WorkspaceConfig }>>,
  ): Target {
    const t: Target = { profile }
    const profileId = profile?.id ?? null
    if (profile) {
      const page = this.store.workspaces.list(profile.id, { filter: name, limit: 1000 })
      const hit = page.rows.find((w) => w.name === name)
      if (hit) {
        t.workspaceId = hit.workspaceId
        const c = this.store.workspaces.getConfig(profile.id, hit.workspaceId, WorkspaceConfigSchema)
        if (c?.config.ok) {
          t.cloudConfig = c.config.value
          t.cloudVersion = c.configVersion
        }
        const d = this.store.drafts.get(profile.id, hit.workspaceId, WorkspaceConfigSchema)
        if (d) {
          t.draftKey = encodeDraftKey({ profileId: profile.id, workspaceKey: hit.workspaceId })
          t.draftRevision = d.revision
          if (d.draft.ok) t.draftConfig = d.draft.value
        }
        return t
      }
    }
    const local = this.localDrafts(profileId, locals).get(name)
    if (local) {
      t.draftKey = local.key
      t.draftRevision = local.revision
      t.draftConfig = local.config
    }
    return t
  }

  /** Drafts of workspaces not yet created, by name (read once per import, not once per workspace). */
  private localDrafts(
    profileId: string | null,
    cache: Map<string, Map<string, { key: string; revision: number; config: WorkspaceConfig }>>,
  ) {
    const id = profileId ?? '\u0000offline'
    let byName = cache.get(id)
    if (!byName) {
      byName = new Map()
      for (const s of this.store.drafts.list({ profileId })) {
        if (!isLocalWorkspaceKey(s.workspaceKey)) continue
        const d = this.store.drafts.get(profileId, s.workspaceKey, WorkspaceConfigSchema)
        if (d?.draft.ok && !byName.has(d.draft.value.basic.name))
          byName.set(d.draft.value.basic.name, {
            key: encodeDraftKey({ profileId, workspaceKey: s.workspaceKey }),
            revision: d.revision,
            config: d.draft.value,
          })
      }
      cache.set(id, byName)
    }
    return byName
  }

  private async prepare(input: ImportInput): Promise<Prepared> {
    const targets = new Map<number, Target>()
    const locals = new Map<string, Map<string, { key: string; revision: number; config: WorkspaceConfig }>>()
    const contextFor: ContextFor = (ws) => {
      const r = this.resolveProfile(ws, input.profileId)
      if ('problem' in r) return { problems: [r.problem] }
      const t = this.locate(r.profile, ws.name, locals)
      targets.set(ws.index, t)
      const problems: RawProblem[] = []
      if (r.profile && ws.region !== undefined && ws.region !== r.profile.region)
        problems.push({
          pointer: `/workspaces/${ws.index}/region`,
          ruleId: 'D4',
          severity: 'error',
          code: 'BUNDLE_REGION_MISMATCH',
          params: { name: ws.name, region: ws.region, profile: r.profile.name, profileRegion: r.profile.region },
        })
      const key =
        t.workspaceId && r.profile
          ? encodeDraftKey({ profileId: r.profile.id, workspaceKey: t.workspaceId })
          : undefined
      const context = this.workspaces.context(key, r.profile?.id ?? null)
      if (!r.profile && ws.region !== undefined) context.region = ws.region
      return { context, problems, complete: (config) => withImplicitOwner(config, t.cloudConfig) }
    }
    const check = checkBundle(input.fileName, input.content, contextFor)
    const extra: RawProblem[] = []
    let secrets: SecretMap | undefined
    if (check.secrets) {
      if (input.passphrase === undefined)
        extra.push({
          pointer: '/secrets',
          ruleId: 'D2',
          severity: 'error',
          code: 'BUNDLE_PASSPHRASE_REQUIRED',
          params: {},
        })
      else {
        try {
          secrets = await decryptSecrets(check.secrets, input.passphrase)
        } catch (err) {
          if (!(err instanceof AppError)) throw err
          extra.push({
            pointer: '/secrets',
            ruleId: err.ruleId ?? 'D2',
            severity: 'error',
            code: err.code,
            params: err.params,
          })
        }
      }
    }
    if (secrets) {
      for (const ws of check.workspaces) {
        if (!ws.config) continue
        const refs = dingtalkRefs(ws.config).filter((ref) => secrets![ref] !== undefined)
        if (refs.length === 0) continue
        if (!targets.get(ws.index)?.profile)
          extra.push({
            pointer: `/workspaces/${ws.index}`,
            ruleId: 'D2',
            severity: 'error',
            code: 'BUNDLE_SECRETS_NEED_PROFILE',
            params: {},
            workspace: ws.index,
          })
        for (const ref of refs)
          if (!STORABLE_REF.test(ref))
            extra.push({
              pointer: `/workspaces/${ws.index}`,
              ruleId: 'D2',
              severity: 'error',
              code: 'BUNDLE_SECRET_REF_UNSTORABLE',
              params: { ref },
              workspace: ws.index,
            })
      }
    }
    return { check, targets, secrets, extra }
  }

  /** Everything the import would do, and every problem; changes nothing. */
  async preview(input: ImportInput, locale: Locale): Promise<BundlePreview> {
    const { check, targets, secrets, extra } = await this.prepare(input)
    const raw = [...check.problems, ...extra]
    const problems = localizeProblems(raw, input.fileName, locale, check.positionOf)
    const errorCount = problems.filter((p) => p.severity === 'error').length
    const out: BundlePreview = {
      ok: errorCount === 0,
      errorCount,
      warningCount: problems.length - errorCount,
      problems,
      workspaces: check.workspaces.flatMap((ws) => {
        const t = targets.get(ws.index)
        return ws.config && t ? [previewOf(ws, ws.config, t)] : []
      }),
      secrets: {
        present: check.secrets !== undefined,
        count: secrets ? Object.keys(secrets).length : 0,
        decrypted: secrets !== undefined,
      },
    }
    if (check.format) out.format = check.format
    if (check.migratedFrom) out.migratedFrom = check.migratedFrom
    return out
  }

  /**
   * Imports a valid bundle: its encrypted secrets into the keychain, then every workspace as a draft in
   * one transaction. Any error (or a draft changed since the preview) and nothing is imported.
   */
  async import(input: ImportInput & { expectRevisions?: Record<string, number> }): Promise<{
    drafts: Array<{ key: string; name: string; revision: number; created: boolean }>
    secretsStored: number
    warningCount: number
  }> {
    const { check, targets, secrets, extra } = await this.prepare(input)
    const raw = [...check.problems, ...extra]
    const errors = raw.filter((p) => p.severity === 'error').length
    if (errors > 0) {
      const problems = localizeProblems(raw.slice(0, 50), input.fileName, 'en', check.positionOf)
      throw new AppError('BUNDLE_INVALID', {
        ruleId: 'D4',
        params: { errors },
        details: { problems: problems.map(({ message: _m, hint: _h, ...p }) => p) },
      })
    }
    const plan: Array<{ ws: CheckedWorkspace & { config: WorkspaceConfig }; t: Target }> = []
    for (const ws of check.workspaces) {
      const t = targets.get(ws.index)
      if (!ws.config || !t) continue
      if (
        t.draftKey &&
        input.expectRevisions &&
        input.expectRevisions[t.draftKey] !== undefined &&
        input.expectRevisions[t.draftKey] !== t.draftRevision
      )
        throw new AppError('BUNDLE_STALE', { ruleId: 'D1', params: { name: ws.name } })
      plan.push({ ws: { ...ws, config: ws.config }, t })
    }

    let secretsStored = 0
    if (secrets) {
      for (const { ws, t } of plan) {
        if (!t.profile) continue
        for (const ref of dingtalkRefs(ws.config)) {
          const secret = secrets[ref]
          if (secret === undefined) continue
          await this.vault.set(t.profile.id, dingtalkKind(ref), secret)
          secretsStored++
        }
      }
    }

    const drafts = this.store.transaction(() =>
      plan.map(({ ws, t }) => {
        const profileId = t.profile?.id ?? null
        if (t.draftKey) {
          const parts = decodeDraftKey(t.draftKey)
          const saved = this.store.drafts.save({ ...parts, draft: ws.config, expectedRevision: t.draftRevision })
          return { key: t.draftKey, name: ws.name, revision: saved.revision, created: false }
        }
        const workspaceKey = t.workspaceId ?? newLocalWorkspaceKey()
        const base = t.workspaceId ? (t.cloudConfig ?? null) : null
        const saved = this.store.drafts.save({
          profileId,
          workspaceKey,
          draft: ws.config,
          base,
          baseVersion: t.workspaceId ? (t.cloudVersion ?? null) : null,
          expectedRevision: 0,
        })
        return {
          key: encodeDraftKey({ profileId, workspaceKey }),
          name: ws.name,
          revision: saved.revision,
          created: true,
        }
      }),
    )
    for (const d of drafts) this.events.emit('data.changed', { area: 'drafts', id: d.key })
    this.store.activity.add({
      profileId: plan[0]?.t.profile?.id ?? null,
      action: 'bundle.import',
      result: 'ok',
      details: { file: input.fileName.slice(-100), workspaces: drafts.length, secretsStored },
    })
    return { drafts, secretsStored, warningCount: raw.length }
  }
}

function previewOf(ws: CheckedWorkspace, config: WorkspaceConfig, t: Target): BundlePreviewWorkspace {
  const out: BundlePreviewWorkspace = {
    index: ws.index,
    name: ws.name,
    profileId: t.profile?.id ?? null,
    profileName: t.profile?.name ?? null,
    action: t.draftKey || t.workspaceId ? 'update-draft' : 'create-draft',
    changesFromDraft: t.draftConfig ? diffConfigs(t.draftConfig, config) : [],
    changesFromCloud: diffConfigs(t.cloudConfig, config),
    newInCloud: t.cloudConfig === undefined,
  }
  if (t.draftKey) out.key = t.draftKey
  else if (t.workspaceId && t.profile)
    out.key = encodeDraftKey({ profileId: t.profile.id, workspaceKey: t.workspaceId })
  if (t.workspaceId) out.workspaceId = t.workspaceId
  if (t.draftRevision !== undefined) out.draftRevision = t.draftRevision
  return out
}

/**
 * The owner is a fact of the cloud (A4, M6), not something a bundle can change: a bundle that does not
 * mention `owner` at all (written by hand for an existing workspace) keeps the cloud's owner and the
 * owner's membership. A bundle that states `owner` is taken as written (removing the owner is M6).
 */
function withImplicitOwner(config: unknown, cloud: WorkspaceConfig | undefined): unknown {
  if (!cloud?.owner || typeof config !== 'object' || config === null || Array.isArray(config) || 'owner' in config)
    return config
  const c = config as Record<string, unknown>
  const out: Record<string, unknown> = { ...c, owner: cloud.owner }
  const ownerId = cloud.owner.userId
  const ownerMember = ownerId === undefined ? undefined : cloud.members.find((m) => m.userId === ownerId)
  const members = Array.isArray(c.members) ? c.members : c.members === undefined ? [] : undefined
  if (
    ownerMember &&
    members &&
    !members.some((m: unknown) => typeof m === 'object' && m !== null && (m as { userId?: unknown }).userId === ownerId)
  )
    out.members = [...members, ownerMember]
  return out
}
