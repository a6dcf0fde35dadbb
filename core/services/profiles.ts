import type { ProfileAdd, ProfileUpdate, ProfileView } from '@shared/ipc/channels/profiles'
import { AppError } from '@shared/ipc/errors'
import type { ProfileRecord, Store } from '../store'
import { dingtalkKind, type SecretKey, type Vault } from '../vault'
import type { SettingsService } from './settings'

/** What the cloud clients need to sign calls for a profile (main process only, never over IPC). */
export interface ProfileCredentials {
  profile: ProfileRecord
  accessKeyId: string
  accessKeySecret: string
}

/**
 * Profiles [账号配置]: connection settings in SQLite, the AccessKey secret and DingTalk signing secrets
 * in the keychain (D2). What this returns to handlers carries `hasSecret`, never a secret.
 */
export class ProfilesService {
  constructor(
    private readonly store: Store,
    private readonly vault: Vault,
    private readonly settings: SettingsService,
  ) {}

  /** All profiles; when the keychain cannot be read, `hasSecret` is false and `keychainError` says why. */
  async list(): Promise<{ profiles: ProfileView[]; activeProfileId: string | null; keychainError: AppError | null }> {
    const records = this.store.profiles.list()
    let keys: SecretKey[] = []
    let keychainError: AppError | null = null
    try {
      keys = await this.vault.list()
    } catch (err) {
      keychainError =
        err instanceof AppError ? err : new AppError('KEYCHAIN_ERROR', { params: { detail: String(err) } })
    }
    const withSecret = new Set(keys.filter((k) => k.kind === 'accessKeySecret').map((k) => k.profileId))
    const activeProfileId = this.activeId()
    return {
      profiles: records.map((r) => this.view(r, withSecret.has(r.id), activeProfileId)),
      activeProfileId,
      keychainError,
    }
  }

  async get(id: string): Promise<ProfileView> {
    const rec = this.mustGet(id)
    return this.view(rec, await this.vault.has(id, 'accessKeySecret'), this.activeId())
  }

  /** Adds a profile and, when given, stores its secret in the keychain; if that fails, nothing is added. */
  async add(input: ProfileAdd): Promise<ProfileView> {
    const { accessKeySecret, ...fields } = input
    if (this.store.profiles.getByName(fields.name))
      throw new AppError('PROFILE_NAME_TAKEN', { params: { name: fields.name } })
    const rec = this.store.profiles.insert(fields)
    if (accessKeySecret !== undefined) {
      try {
        await this.vault.set(rec.id, 'accessKeySecret', accessKeySecret)
      } catch (err) {
        this.store.profiles.remove(rec.id)
        throw err
      }
    }
    this.store.activity.add({
      profileId: rec.id,
      action: 'profile.add',
      result: 'ok',
      details: { name: rec.name, secretStored: accessKeySecret !== undefined },
    })
    // A new id has no other keychain entry: no need to ask the keychain (which may be locked).
    return this.view(rec, accessKeySecret !== undefined, this.activeId())
  }

  async update(input: ProfileUpdate): Promise<ProfileView> {
    const { id, accessKeySecret, ...patch } = input
    this.mustGet(id)
    if (patch.name !== undefined) {
      const other = this.store.profiles.getByName(patch.name)
      if (other && other.id !== id) throw new AppError('PROFILE_NAME_TAKEN', { params: { name: patch.name } })
    }
    if (accessKeySecret !== undefined) await this.vault.set(id, 'accessKeySecret', accessKeySecret)
    const rec = this.store.profiles.update(id, patch)
    this.store.activity.add({
      profileId: id,
      action: 'profile.update',
      result: 'ok',
      details: { fields: Object.keys(patch), secretReplaced: accessKeySecret !== undefined },
    })
    // The update is committed: answer it even when the keychain cannot be read now (profiles.list says why).
    const hasSecret = accessKeySecret !== undefined || (await this.vault.has(id, 'accessKeySecret').catch(() => false))
    return this.view(rec, hasSecret, this.activeId())
  }

  /**
   * Removes a profile: first its keychain entries (if the keychain is unreachable nothing is removed,
   * so no secret is orphaned), then the row with its cache and drafts. Refused while outbox ops are open.
   */
  async remove(id: string): Promise<{ removed: true; deletedDrafts: number; deletedSecrets: number }> {
    const rec = this.mustGet(id)
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

  async setSecret(id: string, accessKeySecret: string): Promise<{ id: string; hasSecret: boolean }> {
    this.mustGet(id)
    await this.vault.set(id, 'accessKeySecret', accessKeySecret)
    this.store.activity.add({ profileId: id, action: 'profile.setSecret', result: 'ok' })
    return { id, hasSecret: true }
  }

  async deleteSecret(id: string): Promise<{ id: string; hasSecret: boolean }> {
    this.mustGet(id)
    const deleted = await this.vault.delete(id, 'accessKeySecret')
    this.store.activity.add({ profileId: id, action: 'profile.deleteSecret', result: 'ok', details: { deleted } })
    return { id, hasSecret: false }
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

  /** The profile and its AccessKey pair, for the cloud clients; null when no secret is stored. */
  async credentials(id: string): Promise<ProfileCredentials | null> {
    const profile = this.mustGet(id)
    const accessKeySecret = await this.vault.get(id, 'accessKeySecret')
    return accessKeySecret === null ? null : { profile, accessKeyId: profile.accessKeyId, accessKeySecret }
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

  private view(r: ProfileRecord, hasSecret: boolean, activeProfileId: string | null): ProfileView {
    return { ...r, hasSecret, active: r.id === activeProfileId, draftCount: this.store.drafts.count(r.id) }
  }
}
