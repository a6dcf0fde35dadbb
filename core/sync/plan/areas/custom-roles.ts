import { customRoleKey, type CustomRole } from '@shared/domain'
import type { ConflictField } from '@shared/ipc/channels/sync'
import type { OpPayload } from '../../ops/payloads'
import { conflictOf, type Actions, type PlanContext } from '../actions'
import { byKey, merge3, same, seg, unionKeys } from '../merge'

/** Custom roles by name: the create/update action of each, and the roles to delete once no member uses them. */
export interface CustomRolePlan {
  roleActs: Map<string, string>
  roleDeletes: Array<{ name: string }>
}

function permsOf(r: CustomRole): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(r.permissions)) if (v && v !== 'NoPrivilege') out[k] = v
  return out
}

function modulePermissions(perms: Record<string, string>): OpPayload<'role.create'>['ModulePermissions'] {
  return Object.entries(perms)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([ModuleName, PermissionType]) => ({ ModuleName, PermissionType: PermissionType as 'ReadOnly' }))
}

/** The modules whose level differs, before and after (null: no permission). */
function levelChanges(
  before: Record<string, string>,
  after: Record<string, string>,
): Array<{ module: string; before: string | null; after: string | null }> {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((mod) => before[mod] !== after[mod])
    .sort((x, y) => x.localeCompare(y))
    .map((mod) => ({ module: mod, before: before[mod] ?? null, after: after[mod] ?? null }))
}

/** Custom roles, before the members that use them; permissions merge module by module. */
export function planCustomRoles(ctx: PlanContext, a: Actions): CustomRolePlan {
  const roleActs = new Map<string, string>()
  const roleDeletes: Array<{ name: string }> = []
  const b = byKey(ctx.base.customRoles, customRoleKey)
  const m = byKey(ctx.mine.customRoles, customRoleKey)
  const c = byKey(ctx.cloud.customRoles, customRoleKey)
  for (const k of unionKeys(b, m, c)) {
    const [bi, mi, ci] = [b.get(k), m.get(k), c.get(k)]
    if (mi && !ci) {
      if (!bi)
        roleActs.set(
          k,
          a.changed(
            a.apply('customRole', k, 'create', 'role.create', {
              RoleName: k,
              ModulePermissions: modulePermissions(permsOf(mi)),
            }),
            { permissions: levelChanges({}, permsOf(mi)) },
          ),
        )
      else if (!same(permsOf(mi), permsOf(bi)))
        a.conflict('customRole', k, [{ path: `/customRoles/${seg(k)}`, base: bi, mine: mi, cloud: null }])
    } else if (!mi && ci) {
      if (bi && same(permsOf(bi), permsOf(ci))) roleDeletes.push({ name: k })
      else if (bi) a.conflict('customRole', k, [{ path: `/customRoles/${seg(k)}`, base: bi, mine: null, cloud: ci }])
    } else if (mi && ci) {
      const bp = bi ? permsOf(bi) : {}
      const mp = permsOf(mi)
      const cp = permsOf(ci)
      const merged: Record<string, string> = { ...cp }
      const conflicts: ConflictField[] = []
      let changed = false
      for (const mod of unionKeys(
        new Map(Object.entries(bp)),
        new Map(Object.entries(mp)),
        new Map(Object.entries(cp)),
      )) {
        const r = merge3(
          bi ? (bp[mod] ?? 'NoPrivilege') : undefined,
          mp[mod] ?? 'NoPrivilege',
          cp[mod] ?? 'NoPrivilege',
        )
        if (r.kind === 'apply') {
          changed = true
          if (r.value === 'NoPrivilege') delete merged[mod]
          else merged[mod] = r.value
        }
        conflicts.push(...conflictOf(`/customRoles/${seg(k)}/permissions/${seg(mod)}`, r))
      }
      if (changed)
        roleActs.set(
          k,
          a.changed(
            a.apply('customRole', k, 'update', 'role.update', {
              RoleName: k,
              ModulePermissions: modulePermissions(merged),
            }),
            { permissions: levelChanges(cp, merged) },
          ),
        )
      if (conflicts.length) a.conflict('customRole', k, conflicts)
    }
  }
  return { roleActs, roleDeletes }
}

/** Custom role deletions, after every member change (a member may still hold the role until then). */
export function planCustomRoleDeletes(a: Actions, roles: CustomRolePlan, memberActs: string[]): void {
  for (const r of roles.roleDeletes)
    a.apply('customRole', r.name, 'delete', 'role.delete', { RoleName: r.name }, memberActs)
}
