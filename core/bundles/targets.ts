import { WorkspaceConfigSchema, type WorkspaceConfig } from '@shared/domain'
import { AppError } from '@shared/ipc/errors'
import { encodeDraftKey } from '../model/draft-key'
import { isLocalWorkspaceKey, type ProfileRecord } from '../store'
import type { WorkspaceMeta } from './check'
import type { BundlesDeps } from './deps'
import type { RawProblem } from './problems'
import type { TargetWithDiff } from './worker/protocol'

/** Where one workspace of a bundle goes. */
export interface Target {
  profile: ProfileRecord | null
  workspaceId?: string
  /** An existing draft: the cloud workspace's, or a local (not yet created) one of the same name. */
  draftKey?: string
  draftRevision?: number
  draftConfig?: WorkspaceConfig
  cloudConfig?: WorkspaceConfig
  cloudVersion?: string
}

interface LocalDraft {
  key: string
  revision: number
  config: WorkspaceConfig
}

/**
 * Finds where each workspace of a bundle goes: the profile (the request's, else the workspace's `profile`,
 * else the active one, else offline drafts), the cached cloud workspace of that name, and any draft of it.
 * Reads the store only; one resolver per import, so local drafts are read once, not once per workspace.
 */
export class TargetResolver {
  readonly targets = new Map<number, Target>()
  private readonly locals = new Map<string, Map<string, LocalDraft>>()

  constructor(
    private readonly deps: Pick<BundlesDeps, 'store' | 'settings' | 'workspaces'>,
    private readonly requested: string | null | undefined,
  ) {}

  /** The validation target of one workspace (plain data for the checker), remembering where it goes. */
  targetOf(ws: WorkspaceMeta): TargetWithDiff {
    const r = this.resolveProfile(ws)
    if ('problem' in r) return { problems: [r.problem] }
    const t = this.locate(r.profile, ws.name)
    this.targets.set(ws.index, t)
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
      t.workspaceId && r.profile ? encodeDraftKey({ profileId: r.profile.id, workspaceKey: t.workspaceId }) : undefined
    const context = this.deps.workspaces.context(key, r.profile?.id ?? null)
    if (!r.profile && ws.region !== undefined) context.region = ws.region
    const out: TargetWithDiff = { context, problems }
    if (t.cloudConfig) out.cloud = t.cloudConfig
    if (t.draftConfig) out.draft = t.draftConfig
    return out
  }

  private resolveProfile(ws: { profile?: string }): { profile: ProfileRecord | null } | { problem: RawProblem } {
    const { store } = this.deps
    if (this.requested === null) return { profile: null }
    if (this.requested !== undefined) {
      const p = store.profiles.get(this.requested)
      if (!p) throw new AppError('PROFILE_NOT_FOUND', { params: { id: this.requested } })
      return { profile: p }
    }
    if (ws.profile !== undefined) {
      const p = store.profiles.getByName(ws.profile)
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
    const active = this.deps.settings.get().activeProfileId
    return { profile: active ? (store.profiles.get(active) ?? null) : null }
  }

  /** The cached cloud workspace of that name, and any draft of it (or a local draft of a new one of that name). */
  private locate(profile: ProfileRecord | null, name: string): Target {
    const { store } = this.deps
    const t: Target = { profile }
    if (profile) {
      const page = store.workspaces.list(profile.id, { filter: name, limit: 1000 })
      const hit = page.rows.find((w) => w.name === name)
      if (hit) {
        t.workspaceId = hit.workspaceId
        const c = store.workspaces.getConfig(profile.id, hit.workspaceId, WorkspaceConfigSchema)
        if (c?.config.ok) {
          t.cloudConfig = c.config.value
          t.cloudVersion = c.configVersion
        }
        const d = store.drafts.get(profile.id, hit.workspaceId, WorkspaceConfigSchema)
        if (d) {
          t.draftKey = encodeDraftKey({ profileId: profile.id, workspaceKey: hit.workspaceId })
          t.draftRevision = d.revision
          if (d.draft.ok) t.draftConfig = d.draft.value
        }
        return t
      }
    }
    const local = this.localDrafts(profile?.id ?? null).get(name)
    if (local) {
      t.draftKey = local.key
      t.draftRevision = local.revision
      t.draftConfig = local.config
    }
    return t
  }

  /** Drafts of workspaces not yet created, by name. */
  private localDrafts(profileId: string | null): Map<string, LocalDraft> {
    const id = profileId ?? '\u0000offline'
    let byName = this.locals.get(id)
    if (!byName) {
      byName = new Map()
      for (const s of this.deps.store.drafts.list({ profileId })) {
        if (!isLocalWorkspaceKey(s.workspaceKey)) continue
        const d = this.deps.store.drafts.get(profileId, s.workspaceKey, WorkspaceConfigSchema)
        if (d?.draft.ok && !byName.has(d.draft.value.basic.name))
          byName.set(d.draft.value.basic.name, {
            key: encodeDraftKey({ profileId, workspaceKey: s.workspaceKey }),
            revision: d.revision,
            config: d.draft.value,
          })
      }
      this.locals.set(id, byName)
    }
    return byName
  }
}
