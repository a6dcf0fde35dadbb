import type { ZodType } from 'zod'
import { AppSettingsSchema, type AppSettings } from '@shared/ipc/channels/app'
import { DEFAULT_LOCALE } from '@shared/locale'
import type { SettingsRepo } from '../store/repos/settings'

/** Where user settings are kept. The SQLite store provides the durable one. */
export interface SettingsStore {
  load(): Partial<AppSettings> | undefined
  save(settings: AppSettings): void
}

export const DEFAULT_SETTINGS: AppSettings = {
  locale: DEFAULT_LOCALE,
  theme: 'system',
  activeProfileId: null,
  showRuleIds: false,
}

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

/**
 * Keeps settings in the SQLite `settings` table, one row per field. Each value is validated with its
 * zod schema on read; an invalid row is reported through `onInvalid` and the default is used instead.
 */
export function sqliteSettingsStore(
  repo: SettingsRepo,
  onInvalid: (key: string, error: string) => void = () => {},
): SettingsStore {
  const shape = AppSettingsSchema.shape
  const keys = Object.keys(shape) as Array<keyof AppSettings>
  return {
    load: () => {
      const out: Record<string, unknown> = {}
      for (const key of keys) {
        const v = repo.get<unknown>(key, shape[key] as ZodType<unknown>)
        if (v?.ok) out[key] = v.value
        else if (v) onInvalid(key, v.error)
      }
      return out as Partial<AppSettings>
    },
    save: (s) => repo.transaction(() => keys.forEach((key) => repo.set(key, s[key]))),
  }
}
