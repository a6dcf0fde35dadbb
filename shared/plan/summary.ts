import type { PlanAction } from '../ipc/channels/sync'
import type { Locale } from '../locale'

/**
 * A plan read the way `terraform plan` reads: actions grouped by area, counted by what they do (to add, to change,
 * to remove, console steps, refused, conflicts), and one summary line.
 */

export const PLAN_GROUPS = ['workspace', 'members', 'resources', 'storage', 'notifications', 'settings'] as const
export type PlanGroup = (typeof PLAN_GROUPS)[number]

export const CHANGE_KINDS = ['create', 'change', 'remove', 'manual', 'refused', 'conflict'] as const
export type ChangeKind = (typeof CHANGE_KINDS)[number]

type Groupable = Pick<PlanAction, 'kind' | 'area' | 'target' | 'verb'>

/** The screen's section an action belongs to (the config screen's tabs, roughly). */
export function groupOf(a: Groupable): PlanGroup {
  switch (a.area) {
    case 'workspace':
      return 'workspace'
    case 'customRole':
    case 'member':
      return 'members'
    case 'resource':
      return 'resources'
    case 'storage':
      return 'storage'
    case 'config':
      return a.target === 'modelExportPath' ? 'storage' : 'settings'
    case 'eventBus':
    case 'rule':
    case 'targets':
    case 'notifications':
      return 'notifications'
    default:
      return 'settings'
  }
}

/** What an action does: creates (or adds), changes, removes; or a console step, a refusal, a conflict. */
export function changeKindOf(a: Groupable): ChangeKind {
  if (a.kind !== 'apply') return a.kind
  if (a.verb === 'delete') return 'remove'
  if (a.verb === 'create' || a.verb === 'ensure' || a.verb === 'put') return 'create'
  return 'change'
}

export type ChangeCounts = Record<ChangeKind, number>

export function countChanges(actions: readonly Groupable[]): ChangeCounts {
  const c: ChangeCounts = { create: 0, change: 0, remove: 0, manual: 0, refused: 0, conflict: 0 }
  for (const a of actions) c[changeKindOf(a)]++
  return c
}

/** The actions by group, in the groups' order, with each group's counts; empty groups left out. */
export function groupActions<A extends Groupable>(
  actions: readonly A[],
): Array<{ group: PlanGroup; actions: A[]; counts: ChangeCounts }> {
  return PLAN_GROUPS.map((group) => {
    const list = actions.filter((a) => groupOf(a) === group)
    return { group, actions: list, counts: countChanges(list) }
  }).filter((g) => g.actions.length > 0)
}

export const GROUP_NAMES: Record<Locale, Record<PlanGroup, string>> = {
  'zh-CN': {
    workspace: '工作空间',
    members: '成员及角色',
    resources: '计算资源',
    storage: '存储路径',
    notifications: '事件通知',
    settings: '调度、SLS转发与通用配置',
  },
  en: {
    workspace: 'Workspace',
    members: 'Members and roles',
    resources: 'Compute resources',
    storage: 'Storage paths',
    notifications: 'Event notifications',
    settings: 'Scheduling, SLS forwarding and general settings',
  },
}

/** One kind's count in words: `3 to add`, `新增 3 项`. */
export function countPhrase(kind: ChangeKind, n: number, locale: Locale): string {
  if (locale === 'zh-CN')
    return {
      create: `新增 ${n} 项`,
      change: `修改 ${n} 项`,
      remove: `删除 ${n} 项`,
      manual: `控制台手动操作 ${n} 项`,
      refused: `拒绝 ${n} 项`,
      conflict: `冲突 ${n} 项`,
    }[kind]
  const s = n === 1 ? '' : 's'
  return {
    create: `${n} to add`,
    change: `${n} to change`,
    remove: `${n} to remove`,
    manual: `${n} console step${s}`,
    refused: `${n} refused`,
    conflict: `${n} conflict${s}`,
  }[kind]
}

/** "Plan: 3 to add, 1 to change, 1 to remove; 2 console steps; 1 refused" (zeros left out after the first three). */
export function planSummary(counts: ChangeCounts, locale: Locale): string {
  const total = CHANGE_KINDS.reduce((n, k) => n + counts[k], 0)
  if (total === 0) return locale === 'zh-CN' ? '计划:没有变更。' : 'Plan: no changes.'
  const sep = locale === 'zh-CN' ? ',' : ', '
  const semi = locale === 'zh-CN' ? ';' : '; '
  const head = (['create', 'change', 'remove'] as const).map((k) => countPhrase(k, counts[k], locale)).join(sep)
  const tail = (['manual', 'refused', 'conflict'] as const)
    .filter((k) => counts[k] > 0)
    .map((k) => countPhrase(k, counts[k], locale))
  return `${locale === 'zh-CN' ? '计划:' : 'Plan: '}${[head, ...tail].join(semi)}`
}

/**
 * The rows a plan is read in: the roles granted to one member (one AddMemberRole call each) in one row, and the
 * roles revoked in another ("grant 算法开发 and 访客 to carol"); every other action is a row of its own.
 * `ids`: the actions a row stands for.
 */
export function rowsOf<A extends Pick<PlanAction, 'id' | 'kind' | 'area' | 'target' | 'verb' | 'change' | 'message'>>(
  actions: readonly A[],
): Array<A & { ids: string[] }> {
  const rows: Array<A & { ids: string[] }> = []
  const open = new Map<string, A & { ids: string[] }>()
  for (const a of actions) {
    const role =
      a.area === 'member' && a.kind === 'apply' && !a.message ? /^(addRole|removeRole):/.exec(a.verb)?.[1] : undefined
    const key = role ? `${a.target}\u0000${role}` : undefined
    const row = key ? open.get(key) : undefined
    if (row) {
      row.ids.push(a.id)
      row.change = {
        rolesAdded: [...(row.change?.rolesAdded ?? []), ...(a.change?.rolesAdded ?? [])],
        rolesRemoved: [...(row.change?.rolesRemoved ?? []), ...(a.change?.rolesRemoved ?? [])],
      }
      continue
    }
    const next = { ...a, ids: [a.id] }
    if (key) open.set(key, next)
    rows.push(next)
  }
  return rows
}
