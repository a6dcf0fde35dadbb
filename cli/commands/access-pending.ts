import { printable } from '@shared/printable'
import { table } from '../output'
import type { Session } from '../session'

/** `access pending`: the bulk changes whose drafts wait on 待同步变更 (not applied, not discarded), newest first. */
export async function accessPending(s: Session): Promise<void> {
  const { changes } = await s.call('access.pending', {})
  s.out.result({ total: changes.length, changes }, () =>
    changes.length
      ? table(
          ['CHANGE', 'KIND', 'CREATED', 'WORKSPACES'],
          changes.map((c) => [
            c.changeId,
            c.kind,
            c.createdAt,
            `${c.workspaces.length}: ${c.workspaces.slice(0, 3).map(printable).join(', ')}${c.workspaces.length > 3 ? ', …' : ''}`,
          ]),
        )
      : 'No bulk change waits to be applied.',
  )
}

/**
 * `access discard CHANGE`: the change's edits leave its drafts (a draft with nothing else goes, one with other edits
 * keeps them); nothing is sent. An unknown change, or one applied or discarded already, exits 1 with the reason.
 */
export async function accessDiscard(s: Session, changeId: string): Promise<void> {
  const r = await s.call('access.discard', { changeId })
  s.out.result(
    { changeId, ...r },
    () =>
      `Discarded ${changeId}: ${r.removed} draft(s) removed, ${r.reverted} reverted (their other edits kept)` +
      (r.queued ? `, ${r.queued} part(s) already queued left as they are.` : '.'),
  )
}
