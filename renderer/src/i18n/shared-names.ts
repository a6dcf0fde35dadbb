import type { Locale } from '@shared/locale'
import { ROLE_NAMES } from '@shared/plan/names'
import { keySegment } from '../components/config/labels'

/**
 * The console's role names as i18n messages (`config.members.role.PAI_WorkspaceAdmin`): the words come from
 * shared/plan/names.ts, the one list the plan's sentences and the CLI use too; i18n keys cannot hold dots.
 */
export const roleMessages = (locale: Locale): Record<string, string> =>
  Object.fromEntries(Object.entries(ROLE_NAMES[locale]).map(([id, name]) => [keySegment(id), name]))
