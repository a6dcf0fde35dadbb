import type { HandlersFor } from '../ipc/types'
import type { HandlerServices } from './services'

type SyncChannel =
  | 'sync.refresh'
  | 'sync.refreshState'
  | 'sync.plan'
  | 'sync.resolve'
  | 'sync.apply'
  | 'sync.status'
  | 'sync.markManualDone'
  | 'sync.retry'
  | 'sync.cancel'
  | 'activity.list'

/** The filters given (exactOptionalPropertyTypes: an absent filter is no key at all). */
function withoutUndefined<T extends object>(q: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined)) as never
}

export function syncHandlers(s: HandlerServices): HandlersFor<SyncChannel> {
  return {
    'sync.refresh': ({ profileId, workspaceId }) => s.sync.refresh(profileId, workspaceId),
    'sync.refreshState': () => ({ profiles: s.sync.refreshState() }),
    'sync.plan': ({ key }, ctx) => s.sync.plan(key, ctx.locale),
    'sync.resolve': ({ key, choices }, ctx) => s.sync.resolve(key, choices, ctx.locale),
    'sync.apply': async ({ key, planFingerprint }) => {
      await s.draftSecrets.assertPresent(key) // nothing is queued while a signing secret is missing
      return s.sync.apply(key, planFingerprint)
    },
    'sync.status': (q) => ({ ...s.sync.status(q), sender: s.sync.senderState() }),
    'sync.markManualDone': ({ key, actionId }, ctx) => s.sync.markManualDone(key, actionId, ctx.locale),
    'sync.retry': ({ opId }) => ({ ok: true, ...s.sync.retry(opId) }),
    'sync.cancel': (q) => s.sync.cancel(q),
    'activity.list': (q) => s.sync.activity(withoutUndefined(q)),
  }
}
