import { z } from 'zod'
import { channel } from '../channel'
import { LocaleSchema } from '../../locale'

export const ThemeSchema = z.enum(['system', 'light', 'dark'])

export const AppSettingsSchema = z.object({
  locale: LocaleSchema,
  theme: ThemeSchema,
  activeProfileId: z.string().nullable(),
  /** Show the rule ID (W1, M6, E4…) beside each problem and protection; off: named on hover and to screen readers. */
  showRuleIds: z.boolean(),
})
export type AppSettings = z.infer<typeof AppSettingsSchema>

/** App-level channels: identity of the running core, user settings. */
export const appChannels = {
  'app.info': channel(
    z.object({}).strict(),
    z.object({
      name: z.string(),
      version: z.string(),
      runtime: z.enum(['electron', 'web', 'cli', 'test']),
      dataDir: z.string(),
      logDir: z.string(),
    }),
  ),
  /** Echo for diagnostics and the IPC round-trip test. */
  'app.ping': channel(
    z.object({ text: z.string().max(1000) }).strict(),
    z.object({ text: z.string(), at: z.string() }),
  ),
  'settings.get': channel(z.object({}).strict(), AppSettingsSchema),
  'settings.update': channel(AppSettingsSchema.partial().strict(), AppSettingsSchema),
} as const
