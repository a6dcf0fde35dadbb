import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Envelope } from '@shared/ipc/api'
import type { AllWorkspaceRow } from '@shared/ipc/channels/accounts'
import type { ProfileView } from '@shared/ipc/channels/profiles'
import type { Core } from '../../../core/core'
import { testCore } from '../../helpers/core'
import type { RunningEmulator } from '../../../tools/emulator'
import { MAIN, startTestEmulator } from '../emulator/support'
import { requireKeychain } from '../vault/keychain'
import { ADMIN_ROLE, arnOf, DEPLOYER, OTHER, ROLES, STS_ACCOUNTS } from './sts-fixtures'

/** Issue 15 item 5: the workspace list, its search and refresh across every profile (account and region). */

function value<T>(env: Envelope<unknown>): T {
  if (!env.ok) throw new Error(`expected ok, got ${JSON.stringify(env.error)}`)
  return env.value as T
}

describe('many accounts at once', () => {
  let emu: RunningEmulator
  let core: Core
  let dataDir: string
  const ids: Record<string, string> = {}
  const listAll = (q: Record<string, unknown> = {}) =>
    core
      .call('workspaces.listAll', q)
      .then((r) =>
        value<{ total: number; rows: AllWorkspaceRow[]; profiles: Array<{ name: string; total: number }> }>(r),
      )

  beforeAll(async () => {
    await requireKeychain()
    emu = await startTestEmulator({ accounts: STS_ACCOUNTS, roles: ROLES })
    emu.seed({
      workspaces: [{ WorkspaceName: 'acme_train' }, { WorkspaceName: 'acme_infer' }, { WorkspaceName: 'shared_name' }],
    })
    emu.seed({ tenant: OTHER.uid, workspaces: [{ WorkspaceName: 'other_train' }, { WorkspaceName: 'shared_name' }] })
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pai-many-'))
    core = testCore({ dataDir, syncWorker: 'never' })
    const at = { region: 'cn-hangzhou', endpoint: emu.endpoint, protocol: 'http' }
    const add = async (name: string, payload: Record<string, unknown>): Promise<void> => {
      ids[name] = value<ProfileView>(await core.call('profiles.add', { name, ...at, ...payload })).id
    }
    await add('acme', { accessKeyId: MAIN.accessKeyId, accessKeySecret: MAIN.accessKeySecret })
    await add('deployer', { accessKeyId: DEPLOYER.accessKeyId, accessKeySecret: DEPLOYER.accessKeySecret })
    await add('other-admin', {
      kind: 'ram-role-arn',
      baseProfileId: ids.deployer,
      roleArn: arnOf(ADMIN_ROLE),
      externalId: 'ext-4711',
    })
    await add('broken', { accessKeyId: MAIN.accessKeyId, accessKeySecret: 'not-the-secret' })
  })
  afterAll(async () => {
    for (const id of Object.values(ids)) await core.services.vault.deleteAll(id)
    await core.close()
    await emu.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  it('refresh of every profile: each one is refreshed, one failing does not stop the others', async () => {
    const { results } = value<{
      results: Array<{ name: string; ok: boolean; workspaces?: number; error?: { code: string } }>
    }>(await core.call('sync.refreshAll', {}))
    const by = Object.fromEntries(results.map((r) => [r.name, r]))
    expect(by.acme).toMatchObject({ ok: true, workspaces: 3 })
    expect(by['other-admin']).toMatchObject({ ok: true, workspaces: 2 })
    expect(by.broken).toMatchObject({ ok: false, error: { code: 'CLOUD_AUTH' } })
    // deployer has no PAI policy (A3): refused, and said so.
    expect(by.deployer?.ok).toBe(false)
    // The refresh learnt who each profile is: rows can say which account they belong to.
    expect(core.services.store.profiles.get(ids['other-admin']!)?.caller?.accountId).toBe(OTHER.uid)
  })

  it('the list and its search span every profile, each row saying whose it is', async () => {
    const all = await listAll()
    expect(all.total).toBe(5)
    expect(all.rows.map((r) => [r.name, r.profileName])).toEqual([
      ['acme_infer', 'acme'],
      ['acme_train', 'acme'],
      ['other_train', 'other-admin'],
      ['shared_name', 'acme'],
      ['shared_name', 'other-admin'],
    ])
    expect(all.rows.find((r) => r.profileName === 'other-admin')).toMatchObject({
      accountId: OTHER.uid,
      region: 'cn-hangzhou',
      profileKind: 'ram-role-arn',
    })
    const shared = await listAll({ query: 'SHARED' })
    expect(shared.rows.map((r) => r.accountId)).toEqual([MAIN.uid, OTHER.uid])
    expect(shared.profiles.filter((p) => p.total > 0).map((p) => p.name)).toEqual(['acme', 'other-admin'])
    const desc = await listAll({ order: 'desc' })
    expect(desc.rows.map((r) => r.name)).toEqual([
      'shared_name',
      'shared_name',
      'other_train',
      'acme_train',
      'acme_infer',
    ])
    // Pages across profiles add up to the whole list, in order.
    const pages = [
      ...(await listAll({ limit: 2 })).rows,
      ...(await listAll({ offset: 2, limit: 2 })).rows,
      ...(await listAll({ offset: 4, limit: 2 })).rows,
    ]
    expect(pages.map((r) => r.key)).toEqual(all.rows.map((r) => r.key))
    // A row opens as any other: its key is its profile's draft key.
    const row = all.rows.find((r) => r.name === 'other_train')!
    expect(value<{ profileId: string }>(await core.call('drafts.open', { key: row.key })).profileId).toBe(
      ids['other-admin'],
    )
  })
})
