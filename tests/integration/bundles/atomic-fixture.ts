import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { WorkspaceConfigSchema, type WorkspaceConfig } from '@shared/domain'
import type { Core } from '../../../core/core'
import { testCore } from '../../helpers/core'

/** What the atomic-import tests share: two workspaces, one naming two DingTalk signing secrets. */

const cores: Core[] = []

/** A core (with the tests' keychain service) on a new data directory, or on `dataDir` (another window). */
export function newCore(dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pai-bundles-atomic-'))): Core {
  const core = testCore({ dataDir, syncWorker: 'never' })
  cores.push(core)
  return core
}

/** After each test: every profile's keychain entries deleted, every core closed. */
export async function closeCores(): Promise<void> {
  for (const c of cores.splice(0).reverse()) {
    for (const p of c.services.store.profiles.list()) await c.services.vault.deleteAll(p.id).catch(() => 0)
    await c.close()
  }
}

export async function ok<T>(
  p: Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }>,
): Promise<T> {
  const res = await p
  if (!res.ok) throw new Error(`${res.error.code}: ${res.error.message}`)
  return res.value
}

export const NEW_SECRET = 'SEC' + '1a2b3c4d'.repeat(8)
export const OLD_SECRET_IN_BUNDLE = 'SEC' + '5e6f7a8b'.repeat(8)
export const OLD_SECRET_BEFORE = 'SEC' + '99887766'.repeat(8)
export const PASSPHRASE = 'a long passphrase'

export const config = WorkspaceConfigSchema.parse({
  basic: { name: 'team_a', description: 'Team workspace', mode: 'standard' },
  owner: { userId: '1700000000000001' },
  members: [{ userId: '1700000000000001', roles: ['PAI.WorkspaceOwner'] }],
  notifications: {
    rules: [
      {
        name: 'ops',
        eventTypes: ['dlc.other'],
        targets: [
          { type: 'dingtalk', webhook: 'https://oapi.dingtalk.com/robot/send?access_token=a1', secretRef: 'new-robot' },
          { type: 'dingtalk', webhook: 'https://oapi.dingtalk.com/robot/send?access_token=b2', secretRef: 'old-robot' },
        ],
      },
    ],
  },
  storage: { defaultPath: 'oss://team-bucket/pai/' },
})

const plain: WorkspaceConfig = WorkspaceConfigSchema.parse({
  ...config,
  basic: { name: 'team_b', description: 'Second workspace', mode: 'standard' },
  notifications: { rules: [] },
})

/** A profile (emulator address that is never called) with team_a (101) and, if asked, team_b (102) cached. */
export async function profileWithWorkspace(
  core: Core,
  opts: { second?: boolean } = {},
): Promise<{ profileId: string; key: string; secondKey: string }> {
  const p = await ok(
    core.invoke('profiles.add', {
      name: 'emu',
      region: 'cn-hangzhou',
      accessKeyId: 'TESTAK5tMainAccount0001',
      endpoint: '127.0.0.1:9',
      protocol: 'http',
    }),
  )
  const ws = [{ workspaceId: '101', name: 'team_a', status: 'ENABLED', mode: 'standard' }]
  if (opts.second) ws.push({ workspaceId: '102', name: 'team_b', status: 'ENABLED', mode: 'standard' })
  core.services.store.workspaces.upsertMany(p.id, ws)
  core.services.store.workspaces.saveConfig(p.id, '101', config)
  if (opts.second) core.services.store.workspaces.saveConfig(p.id, '102', plain)
  return { profileId: p.id, key: `${p.id}:101`, secondKey: `${p.id}:102` }
}

/** The bundle another machine exports: team_a (and team_b) with both signing secrets, encrypted. */
export async function exportedBundle(source: Core, opts: { second?: boolean } = {}): Promise<string> {
  const from = await profileWithWorkspace(source, opts)
  await ok(source.invoke('secrets.setDingtalk', { profileId: from.profileId, ref: 'new-robot', secret: NEW_SECRET }))
  await ok(
    source.invoke('secrets.setDingtalk', { profileId: from.profileId, ref: 'old-robot', secret: OLD_SECRET_IN_BUNDLE }),
  )
  const bundle = await ok(
    source.invoke('bundles.export', {
      keys: opts.second ? [from.key, from.secondKey] : [from.key],
      format: 'yaml',
      source: 'cloud',
      secrets: { mode: 'encrypted', passphrase: PASSPHRASE },
    }),
  )
  return bundle.content.replaceAll('description: Team workspace', 'description: From the bundle')
}
