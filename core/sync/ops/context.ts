import type { CloudClients } from '../../cloud'

/** What sending one op needs besides its payload. */
export interface ExecContext {
  clients: CloudClients
  /** 1 on the first send; more when an earlier attempt may have reached the cloud (retry, crash). */
  attempt: number
  /** The workspace of ops queued with a workspace created earlier in the same run. */
  workspaceId: string | undefined
  /** A DingTalk signing secret from the keychain (D2); null when the reference is unknown. */
  secret(ref: string): Promise<string | null>
  /** Polling for async cloud work (workspace INITIALIZING, role jobs). */
  pollMs: number
  /** The cloud IDs of custom roles created earlier in the same run, by role name (from those ops' results). */
  roleIds?: ReadonlyMap<string, string>
}

export interface ExecResult {
  result?: Record<string, unknown>
  requestId?: string
}
