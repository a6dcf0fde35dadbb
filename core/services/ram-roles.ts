import { AppError } from '@shared/ipc/errors'
import type { RamClient } from '../cloud'
import type { RamPolicyFact, RamRoleMember } from '../store/repos/ram-policies'

/** How many roles' policies are read at the same time (the endpoint's limiter paces them further). */
const ROLE_READS_AT_ONCE = 4

/**
 * The policies attached to each member that is a RAM role (ListPoliciesForRole, by RoleName), as facts for the
 * access overview's "without AliyunPAIFullAccess" filter (A3), like a RAM user's. A role RAM no longer knows
 * (EntityNotExist.Role: deleted since the member list was read) gives no fact; any other failure is thrown.
 */
export async function rolePolicies(
  ram: RamClient,
  roles: readonly RamRoleMember[],
  profileId: string,
  at: string,
  fullAccess: string,
): Promise<RamPolicyFact[]> {
  const out: RamPolicyFact[] = []
  let next = 0
  const worker = async (): Promise<void> => {
    for (let i = next++; i < roles.length; i = next++) {
      const r = roles[i]!
      const policies = await ram.listPoliciesForRole(r.roleName).catch((err: unknown) => {
        if (err instanceof AppError && err.code === 'CLOUD_NOT_FOUND') return null
        throw err
      })
      if (policies === null) continue
      const names = policies.map((p) => p.PolicyName)
      out.push({
        profileId,
        userId: r.userId,
        userName: r.roleName,
        hasPaiFullAccess: names.includes(fullAccess),
        policies: names,
        checkedAt: at,
      })
    }
  }
  await Promise.all(Array.from({ length: Math.min(ROLE_READS_AT_ONCE, roles.length) }, worker))
  return out
}
