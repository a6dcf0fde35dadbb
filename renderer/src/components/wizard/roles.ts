import type { BuiltinRoleId } from '@shared/domain'

/** Roles a member can be given in the wizard (M2, M3); the owner role is the creator's only (M6). */
export const GRANTABLE_ROLES: readonly { id: BuiltinRoleId; key: string }[] = [
  { id: 'PAI.WorkspaceAdmin', key: 'wizard.roleNames.admin' },
  { id: 'PAI.AlgoDeveloper', key: 'wizard.roleNames.algoDeveloper' },
  { id: 'PAI.AlgoOperator', key: 'wizard.roleNames.algoOperator' },
  { id: 'PAI.LabelManager', key: 'wizard.roleNames.labelManager' },
  { id: 'PAI.WorkspaceGuest', key: 'wizard.roleNames.guest' },
  { id: 'PAI.MaxComputeDeveloper', key: 'wizard.roleNames.maxcompute' },
]

export function roleKey(id: string): string | undefined {
  return GRANTABLE_ROLES.find((r) => r.id === id)?.key
}
