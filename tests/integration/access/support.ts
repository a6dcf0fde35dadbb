import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createCloudClients, LimiterRegistry, type CloudClients } from '../../../core/cloud'
import { EventHub } from '../../../core/ipc/events'
import { AccessService } from '../../../core/services/access'
import { AccessBulkService } from '../../../core/services/access-bulk'
import { openStore, type Store } from '../../../core/store'
import { SyncService } from '../../../core/sync'
import type { RunningEmulator } from '../../../tools/emulator'

/**
 * Two Alibaba Cloud accounts in the emulator, one profile each (different regions), one real SQLite file:
 * the cache is filled by the real refresh over real HTTP, and the access services are built as createCore
 * builds them (no keychain: the clients get the secret directly).
 */

export const ACCOUNTS = [
  {
    accessKeyId: 'TESTAK5tAccessA00000001',
    accessKeySecret: 'access-a-secret-0001',
    type: 'main' as const,
    uid: '1900000000000001',
    name: 'acct-a',
  },
  {
    accessKeyId: 'TESTAK5tAccessB00000001',
    accessKeySecret: 'access-b-secret-0001',
    type: 'main' as const,
    uid: '1900000000000002',
    name: 'acct-b',
  },
]
export const PROFILES = [
  { id: 'p-a', name: 'prod-hz', region: 'cn-hangzhou', account: ACCOUNTS[0]! },
  { id: 'p-b', name: 'lab-sh', region: 'cn-shanghai', account: ACCOUNTS[1]! },
]

/** People: the same RAM user UIDs appear under both accounts (as one person invited to both tenants would). */
export const ALICE = '2900000000000011'
export const BOB = '2900000000000012'
export const CAROL = '2900000000000013'
export const DAVE = '2900000000000014'
export const PEOPLE = [
  { UserId: ALICE, UserName: 'alice', DisplayName: 'Alice Wang' },
  { UserId: BOB, UserName: 'bob', DisplayName: 'Bob Li' },
  { UserId: CAROL, UserName: 'carol', DisplayName: 'Carol Zhao' },
  { UserId: DAVE, UserName: 'dave', DisplayName: 'Dave Sun' },
]

export interface Fleet {
  store: Store
  sync: SyncService
  access: AccessService
  bulk: AccessBulkService
  /** The clock every part reads: real time shifted by `offsetMs`. */
  clock: { offsetMs: number }
  now(): Date
  clients: Map<string, CloudClients>
  dataDir: string
  /** Closes the store; `keep` leaves the data directory for another process to open. */
  close(keep?: boolean): Promise<void>
}

export function openFleet(emu: RunningEmulator, o: { dataDir?: string; start?: boolean } = {}): Fleet {
  const dataDir = o.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'pai-access-'))
  const store = openStore({ dataDir })
  const clock = { offsetMs: 0 }
  const now = (): Date => new Date(Date.now() + clock.offsetMs)
  const clients = new Map<string, CloudClients>()
  for (const p of PROFILES) {
    const known = store.profiles.get(p.id)
    const conn = {
      region: p.region,
      endpoint: emu.endpoint,
      protocol: 'http' as const,
      accessKeyId: p.account.accessKeyId,
      proxy: 'none' as const,
    }
    if (!known) store.profiles.insert({ name: p.name, ...conn }, p.id)
    clients.set(
      p.id,
      createCloudClients(
        { ...conn, accessKeySecret: p.account.accessKeySecret },
        { limiters: new LimiterRegistry(6), retry: { baseDelayMs: 20, maxDelayMs: 400 } },
      ),
    )
  }
  const events = new EventHub()
  const sync = new SyncService({
    store,
    emit: (event, payload) => events.emit(event, payload),
    clientsFor: async (id) => clients.get(id)!,
    secret: async () => null,
    identity: async (id) => ({
      identity: { kind: 'main', userId: PROFILES.find((p) => p.id === id)!.account.uid },
    }),
    worker: { pollMs: 20, backoff: { baseMs: 30, maxMs: 500 }, maxInFlight: 8 },
    now,
  })
  if (o.start !== false) sync.start()
  return {
    store,
    sync,
    access: new AccessService(store, now),
    bulk: new AccessBulkService({ store, sync, emit: (e, p) => events.emit(e, p), now }),
    clock,
    now,
    clients,
    dataDir,
    async close(keep = false) {
      await sync.stop()
      store.close({ backup: false })
      if (!keep) fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

export const CUSTOM_ROLE = { RoleId: 'role-opsteam0001', RoleName: 'ops-team' }

/**
 * Seeds both tenants with workspaces made outside the app (as in the console): an owner who is a RAM user,
 * a custom role made in the console, the same people in both accounts. Returns the WorkspaceIds by name.
 */
export function seedFleet(emu: RunningEmulator): Record<string, string> {
  const [a, b] = ACCOUNTS as [(typeof ACCOUNTS)[0], (typeof ACCOUNTS)[0]]
  const ids: Record<string, string> = {}
  const one = emu.seed({
    tenant: a.uid,
    users: PEOPLE,
    workspaces: [
      {
        WorkspaceName: 'fraud_model',
        Description: 'fraud_model team',
        Creator: ALICE,
        members: [
          { UserId: BOB, Roles: ['PAI.AlgoDeveloper'] },
          { UserId: CAROL, Roles: ['PAI.WorkspaceGuest'] },
        ],
      },
      {
        WorkspaceName: 'rec_sys',
        Description: 'rec_sys team',
        members: [
          { UserId: ALICE, Roles: ['PAI.WorkspaceAdmin'] },
          { UserId: BOB, Roles: [CUSTOM_ROLE.RoleId] },
          { UserId: DAVE, Roles: ['PAI.WorkspaceGuest'] },
        ],
      },
    ],
  })
  const two = emu.seed({
    tenant: b.uid,
    users: PEOPLE,
    workspaces: [
      {
        WorkspaceName: 'lab_vision',
        Description: 'lab_vision team',
        members: [
          { UserId: ALICE, Roles: ['PAI.AlgoDeveloper'] },
          { UserId: BOB, Roles: ['PAI.WorkspaceGuest', 'PAI.LabelManager'] },
        ],
      },
    ],
  })
  for (const w of [...one.workspaces, ...two.workspaces]) ids[w.WorkspaceName] = w.WorkspaceId
  const at = new Date().toISOString()
  const ws = emu.core.tenant(a.uid).workspaces[ids.rec_sys!]!
  ws.roles[CUSTOM_ROLE.RoleId] = {
    ...CUSTOM_ROLE,
    Creator: a.uid,
    ModulePermissions: [{ ModuleName: 'DSW', PermissionType: 'ReadWrite' }],
    GmtCreateTime: at,
    GmtModifiedTime: at,
    readyAt: 0,
    pendingStatus: 'Creating',
  }
  emu.core.dirty()
  return ids
}
