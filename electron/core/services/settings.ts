import { AppSettingsSchema, type AppSettings } from '@shared/ipc/channels/app'
import { DEFAULT_LOCALE } from '@shared/locale'

/** Where user settings are kept. The SQLite store provides the durable one. */
export interface SettingsStore {
  load(): Partial<AppSettings> | undefined
  save(settings: AppSettings): void
}

export const DEFAULT_SETTINGS: AppSettings = { locale: DEFAULT_LOCALE, theme: 'system', activeProfileId: null }

export class SettingsService {
  private current: AppSettings

  constructor(private readonly store: SettingsStore) {
    const loaded = AppSettingsSchema.partial().safeParse(store.load() ?? {})
    this.current = { ...DEFAULT_SETTINGS, ...(loaded.success ? loaded.data : {}) }
  }

  get(): AppSettings {
    return { ...this.current }
  }

  update(patch: Partial<AppSettings>): AppSettings {
    this.current = AppSettingsSchema.parse({ ...this.current, ...patch })
    this.store.save(this.current)
    return this.get()
  }
}

/** Keeps settings in memory only (tests, and the CLI when it must not write). */
export function memorySettingsStore(initial?: Partial<AppSettings>): SettingsStore {
  let saved: Partial<AppSettings> | undefined = initial
  return {
    load: () => saved,
    save: (s) => {
      saved = s
    },
  }
}
