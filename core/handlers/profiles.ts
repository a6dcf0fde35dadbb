import { formatMessage } from '@shared/messages'
import type { HandlersFor } from '../ipc/types'
import type { CoreServices } from '../services'

type ProfilesChannel =
  | 'profiles.list'
  | 'profiles.get'
  | 'profiles.add'
  | 'profiles.update'
  | 'profiles.remove'
  | 'profiles.setActive'
  | 'profiles.setSecret'
  | 'profiles.deleteSecret'
  | 'secrets.setDingtalk'
  | 'secrets.deleteDingtalk'
  | 'secrets.listDingtalk'
  | 'store.recovery'

/** Profiles, their keychain secrets (write-only: answers say hasSecret) and the store's recovery report. */
export function profilesHandlers(s: CoreServices): HandlersFor<ProfilesChannel> {
  const changed = (id?: string): void =>
    s.events.emit('data.changed', id === undefined ? { area: 'profiles' } : { area: 'profiles', id })
  return {
    'profiles.list': async (_req, ctx) => {
      const res = await s.profiles.list()
      return { ...res, keychainError: res.keychainError ? res.keychainError.toPayload(ctx.locale) : null }
    },
    'profiles.get': ({ id }) => s.profiles.get(id),
    'profiles.add': async (req) => {
      const p = await s.profiles.add(req)
      changed(p.id)
      return p
    },
    'profiles.update': async (req) => {
      const p = await s.profiles.update(req)
      changed(p.id)
      return p
    },
    'profiles.remove': async ({ id }) => {
      const res = await s.profiles.remove(id)
      changed(id)
      return res
    },
    'profiles.setActive': ({ id }) => {
      const res = s.profiles.setActive(id)
      changed()
      s.events.emit('data.changed', { area: 'settings' })
      return res
    },
    'profiles.setSecret': async ({ id, accessKeySecret }) => {
      const res = await s.profiles.setSecret(id, accessKeySecret)
      changed(id)
      return res
    },
    'profiles.deleteSecret': async ({ id }) => {
      const res = await s.profiles.deleteSecret(id)
      changed(id)
      return res
    },
    'secrets.setDingtalk': ({ profileId, ref, secret }) => s.profiles.setDingtalkSecret(profileId, ref, secret),
    'secrets.deleteDingtalk': ({ profileId, ref }) => s.profiles.deleteDingtalkSecret(profileId, ref),
    'secrets.listDingtalk': async ({ profileId }) => ({ refs: await s.profiles.listDingtalkRefs(profileId) }),
    'store.recovery': (_req, ctx) => {
      const r = s.store.recovery
      if (!r) return { recovery: null }
      const code =
        r.reason === 'wal-damaged'
          ? 'STORE_WAL_DAMAGED'
          : r.restoredFrom
            ? 'STORE_RECOVERED'
            : 'STORE_RECOVERED_NO_BACKUP'
      const held = r.heldOps ? ` ${formatMessage(ctx.locale, 'STORE_OPS_HELD', { count: r.heldOps })}` : ''
      const message =
        formatMessage(ctx.locale, code, {
          detail: r.detail,
          damaged: r.damagedFiles[0] ?? '',
          backup: r.restoredFrom ?? '',
          backupAt: r.restoredBackupAt ?? '',
        }) + held
      return { recovery: { ...r, code, message } }
    },
  }
}
