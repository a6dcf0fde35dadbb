import type { Identity } from '@shared/domain'
import type { EventName, EventPayload } from '@shared/ipc/events'
import type { CloudClients } from '../cloud'
import type { Store } from '../store'
import type { WorkerDeps } from './worker'

/** What the sync engine needs from the core (createCore and the test harness build it the same way). */
export interface SyncDeps {
  store: Store
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void
  clientsFor(profileId: string): Promise<CloudClients>
  /** A DingTalk signing secret from the keychain (D2). */
  secret(profileId: string, ref: string): Promise<string | null>
  /** STS GetCallerIdentity as the domain identity (A2/A3); refresh records it for offline planning. */
  identity?(profileId: string): Promise<{ identity: Identity }>
  log?: WorkerDeps['log']
  worker?: Pick<WorkerDeps, 'maxInFlight' | 'pollMs' | 'backoff' | 'commitIntervalMs' | 'inFlightGraceMs'>
  now?: () => Date
  /** Where the worker lease lives (default: the store's folder) and how this process is named to the others. */
  dataDir?: string
  runtime?: string
  /**
   * `when-needed` (default): this process sends once `start()` is called, or on its own when it queues or retries
   * work (a CLI `apply`); `never`: it only reads and queues (a holder elsewhere sends).
   */
  sender?: 'when-needed' | 'never'
  /** How often a process waiting for the worker lease tries again (ms). Default 2000. */
  leaseRetryMs?: number
}

/** The dependencies every unit of the engine shares, with the clock resolved. */
export type SyncContext = SyncDeps & { now: () => Date }
