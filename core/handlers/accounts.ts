import type { HandlersFor } from '../ipc/types'
import type { HandlerServices } from './services'

type AccountsChannel = 'workspaces.listAll' | 'sync.refreshAll'

/** Many accounts at once: the list across every profile, and a refresh of all of them. */
export function accountsHandlers(s: HandlerServices): HandlersFor<AccountsChannel> {
  return {
    'workspaces.listAll': (q) => s.accounts.listAll(q),
    'sync.refreshAll': (_req, ctx) => s.accounts.refreshAll(ctx.locale),
  }
}
