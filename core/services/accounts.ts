import { toErrorPayload } from '@shared/ipc/errors'
import type { Locale } from '@shared/locale'
import type { Store } from '../store'
import { listAcrossProfiles } from './workspaces-all'
import type { ListQuery } from './workspace-list'
import type { WorkspacesService } from './workspaces'

/** One profile's refresh: how many workspaces were read, or the error (in the caller's language). */
interface RefreshResult {
  profileId: string
  name: string
  ok: boolean
  workspaces?: number
  failedWorkspaces?: number
  error?: ReturnType<typeof toErrorPayload>
}

/** How many profiles refresh at the same time (each is its own account, its own limits). */
const REFRESH_AT_ONCE = 2

/** Many accounts at once (issue 15 item 5): the workspace list across every profile, and a refresh of all of them. */
export class AccountsService {
  constructor(
    private readonly store: Store,
    private readonly workspaces: WorkspacesService,
    /** The sync engine's refresh of one profile (passed in: services sit below core/sync). */
    private readonly refresh: (profileId: string) => Promise<{ workspaces: number; failed: unknown[] }>,
  ) {}

  listAll(q: Omit<ListQuery, 'profileId'>): ReturnType<typeof listAcrossProfiles> {
    return listAcrossProfiles(this.store, this.workspaces, q)
  }

  /** Every profile refreshed, two at a time; one that fails does not stop the others. */
  async refreshAll(locale: Locale): Promise<{ results: RefreshResult[] }> {
    const profiles = this.store.profiles.list()
    const results: RefreshResult[] = new Array(profiles.length)
    let next = 0
    const worker = async (): Promise<void> => {
      for (let i = next++; i < profiles.length; i = next++) {
        const p = profiles[i]!
        try {
          const r = await this.refresh(p.id)
          results[i] = {
            profileId: p.id,
            name: p.name,
            ok: true,
            workspaces: r.workspaces,
            failedWorkspaces: r.failed.length,
          }
        } catch (err) {
          results[i] = { profileId: p.id, name: p.name, ok: false, error: toErrorPayload(err, locale) }
        }
      }
    }
    await Promise.all(Array.from({ length: Math.min(REFRESH_AT_ONCE, profiles.length) }, worker))
    return { results }
  }
}
