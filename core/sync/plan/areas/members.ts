import {
  canGrantRole,
  canHoldRoles,
  canRemoveMember,
  canRevokeRole,
  memberKey,
  type Member,
  type WorkspaceConfig,
} from '@shared/domain'
import { customRoleRef } from '../../ops/payloads'
import type { Actions, PlanContext } from '../actions'
import { byKey, mergeSet, same, seg, unionKeys } from '../merge'
import type { CustomRolePlan } from './custom-roles'

/** A member's roles with custom role IDs replaced by `name:<role name>` (IDs differ between draft and cloud). */
function rolesOf(config: WorkspaceConfig, m: Member): string[] {
  const names = new Map(config.customRoles.filter((r) => r.roleId).map((r) => [r.roleId as string, r.name]))
  return m.roles.map((r) => (names.has(r) ? customRoleRef(names.get(r) as string) : r)).sort()
}

/**
 * Members by user ID, with the domain's decisions: M5 (a member keeps a role: roles are added before
 * any is removed), M6 (the owner stays, keeps the owner role, and nobody is granted it). Returns the
 * member actions (custom role deletions wait for them).
 */
export function planMembers(ctx: PlanContext, a: Actions, roles: CustomRolePlan): string[] {
  const { mine, base, cloud } = ctx
  const memberActs: string[] = []
  const b = byKey(base.members, memberKey)
  const m = byKey(mine.members, memberKey)
  const c = byKey(cloud.members, memberKey)
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
        const grant = rolesOf(mine, mi).filter((r) => canGrantRole(k, r).allowed)
        const hold = canHoldRoles(k, grant)
        if (!hold.allowed) a.refused('member', k, 'create', hold)
        else
          memberActs.push(a.apply('member', k, 'create', 'member.create', { UserId: k, Roles: grant }, roleDeps(grant)))
      } else if (!same(rolesOf(mine, mi), rolesOf(base, bi))) {
        a.conflict('member', k, [{ path: `/members/${seg(k)}`, base: bi, mine: mi, cloud: null }])
      }
    } else if (!mi && ci) {
      if (!bi) continue // added in the cloud since the base (or the owner of a new workspace): keep it
      const removal = canRemoveMember(cloud, k, base)
      if (!removal.allowed) {
        a.refused('member', k, 'delete', removal)
      } else if (same(rolesOf(base, bi), rolesOf(cloud, ci))) {
        memberActs.push(a.apply('member', k, 'delete', 'member.delete', { UserId: k }))
      } else {
        a.conflict('member', k, [{ path: `/members/${seg(k)}`, base: bi, mine: null, cloud: ci }])
      }
    } else if (mi && ci) {
      const br = bi ? rolesOf(base, bi) : undefined
      const mr = rolesOf(mine, mi)
      const cr = rolesOf(cloud, ci)
      const set = mergeSet(br, mr, cr)
      const removes: string[] = []
      for (const r of set.remove) {
        const revoke = canRevokeRole(k, r)
        if (revoke.allowed) removes.push(r)
        else a.refused('member', k, `removeRole:${r}`, revoke)
      }
      const adds: string[] = []
      for (const r of set.add) {
        const grant = canGrantRole(k, r)
        if (grant.allowed) adds.push(r)
        else a.refused('member', k, `addRole:${r}`, grant)
      }
      const hold = canHoldRoles(k, set.result)
      if (!hold.allowed) {
        a.refused('member', k, 'roles', hold)
        continue
      }
      const addIds = adds.map((r) =>
        a.apply('member', k, `addRole:${r}`, 'member.addRole', { UserId: k, Role: r }, roleDeps([r])),
      )
      memberActs.push(...addIds)
      // M5: roles are added before any is removed, so the member never holds none.
      for (const r of removes)
        memberActs.push(a.apply('member', k, `removeRole:${r}`, 'member.removeRole', { UserId: k, Role: r }, addIds))
    }
  }
  return memberActs
}
