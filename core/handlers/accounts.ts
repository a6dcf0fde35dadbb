import { toErrorPayload } from '@shared/ipc/errors'
import type { HandlersFor } from '../ipc/types'
import type { CoreServices } from '../services'
import { listAcrossProfiles } from '../services/workspaces-all'

type AccountsChannel = 'workspaces.listAll' | 'sync.refreshAll'

/** How many profiles refresh at the same time (each is its own account, its own limits). */
const REFRESH_AT_ONCE = 2

/** Many accounts at once: the list across every profile, and a refresh of all of them. */
export function accountsHandlers(s: CoreServices): HandlersFor<AccountsChannel> {
  return {
    'workspaces.listAll': (q) => listAcrossProfiles(s.store, s.workspaces, q),
    'sync.refreshAll': async (_req, ctx) => {
      const profiles = s.store.profiles.list()
      const results: Array<{
        profileId: string
        name: string
        ok: boolean
        workspaces?: number
        failedWorkspaces?: number
        error?: ReturnType<typeof toErrorPayload>
      }> = new Array(profiles.length)
      let next = 0
      const worker = async (): Promise<void> => {
        for (let i = next++; i < profiles.length; i = next++) {
          const p = profiles[i]!
          try {
            const r = await s.sync.refresh(p.id)
            results[i] = {
              profileId: p.id,
              name: p.name,
              ok: true,
              workspaces: r.workspaces,
              failedWorkspaces: r.failed.length,
            }
          } catch (err) {
            results[i] = { profileId: p.id, name: p.name, ok: false, error: toErrorPayload(err, ctx.locale) }
          }
        }
      }
      await Promise.all(Array.from({ length: Math.min(REFRESH_AT_ONCE, profiles.length) }, worker))
      return { results }
    },
  }
}
