import { afterEach, describe, expect, it } from 'vitest'
import { AppError } from '@shared/ipc/errors'
import type { Store } from '../../../core/store'
import { freshStore, profileFields } from './helpers'

let store: Store
afterEach(() => store.close({ backup: false }))

function setup(): { pid: string; tick(ms?: number): void } {
  const f = freshStore()
  store = f.store
  return { pid: store.profiles.insert(profileFields).id, tick: f.tick }
}

function errCode(fn: () => unknown): string | undefined {
  try {
    fn()
  } catch (err) {
    return err instanceof AppError ? err.code : String(err)
  }
  return undefined
}

describe('outbox', () => {
  it('enqueues a batch in order in one transaction, with the op id as default client token', () => {
    const { pid } = setup()
    const { runId, ops } = store.outbox.enqueue([
      { opId: 'A', profileId: pid, workspaceKey: 'local-1', kind: 'workspace.create', payload: { name: 'w' } },
      {
        opId: 'B',
        profileId: pid,
        workspaceKey: 'local-1',
        kind: 'member.create',
        payload: { user: 'u' },
        dependsOn: ['A'],
        clientToken: 'tok-B',
      },
    ])
    expect(ops.map((o) => [o.opId, o.seq, o.status, o.clientToken, o.runId])).toEqual([
      ['A', 1, 'pending', 'A', runId],
      ['B', 2, 'pending', 'tok-B', runId],
    ])
    expect(ops[1]!.dependsOn).toEqual(['A'])
    expect(ops[0]!.payload).toEqual({ name: 'w' })
    // A later batch continues the sequence and may depend on an op already queued.
    const next = store.outbox.enqueue([
      { opId: 'C', profileId: pid, workspaceKey: 'x', kind: 'k', payload: null, dependsOn: ['B'] },
    ])
    expect(next.ops[0]!.seq).toBe(3)
    expect(next.runId).not.toBe(runId)
  })

  it('refuses a whole batch when a dependency is unknown or comes later (no cycles), queuing nothing', () => {
    const { pid } = setup()
    expect(
      errCode(() =>
        store.outbox.enqueue([
          { opId: 'A', profileId: pid, workspaceKey: 'w', kind: 'k', payload: {} },
          { opId: 'B', profileId: pid, workspaceKey: 'w', kind: 'k', payload: {}, dependsOn: ['C'] },
          { opId: 'C', profileId: pid, workspaceKey: 'w', kind: 'k', payload: {} },
        ]),
      ),
    ).toBe('OUTBOX_DEPENDENCY_UNKNOWN')
    expect(store.outbox.list()).toEqual([])
  })

  it('claims only ready ops: pending, due, with every dependency done; never twice', () => {
    const { pid, tick } = setup()
    store.outbox.enqueue([
      { opId: 'A', profileId: pid, workspaceKey: 'w', kind: 'k', payload: {} },
      { opId: 'B', profileId: pid, workspaceKey: 'w', kind: 'k', payload: {}, dependsOn: ['A'] },
      { opId: 'C', profileId: pid, workspaceKey: 'v', kind: 'k', payload: {} },
    ])
    const first = store.outbox.claim({ limit: 10 })
    expect(first.map((o) => [o.opId, o.status, o.attempts])).toEqual([
      ['A', 'in_flight', 1],
      ['C', 'in_flight', 1],
    ])
    expect(store.outbox.claim({ limit: 10 })).toEqual([])
    store.outbox.markRetry('A', {
      error: { code: 'Throttling' },
      nextAttemptAt: new Date(Date.parse('2026-01-01T00:00:05.000Z')),
    })
    expect(store.outbox.claim({ limit: 10 })).toEqual([])
    tick(5000)
    const again = store.outbox.claim()
    expect(again.map((o) => [o.opId, o.attempts, o.lastError])).toEqual([['A', 2, { code: 'Throttling' }]])
    const done = store.outbox.markDone('A', { requestId: 'req-1', result: { workspaceId: '777' } })
    expect(done).toMatchObject({ status: 'done', requestId: 'req-1', result: { workspaceId: '777' } })
    expect(store.outbox.claim().map((o) => o.opId)).toEqual(['B'])
    expect(errCode(() => store.outbox.markDone('A'))).toBe('OUTBOX_BAD_TRANSITION')
    expect(errCode(() => store.outbox.markDone('nope'))).toBe('OUTBOX_OP_NOT_FOUND')
  })

  it('a failed op blocks everything that depends on it; retry unblocks them; cancel cascades', () => {
    const { pid } = setup()
    store.outbox.enqueue([
      { opId: 'A', profileId: pid, workspaceKey: 'w', kind: 'k', payload: {} },
      { opId: 'B', profileId: pid, workspaceKey: 'w', kind: 'k', payload: {}, dependsOn: ['A'] },
      { opId: 'C', profileId: pid, workspaceKey: 'w', kind: 'k', payload: {}, dependsOn: ['B'] },
      { opId: 'D', profileId: pid, workspaceKey: 'w', kind: 'k', payload: {} },
    ])
    store.outbox.claim({ limit: 1 })
    expect(store.outbox.markFailed('A', { error: { code: 'Forbidden' }, requestId: 'r' }).blocked).toBe(2)
    expect(store.outbox.list().map((o) => [o.opId, o.status])).toEqual([
      ['A', 'failed'],
      ['B', 'blocked'],
      ['C', 'blocked'],
      ['D', 'pending'],
    ])
    expect(store.outbox.get('B')?.lastError).toEqual({ code: 'DEPENDENCY_FAILED', opId: 'A' })
    expect(store.outbox.openCount(pid)).toBe(3)
    store.outbox.retry('A')
    expect(store.outbox.counts()).toMatchObject({ pending: 4, blocked: 0, failed: 0 })
    expect(store.outbox.cancel('B').cancelled).toBe(2)
    expect(store.outbox.get('C')?.status).toBe('cancelled')
    expect(store.outbox.claim({ limit: 10 }).map((o) => o.opId)).toEqual(['A', 'D'])
    expect(errCode(() => store.outbox.cancel('A'))).toBe('OUTBOX_BAD_TRANSITION')
  })

  it('retrying a blocked op also retries the failed op it waits for (else it would stay pending for ever)', () => {
    const { pid } = setup()
    store.outbox.enqueue([
      { opId: 'A', profileId: pid, workspaceKey: 'w', kind: 'k', payload: {} },
      { opId: 'B', profileId: pid, workspaceKey: 'w', kind: 'k', payload: {}, dependsOn: ['A'] },
      { opId: 'C', profileId: pid, workspaceKey: 'w', kind: 'k', payload: {}, dependsOn: ['B'] },
    ])
    store.outbox.claim({ limit: 1 })
    store.outbox.markFailed('A', { error: { code: 'Forbidden' } })
    expect(store.outbox.retry('B').retried).toBe(3)
    expect(store.outbox.list().map((o) => [o.opId, o.status])).toEqual([
      ['A', 'pending'],
      ['B', 'pending'],
      ['C', 'pending'],
    ])
    expect(store.outbox.claim({ limit: 10 }).map((o) => o.opId)).toEqual(['A'])
  })

  it('after a crash, in-flight ops go back to pending with their attempts and client token', () => {
    const { pid } = setup()
    const { runId } = store.outbox.enqueue([
      { opId: 'A', profileId: pid, workspaceKey: 'w', kind: 'k', payload: {}, clientToken: 'ct' },
    ])
    store.outbox.claim()
    expect(store.outbox.requeueInFlight()).toBe(1)
    expect(store.outbox.get('A')).toMatchObject({ status: 'pending', attempts: 1, clientToken: 'ct' })
    expect(store.outbox.claim({ runId: 'other' })).toEqual([])
    expect(store.outbox.claim({ runId })[0]?.attempts).toBe(2)
  })

  it('cancels the open ops of a run', () => {
    const { pid } = setup()
    const { runId } = store.outbox.enqueue([
      { opId: 'A', profileId: pid, workspaceKey: 'w', kind: 'k', payload: {} },
      { opId: 'B', profileId: pid, workspaceKey: 'w', kind: 'k', payload: {}, dependsOn: ['A'] },
    ])
    expect(store.outbox.cancelRun(runId)).toBe(2)
    expect(store.outbox.counts({ runId })).toMatchObject({ cancelled: 2, pending: 0 })
  })
})

describe('activity log', () => {
  it('lists newest first with keyset paging and filters', () => {
    const { pid, tick } = setup()
    for (let i = 0; i < 7; i++) {
      tick()
      store.activity.add({
        profileId: i % 2 ? pid : null,
        workspace: 'w1',
        action: `a${i}`,
        result: i === 3 ? 'failed' : 'ok',
        requestId: `r${i}`,
        details: { i },
      })
    }
    const first = store.activity.list({ limit: 3 })
    expect(first.map((e) => e.action)).toEqual(['a6', 'a5', 'a4'])
    const second = store.activity.list({ limit: 3, beforeId: first.at(-1)!.id })
    expect(second.map((e) => e.action)).toEqual(['a3', 'a2', 'a1'])
    expect(second[0]).toMatchObject({ result: 'failed', requestId: 'r3', details: { i: 3 }, workspace: 'w1' })
    expect(store.activity.list({ profileId: pid }).map((e) => e.action)).toEqual(['a5', 'a3', 'a1'])
    expect(store.activity.count({ action: 'a0' })).toBe(1)
  })
})
