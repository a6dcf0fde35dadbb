import type { OpView, RunStatus } from '@shared/ipc/channels/sync'

type Flat = Record<string, unknown> | null | undefined

/** Two flat records with the same keys and the same values (`===`), e.g. an error's params. */
function sameFlat(a: Flat, b: Flat): boolean {
  if (a === b) return true
  if (!a || !b) return false
  const ka = Object.keys(a)
  if (ka.length !== Object.keys(b).length) return false
  for (const k of ka) if (a[k] !== b[k]) return false
  return true
}

function sameError(a: OpView['lastError'], b: OpView['lastError']): boolean {
  if (a === b) return true
  if (!a || !b) return false
  return (
    a.code === b.code &&
    a.message === b.message &&
    a.requestId === b.requestId &&
    a.ruleId === b.ruleId &&
    a.cloudCode === b.cloudCode &&
    a.cloudMessage === b.cloudMessage &&
    sameFlat(a.params, b.params)
  )
}

/**
 * Whether a polled op is the same as the one shown, field by field (what changes first is compared first: a
 * status, an attempt, a time); no serialization per row per poll.
 */
function sameOp(a: OpView, b: OpView): boolean {
  return (
    a.status === b.status &&
    a.attempts === b.attempts &&
    a.updatedAt === b.updatedAt &&
    a.nextAttemptAt === b.nextAttemptAt &&
    a.requestId === b.requestId &&
    a.opId === b.opId &&
    a.runId === b.runId &&
    a.workspaceKey === b.workspaceKey &&
    a.seq === b.seq &&
    a.kind === b.kind &&
    a.actionId === b.actionId &&
    sameError(a.lastError, b.lastError) &&
    sameFlat(a.subject, b.subject) &&
    sameFlat(a.held, b.held)
  )
}

/**
 * The new status of a run with every op that did not change kept as the same object (keyed by op ID), and the
 * same list when no op changed: each row of the progress table is its own component, so a poll re-renders only
 * the rows whose op changed, never the whole table.
 */
export function keepUnchanged(prev: RunStatus | null, next: RunStatus): RunStatus {
  if (!prev) return next
  const old = new Map(prev.ops.map((o) => [o.opId, o]))
  let changed = prev.ops.length !== next.ops.length
  const ops = next.ops.map((o, i) => {
    const was = old.get(o.opId)
    if (was && sameOp(was, o)) {
      if (prev.ops[i] !== was) changed = true
      return was
    }
    changed = true
    return o
  })
  return { ...next, ops: changed ? ops : prev.ops }
}
