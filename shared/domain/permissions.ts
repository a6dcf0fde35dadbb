import type { DomainCode } from '../messages/domain'
import type { Identity, ProblemParams } from './context'
import { ADMIN_ROLE, OWNER_ROLE } from './enums'
import type { WorkspaceConfig } from './model'

/** The RAM policy a RAM user needs to administer PAI (A3). */
export const PAI_FULL_ACCESS_POLICY = 'AliyunPAIFullAccess'

/** A yes/no answer with the rule and message behind it. */
export interface Decision {
  allowed: boolean
  /** The rule that decided. */
  ruleId: string
  /** Set when refused: the message to show. */
  code?: DomainCode
  params?: ProblemParams
}

const allow = (ruleId: string): Decision => ({ allowed: true, ruleId })
const refuse = (ruleId: string, code: DomainCode, params: ProblemParams = {}): Decision => ({
  allowed: false,
  ruleId,
  code,
  params,
})

/**
 * Whether the identity may modify the workspace's configuration (or, with `creating`, create one).
 * A2: the main account may do everything. A3: a RAM user needs AliyunPAIFullAccess (the refusal says so).
 * A4: whoever creates a workspace becomes its owner, so creating needs no workspace role.
 * A1: otherwise only an administrator or the owner may modify it.
 */
export function canModify(
  who: { identity: Identity; identityRoles: readonly string[] },
  opts: { creating?: boolean } = {},
): Decision {
  if (who.identity.kind === 'main') return allow('A2')
  if (!who.identity.hasPaiFullAccess)
    return refuse('A3', 'DOMAIN_RAM_NEEDS_PAI_FULL_ACCESS', { policy: PAI_FULL_ACCESS_POLICY })
  if (opts.creating) return allow('A4')
  if (who.identityRoles.includes(ADMIN_ROLE) || who.identityRoles.includes(OWNER_ROLE)) return allow('A1')
  return refuse('A1', 'DOMAIN_NOT_ADMIN', { roles: [...who.identityRoles] })
}

/** The owner's user ID: the configuration's owner, else the previous cloud state's. */
export function ownerIdOf(
  config: Pick<WorkspaceConfig, 'owner'>,
  previous?: Pick<WorkspaceConfig, 'owner'>,
): string | undefined {
  return config.owner?.userId ?? previous?.owner?.userId
}

/** M6: the owner cannot be removed from the workspace. */
export function canRemoveMember(config: Pick<WorkspaceConfig, 'owner' | 'members'>, userId: string): Decision {
  const isOwner =
    ownerIdOf(config) === userId || config.members.some((m) => m.userId === userId && m.roles.includes(OWNER_ROLE))
  return isOwner ? refuse('M6', 'DOMAIN_OWNER_REMOVED', { userId }) : allow('M6')
}

/** M6: the owner role cannot be removed from the owner. M5: a member's last role cannot be removed. */
export function canRemoveRole(
  config: Pick<WorkspaceConfig, 'owner' | 'members'>,
  userId: string,
  roleId: string,
): Decision {
  if (roleId === OWNER_ROLE) return refuse('M6', 'DOMAIN_OWNER_ROLE_REMOVED', { userId })
  const member = config.members.find((m) => m.userId === userId)
  if (member && member.roles.length === 1 && member.roles[0] === roleId)
    return refuse('M5', 'DOMAIN_MEMBER_NO_ROLE', { userId })
  return allow('M5')
}
