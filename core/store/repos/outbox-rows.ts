import { AppError } from '@shared/ipc/errors'
import type { Db } from '../database'

export const OP_STATUSES = ['pending', 'in_flight', 'done', 'failed', 'blocked', 'cancelled'] as const
export type OpStatus = (typeof OP_STATUSES)[number]

export interface NewOp {
  /** Default: a new ULID-like id. */
  opId?: string
  profileId: string
  workspaceKey: string
  /** What to do, e.g. "workspace.create", "member.addRole" (the sync area names them). */
  kind: string
  payload: unknown
  /** Ops (in this batch, earlier, or already queued) that must be `done` first. */
  dependsOn?: readonly string[]
  /** Sent as ClientToken on every retry, so a create is never duplicated (D5). Default: the op id. */
  clientToken?: string
}

export interface OutboxOp {
  opId: string
  runId: string
  profileId: string
  workspaceKey: string
  seq: number
  dependsOn: string[]
  kind: string
  payload: unknown
  clientToken: string
  status: OpStatus
  attempts: number
  nextAttemptAt: string | null
  lastError: unknown
  requestId: string | null
  result: unknown
  createdAt: string
  updatedAt: string
}

/** One `outbox` row as SQLite returns it. */
export interface Row {
  op_id: string
  run_id: string
  profile_id: string
  workspace_key: string
  seq: number
  depends_on: string
  kind: string
  payload_json: string
  client_token: string
  status: OpStatus
  attempts: number
  next_attempt_at: string | null
  last_error_json: string | null
  request_id: string | null
  result_json: string | null
  created_at: string
  updated_at: string
}

function parse(text: string | null): unknown {
  if (text === null) return null
  try {
    return JSON.parse(text) as unknown
  } catch {
    return { invalidJson: text }
  }
}

export function toOp(r: Row): OutboxOp {
  const deps = parse(r.depends_on)
  return {
    opId: r.op_id,
    runId: r.run_id,
    profileId: r.profile_id,
    workspaceKey: r.workspace_key,
    seq: r.seq,
    dependsOn: Array.isArray(deps) ? deps.map(String) : [],
    kind: r.kind,
    payload: parse(r.payload_json),
    clientToken: r.client_token,
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    lastError: parse(r.last_error_json),
    requestId: r.request_id,
    result: parse(r.result_json),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }
}

/** Reading ops by id; every other piece of the outbox repository returns ops through it. */
export class OpReader {
  private readonly qGet

  constructor(db: Db) {
    this.qGet = db.prepare<[string], Row>('SELECT * FROM outbox WHERE op_id = ?')
  }

  get(opId: string): OutboxOp | undefined {
    const r = this.qGet.get(opId)
    return r ? toOp(r) : undefined
  }

  mustGet(opId: string): OutboxOp {
    const op = this.get(opId)
    if (!op) throw new AppError('OUTBOX_OP_NOT_FOUND', { params: { opId } })
    return op
  }
}
