import type { Store } from '../core/store'

/** The profile every benchmark's cache belongs to (no secret: benchmarks never reach the keychain). */
export function benchProfile(store: Store): string {
  return store.profiles.insert({
    name: 'bench',
    region: 'cn-hangzhou',
    endpoint: null,
    protocol: 'https',
    accessKeyId: 'LTAI-bench',
    proxy: null,
  }).id
}
