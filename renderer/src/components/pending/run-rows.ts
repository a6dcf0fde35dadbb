import type { OpView, RunStatus } from '@shared/ipc/channels/sync'

const same = (a: OpView, b: OpView): boolean => JSON.stringify(a) === JSON.stringify(b)

/**
 * The new status of a run with every op that did not change kept as the same object (keyed by op ID): the
 * progress table then re-renders only the rows that changed, not every row per poll.
 */
export function keepUnchanged(prev: RunStatus | null, next: RunStatus): RunStatus {
  if (!prev) return next
  const old = new Map(prev.ops.map((o) => [o.opId, o]))
  let changed = prev.ops.length !== next.ops.length
  const ops = next.ops.map((o, i) => {
    const was = old.get(o.opId)
    if (was && same(was, o)) {
      if (prev.ops[i] !== was) changed = true
      return was
    }
    changed = true
    return o
  })
  return { ...next, ops: changed ? ops : prev.ops }
}
