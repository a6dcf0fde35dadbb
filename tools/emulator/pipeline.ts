import type { EmulatorCore } from './core'
import type { Faults, FaultKind } from './faults'

/** What the emulator's HTTP pipeline serves and keeps: the cloud services, the request log, its dependencies. */

export type Service = 'pai' | 'eventBridge' | 'sts' | 'sls' | 'ram'

export interface LoggedRequest {
  at: number
  service: Service | 'robot' | 'unknown'
  action: string
  status: number
  requestId: string
  fault?: FaultKind
  /** What a cloud call asked for: the method, the raw path, the query and the JSON body (tests read exactly what was sent). */
  sent?: { method: string; path: string; query: Record<string, string>; body?: unknown }
}

export interface PipelineDeps {
  core: EmulatorCore
  faults: Faults
  controlToken: string
  log: LoggedRequest[]
  now(): number
}
