import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { ProfileView } from '@shared/ipc/channels/profiles'
import type { ErrorPayload } from '@shared/ipc/errors'
import { call, onEvent } from '../bridge'
import { useAppStore } from './app'

/** Profiles [账号]: the list, the active one, and the calls that change them. */
export const useProfilesStore = defineStore('profiles', () => {
  const profiles = ref<ProfileView[]>([])
  const activeProfileId = ref<string | null>(null)
  const keychainError = ref<ErrorPayload | null>(null)
  const loaded = ref(false)
  let subscribed = false

  const active = computed(() => profiles.value.find((p) => p.id === activeProfileId.value) ?? null)

  async function load(): Promise<void> {
    const res = await call('profiles.list', {})
    profiles.value = res.profiles
    activeProfileId.value = res.activeProfileId
    keychainError.value = res.keychainError
    loaded.value = true
    // The core decides which profile is current (the first one added becomes it): the whole app follows.
    const app = useAppStore()
    if (app.settings.activeProfileId !== res.activeProfileId)
      app.settings = { ...app.settings, activeProfileId: res.activeProfileId }
    if (!subscribed) {
      subscribed = true
      onEvent('data.changed', (p) => {
        if (p.area === 'profiles') void load()
      })
    }
  }

  async function setActive(id: string | null): Promise<void> {
    const res = await call('profiles.setActive', { id })
    activeProfileId.value = res.activeProfileId
    const app = useAppStore()
    app.settings = { ...app.settings, activeProfileId: res.activeProfileId }
    await load()
  }

  async function remove(id: string): Promise<void> {
    await call('profiles.remove', { id })
    await load()
    const app = useAppStore()
    if (app.settings.activeProfileId === id) app.settings = { ...app.settings, activeProfileId: null }
  }

  return { profiles, activeProfileId, active, keychainError, loaded, load, setActive, remove }
})
