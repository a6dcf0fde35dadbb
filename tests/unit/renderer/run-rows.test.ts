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

describe('an op is compared field by field (issue 17: no serialization per row per poll)', () => {
  const failed = (): OpView =>
    ({
      ...op(1, 'failed'),
      attempts: 2,
      updatedAt: '2026-01-01T00:00:00Z',
      lastError: { code: 'CLOUD_ERROR', requestId: 'R1', params: { name: 'a', n: 1 }, cloudCode: 'Throttling' },
      subject: { area: 'members', target: 'u1', verb: 'create', label: 'alice (u1)' },
      held: { reason: 'restored', heldAt: 't0', previousStatus: 'pending', source: null },
    }) as OpView

  it('a new copy equal in every field is the same op; the shown object is kept', () => {
    const prev = run([failed()])
    expect(keepUnchanged(prev, run([failed()])).ops).toBe(prev.ops)
  })

  it.each<[string, (o: OpView) => void]>([
    ['status', (o) => (o.status = 'done')],
    ['attempts', (o) => (o.attempts = 3)],
    ['the error code', (o) => (o.lastError!.code = 'NETWORK')],
    ['the request ID', (o) => (o.lastError!.requestId = 'R2')],
    ['a message param', (o) => (o.lastError!.params = { name: 'b', n: 1 })],
    ['a param added', (o) => (o.lastError!.params = { name: 'a', n: 1, extra: true })],
    ['the error gone', (o) => (o.lastError = null)],
    ['the label', (o) => (o.subject!.label = 'bob (u1)')],
    ['held released', (o) => delete o.held],
    ['the held reason', (o) => (o.held!.reason = 'wal-damaged')],
  ])('a change of %s is a new op, shown as the new object', (_, change) => {
    const next = failed()
    change(next)
    const prev = run([failed(), op(2)])
    const kept = keepUnchanged(prev, run([next, op(2)]))
    expect(kept.ops[0]).toBe(next)
    expect(kept.ops[1]).toBe(prev.ops[1])
  })
})
