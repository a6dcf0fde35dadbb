import {
  kindFieldProblems,
  secretsOfKind,
  type CallerInfo,
  type ProfileAdd,
  type ProfileFields,
  type ProfileUpdate,
  type ProfileView,
} from '@shared/ipc/channels/profiles'
import { AppError } from '@shared/ipc/errors'
import type { ProfileRecord, Store } from '../store'
import { dingtalkKind, type SecretKey, type SecretKind, type Vault } from '../vault'
import type { SettingsService } from './settings'

type Secrets = Pick<ProfileAdd, 'accessKeySecret' | 'securityToken'>

/** Fields whose change means other credentials: the last known caller no longer applies. */
const CREDENTIAL_FIELDS: Array<keyof ProfileFields> = [
  'kind',
  'accessKeyId',
  'baseProfileId',
  'roleArn',
  // The caller's ARN names the session (…:assumed-role/<role>/<session name>).
  'roleSessionName',
  'externalId',
  'policy',
  'oidcProviderArn',
  'oidcTokenFile',
  'ecsRoleName',
  'region',
  'endpoint',
  'endpoints',
]

/**
 * Profiles [账号配置]: connection and credential settings in SQLite; the AccessKey secret (and an STS
 * token's security token) and DingTalk signing secrets in the keychain (D2). What this returns to
 * handlers says which secrets are stored, never a secret.
 */
export class ProfilesService {
  constructor(
    private readonly store: Store,
    private readonly vault: Vault,
    private readonly settings: SettingsService,
    /** The live credential source's expiry (CloudSessions.liveExpiry): newer than the last check's. */
    private readonly liveExpiry: (id: string, updatedAt: string) => string | undefined = () => undefined,
  ) {}

  /** All profiles; when the keychain cannot be read, `hasSecret` is false and `keychainError` says why. */
  async list(): Promise<{ profiles: ProfileView[]; activeProfileId: string | null; keychainError: AppError | null }> {
    const records = this.store.profiles.list()
    let keys: SecretKey[] = []
    let keychainError: AppError | null = null
    if (records.some((r) => secretsOfKind(r).length > 0)) {
      try {
        keys = await this.vault.list()
      } catch (err) {
        keychainError =
          err instanceof AppError ? err : new AppError('KEYCHAIN_ERROR', { params: { detail: String(err) } })
      }
    }
    const stored = new Set(keys.map((k) => `${k.profileId}:${k.kind}`))
    const activeProfileId = this.activeId()
    return {
      profiles: records.map((r) => this.view(r, (kind) => stored.has(`${r.id}:${kind}`), activeProfileId)),
      activeProfileId,
      keychainError,
    }
  }

  /** Adds a profile and stores the secrets given in the keychain; if that fails, nothing is added. */
  async add(input: ProfileAdd): Promise<ProfileView> {
    const { accessKeySecret, securityToken, ...fields } = input
    if (this.store.profiles.getByName(fields.name))
      throw new AppError('PROFILE_NAME_TAKEN', { params: { name: fields.name } })
    this.checkKind(fields, undefined)
    const given = this.secretsFor(fields, { accessKeySecret, securityToken })
    const rec = this.store.profiles.insert(fields)
    const written: SecretKind[] = []
    try {
      for (const [kind, value] of given) {
        await this.vault.set(rec.id, kind, value)
        written.push(kind)
      }
    } catch (err) {
      for (const kind of written) await this.vault.delete(rec.id, kind).catch(() => false)
      this.store.profiles.remove(rec.id)
      throw err
    }
    this.store.activity.add({
      profileId: rec.id,
      action: 'profile.add',
      result: 'ok',
      details: { name: rec.name, kind: rec.kind, secretsStored: written, importedFrom: rec.importedFrom },
    })
    // The first profile becomes the current one (a newcomer should not have to pick the only choice there is).
    if (this.activeId() === null && this.store.profiles.list().length === 1)
      this.settings.update({ activeProfileId: rec.id })
    // A new id has no other keychain entry: no need to ask the keychain (which may be locked).
    return this.view(rec, (k) => written.includes(k), this.activeId())
  }

  async update(input: ProfileUpdate): Promise<ProfileView> {
    const { id, accessKeySecret, securityToken, ...patch } = input
    const cur = this.mustGet(id)
    if (patch.name !== undefined) {
      const other = this.store.profiles.getByName(patch.name)
      if (other && other.id !== id) throw new AppError('PROFILE_NAME_TAKEN', { params: { name: patch.name } })
    }
    const next = { ...cur, ...patch }
    this.checkKind(next, id)
    const given = this.secretsFor(next, { accessKeySecret, securityToken })
    for (const [kind, value] of given) await this.vault.set(id, kind, value)
    const rec = this.store.profiles.update(id, patch)
    const credentialsChanged =
      given.length > 0 || CREDENTIAL_FIELDS.some((f) => JSON.stringify(cur[f]) !== JSON.stringify(rec[f]))
    if (credentialsChanged) this.store.profiles.setCaller(id, null)
    // Secrets the kind no longer uses are removed (they are not this profile's credentials any more).
    const obsolete = secretsOfKind(cur).filter((k) => !secretsOfKind(rec).includes(k))
    for (const kind of obsolete) await this.vault.delete(id, kind).catch(() => false)
    this.store.activity.add({
      profileId: id,
      action: 'profile.update',
      result: 'ok',
      details: { fields: Object.keys(patch), secretsReplaced: given.map(([k]) => k), secretsRemoved: obsolete },
    })
    // The update is committed: answer it even when the keychain cannot be read now (profiles.list says why).
    const kinds = new Set<string>(given.map(([k]) => k))
    if (secretsOfKind(rec).some((k) => !kinds.has(k)))
      for (const k of await this.vault.list(id).catch(() => [])) kinds.add(k.kind)
    return this.view({ ...rec, caller: credentialsChanged ? null : rec.caller }, (k) => kinds.has(k), this.activeId())
  }

  /**
   * Removes a profile: first its keychain entries (if the keychain is unreachable nothing is removed,
   * so no secret is orphaned), then the row with its cache and drafts. Refused while outbox ops are open,
   * and while other profiles assume roles with it.
   */
  async remove(id: string): Promise<{ removed: true; deletedDrafts: number; deletedSecrets: number }> {
    const rec = this.mustGet(id)
    const users = this.store.profiles.usersOf(id)
    if (users.length)
      throw new AppError('PROFILE_IN_USE', { params: { name: rec.name, users: users.map((u) => u.name) } })
    const open = this.store.outbox.openCount(id)
    if (open > 0) throw new AppError('PROFILE_HAS_PENDING_OPS', { params: { name: rec.name, count: open } })
    const deletedSecrets = await this.vault.deleteAll(id)
    const deletedDrafts = this.store.transaction(() => {
      const n = this.store.drafts.count(id)
      this.store.profiles.remove(id)
      this.store.activity.add({
        profileId: id,
        action: 'profile.remove',
        result: 'ok',
        details: { name: rec.name, deletedDrafts: n, deletedSecrets },
      })
      return n
    })
    if (this.settings.get().activeProfileId === id) this.settings.update({ activeProfileId: null })
    return { removed: true, deletedDrafts, deletedSecrets }
  }

  setActive(id: string | null): { activeProfileId: string | null } {
    if (id !== null) this.mustGet(id)
    return { activeProfileId: this.settings.update({ activeProfileId: id }).activeProfileId }
  }

  async setSecret(
    id: string,
    accessKeySecret: string,
    securityToken?: string,
  ): Promise<{ id: string; hasSecret: boolean }> {
    const rec = this.mustGet(id)
    const given = this.secretsFor(rec, { accessKeySecret, securityToken })
    for (const [kind, value] of given) await this.vault.set(id, kind, value)
    this.store.profiles.setCaller(id, null)
    this.store.activity.add({ profileId: id, action: 'profile.setSecret', result: 'ok' })
    const kinds = new Set((await this.vault.list(id).catch(() => [])).map((k) => k.kind))
    for (const [k] of given) kinds.add(k)
    return { id, hasSecret: secretsOfKind(rec).every((k) => kinds.has(k)) }
  }

  async deleteSecret(id: string): Promise<{ id: string; hasSecret: boolean }> {
    const rec = this.mustGet(id)
    let deleted = false
    for (const kind of secretsOfKind(rec)) deleted = (await this.vault.delete(id, kind)) || deleted
    this.store.activity.add({ profileId: id, action: 'profile.deleteSecret', result: 'ok', details: { deleted } })
    return { id, hasSecret: secretsOfKind(rec).length === 0 }
  }

  /** Who the profile's credentials are (profiles.test, refresh). */
  recordCaller(id: string, caller: CallerInfo): void {
    this.mustGet(id)
    this.store.profiles.setCaller(id, caller)
  }

  async setDingtalkSecret(
    profileId: string,
    ref: string,
    secret: string,
  ): Promise<{ ref: string; hasSecret: boolean }> {
    this.mustGet(profileId)
    await this.vault.set(profileId, dingtalkKind(ref), secret)
    this.store.activity.add({ profileId, action: 'secret.setDingtalk', result: 'ok', details: { ref } })
    return { ref, hasSecret: true }
  }

  async deleteDingtalkSecret(profileId: string, ref: string): Promise<{ ref: string; deleted: boolean }> {
    this.mustGet(profileId)
    const deleted = await this.vault.delete(profileId, dingtalkKind(ref))
    this.store.activity.add({ profileId, action: 'secret.deleteDingtalk', result: 'ok', details: { ref, deleted } })
    return { ref, deleted }
  }

  async listDingtalkRefs(profileId: string): Promise<string[]> {
    this.mustGet(profileId)
    return (await this.vault.list(profileId)).flatMap((k) => (k.ref === undefined ? [] : [k.ref]))
  }

  /** The DingTalk signing secret by ref (for the notification sender in the main process), or null. */
  async getDingtalkSecret(profileId: string, ref: string): Promise<string | null> {
    this.mustGet(profileId)
    return this.vault.get(profileId, dingtalkKind(ref))
  }

  /** The kind's fields are complete, and a source profile exists and leads to no cycle. */
  private checkKind(f: ProfileFields, selfId: string | undefined): void {
    const missing = kindFieldProblems(f)
    if (missing.length) throw new AppError('PROFILE_KIND_FIELDS', { params: { kind: f.kind, fields: missing } })
    if (f.kind !== 'ram-role-arn' || !f.baseProfileId) return
    const seen = new Set<string>(selfId ? [selfId] : [])
    for (let id: string | null = f.baseProfileId, depth = 0; id; depth++) {
      if (seen.has(id) || depth > 5)
        throw new AppError('PROFILE_BASE_INVALID', { params: { detail: 'the source profiles form a cycle' } })
      seen.add(id)
      const base = this.store.profiles.get(id)
      if (!base) throw new AppError('PROFILE_BASE_INVALID', { params: { detail: `no profile ${id}` } })
      if (base.kind === 'env')
        throw new AppError('PROFILE_BASE_INVALID', { params: { detail: `${base.name} reads the environment` } })
      id = base.kind === 'ram-role-arn' ? base.baseProfileId : null
    }
  }

  /** The secrets to store for `f`'s kind; a secret the kind does not use is refused, not silently dropped. */
  private secretsFor(f: Pick<ProfileFields, 'kind' | 'baseProfileId'>, s: Secrets): Array<[SecretKind, string]> {
    const used = secretsOfKind(f)
    const out: Array<[SecretKind, string]> = []
    for (const kind of ['accessKeySecret', 'securityToken'] as const) {
      const value = s[kind]
      if (value === undefined) continue
      if (!used.includes(kind))
        throw new AppError('VALIDATION', { params: { summary: `${kind}: a ${f.kind} profile keeps no such secret` } })
      out.push([kind, value])
    }
    return out
  }

  private activeId(): string | null {
    const id = this.settings.get().activeProfileId
    return id !== null && this.store.profiles.get(id) ? id : null
  }

  private mustGet(id: string): ProfileRecord {
    const rec = this.store.profiles.get(id)
    if (!rec) throw new AppError('PROFILE_NOT_FOUND', { params: { id } })
    return rec
  }

  private view(r: ProfileRecord, has: (kind: SecretKind) => boolean, activeProfileId: string | null): ProfileView {
    const needs = secretsOfKind(r)
    // The last check's expiry goes stale when the source renews its temporary credentials: show the live one.
    const live = r.caller ? this.liveExpiry(r.id, r.updatedAt) : undefined
    return {
      ...r,
      caller: r.caller && live ? { ...r.caller, expiresAt: live } : r.caller,
      hasSecret: needs.every(has),
      needsSecret: needs.length > 0,
      hasSecurityToken: r.kind === 'sts-token' && has('securityToken'),
      active: r.id === activeProfileId,
      draftCount: this.store.drafts.count(r.id),
    }
  }
}
