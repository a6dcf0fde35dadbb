import type { HandlersFor } from '../ipc/types'
import type { CoreServices } from '../services'

type SyncChannel =
  | 'sync.refresh'
  | 'sync.plan'
  | 'sync.resolve'
  | 'sync.apply'
  | 'sync.status'
  | 'sync.markManualDone'
  | 'sync.drift'
  | 'sync.retry'
  | 'activity.list'

export function syncHandlers(s: CoreServices): HandlersFor<SyncChannel> {
  return {
    'sync.refresh': ({ profileId, workspaceId }) => s.sync.refresh(profileId, workspaceId),
    'sync.plan': ({ key }, ctx) => s.sync.plan(key, ctx.locale),
    'sync.resolve': ({ key, choices }, ctx) => s.sync.resolve(key, choices, ctx.locale),
    'sync.apply': ({ key, planFingerprint }) => s.sync.apply(key, planFingerprint),
    'sync.status': (q) => s.sync.status(q),
    'sync.markManualDone': ({ key, actionId }, ctx) => s.sync.markManualDone(key, actionId, ctx.locale),
    'sync.drift': ({ key, live }) => s.sync.drift(key, live ?? false),
    'sync.retry': ({ opId }) => ({ ok: s.sync.retry(opId) }),
    'activity.list': ({ offset, limit, profileId }) =>
      s.sync.activity(profileId ? { offset, limit, profileId } : { offset, limit }),
  }
}
