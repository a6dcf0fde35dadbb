import { describe, expect, it } from 'vitest'
import type { OpView, RunStatus } from '@shared/ipc/channels/sync'
import { keepUnchanged } from '../../../renderer/src/components/pending/run-rows'

const op = (i: number, status: OpView['status'] = 'pending'): OpView =>
  ({ opId: `op${i}`, runId: 'r1', kind: 'member.create', status, attempts: 0 }) as OpView
const run = (ops: OpView[]): RunStatus => ({ ops, counts: {}, finished: false, online: true, settled: false })

describe('the progress table is updated in place (issue 17)', () => {
  it('a poll keeps every op that did not change as the same object; a changed op is the new one', () => {
    const prev = run(Array.from({ length: 1000 }, (_, i) => op(i)))
    const nextOps = Array.from({ length: 1000 }, (_, i) => op(i, i === 7 ? 'done' : 'pending'))
    const next = keepUnchanged(prev, run(nextOps))
    expect(next.ops.filter((o, i) => o === prev.ops[i]).length).toBe(999)
    expect(next.ops[7]).toBe(nextOps[7])
    expect(next.ops[7]!.status).toBe('done')
  })

  it('a poll where nothing changed keeps the same list (nothing re-renders)', () => {
    const prev = run([op(1), op(2)])
    expect(keepUnchanged(prev, run([op(1), op(2)])).ops).toBe(prev.ops)
    expect(keepUnchanged(prev, run([op(2), op(1)])).ops).not.toBe(prev.ops)
  })
})
