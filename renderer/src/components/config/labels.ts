import { BUILTIN_ROLE_IDS, type CustomRole } from '@shared/domain'
import { keySegment } from '../../i18n/shared-names'

/** i18n key segments cannot hold dots: `PAI.WorkspaceAdmin` -> `PAI_WorkspaceAdmin`. */
export { keySegment }

type T = (key: string, params?: Record<string, unknown>) => string

/** A role's name for display: a built-in role's console name, a custom role's name, else its ID. */
export function roleLabel(t: T, roleId: string, customRoles: readonly CustomRole[] = []): string {
  // A role the app does not know (kept from the cloud) is shown as the cloud spells it.
  if ((BUILTIN_ROLE_IDS as readonly string[]).includes(roleId)) return t(`config.members.role.${keySegment(roleId)}`)
  return customRoles.find((r) => r.roleId === roleId)?.name ?? roleId
}

/** Which tab of the screen shows the field at a JSON pointer. */
export type ConfigTab =
  'basic' | 'resources' | 'members' | 'scheduling' | 'notifications' | 'storage' | 'sls' | 'switches'
export const CONFIG_TABS: readonly ConfigTab[] = [
  'basic',
  'resources',
  'members',
  'scheduling',
  'notifications',
  'storage',
  'sls',
  'switches',
]

export function tabOfPointer(pointer: string): ConfigTab | undefined {
  const head = pointer.split('/')[1] ?? ''
  switch (head) {
    case 'basic':
    case 'owner':
      return 'basic'
    case 'resources':
      return 'resources'
    case 'members':
    case 'customRoles':
      return 'members'
    case 'scheduling':
    case 'notifications':
    case 'storage':
    case 'sls':
    case 'switches':
      return head
    case 'passthrough':
      return 'basic'
    default:
      return undefined
  }
}
