import type { Store } from '../store'

/** `activity.list`: the local activity log, newest first, paged by offset. */
export function activityPage(
  store: Store,
  q: { offset: number; limit: number; profileId?: string },
): { total: number; rows: ReturnType<Store['activity']['list']> } {
  const filter = q.profileId ? { profileId: q.profileId } : {}
  const rows = store.activity.list({ ...filter, limit: Math.min(1000, q.offset + q.limit) }).slice(q.offset)
  return { total: store.activity.count(filter), rows }
}
