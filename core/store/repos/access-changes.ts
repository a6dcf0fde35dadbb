import type { z } from 'zod'
import { AppError } from '@shared/ipc/errors'
import type { Db } from '../database'
import { newId } from '../ids'
import { readJson, type Checked } from '../json'

type AccessChangeKind = 'grant' | 'revoke' | 'offboard' | 'copy' | 'replace'
/** drafted: its drafts wait on 待同步变更; queued: applied (run_id says which run); discarded. */
type AccessChangeStatus = 'drafted' | 'queued' | 'discarded'

interface AccessChangeRecord<R = unknown, P = unknown> {
  id: string
  kind: AccessChangeKind
  request: Checked<R>
  parts: Checked<P>
  status: AccessChangeStatus
  runId: string | null
  activityId: number | null
  createdAt: string
  updatedAt: string
}

interface Row {
  id: string
  kind: AccessChangeKind
  request_json: string
  parts_json: string
  status: AccessChangeStatus
  run_id: string | null
  activity_id: number | null
  created_at: string
  updated_at: string
}

/** Bulk access changes (issue 16): what was asked, the parts per workspace, and what became of them. */
export class AccessChangesRepo {
  private readonly qInsert
  private readonly qGet
  private readonly qQueue
  private readonly qParts
  private readonly qDiscard
  private readonly qDrafted

  constructor(
    db: Db,
    private readonly now: () => Date,
  ) {
    this.qInsert = db.prepare(
      `INSERT INTO access_changes (id, kind, request_json, parts_json, status, created_at, updated_at)
       VALUES (?, ?, ?, ?, 'drafted', ?, ?)`,
    )
    this.qGet = db.prepare<[string], Row>('SELECT * FROM access_changes WHERE id = ?')
    this.qQueue = db.prepare<[string, number | null, string, string]>(
      `UPDATE access_changes SET status = 'queued', run_id = ?, activity_id = ?, updated_at = ? WHERE id = ? AND status = 'drafted'`,
    )
    this.qDrafted = db.prepare<[number], Row>(
      `SELECT * FROM access_changes WHERE status = 'drafted' ORDER BY created_at DESC, id DESC LIMIT ?`,
    )
    this.qDiscard = db.prepare<[string, string]>(
      `UPDATE access_changes SET status = 'discarded', updated_at = ? WHERE id = ? AND status = 'drafted'`,
    )
    this.qParts = db.prepare<[string, string, string]>(
      'UPDATE access_changes SET parts_json = ?, updated_at = ? WHERE id = ?',
    )
  }

  add(kind: AccessChangeKind, request: unknown, parts: unknown, id = newId()): string {
    const at = this.now().toISOString()
    this.qInsert.run(id, kind, JSON.stringify(request), JSON.stringify(parts), at, at)
    return id
  }

  get<R, P>(id: string, request: z.ZodType<R>, parts: z.ZodType<P>): AccessChangeRecord<R, P> | undefined {
    const r = this.qGet.get(id)
    return r ? toRecord(r, request, parts) : undefined
  }

  /** Changes whose drafts still wait on 待同步变更, newest first. */
  drafted<R, P>(request: z.ZodType<R>, parts: z.ZodType<P>, limit = 100): AccessChangeRecord<R, P>[] {
    return this.qDrafted.all(limit).map((r) => toRecord(r, request, parts))
  }

  /** drafted -> queued with its run; ACCESS_CHANGE_NOT_DRAFTED when it was applied or discarded meanwhile. */
  markQueued(id: string, runId: string, activityId: number | null): void {
    const n = this.qQueue.run(runId, activityId, this.now().toISOString(), id).changes
    if (n === 0) throw new AppError('ACCESS_CHANGE_NOT_DRAFTED', { params: { id } })
  }

  /** drafted -> discarded; ACCESS_CHANGE_NOT_DRAFTED when it was applied or discarded meanwhile. */
  markDiscarded(id: string): void {
    const n = this.qDiscard.run(this.now().toISOString(), id).changes
    if (n === 0) throw new AppError('ACCESS_CHANGE_NOT_DRAFTED', { params: { id } })
  }

  /** Records what became of the parts (the runs queued so far). */
  setParts(id: string, parts: unknown): void {
    this.qParts.run(JSON.stringify(parts), this.now().toISOString(), id)
  }
}

function toRecord<R, P>(r: Row, request: z.ZodType<R>, parts: z.ZodType<P>): AccessChangeRecord<R, P> {
  return {
    id: r.id,
    kind: r.kind,
    request: readJson(r.request_json, request),
    parts: readJson(r.parts_json, parts),
    status: r.status,
    runId: r.run_id,
    activityId: r.activity_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }
}
