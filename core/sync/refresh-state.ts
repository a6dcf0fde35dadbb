import type { RefreshState } from '@shared/ipc/channels/sync'
import { readProfileFacts } from '../model/profile-facts'
import type { Store } from '../store'

/** `sync.refreshState`: per profile, its last refresh (the activity log's `sync.refresh`) and E1 as it learned it. */
export function refreshStates(store: Store): RefreshState[] {
  return store.profiles.list().map((p) => {
    const last = store.activity.last(p.id, 'sync.refresh')
    const failed = (last?.details as { failed?: unknown[] } | null | undefined)?.failed
    return {
      profileId: p.id,
      lastRefreshedAt: last?.at ?? null,
      result: last?.result ?? null,
      failed: Array.isArray(failed) ? failed.length : 0,
      eventBridgeAuthorized: readProfileFacts(store, p.id).eventBridgeAuthorized ?? null,
    }
  })
}
