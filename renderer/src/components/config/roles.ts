import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import { BUILTIN_ROLE_IDS, GRANTABLE_ROLE_IDS } from '@shared/domain'
import { useDraftStore } from '../../stores/draft'
import { uiMessages } from '../../i18n'
import { keySegment, roleLabel } from './labels'

/** The roles a member may be given (never the owner role, M6), and how to name and look them up. */
export function useRoleOptions() {
  const { t } = useI18n()
  const draft = useDraftStore()
  const customRoles = computed(() => draft.config?.customRoles ?? [])
  const grantable = computed(() => [
    ...GRANTABLE_ROLE_IDS.map((id) => ({ id: id as string, label: roleLabel(t, id) })),
    ...customRoles.value.filter((r) => r.roleId).map((r) => ({ id: r.roleId!, label: r.name })),
  ])
  const label = (id: string): string => roleLabel(t, id, customRoles.value)

  /** A typed role (ID, or the name in either language, any case) -> role ID. */
  function resolve(token: string): string | undefined {
    const needle = token.trim().toLowerCase()
    for (const id of BUILTIN_ROLE_IDS) {
      if (id.toLowerCase() === needle) return id
      for (const cat of Object.values(uiMessages)) {
        const name = (cat.config.members.role as Record<string, string>)[keySegment(id)]
        if (name && name.toLowerCase() === needle) return id
      }
    }
    for (const r of customRoles.value) {
      if (r.roleId && (r.roleId.toLowerCase() === needle || r.name.toLowerCase() === needle)) return r.roleId
    }
    return undefined
  }
  return { grantable, label, resolve }
}
