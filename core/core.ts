import fs from 'node:fs'
import type { Channel, RequestOf, ResponseOf } from '@shared/ipc/contract'
import type { Envelope } from '@shared/ipc/api'
import { DEFAULT_LOCALE } from '@shared/locale'
import { dispatch } from './ipc/dispatch'
import { EventHub } from './ipc/events'
import type { CallContext, HandlerTable } from './ipc/types'
import { createHandlers } from './handlers'
import { Logger } from './log/logger'
import { logDirFor } from './paths'
import type { CoreServices } from './services'
import { SettingsService, sqliteSettingsStore } from './services/settings'
import { ProfilesService } from './services/profiles'
import { WorkspacesService } from './services/workspaces'
import { CloudSessions } from './services/cloud-sessions'
import { SyncService } from './sync'
import { AccessService } from './services/access'
import { AccessBulkService } from './services/access-bulk'
import { BundlesService } from './bundles'
import { openStore } from './store'
import { Vault } from './vault'
import { APP_NAME, APP_VERSION } from './version'

export interface CoreOptions {
  dataDir: string
  runtime: CoreServices['info']['runtime']
  /** Start the outbox worker (default true). A second process on the same data dir (e.g. a CLI read) may pass false. */
  startSyncWorker?: boolean
}

/**
 * The core of the app: plain Node, no `electron` import. Electron main, the browser harness,
 * the CLI and the tests all create it the same way and talk to it through `call`.
 */
export interface Core {
  readonly services: CoreServices
  readonly handlers: HandlerTable
  readonly events: EventHub
  /** Validated call through the contract (what every transport uses). */
  call(channel: unknown, payload: unknown, ctx?: Partial<CallContext>): Promise<Envelope<unknown>>
  /** Typed convenience for in-process callers (CLI, tests): throws nothing, returns the envelope. */
  invoke<C extends Channel>(
    channel: C,
    request: RequestOf<C>,
    ctx?: Partial<CallContext>,
  ): Promise<Envelope<ResponseOf<C>>>
  close(): Promise<void>
}

export function createCore(opts: CoreOptions): Core {
  fs.mkdirSync(opts.dataDir, { recursive: true })
  const logDir = logDirFor(opts.dataDir)
  const log = new Logger(logDir)
  const events = new EventHub()
  // Throws STORE_SCHEMA_TOO_NEW (data from a newer app) or STORE_OPEN_FAILED: the caller shows it.
  const store = openStore({ dataDir: opts.dataDir, log })
  const vault = new Vault({ onSecret: (v) => log.addSecret(v) })
  const settings = new SettingsService(
    sqliteSettingsStore(store.settings, (key, error) => log.warn('invalid setting ignored', { key, error })),
  )
  const workspaces = new WorkspacesService(store, settings, events)
  const cloud = new CloudSessions(store, vault)
  const sync = new SyncService({
    store,
    emit: (event, payload) => events.emit(event, payload),
    clientsFor: (profileId) => cloud.clientsFor(profileId),
    secret: (profileId, ref) => cloud.dingTalkSecret(profileId, ref),
    identity: (profileId) => cloud.identity(profileId),
    log,
  })
  const services: CoreServices = {
    info: { name: APP_NAME, version: APP_VERSION, runtime: opts.runtime, dataDir: opts.dataDir, logDir },
    events,
    log,
    settings,
    store,
    vault,
    profiles: new ProfilesService(store, vault, settings),
    workspaces,
    cloud,
    sync,
    access: new AccessService(store),
    accessBulk: new AccessBulkService({ store, sync, emit: (event, payload) => events.emit(event, payload) }),
    bundles: new BundlesService(store, vault, settings, workspaces, events),
  }
  const handlers = createHandlers(services)
  // Resume the outbox: ops left pending or in flight by an earlier run continue (nothing sent twice).
  if (opts.startSyncWorker !== false) sync.start()

  const call: Core['call'] = (channel, payload, ctx) =>
    dispatch(handlers, channel, payload, {
      locale: ctx?.locale ?? services.settings.get().locale ?? DEFAULT_LOCALE,
      transport: ctx?.transport ?? 'test',
    })

  return {
    services,
    handlers,
    events,
    call,
    invoke: (channel, request, ctx) => call(channel, request, ctx) as never,
    async close() {
      await sync.stop()
      await services.bundles.close()
      const { backup } = store.close({ backup: true })
      log.info('core closed', { backup })
    },
  }
}
