import type { WorkspaceConfig } from '@shared/domain'

/**
 * The owner is a fact of the cloud (A4, M6), not something a bundle can change: a bundle that does not
 * mention `owner` at all (written by hand for an existing workspace) keeps the cloud's owner and the
 * owner's membership. A bundle that states `owner` is taken as written (removing the owner is M6).
 */
export function withImplicitOwner(config: unknown, cloud: WorkspaceConfig | undefined): unknown {
  if (
    !cloud?.owner ||
    typeof config !== 'object' ||
    config === null ||
    Array.isArray(config) ||
    Object.hasOwn(config, 'owner')
  )
    return config
  const c = config as Record<string, unknown>
  const out: Record<string, unknown> = { ...c, owner: cloud.owner }
  const ownerId = cloud.owner.userId
  const ownerMember = ownerId === undefined ? undefined : cloud.members.find((m) => m.userId === ownerId)
  const members = Array.isArray(c.members) ? c.members : c.members === undefined ? [] : undefined
  if (
    ownerMember &&
    members &&
    !members.some((m: unknown) => typeof m === 'object' && m !== null && (m as { userId?: unknown }).userId === ownerId)
  )
    out.members = [...members, ownerMember]
  return out
}
