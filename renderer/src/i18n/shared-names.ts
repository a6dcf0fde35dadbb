import type { Locale } from '@shared/locale'
import { ROLE_NAMES } from '@shared/plan/names'

/**
 * An ID as one i18n key segment (i18n keys cannot hold dots). Here, not in the config screens' labels, so that the
 * catalogues (in the first load) do not pull in the domain rules those labels import.
 */
export const keySegment = (id: string): string => id.replace(/\./g, '_')

/**
 * The console's role names as i18n messages (`config.members.role.PAI_WorkspaceAdmin`): the words come from
 * shared/plan/names.ts, the one list the plan's sentences and the CLI use too; i18n keys cannot hold dots.
 */
export const roleMessages = (locale: Locale): Record<string, string> =>
  Object.fromEntries(Object.entries(ROLE_NAMES[locale]).map(([id, name]) => [keySegment(id), name]))
