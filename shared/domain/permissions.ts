import type { DomainCode } from '../messages/domain'
import type { Identity, ProblemParams } from './context'
import { ADMIN_ROLE, OWNER_ROLE, type WorkspaceMode } from './enums'
import type { Resource, WorkspaceConfig } from './model'

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

/**
 * M6: the owner cannot be removed from the workspace. The owner is the configuration's owner (else the
 * previous state's), or whoever holds the owner role in the configuration or in `previous`.
 */
export function canRemoveMember(
  config: Pick<WorkspaceConfig, 'owner' | 'members'>,
  userId: string,
  previous?: Pick<WorkspaceConfig, 'owner' | 'members'>,
): Decision {
  const holdsOwnerRole = (c: Pick<WorkspaceConfig, 'members'>): boolean =>
    c.members.some((m) => m.userId === userId && m.roles.includes(OWNER_ROLE))
  const isOwner =
    ownerIdOf(config, previous) === userId || holdsOwnerRole(config) || (previous ? holdsOwnerRole(previous) : false)
  return isOwner ? refuse('M6', 'DOMAIN_OWNER_REMOVED', { userId }) : allow('M6')
}

/** M6: the owner role is never taken away (whoever holds it keeps it). */
export function canRevokeRole(userId: string, roleId: string): Decision {
  return roleId === OWNER_ROLE ? refuse('M6', 'DOMAIN_OWNER_ROLE_REMOVED', { userId }) : allow('M6')
}

/** M5: a member holds at least one role. */
export function canHoldRoles(userId: string, roles: readonly string[]): Decision {
  return roles.length === 0 ? refuse('M5', 'DOMAIN_MEMBER_NO_ROLE', { userId }) : allow('M5')
}

/** M6: the owner role cannot be removed from the owner. M5: a member's last role cannot be removed. */
export function canRemoveRole(
  config: Pick<WorkspaceConfig, 'owner' | 'members'>,
  userId: string,
  roleId: string,
): Decision {
  const revoke = canRevokeRole(userId, roleId)
  if (!revoke.allowed) return revoke
  const member = config.members.find((m) => m.userId === userId)
  if (!member || !member.roles.includes(roleId)) return allow('M5')
  const left = [...member.roles]
  left.splice(left.indexOf(roleId), 1)
  return canHoldRoles(userId, left)
}

/** M6 / A4: the owner role is never granted; only the creator holds it. */
export function canGrantRole(userId: string, roleId: string): Decision {
  return roleId === OWNER_ROLE ? refuse('M6', 'DOMAIN_OWNER_ROLE_GRANTED', { userId }) : allow('M6')
}

/** W1: a workspace's name cannot change once it exists. */
export function canRename(previousName: string, name: string): Decision {
  return name === previousName ? allow('W1') : refuse('W1', 'DOMAIN_NAME_IMMUTABLE', { previous: previousName })
}

/** W1: a workspace's mode (simple: prod only; standard: dev and prod) cannot change once it exists. */
export function canChangeMode(previousMode: WorkspaceMode, mode: WorkspaceMode): Decision {
  return mode === previousMode ? allow('W1') : refuse('W1', 'DOMAIN_MODE_IMMUTABLE', { previous: previousMode })
}

/** C2: a compute resource associated with the workspace is never detached (only its business manager can). */
export function canDetachResource(r: Pick<Resource, 'name' | 'kind' | 'envType'>): Decision {
  return refuse('C2', 'DOMAIN_RESOURCE_DETACH_REFUSED', { name: r.name, kind: r.kind, envType: r.envType })
}
