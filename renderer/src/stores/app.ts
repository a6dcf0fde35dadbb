import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import type { AppSettings } from '@shared/ipc/channels/app'
import type { Locale } from '@shared/locale'
import type { ResponseOf } from '@shared/ipc/contract'
import { call, onEvent } from '../bridge'
import { callEarly } from '../bridge/early'
import { setUiLocale } from '../i18n'

type Theme = AppSettings['theme']

/** App-wide state: settings (language, theme, active profile), online status, core info. */
export const useAppStore = defineStore('app', () => {
  const settings = ref<AppSettings>({ locale: 'zh-CN', theme: 'system', activeProfileId: null, showRuleIds: false })
  /**
   * Whether the cloud answers the current profile: true / false as the last refresh or outbox send found it
   * (net.status), null while nothing has been asked in this session. The browser's own network state only says
   * offline (no network means no cloud); its "online" says nothing about the cloud.
   */
  const online = ref<boolean | null>(navigator.onLine ? null : false)
  const info = ref<{ version: string; runtime: string; dataDir: string; logDir: string } | null>(null)
  const recovery = ref<ResponseOf<'store.recovery'>['recovery']>(null)
  /** A long job the core reports progress of (job.progress: a refresh), until it is done. */
  const job = ref<{ kind: string; done: number; total: number } | null>(null)
  const systemDark = ref<boolean>(window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false)

  const dark = computed(
    () => settings.value.theme === 'dark' || (settings.value.theme === 'system' && systemDark.value),
  )

  function applyTheme(): void {
    document.documentElement.classList.toggle('dark', dark.value)
  }

  async function load(): Promise<void> {
    // Asked for before the app was loaded (../early.ts).
    settings.value = await callEarly('settings.get', {})
    setUiLocale(settings.value.locale)
    applyTheme()
  }

  /**
   * What the first screen does not need, started once it is painted (./main.ts): the core's info, the recovery
   * report, and the listeners (the first opens the event stream).
   */
  function follow(): void {
    void call('app.info', {})
      .then((v) => (info.value = v))
      .catch((err: unknown) => console.error('app info could not be loaded', err))
    // A damaged database recovered at start (moved aside, backup restored): tell the user where things are.
    void call('store.recovery', {})
      .then((r) => (recovery.value = r.recovery))
      .catch((err: unknown) => console.error('store recovery report could not be loaded', err))
    window.matchMedia?.('(prefers-color-scheme: dark)').addEventListener('change', (e) => {
      systemDark.value = e.matches
      applyTheme()
    })
    window.addEventListener('online', () => (online.value = null))
    window.addEventListener('offline', () => (online.value = false))
    onEvent('net.status', (p) => (online.value = p.online))
    onEvent(
      'job.progress',
      (p) => (job.value = p.done < p.total ? { kind: p.kind, done: p.done, total: p.total } : null),
    )
  }

  // Another profile is another cloud account: what was known of the last one's cloud says nothing of it.
  watch(
    () => settings.value.activeProfileId,
    () => {
      if (online.value === true) online.value = null
    },
  )

  async function setLocale(locale: Locale): Promise<void> {
    setUiLocale(locale)
    settings.value = await call('settings.update', { locale })
  }

  async function setTheme(theme: Theme): Promise<void> {
    settings.value = await call('settings.update', { theme })
    applyTheme()
  }

  async function setShowRuleIds(showRuleIds: boolean): Promise<void> {
    settings.value = await call('settings.update', { showRuleIds })
  }

  return { settings, online, info, recovery, job, dark, load, follow, setLocale, setTheme, setShowRuleIds }
})
