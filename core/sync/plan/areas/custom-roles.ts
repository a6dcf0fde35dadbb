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

function omit(perms: Record<string, string>, names: Set<string>): Record<string, string> {
  return Object.fromEntries(Object.entries(perms).filter(([mod]) => !names.has(mod)))
}

function modulePermissions(perms: Record<string, string>): OpPayload<'role.create'>['ModulePermissions'] {
  return Object.entries(perms)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([ModuleName, PermissionType]) => ({ ModuleName, PermissionType: PermissionType as 'ReadOnly' }))
}

/** A role's read-only modules (CustomRole.keptModules), for the payload; absent when it has none. */
function keptOf(r: CustomRole): Pick<OpPayload<'role.update'>, 'KeptModules'> {
  const kept = r.keptModules ?? []
  return kept.length ? { KeptModules: kept as NonNullable<OpPayload<'role.update'>['KeptModules']> } : {}
}

/** The names of a role's read-only modules: the cloud's setting of those modules is never replaced. */
const keptNames = (r: CustomRole): Set<string> => new Set((r.keptModules ?? []).map((m) => String(m.ModuleName)))

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
              ModulePermissions: modulePermissions(omit(permsOf(mi), keptNames(mi))),
              ...keptOf(mi),
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
      // Modules the cloud holds in a form the app cannot map stay the cloud's: a level the draft sets there is refused.
      const kept = keptNames(ci)
      const bp = omit(bi ? permsOf(bi) : {}, kept)
      const mp = permsOf(mi)
      const cp = permsOf(ci)
      const clash = Object.keys(mp).filter((mod) => kept.has(mod) && mp[mod] !== bp[mod])
      if (clash.length)
        a.push({
          id: `customRole:${k}:readOnly`,
          kind: 'refused',
          area: 'customRole',
          target: k,
          verb: 'readOnly',
          ruleId: 'M4',
          code: 'SYNC_ROLE_MODULE_READ_ONLY',
          params: { role: k, modules: clash.sort().join(', '), moduleCount: clash.length },
        })
      for (const mod of kept) delete mp[mod]
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
              ...keptOf(ci),
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
