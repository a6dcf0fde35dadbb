import type { WorkspaceConfig } from '@shared/domain'
import type { PlanAction } from '@shared/ipc/channels/sync'

/**
 * Names the object of each member action for a person: the account name (or display name) the draft or the cloud
 * knows, with the UID (`alice (2788…)`). Other areas' keys are already names (role, resource, rule).
 */
export function labelActions(actions: PlanAction[], ...configs: WorkspaceConfig[]): PlanAction[] {
  const names = new Map<string, string>()
  for (const c of configs)
    for (const m of c.members) {
      const name = m.userName || m.displayName
      if (name && !names.has(m.userId)) names.set(m.userId, name)
    }
  return actions.map((a) => {
    const name = a.area === 'member' ? names.get(a.target) : undefined
    return name && name !== a.target ? { ...a, label: `${name} (${a.target})` } : a
  })
}
