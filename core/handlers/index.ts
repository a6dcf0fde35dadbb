import type { HandlerTable } from '../ipc/types'
import type { CoreServices } from '../services'
import { appHandlers } from './app'
import { profilesHandlers } from './profiles'
import { workspacesHandlers } from './workspaces'
import { cloudHandlers } from './cloud'
import { bundlesHandlers } from './bundles'
import { syncHandlers } from './sync'
import { accessHandlers } from './access'

/** The full handler table: one slice per area, merged. Transport-agnostic. */
export function createHandlers(s: CoreServices): HandlerTable {
  return {
    ...appHandlers(s),
    ...profilesHandlers(s),
    ...workspacesHandlers(s),
    ...cloudHandlers(s),
    ...bundlesHandlers(s),
    ...syncHandlers(s),
    ...accessHandlers(s),
  }
}
