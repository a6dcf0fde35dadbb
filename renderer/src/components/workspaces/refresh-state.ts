import { ref } from 'vue'
import type { RefreshState } from '@shared/ipc/channels/sync'
import { call, onEvent } from '../../bridge'

/**
 * Each profile's last refresh and EventBridge state (E1), as `sync.refreshState` tells: one copy shared by the
 * status bar and the workspace list, loaded again whenever the cached workspaces change (a refresh ended).
 */
const states = ref<Map<string, RefreshState>>(new Map())
let subscribed = false

async function load(): Promise<void> {
  try {
    const res = await call('sync.refreshState', {})
    states.value = new Map(res.profiles.map((p) => [p.profileId, p]))
  } catch (err) {
    console.error('refresh state could not be loaded', err)
  }
}

export function useRefreshState(): { states: typeof states; reload: () => Promise<void> } {
  if (!subscribed) {
    subscribed = true
    // After the first rows are painted: the list's first page goes first (bench/renderer.bench.ts).
    setTimeout(() => void load(), 300)
    onEvent('data.changed', (p) => {
      if (p.area === 'workspaces' || p.area === 'profiles') void load()
    })
  }
  return { states, reload: load }
}
