import type { HandlerTable } from '../ipc/types'
import type { HandlerServices } from './services'
import { appHandlers } from './app'
import { profilesHandlers } from './profiles'
import { workspacesHandlers } from './workspaces'
import { cloudHandlers } from './cloud'
import { bundlesHandlers } from './bundles'
import { syncHandlers } from './sync'
import { accountsHandlers } from './accounts'
import { accessHandlers } from './access'
import { filesHandlers } from './files'

/** The full handler table: one slice per area, merged. Transport-agnostic. */
export function createHandlers(s: HandlerServices): HandlerTable {
  return {
    ...appHandlers(s),
    ...profilesHandlers(s),
    ...workspacesHandlers(s),
    ...cloudHandlers(s),
    ...bundlesHandlers(s),
    ...syncHandlers(s),
    ...accountsHandlers(s),
    ...accessHandlers(s),
    ...filesHandlers(s),
  }
}
