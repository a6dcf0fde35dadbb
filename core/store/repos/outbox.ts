import type { Db } from '../database'
import { OutboxClaim } from './outbox-claim'
import { OutboxEnqueue } from './outbox-enqueue'
import { OutboxHeld } from './outbox-held'
import { OutboxQueries } from './outbox-queries'
import { OpReader } from './outbox-rows'
import { OutboxTransitions } from './outbox-transitions'

export type { OutboxOp } from './outbox-rows'
export type { HeldOp } from './outbox-held'

/**
 * The durable queue of operations to send to the cloud (`store.outbox`). Enqueue is one transaction per
 * batch; a claim moves ready ops (pending, due, every dependency done) to in_flight in one immediate
 * transaction, so two processes never claim the same op. The work is done by one piece per concern:
 * `outbox-enqueue.ts`, `outbox-claim.ts`, `outbox-transitions.ts` (results and state changes),
 * `outbox-queries.ts` (lists and counts) and `outbox-held.ts` (ops held back after a restore); this class is their
 * one API.
 */
export class OutboxRepo {
  readonly get: OpReader['get']
  readonly enqueue: OutboxEnqueue['enqueue']
  readonly claim: OutboxClaim['claim']
  readonly requeueInFlight: OutboxClaim['requeueInFlight']
  readonly markDone: OutboxTransitions['markDone']
  readonly markRetry: OutboxTransitions['markRetry']
  readonly markFailed: OutboxTransitions['markFailed']
  readonly markBlocked: OutboxTransitions['markBlocked']
  readonly retry: OutboxTransitions['retry']
  readonly cancel: OutboxTransitions['cancel']
  readonly cancelRun: OutboxTransitions['cancelRun']
  readonly list: OutboxQueries['list']
  readonly counts: OutboxQueries['counts']
  readonly openCount: OutboxQueries['openCount']
  readonly holdOpen: OutboxHeld['holdOpen']
  readonly held: OutboxHeld['get']
  readonly heldOfRun: OutboxHeld['ofRun']
  readonly cancelHeldInRuns: OutboxHeld['cancelInRuns']

  constructor(db: Db, now: () => Date) {
    const reader = new OpReader(db)
    const queries = new OutboxQueries(db)
    const enqueue = new OutboxEnqueue(db, now, reader)
    const claim = new OutboxClaim(db, now, reader)
    const transitions = new OutboxTransitions(db, now, reader, queries)
    const held = new OutboxHeld(db, now)
    this.get = (opId) => reader.get(opId)
    this.enqueue = (ops, opts) => enqueue.enqueue(ops, opts)
    this.claim = (opts) => claim.claim(opts)
    this.requeueInFlight = (opts) => claim.requeueInFlight(opts)
    this.markDone = (opId, res) => transitions.markDone(opId, res)
    this.markRetry = (opId, res) => transitions.markRetry(opId, res)
    this.markFailed = (opId, res) => transitions.markFailed(opId, res)
    this.markBlocked = (opId, res) => transitions.markBlocked(opId, res)
    this.retry = (opId) => transitions.retry(opId)
    this.cancel = (opId) => transitions.cancel(opId)
    this.cancelRun = (runId) => transitions.cancelRun(runId)
    this.list = (q) => queries.list(q)
    this.counts = (q) => queries.counts(q)
    this.openCount = (profileId) => queries.openCount(profileId)
    this.holdOpen = (reason, source) => held.holdOpen(reason, source)
    this.held = (opId) => held.get(opId)
    this.heldOfRun = (runId) => held.ofRun(runId)
    this.cancelHeldInRuns = (runIds) => held.cancelInRuns(runIds)
  }
}
