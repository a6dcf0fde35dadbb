import { z } from 'zod'
import type { Store } from '../../store'

const RunMetaSchema = z.object({
  profileId: z.string(),
  /** The draft's workspace key now (moves from `local-…` to the WorkspaceId once created). */
  workspaceKey: z.string(),
  createdAt: z.string(),
  settled: z.boolean().default(false),
  outcome: z.enum(['cleared', 'kept']).optional(),
})
export type RunMeta = z.infer<typeof RunMetaSchema>

const PREFIX = 'syncRun:'
const runKey = (runId: string): string => `${PREFIX}${runId}`

/** The record of each run (`syncRun:<runId>` in settings): whose draft it applies, and whether it settled. */
export class RunRecords {
  constructor(private readonly store: Store) {}

  ids(): string[] {
    return this.store.settings
      .keys()
      .filter((k) => k.startsWith(PREFIX))
      .map((k) => k.slice(PREFIX.length))
  }

  get(runId: string): RunMeta | undefined {
    const got = this.store.settings.get(runKey(runId), RunMetaSchema)
    return got?.ok ? got.value : undefined
  }

  set(runId: string, meta: RunMeta): void {
    this.store.settings.set(runKey(runId), meta)
  }

  /** The runs of one draft. */
  ofDraft(parts: { profileId: string | null; workspaceKey: string }): string[] {
    return this.ids().filter((r) => {
      const m = this.get(r)
      return m && m.profileId === parts.profileId && m.workspaceKey === parts.workspaceKey
    })
  }
}
