import crypto from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { applySeed, type SeedInput } from './control'
import { EmulatorCore } from './core'
import { Faults, FaultSettingsSchema, type FaultSettings } from './faults'
import type { EmuState } from './model'
import { EmulatorOptionsSchema, resolveAccounts, type EmulatorOptionsInput } from './options'
import type { LoggedRequest } from './pipeline'
import { createHandler } from './server'

export type { EmulatorOptionsInput, AccountInput, RoleInput, OidcProviderInput } from './options'
export type { SeedInput } from './control'
export { CONSOLE_DINGTALK_SECRET, consoleMadeWorkspace } from './seeds/console'
export type { FaultSettings } from './faults'
export type { EmuState } from './model'
export type { LoggedRequest } from './pipeline'

export interface RunningEmulator {
  /** `http://127.0.0.1:PORT` */
  url: string
  host: string
  port: number
  /** `127.0.0.1:PORT`: the `endpoint` for the Alibaba Cloud clients (with `protocol: 'http'`). */
  endpoint: string
  /** The token of the control path (header `x-emulator-token`). */
  controlToken: string
  core: EmulatorCore
  /** A deep copy of the whole state (workspaces, members, create calls per natural key, ...). */
  state(): EmuState
  reset(): void
  seed(input: SeedInput): { workspaces: Array<{ WorkspaceName: string; WorkspaceId: string }> }
  /** Changes latency / throttling / fault rate, or queues injected faults, at run time. */
  faults(settings: FaultSettings): void
  clearFaults(): void
  /** Requests held by `hold` faults (not performed yet) and answers held by `hold-answer` faults, per action. */
  held(): Record<string, number>
  /** Lets held requests and answers go on (of one action, or all); returns how many. */
  release(action?: string): number
  /** The cloud requests served, newest last (with the fault applied, if any). */
  requests(): LoggedRequest[]
  clearRequests(): void
  close(): Promise<void>
}

/** In-process extras that have no CLI flag. */
export interface StartExtras {
  /** The emulator's clock (epoch ms); tests pin it to check date windows and the §4.6 vectors. */
  clock?: () => number
}

/** Starts the emulator on 127.0.0.1 (in-process; `main.ts` is the CLI around it). */
export async function startEmulator(input: EmulatorOptionsInput, extras: StartExtras = {}): Promise<RunningEmulator> {
  const opts = EmulatorOptionsSchema.parse(input)
  const clock = extras.clock ?? Date.now
  const core = new EmulatorCore(opts, resolveAccounts(opts))
  const faults = new Faults({
    latencyMs: opts.latencyMs,
    throttleQps: opts.throttleQps,
    faultRate: opts.faultRate,
    seed: opts.seed,
  })
  const controlToken = opts.controlToken ?? crypto.randomBytes(24).toString('hex')
  const log: LoggedRequest[] = []
  const server = http.createServer({ keepAlive: true }, createHandler({ core, faults, controlToken, log, now: clock }))
  server.keepAliveTimeout = 30_000
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port, '127.0.0.1', () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  const host = '127.0.0.1'
  return {
    url: `http://${host}:${port}`,
    host,
    port,
    endpoint: `${host}:${port}`,
    controlToken,
    core,
    state: () => structuredClone(core.state),
    reset: () => {
      core.reset()
      faults.clear()
      log.length = 0
    },
    seed: (s) => applySeed(core, s),
    faults: (s) => faults.set(FaultSettingsSchema.parse(s)),
    clearFaults: () => faults.clear(),
    held: () => faults.heldCounts(),
    release: (action) => faults.release(action),
    requests: () => [...log],
    clearRequests: () => {
      log.length = 0
    },
    close: () =>
      new Promise<void>((resolve) => {
        core.save()
        faults.release()
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
