import type { ActivitySearch, NamedActivityEntry } from '../store/repos/activity'
import type { Store } from '../store'

/** One row of the activity log screen: the entry, the names of what it is about, and the op it concerns. */
export interface ActivityView extends NamedActivityEntry {
  /** Member names by UserId, for every UserId the entry (or its op) mentions. */
  users: Record<string, string>
  /** The object the entry acts on, named for a person: a member, a role, a rule, a resource. */
  subject: string | null
}

const USER_KEYS = /^(userid|userids|user)$/i

/** Every UserId an entry's details (or its op's payload) mention: `UserId`, `userId`, `userIds`... */
function userIdsIn(value: unknown, out: Set<string>, depth = 0): void {
  if (depth > 6 || value === null || typeof value !== 'object') return
  if (Array.isArray(value)) {
    for (const v of value) userIdsIn(v, out, depth + 1)
    return
  }
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (USER_KEYS.test(k)) {
      for (const id of Array.isArray(v) ? v : [v]) if (typeof id === 'string' && /^\d{4,20}$/.test(id)) out.add(id)
    } else userIdsIn(v, out, depth + 1)
  }
}

function subjectOf(payload: unknown, users: Record<string, string>): string | null {
  if (payload === null || typeof payload !== 'object') return null
  const p = payload as Record<string, unknown>
  const str = (k: string): string | undefined => (typeof p[k] === 'string' ? (p[k] as string) : undefined)
  const user = str('UserId')
  if (user) return users[user] ? `${users[user]} (${user})` : user
  return str('RoleName') ?? str('RuleName') ?? str('Name') ?? str('WorkspaceName') ?? str('busName') ?? null
}

/** `activity.list`: the local activity log, newest first, filtered and paged by offset, with names. */
export function activityPage(
  store: Store,
  q: ActivitySearch & { offset: number; limit: number },
): { total: number; rows: ActivityView[] } {
  const page = store.activity.search(q)
  const payloads = page.rows.map((r) => {
    const opId = (r.details as { opId?: unknown } | null)?.opId
    return typeof opId === 'string' ? store.activity.opPayload(opId) : undefined
  })
  const ids = new Set<string>()
  page.rows.forEach((r, i) => {
    userIdsIn(r.details, ids)
    userIdsIn(payloads[i], ids)
  })
  const names = store.activity.userNames([...ids])
  const rows = page.rows.map((r, i) => {
    const mine = new Set<string>()
    userIdsIn(r.details, mine)
    userIdsIn(payloads[i], mine)
    const users: Record<string, string> = {}
    for (const id of mine) if (names[id]) users[id] = names[id]
    return { ...r, users, subject: subjectOf(payloads[i], names) }
  })
  return { total: page.total, rows }
}
