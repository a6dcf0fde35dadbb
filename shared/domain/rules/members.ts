import { CUSTOM_ROLE_ID_PATTERN, MAXCOMPUTE_ROLE, OWNER_ROLE, isKnownRole } from '../enums'
import { checkCustomRoleName } from '../fields'
import { canGrantRole, canRemoveMember, canRevokeRole } from '../permissions'
import type { Rule } from './env'

// Module-local copies: hot loops read these for every member.
const MAXCOMPUTE: string = MAXCOMPUTE_ROLE
const BLANK = /^\s*$/

/** M1-M6 for members; M4 for custom roles. */
export const checkMembers: Rule = (cfg, env, c) => {
  const customIds = new Set<string>()
  for (const r of cfg.customRoles) if (r?.roleId) customIds.add(r.roleId)
  const hasMaxCompute = cfg.resources.some((r) => r?.kind === 'maxcompute')
  // Who held the owner role in the cloud (they may keep it).
  const prevOwners = new Set<string>()
  if (env.ownerId) prevOwners.add(env.ownerId)
  for (const m of env.previous?.members ?? []) if (m.roles.includes(OWNER_ROLE)) prevOwners.add(m.userId)

  // Roles the app does not know that each member held in the cloud: kept as they are, read-only (M2).
  const heldForeign = new Map<string, Set<string>>()
  for (const m of env.previous?.members ?? [])
    for (const r of m.roles)
      if (!isKnownRole(r)) heldForeign.set(m.userId, (heldForeign.get(m.userId) ?? new Set()).add(r))

  const indexOf = env.memberIndex
  const members = cfg.members
  for (let i = 0; i < members.length; i++) {
    const m = members[i]
    if (!m) continue
    const id = m.userId
    if (c.fails(BLANK.test(id) === false)) c.error(`/members/${i}/userId`, 'M1', 'DOMAIN_MEMBER_USER_ID')
    if (c.fails(indexOf.get(id) === i)) c.error(`/members/${i}/userId`, 'M1', 'DOMAIN_MEMBER_DUPLICATE', { userId: id })
    // M5 (at least one role) is the schema's `roles.min(1)`, reported as DOMAIN_MEMBER_NO_ROLE.
    const roles = m.roles
    for (let j = 0; j < roles.length; j++) {
      const role = roles[j]
      if (typeof role !== 'string') continue
      if (c.fails(j === 0 || roles.indexOf(role) === j))
        c.error(`/members/${i}/roles/${j}`, 'M1', 'DOMAIN_MEMBER_DUPLICATE_ROLE', { userId: id, role })
      if (!isKnownRole(role)) {
        if (c.fails(heldForeign.get(id)?.has(role) === true))
          c.error(`/members/${i}/roles/${j}`, 'M2', 'DOMAIN_ROLE_UNKNOWN', { role })
        continue
      }
      const grant = canGrantRole(id, role)
      if (!grant.allowed) {
        // Whoever held the role in the cloud keeps it; nobody else is granted it.
        if (c.fails(prevOwners.has(id))) c.error(`/members/${i}/roles/${j}`, grant.ruleId, grant.code!, grant.params)
      } else if (role === MAXCOMPUTE) {
        if (c.fails(hasMaxCompute))
          c.warn(`/members/${i}/roles/${j}`, 'M3', 'DOMAIN_MAXCOMPUTE_ROLE_NO_RESOURCE', { userId: id })
      } else if (role.charCodeAt(0) === 114 /* r */) {
        if (c.fails(customIds.has(role)))
          c.error(`/members/${i}/roles/${j}`, 'M4', 'DOMAIN_CUSTOM_ROLE_UNKNOWN', { role })
      }
    }
  }

  // M6: the owner stays, and keeps the owner role.
  const previous = env.previous
  if (!previous) return
  const owners = { owner: env.ownerId === undefined ? undefined : { userId: env.ownerId }, members: previous.members }
  for (const pm of previous.members) {
    if (!prevOwners.has(pm.userId)) continue
    const i = indexOf.get(pm.userId)
    const cur = i === undefined ? undefined : members[i]
    c.checks++
    if (cur === undefined) {
      const removal = canRemoveMember(owners, pm.userId)
      if (!removal.allowed) c.error('/members', removal.ruleId, removal.code!, removal.params)
      continue
    }
    for (const role of pm.roles) {
      if (cur.roles.includes(role)) continue
      const revoke = canRevokeRole(pm.userId, role)
      if (c.fails(revoke.allowed)) c.error(`/members/${i}/roles`, revoke.ruleId, revoke.code!, revoke.params)
    }
  }
}

/** M4: custom roles: valid unique names, valid unique IDs, some permission. */
export const checkCustomRoles: Rule = (cfg, _env, c) => {
  const names = new Set<string>()
  const ids = new Set<string>()
  const roles = cfg.customRoles
  for (let i = 0; i < roles.length; i++) {
    const r = roles[i]
    if (!r) continue
    const p = `/customRoles/${i}`
    const n = checkCustomRoleName(r.name)
    if (c.fails(!n)) c.error(`${p}/name`, 'M4', n!.code, n!.params)
    if (c.fails(!names.has(r.name))) c.error(`${p}/name`, 'M4', 'DOMAIN_CUSTOM_ROLE_DUPLICATE', { name: r.name })
    names.add(r.name)
    if (r.roleId !== undefined) {
      if (c.fails(CUSTOM_ROLE_ID_PATTERN.test(r.roleId)))
        c.error(`${p}/roleId`, 'M4', 'DOMAIN_CUSTOM_ROLE_ID', { roleId: r.roleId.slice(0, 80) })
      else if (c.fails(!ids.has(r.roleId)))
        c.error(`${p}/roleId`, 'M4', 'DOMAIN_CUSTOM_ROLE_ID_DUPLICATE', { roleId: r.roleId })
      ids.add(r.roleId)
    }
    const granted = Object.values(r.permissions).some((l) => l !== undefined && l !== 'NoPrivilege')
    if (c.fails(granted)) c.warn(`${p}/permissions`, 'M4', 'DOMAIN_CUSTOM_ROLE_NO_PERMISSION', { name: r.name })
  }
}
