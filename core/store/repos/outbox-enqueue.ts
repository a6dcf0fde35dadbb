import { AppError } from '@shared/ipc/errors'
import type { Db } from '../database'
import { newId } from '../ids'
import type { NewOp, OpReader, OutboxOp } from './outbox-rows'

/** Putting ops into the outbox: one transaction per batch, in order, dependencies checked. */
export class OutboxEnqueue {
  private readonly qInsert
  private readonly qMaxSeq
  private readonly qExists

  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
    private readonly reader: OpReader,
  ) {
    this.qInsert = db.prepare(
      `INSERT INTO outbox (op_id, run_id, profile_id, workspace_key, seq, depends_on, kind, payload_json, client_token, status, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?)`,
    )
    this.qMaxSeq = db.prepare<[], number>('SELECT coalesce(max(seq), 0) FROM outbox').pluck()
    this.qExists = db.prepare<[string], number>('SELECT 1 FROM outbox WHERE op_id = ?').pluck()
  }

  /**
   * Queues a batch in ONE transaction, in order (seq). Dependencies must name ops queued earlier in
   * the batch or before it (so there are no cycles); otherwise nothing is queued (OUTBOX_DEPENDENCY_UNKNOWN).
   */
  enqueue(ops: readonly NewOp[], opts: { runId?: string } = {}): { runId: string; ops: OutboxOp[] } {
    const runId = opts.runId ?? newId()
    const at = this.now().toISOString()
    const ids = this.db
      .transaction(() => {
        let seq = this.qMaxSeq.get() as number
        const seen = new Set<string>()
        const out: string[] = []
        for (const op of ops) {
          const opId = op.opId ?? newId()
          const deps = [...(op.dependsOn ?? [])]
          for (const d of deps) {
            if (!seen.has(d) && !this.qExists.get(d)) {
              throw new AppError('OUTBOX_DEPENDENCY_UNKNOWN', { params: { opId, dependsOn: d } })
            }
          }
          seq += 1
          this.qInsert.run(
            opId,
            runId,
            op.profileId,
            op.workspaceKey,
            seq,
            JSON.stringify(deps),
            op.kind,
            JSON.stringify(op.payload ?? null),
            op.clientToken ?? opId,
            at,
            at,
          )
          seen.add(opId)
          out.push(opId)
        }
        return out
      })
      .immediate()
    return { runId, ops: ids.map((id) => this.reader.mustGet(id)) }
  }
}
