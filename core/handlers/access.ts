import type { HandlersFor } from '../ipc/types'
import type { HandlerServices } from './services'

type AccessChannel =
  | 'access.overview'
  | 'access.export'
  | 'access.user'
  | 'access.change'
  | 'access.pending'
  | 'access.plan'
  | 'access.apply'
  | 'access.progress'
  | 'access.discard'

export function accessHandlers(s: HandlerServices): HandlersFor<AccessChannel> {
  return {
    'access.overview': (q) => s.access.overview(q),
    'access.export': ({ query, format }, ctx) => s.accessExport(query, format, ctx.locale),
    'access.user': ({ userId }) => s.access.user(userId),
    'access.change': (req, ctx) => s.accessBulk.change(req, ctx.locale),
    'access.pending': () => ({ changes: s.accessBulk.pending() }),
    'access.plan': ({ changeId }, ctx) => s.accessBulk.plan(changeId, ctx.locale),
    'access.apply': async ({ changeId, fingerprint }, ctx) => {
      // as sync.apply: nothing is queued while a signing secret a draft refers to is missing
      for (const p of s.accessBulk.plan(changeId, ctx.locale).parts)
        if (p.drafted && p.counts.apply > 0) await s.draftSecrets.assertPresent(p.key)
      return s.accessBulk.apply(changeId, fingerprint, ctx.locale)
    },
    'access.progress': ({ changeId }) => s.accessBulk.progress(changeId),
    'access.discard': ({ changeId }) => s.accessBulk.discard(changeId),
  }
}
