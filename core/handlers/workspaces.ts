import type { HandlersFor } from '../ipc/types'
import type { HandlerServices } from './services'

type WorkspacesChannel =
  'workspaces.list' | 'workspaces.context' | 'drafts.open' | 'drafts.create' | 'drafts.save' | 'drafts.discard'

export function workspacesHandlers(s: HandlerServices): HandlersFor<WorkspacesChannel> {
  return {
    'workspaces.list': (q) => s.workspaces.list(q),
    'workspaces.context': ({ key, profileId }) => s.workspaces.context(key, profileId),
    'drafts.open': ({ key }, ctx) => s.workspaces.open(key, ctx.locale),
    'drafts.create': ({ profileId, config }, ctx) => s.workspaces.create(profileId, config, ctx.locale),
    'drafts.save': ({ key, config, revision }, ctx) => s.workspaces.save(key, config, revision, ctx.locale),
    'drafts.discard': ({ key }) => ({ discarded: s.workspaces.discard(key) }),
  }
}
