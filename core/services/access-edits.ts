import {
  BUILTIN_ROLE_IDS,
  canGrantRole,
  canRemoveMember,
  canRemoveRole,
  OWNER_ROLE,
  type Decision,
  type WorkspaceConfig,
} from '@shared/domain'

/**
 * What a bulk access change does to one workspace's configuration (pure). Every refusal is the domain's
 * decision (`shared/domain/permissions.ts`, the same functions the planner and the rules call), so the
 * draft never holds what the plan would refuse: M6 (the owner stays and keeps the owner role, nobody is
 * granted it), M5 (a member keeps a role). A custom role is named and found by name in each workspace.
 */

export interface RawRefusal {
  userId: string
  verb: string
  ruleId?: string
  code: string
  params: Record<string, unknown>
  /** The message code of what to do instead. */
  instead: string
}

export interface Edited {
  config: WorkspaceConfig
  changed: boolean
  refused: RawRefusal[]
}

const BUILTIN = new Set<string>(BUILTIN_ROLE_IDS)

const INSTEAD: Record<string, string> = {
  M5: 'ACCESS_INSTEAD_M5',
  M6: 'ACCESS_INSTEAD_M6',
}

function refusal(userId: string, verb: string, d: Decision): RawRefusal {
  const r: RawRefusal = {
    userId,
    verb,
    code: d.code ?? 'ACCESS_REFUSED',
    params: { ...(d.params ?? {}) },
    instead: INSTEAD[d.ruleId ?? ''] ?? 'ACCESS_INSTEAD_CONSOLE',
  }
  if (d.ruleId) r.ruleId = d.ruleId
  return r
}

/** A role as a workspace knows it: a built-in ID, or the ID of its custom role of that name. */
function resolveRole(config: WorkspaceConfig, role: string): string | undefined {
  if (BUILTIN.has(role)) return role
  return config.customRoles.find((r) => r.name === role)?.roleId
}

function missingRole(userId: string, verb: string, role: string, workspace: string): RawRefusal {
  return {
    userId,
    verb,
    code: 'ACCESS_ROLE_NOT_IN_WORKSPACE',
    params: { role, workspace },
    instead: 'ACCESS_INSTEAD_ROLE_MISSING',
  }
}

const copyOf = (c: WorkspaceConfig): WorkspaceConfig => ({ ...c, members: c.members.map((m) => ({ ...m })) })

/** Adds the roles (IDs or custom role names) to each user, creating the member where needed. */
export function grantRoles(config: WorkspaceConfig, userIds: readonly string[], roles: readonly string[]): Edited {
  const next = copyOf(config)
  const refused: RawRefusal[] = []
  let changed = false
  for (const userId of userIds) {
    const add: string[] = []
    for (const role of roles) {
      const id = resolveRole(next, role)
      if (!id) {
        refused.push(missingRole(userId, `addRole:${role}`, role, next.basic.name))
        continue
      }
      const grant = canGrantRole(userId, id)
      if (!grant.allowed) refused.push(refusal(userId, `addRole:${role}`, grant))
      else add.push(id)
    }
    if (add.length === 0) continue
    const m = next.members.find((x) => x.userId === userId)
    if (!m) {
      next.members.push({ userId, roles: [...new Set(add)] })
      changed = true
    } else {
      const roles2 = [...new Set([...m.roles, ...add])]
      if (roles2.length !== m.roles.length) changed = true
      m.roles = roles2
    }
  }
  return { config: next, changed, refused }
}

/** Takes the roles from each user; M6 keeps the owner role, M5 keeps a member's last role. */
export function revokeRoles(config: WorkspaceConfig, userIds: readonly string[], roles: readonly string[]): Edited {
  const next = copyOf(config)
  const refused: RawRefusal[] = []
  let changed = false
  for (const userId of userIds) {
    const m = next.members.find((x) => x.userId === userId)
    if (!m) continue
    for (const role of roles) {
      const id = resolveRole(next, role)
      if (!id || !m.roles.includes(id)) continue
      const d = canRemoveRole(next, userId, id)
      if (!d.allowed) {
        refused.push(refusal(userId, `removeRole:${role}`, d))
        continue
      }
      m.roles = m.roles.filter((r) => r !== id)
      changed = true
    }
  }
  return { config: next, changed, refused }
}

/** Removes the user from the workspace; M6 keeps the owner. */
export function removeMember(config: WorkspaceConfig, userId: string, previous?: WorkspaceConfig): Edited {
  if (!config.members.some((m) => m.userId === userId)) return { config, changed: false, refused: [] }
  const d = canRemoveMember(config, userId, previous)
  if (!d.allowed) return { config, changed: false, refused: [refusal(userId, 'delete', d)] }
  return {
    config: { ...config, members: config.members.filter((m) => m.userId !== userId) },
    changed: true,
    refused: [],
  }
}

/** Gives the members of `from` their roles (custom roles by name) in `to`; the owner role is never copied. */
export function copyMembers(from: WorkspaceConfig, to: WorkspaceConfig): Edited {
  const names = new Map(from.customRoles.filter((r) => r.roleId).map((r) => [r.roleId as string, r.name]))
  let acc: Edited = { config: to, changed: false, refused: [] }
  for (const m of from.members) {
    const roles = m.roles.filter((r) => r !== OWNER_ROLE).map((r) => names.get(r) ?? r)
    if (roles.length === 0) continue
    const e = grantRoles(acc.config, [m.userId], roles)
    acc = { config: e.config, changed: acc.changed || e.changed, refused: [...acc.refused, ...e.refused] }
  }
  return acc
}

/** Replaces one role with another for every member holding it (M6: never the owner role, either way). */
export function replaceRole(config: WorkspaceConfig, role: string, withRole: string): Edited {
  const from = resolveRole(config, role)
  if (!from) return { config, changed: false, refused: [] }
  const next = copyOf(config)
  const refused: RawRefusal[] = []
  let changed = false
  const to = resolveRole(next, withRole)
  for (const m of next.members) {
    if (!m.roles.includes(from)) continue
    if (!to) {
      refused.push(missingRole(m.userId, `replace:${role}`, withRole, next.basic.name))
      continue
    }
    const d = from === OWNER_ROLE ? canRemoveRole(next, m.userId, from) : canGrantRole(m.userId, to)
    if (!d.allowed) {
      refused.push(refusal(m.userId, `replace:${role}`, d))
      continue
    }
    m.roles = [...new Set(m.roles.map((r) => (r === from ? to : r)))]
    changed = true
  }
  return { config: next, changed, refused }
}

/**
 * Undoes a bulk change on one draft: the members of `userIds` return to what `base` (the cloud state the draft
 * was made from) holds, at their place there; a member the base does not have is removed. Other members and
 * every other setting keep the draft's edits.
 */
export function revertMembers(
  config: WorkspaceConfig,
  base: WorkspaceConfig,
  userIds: ReadonlySet<string>,
): WorkspaceConfig {
  const members = config.members.filter((m) => !userIds.has(m.userId))
  base.members.forEach((m, i) => {
    if (userIds.has(m.userId)) members.splice(Math.min(i, members.length), 0, { ...m, roles: [...m.roles] })
  })
  return { ...config, members }
}
