import type { HandlersFor } from '../ipc/types'
import type { HandlerServices } from './services'

type ProfilesChannel =
  | 'profiles.list'
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
  | 'profiles.importPreview'
  | 'profiles.import'

/** Profiles, their keychain secrets (write-only: answers say hasSecret) and the store's recovery report. */
export function profilesHandlers(s: HandlerServices): HandlersFor<ProfilesChannel> {
  const changed = (id?: string): void =>
    s.events.emit('data.changed', id === undefined ? { area: 'profiles' } : { area: 'profiles', id })
  return {
    'profiles.list': async (_req, ctx) => {
      const res = await s.profiles.list()
      return { ...res, keychainError: res.keychainError ? res.keychainError.toPayload(ctx.locale) : null }
    },
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
    'profiles.importPreview': (req) => s.profileImport.preview(req),
    'profiles.import': async (req) => {
      const res = await s.profileImport.import(req)
      changed()
      return res
    },
    'profiles.setSecret': async ({ id, accessKeySecret, securityToken }) => {
      const res = await s.profiles.setSecret(id, accessKeySecret, securityToken)
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
    'store.recovery': (_req, ctx) => ({ recovery: s.storeHealth.recovery(ctx.locale) }),
  }
}
