import type { Channel, RequestOf, ResponseOf } from '@shared/ipc/contract'
import type { Envelope } from '@shared/ipc/api'
import { DEFAULT_LOCALE } from '@shared/locale'
import { dispatch } from './ipc/dispatch'
import { EventHub } from './ipc/events'
import type { CallContext, HandlerTable } from './ipc/types'
import { createHandlers } from './handlers'
import { Logger } from './log/logger'
import { logDirFor } from './paths'
import type { CoreInfo, HandlerServices } from './handlers/services'
import { AccountsService } from './services/accounts'
import { RamUsersService } from './services/ram-users'
import { CloudChecks } from './services/cloud-checks'
import { StoreHealth } from './services/store-health'
import { assertDraftSecretRefs } from './services/secret-refs'
import { SettingsService, sqliteSettingsStore } from './services/settings'
import { ProfilesService } from './services/profiles'
import { ProfileImporter } from './services/profile-import'
import { WorkspacesService } from './services/workspaces'
import { CloudSessions, type TestOnlyRoutes } from './services/cloud-sessions'
import { settingsPacingMemory } from './services/pacing-memory'
import { DEFAULT_MAX_CONCURRENT_PER_ENDPOINT, LimiterRegistry } from './cloud'
import { SyncService } from './sync'
import { AccessService } from './services/access'
import { AccessBulkService } from './services/access-bulk'
import { exportAccess } from './services/access-export'
import { BundlesService } from './bundles'
import { openStore, type Store } from './store'
import { privateDir } from './private-files'
import { keychainSettled, Vault } from './vault'
import { FilesService, type FileDialogs } from './services/files'
import { APP_NAME, APP_VERSION } from './version'

/** Everything createCore builds: the handlers' services, plus the parts below them (for the front doors and tests). */
export interface CoreServices extends HandlerServices {
  log: Logger
  /** The local SQLite store (repositories: see core/store/README.md). */
  store: Store
  /** The OS keychain: the only place secrets live (D2). */
  vault: Vault
  /** Cloud clients per profile (secret read from the keychain on demand). */
  cloud: CloudSessions
}

export interface CoreOptions {
  dataDir: string
  runtime: CoreInfo['runtime']
  /**
   * When this process sends the outbox (one process per data folder holds the worker lease, see docs/sync.md):
   * `now` (default; the app and the harness): take the lease at start, or as soon as its holder lets go;
   * `when-needed` (the CLI): only once this process queues or retries work, so read-only commands never start a
   * worker; `never`: only read and queue.
   */
  syncWorker?: 'now' | 'when-needed' | 'never'
  /** Test-only redirections of DingTalk and the ECS metadata service; the shipped app never sets them. */
  testOnly?: TestOnlyRoutes
  /** `memory`: no OS keychain (a throw-away data directory, the CLI's `--credentials env`). Default `os`. */
  vault?: 'os' | 'memory'
  /**
   * The keychain service the secrets are stored under (default: the app's, `pai-workspace-admin`). Tests pass
   * their own so they never read, write or delete an admin's real entries.
   */
  keychainService?: string
  /** The OS's save and open dialogs (Electron main passes them); without them files.* say there are none. */
  fileDialogs?: FileDialogs
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
  // AccessKey IDs, webhook tokens, drafts: the data folder is its owner's only (0700), whatever the umask.
  privateDir(opts.dataDir)
  const logDir = logDirFor(opts.dataDir)
  const log = new Logger(logDir)
  const events = new EventHub()
  // Throws STORE_SCHEMA_TOO_NEW (data from a newer app) or STORE_OPEN_FAILED: the caller shows it.
  const store = openStore({ dataDir: opts.dataDir, log })
  const vault = new Vault({
    ...(opts.keychainService ? { service: opts.keychainService } : {}),
    onSecret: (v) => log.addSecret(v),
    backend: opts.vault ?? 'os',
  })
  const settings = new SettingsService(
    sqliteSettingsStore(store.settings, (key, error) => log.warn('invalid setting ignored', { key, error })),
  )
  const workspaces = new WorkspacesService(store, settings, events)
  const profiles = new ProfilesService(store, vault, settings, (id, at) => cloud.liveExpiry(id, at))
  // Each endpoint's limiter starts from the limit it taught last time (kept in the store), not cold.
  const memory = settingsPacingMemory(store.settings, undefined, (err) =>
    log.warn('pacing memory not kept', { error: err instanceof Error ? err.message : String(err) }),
  )
  const limiters = new LimiterRegistry(DEFAULT_MAX_CONCURRENT_PER_ENDPOINT, { memory })
  const cloud = new CloudSessions(store, vault, { limiters }, opts.testOnly, (v) => log.addSecret(v))
  const sync = new SyncService({
    store,
    emit: (event, payload) => events.emit(event, payload),
    clientsFor: (profileId) => cloud.clientsFor(profileId),
    secret: (profileId, ref) => cloud.dingTalkSecret(profileId, ref),
    // Every refresh learns who the profile's credentials are: the profiles screen and `profile list` show it.
    identity: async (profileId) => {
      const who = await cloud.identity(profileId)
      store.profiles.setCaller(profileId, who.caller)
      return who
    },
    log,
    dataDir: opts.dataDir,
    runtime: opts.runtime,
    sender: opts.syncWorker === 'never' ? 'never' : 'when-needed',
  })
  const access = new AccessService(store)
  const services: CoreServices = {
    info: { name: APP_NAME, version: APP_VERSION, runtime: opts.runtime, dataDir: opts.dataDir, logDir },
    events,
    log,
    settings,
    store,
    vault,
    profiles,
    profileImport: new ProfileImporter(store, profiles),
    workspaces,
    cloud,
    accounts: new AccountsService(store, workspaces, (id) => sync.refresh(id)),
    ramUsers: new RamUsersService(store, (id) => cloud.clientsFor(id)),
    cloudChecks: new CloudChecks(store, cloud, profiles),
    storeHealth: new StoreHealth(store),
    draftSecrets: { assertPresent: (key) => assertDraftSecretRefs(store, vault, key) },
    sync,
    access,
    accessExport: (q, format, locale) => exportAccess(access, q, format, locale),
    accessBulk: new AccessBulkService({ store, sync, emit: (event, payload) => events.emit(event, payload) }),
    bundles: new BundlesService(store, vault, settings, workspaces, events),
    files: new FilesService(opts.fileDialogs),
  }
  const handlers = createHandlers(services)
  // Resume the outbox once this process holds the worker lease: ops left pending or in flight by an earlier
  // sender continue (a create in flight is looked up by natural key before it is sent again).
  if ((opts.syncWorker ?? 'now') === 'now') sync.start()

  let closing: Promise<void> | undefined
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
    // Idempotent: a second close (a test's own, then its cleanup) waits for the first.
    close() {
      closing ??= (async () => {
        await sync.stop()
        await services.bundles.close()
        // The process usually leaves next: a secret still being saved or deleted is written first.
        await keychainSettled()
        const { backup } = store.close({ backup: true })
        log.info('core closed', { backup })
      })()
      return closing
    },
  }
}
