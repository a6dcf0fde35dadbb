import {
  canGrantRole,
  canHoldRoles,
  canRemoveMember,
  canRevokeRole,
  memberKey,
  type Member,
  type WorkspaceConfig,
} from '@shared/domain'
import { CUSTOM_ROLE_REF, customRoleRef } from '../../ops/payloads'
import type { Actions, PlanContext } from '../actions'
import { byKey, mergeSet, same, seg, unionKeys } from '../merge'
import type { CustomRolePlan } from './custom-roles'

/**
 * The name of every custom role ID known to the draft, its base or the cloud: a draft's member may name a role
 * by the cloud's ID (the draft was rebased on the cloud) or by the draft's local one (not created yet).
 */
function roleNames(...configs: WorkspaceConfig[]): Map<string, string> {
  const names = new Map<string, string>()
  for (const c of configs)
    for (const r of c.customRoles) if (r.roleId && !names.has(r.roleId)) names.set(r.roleId, r.name)
  return names
}

/** A member's roles with custom role IDs replaced by `name:<role name>` (IDs differ between draft and cloud). */
function rolesOf(names: Map<string, string>, m: Member): string[] {
  return m.roles.map((r) => (names.has(r) ? customRoleRef(names.get(r) as string) : r)).sort()
}

/**
 * Members by user ID, with the domain's decisions: M5 (a member keeps a role: roles are added before
 * any is removed), M6 (the owner stays, keeps the owner role, and nobody is granted it). Returns the
 * member actions (custom role deletions wait for them).
 */
export function planMembers(ctx: PlanContext, a: Actions, roles: CustomRolePlan): string[] {
  const { mine, base, cloud } = ctx
  const names = roleNames(mine, cloud, base)
  const memberActs: string[] = []
  const b = byKey(base.members, memberKey)
  const m = byKey(mine.members, memberKey)
  // a draft based on the cache as it is: its base is the cloud copy itself, indexed once
  const c = cloud.members === base.members ? b : byKey(cloud.members, memberKey)
  const roleDeps = (list: string[]): string[] =>
    list
      .filter((r) => r.startsWith('name:'))
      .map((r) => roles.roleActs.get(r.slice(5)))
      .filter((x): x is string => x !== undefined)
  for (const k of unionKeys(b, m, c)) {
    const [bi, mi, ci] = [b.get(k), m.get(k), c.get(k)]
    if (mi && !ci) {
      if (!bi) {
        // The owner role is the cloud's to assign (A4): it is not sent.
        const grant = rolesOf(names, mi).filter((r) => canGrantRole(k, r).allowed)
        const hold = canHoldRoles(k, grant)
        if (!hold.allowed) a.changed(a.refused('member', k, 'create', hold), { rolesAdded: grant })
        else
          memberActs.push(
            unverified(
              a,
              a.changed(a.apply('member', k, 'create', 'member.create', { UserId: k, Roles: grant }, roleDeps(grant)), {
                rolesAdded: grant,
              }),
              grant,
            ),
          )
      } else if (!same(rolesOf(names, mi), rolesOf(names, bi))) {
        a.conflict('member', k, [{ path: `/members/${seg(k)}`, base: bi, mine: mi, cloud: null }])
      }
    } else if (!mi && ci) {
      if (!bi) continue // added in the cloud since the base (or the owner of a new workspace): keep it
      const removal = canRemoveMember(cloud, k, base)
      if (!removal.allowed) {
        a.changed(a.refused('member', k, 'delete', removal), {})
      } else if (same(rolesOf(names, bi), rolesOf(names, ci))) {
        memberActs.push(a.apply('member', k, 'delete', 'member.delete', { UserId: k }))
      } else {
        a.conflict('member', k, [{ path: `/members/${seg(k)}`, base: bi, mine: null, cloud: ci }])
      }
    } else if (mi && ci && sameList(mi.roles, ci.roles)) {
      // The draft holds the cloud's roles (most members of a bulk change's thousand drafts): the merge below
      // would add and remove nothing, and only ask whether the member may hold them (M5 asks for one role at least:
      // the cloud's list, as it is, holds as many distinct roles as the merge's result would).
      const hold = canHoldRoles(k, ci.roles)
      if (!hold.allowed) a.changed(a.refused('member', k, 'roles', hold), { rolesAdded: [], rolesRemoved: [] })
    } else if (mi && ci) {
      const br = bi ? rolesOf(names, bi) : undefined
      const mr = rolesOf(names, mi)
      const cr = rolesOf(names, ci)
      const set = mergeSet(br, mr, cr)
      const removes: string[] = []
      for (const r of set.remove) {
        const revoke = canRevokeRole(k, r)
        if (revoke.allowed) removes.push(r)
        else a.changed(a.refused('member', k, `removeRole:${r}`, revoke), { rolesRemoved: [r] })
      }
      const adds: string[] = []
      for (const r of set.add) {
        const grant = canGrantRole(k, r)
        if (grant.allowed) adds.push(r)
        else a.changed(a.refused('member', k, `addRole:${r}`, grant), { rolesAdded: [r] })
      }
      const hold = canHoldRoles(k, set.result)
      if (!hold.allowed) {
        a.changed(a.refused('member', k, 'roles', hold), { rolesAdded: set.add, rolesRemoved: set.remove })
        continue
      }
      const addIds = adds.map((r) =>
        unverified(
          a,
          a.changed(a.apply('member', k, `addRole:${r}`, 'member.addRole', { UserId: k, Role: r }, roleDeps([r])), {
            rolesAdded: [r],
          }),
          [r],
        ),
      )
      memberActs.push(...addIds)
      // M5: roles are added before any is removed, so the member never holds none.
      for (const r of removes)
        memberActs.push(
          a.changed(a.apply('member', k, `removeRole:${r}`, 'member.removeRole', { UserId: k, Role: r }, addIds), {
            rolesRemoved: [r],
          }),
        )
    }
  }
  return memberActs
}

/**
 * Granting a custom role through CreateMember / AddMemberRole is not documented (PAI lists only the built-in
 * roles there, docs/sync.md "Custom roles"): the plan sends the role's cloud ID and says so before anything is
 * sent; the op reads the member back and ends "not applied" when the cloud did not grant it.
 */
function unverified(a: Actions, id: string, roles: string[]): string {
  const custom = roles.filter((r) => r.startsWith(CUSTOM_ROLE_REF)).map((r) => r.slice(CUSTOM_ROLE_REF.length))
  if (custom.length) a.note(id, 'SYNC_CUSTOM_ROLE_GRANT_UNVERIFIED', { roles: custom.join(', ') })
  return id
}

function sameList(x: readonly string[], y: readonly string[]): boolean {
  return x.length === y.length && x.every((v, i) => v === y[i])
}
