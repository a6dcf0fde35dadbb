import type { HandlersFor } from '../ipc/types'
import type { HandlerServices } from './services'

type AccountsChannel = 'workspaces.listAll' | 'sync.refreshAll' | 'accounts.ramUsers' | 'accounts.refreshRam'

/** Many accounts at once: the list across every profile, a refresh of all of them; each account's RAM users. */
export function accountsHandlers(s: HandlerServices): HandlersFor<AccountsChannel> {
  return {
    'workspaces.listAll': (q) => s.accounts.listAll(q),
    'sync.refreshAll': (_req, ctx) => s.accounts.refreshAll(ctx.locale),
    'accounts.ramUsers': (q, ctx) => s.ramUsers.list(q, ctx.locale),
    'accounts.refreshRam': (q) => s.ramUsers.refresh(q.profileId),
  }
}
