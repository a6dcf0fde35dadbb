import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { WorkspaceConfigSchema, type WorkspaceConfig, type WorkspaceConfigInput } from '@shared/domain'
import { createCloudClients, LimiterRegistry, type CloudClients } from '../../../core/cloud'
import { openStore, type Store } from '../../../core/store'
import { newLocalWorkspaceKey } from '../../../core/store/ids'
import { encodeDraftKey } from '../../../core/model/draft-key'
import { SyncService } from '../../../core/sync'
import type { EventName } from '@shared/ipc/events'

/** Real SQLite + real HTTP to the emulator, no keychain: the sync engine as the core builds it. */

export const MAIN = {
  accessKeyId: 'TESTAK5tSyncMain0000001',
  accessKeySecret: 'sync-main-secret-0001',
  type: 'main' as const,
  uid: '1800000000000001',
  name: 'syncacct',
}
export const USERS = Array.from({ length: 4 }, (_, i) => ({
  UserId: `28000000000000${String(i + 10)}`,
  UserName: `dev${i + 1}`,
}))
export const DINGTALK_SECRET = 'SECsynctest0001'
/** A second keychain entry (a target rebound to another signing secret). */
export const DINGTALK_SECRET_2 = 'SECsynctest0002'

export interface Engine {
  dataDir: string
  store: Store
  clients: CloudClients
  sync: SyncService
  profileId: string
  /** What the core emitted, with when (Date.now()). */
  events: Array<{ event: EventName; payload: unknown; at: number }>
  close(): Promise<void>
}

export interface EngineOptions {
  dataDir?: string
  endpoint: string
  profileId?: string
  /** A hard cap on ops in flight (default 8 here); null: the product's default (the learned window). */
  maxInFlight?: number | null
  /** A hard cap per endpoint (default 6 here); null: the product's default (the learned window). */
  concurrency?: number | null
  /** false: the endpoint limiter is a plain fixed cap, with no pacing (the benchmark's baseline). */
  adaptive?: boolean
  start?: boolean
  /** How often an engine waiting for the worker lease tries again (ms). */
  leaseRetryMs?: number
  /** How often an op polls an asynchronous cloud job (workspace creation, role jobs), ms; default 20 here. */
  pollMs?: number
  /** Shortest time between two group commits while ops are in flight (ms). */
  commitIntervalMs?: number
  /** How long ops a dead sender left in flight wait before they are sent again (ms; default 300 here). */
  inFlightGraceMs?: number
  /** `never`: this engine only queues (another process would send). */
  sender?: 'never'
  /** Where the core logs (op outcomes...); none by default. */
  log?: { warn(msg: string, f?: Record<string, unknown>): void; info(msg: string, f?: Record<string, unknown>): void }
}

export function openEngine(o: EngineOptions): Engine {
  const dataDir = o.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'pai-sync-'))
  const store = openStore({ dataDir })
  const profileId = o.profileId ?? 'p-sync'
  if (!store.profiles.get(profileId))
    store.profiles.insert(
      {
        name: 'sync',
        region: 'cn-hangzhou',
        endpoint: o.endpoint,
        protocol: 'http',
        accessKeyId: MAIN.accessKeyId,
        proxy: 'none',
      },
      profileId,
    )
  const clients = createCloudClients(
    {
      region: 'cn-hangzhou',
      endpoint: o.endpoint,
      protocol: 'http',
      accessKeyId: MAIN.accessKeyId,
      accessKeySecret: MAIN.accessKeySecret,
      proxy: 'none',
    },
    {
      limiters:
        o.concurrency === null
          ? new LimiterRegistry()
          : new LimiterRegistry(o.concurrency ?? 6, { adaptive: o.adaptive ?? true }),
      retry: { baseDelayMs: 20, maxDelayMs: 400 },
    },
  )
  const events: Engine['events'] = []
  const sync = new SyncService({
    store,
    emit: (event, payload) => events.push({ event, payload, at: Date.now() }),
    clientsFor: async () => clients,
    secret: async (_p, ref) => (ref === 'robot1' ? DINGTALK_SECRET : ref === 'robot2' ? DINGTALK_SECRET_2 : null),
    identity: async () => ({ identity: { kind: 'main', userId: MAIN.uid } }),
    worker: {
      pollMs: o.pollMs ?? 20,
      backoff: { baseMs: 30, maxMs: 500 },
      ...(o.maxInFlight === null ? {} : { maxInFlight: o.maxInFlight ?? 8 }),
      ...(o.commitIntervalMs ? { commitIntervalMs: o.commitIntervalMs } : {}),
      inFlightGraceMs: o.inFlightGraceMs ?? 300,
    },
    runtime: 'test',
    ...(o.log ? { log: o.log } : {}),
    ...(o.sender ? { sender: o.sender } : {}),
    ...(o.leaseRetryMs ? { leaseRetryMs: o.leaseRetryMs } : {}),
  })
  if (o.start !== false) sync.start()
  return {
    dataDir,
    store,
    clients,
    sync,
    profileId,
    events,
    async close() {
      await sync.stop()
      store.close({ backup: false })
    },
  }
}

/** A new workspace with members, custom roles, resources, a storage path and two notification rules. */
export function fullDraft(name: string, webhookBase: string): WorkspaceConfig {
  const input: WorkspaceConfigInput = {
    basic: { name, displayName: `${name} 显示名`, description: 'sync e2e', mode: 'standard' },
    members: [
      { userId: USERS[0]!.UserId, roles: ['PAI.AlgoDeveloper', 'role-localops'] },
      { userId: USERS[1]!.UserId, roles: ['PAI.WorkspaceAdmin'] },
      { userId: USERS[2]!.UserId, roles: ['PAI.WorkspaceGuest', 'role-localviewer'] },
    ],
    customRoles: [
      { roleId: 'role-localops', name: 'ops-team', permissions: { DSW: 'ReadWrite', DLC: 'FullAccess' } },
      { roleId: 'role-localviewer', name: 'viewer', permissions: { Model: 'ReadOnly' } },
    ],
    resources: [
      { kind: 'general', envType: 'prod', name: 'gpu_pool_a', isDefault: true, spec: { clusterType: 'private' } },
      { kind: 'lingjun', envType: 'dev', name: 'lj_dev_b' },
    ],
    storage: { defaultPath: 'oss://sync-bucket/tmp/' },
    notifications: {
      rules: [
        {
          name: 'dlc-timeouts',
          eventTypes: ['dlc.faultTolerance', 'dlc.jobProgress'],
          targets: [
            { type: 'dingtalk', webhook: `${webhookBase}/robot/send?access_token=tok1`, secretRef: 'robot1' },
            { type: 'sms', contacts: ['13800000001', '13800000002'] },
          ],
        },
        {
          name: 'model-approvals',
          eventTypes: ['model.versionApproved'],
          scope: 'mine',
          targets: [{ type: 'http', url: 'https://hooks.example.com/pai' }],
        },
      ],
    },
  }
  return WorkspaceConfigSchema.parse(input)
}

/** Saves a new-workspace draft; returns its key. */
export function saveNewDraft(e: Engine, draft: WorkspaceConfig): string {
  const workspaceKey = newLocalWorkspaceKey()
  e.store.drafts.save({
    profileId: e.profileId,
    workspaceKey,
    draft,
    base: null,
    baseVersion: null,
    expectedRevision: 0,
  })
  return encodeDraftKey({ profileId: e.profileId, workspaceKey })
}
