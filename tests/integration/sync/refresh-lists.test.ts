import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Core } from '../../../core/core'
import { testCore } from '../../helpers/core'
import { startEmulator, type RunningEmulator } from '../../../tools/emulator'
import { requireKeychain } from '../vault/keychain'

/**
 * Issue 18, real HTTP to the emulator: the workspace list's creation time comes from the cloud's answer
 * (GmtCreateTime), a refresh learns EventBridge's state (E1) and says when it ran, and the activity log
 * answers with names and filters.
 */

const ON = { accessKeyId: 'TESTAK5tListsOn0000001', accessKeySecret: 'lists-on-secret-1', uid: '1800000000000071' }
const OFF = { accessKeyId: 'TESTAK5tListsOff000001', accessKeySecret: 'lists-off-secret-1', uid: '1800000000000072' }
const EMPTY = { accessKeyId: 'TESTAK5tListsNone00001', accessKeySecret: 'lists-none-secret-1', uid: '1800000000000073' }

let emu: RunningEmulator
let core: Core

async function ok<T>(
  p: Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }>,
): Promise<T> {
  const res = await p
  if (!res.ok) throw new Error(`${res.error.code}: ${res.error.message}`)
  return res.value
}

async function addProfile(name: string, key: { accessKeyId: string; accessKeySecret: string }): Promise<string> {
  const p = await ok(
    core.invoke('profiles.add', {
      name,
      region: 'cn-hangzhou',
      endpoint: emu.endpoint,
      protocol: 'http',
      accessKeyId: key.accessKeyId,
      accessKeySecret: key.accessKeySecret,
    }),
  )
  return p.id
}

const stateOf = async (profileId: string) =>
  (await ok(core.invoke('sync.refreshState', {}))).profiles.find((p) => p.profileId === profileId)!

let before: number
let after: number
beforeAll(async () => {
  await requireKeychain()
  emu = await startEmulator({
    accounts: [
      { ...ON, type: 'main', name: 'on' },
      { ...OFF, type: 'main', name: 'off', eventBridge: false },
      { ...EMPTY, type: 'main', name: 'none', eventBridge: false },
    ],
  })
  core = testCore({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'pai-lists-')) })
  before = Date.now() - 1000
  emu.seed({
    tenant: ON.uid,
    users: [{ UserId: '2800000000000071', UserName: 'carol' }],
    workspaces: [
      { WorkspaceName: 'lists_a', members: [{ UserId: '2800000000000071', Roles: ['PAI.AlgoDeveloper'] }] },
      { WorkspaceName: 'lists_b' },
    ],
  })
  emu.seed({ tenant: OFF.uid, workspaces: [{ WorkspaceName: 'lists_off' }] })
  after = Date.now() + 1000
})
afterAll(async () => {
  for (const p of core.services.store.profiles.list()) await core.services.vault.deleteAll(p.id).catch(() => undefined)
  await core.close()
  await emu.close()
})

describe('refresh for the workspace list and the status bar (issue 18)', () => {
  it("the list's creation time is the GmtCreateTime of the cloud's ListWorkspaces/GetWorkspace answer", async () => {
    const id = await addProfile('开启', ON)
    // Before any refresh: never refreshed, E1 not known.
    expect(await stateOf(id)).toMatchObject({ lastRefreshedAt: null, eventBridgeAuthorized: null })
    await ok(core.invoke('sync.refresh', { profileId: id }))
    const list = await ok(core.invoke('workspaces.list', { profileId: id, sortBy: 'name', order: 'asc' }))
    expect(list.rows.map((r) => r.name)).toEqual(['lists_a', 'lists_b'])
    for (const r of list.rows) {
      const at = Date.parse(r.createdAt ?? '')
      expect(at).toBeGreaterThanOrEqual(before)
      expect(at).toBeLessThanOrEqual(after)
    }
    // A refresh of one workspace (the row action) keeps it too.
    const a = list.rows[0]!
    await ok(core.invoke('sync.refresh', { profileId: id, workspaceId: a.workspaceId! }))
    const again = await ok(core.invoke('workspaces.list', { profileId: id, query: 'lists_a' }))
    expect(again.rows[0]?.createdAt).toBe(a.createdAt)
  })

  it('E1: a refresh learns that EventBridge is authorized, and says when it ran', async () => {
    const id = core.services.store.profiles.list().find((p) => p.name === '开启')!.id
    const s = await stateOf(id)
    expect(s.eventBridgeAuthorized).toBe(true)
    expect(s.result).toBe('ok')
    expect(Date.parse(s.lastRefreshedAt ?? '')).toBeGreaterThanOrEqual(before)
  })

  it('E1: EventBridge not activated is learned as false, with workspaces and without any', async () => {
    const off = await addProfile('未开通', OFF)
    await ok(core.invoke('sync.refresh', { profileId: off }))
    expect((await stateOf(off)).eventBridgeAuthorized).toBe(false)
    // No workspace at all: no bus to read, the account's answer (ServiceNotEnable) tells.
    const none = await addProfile('空账号', EMPTY)
    await ok(core.invoke('sync.refresh', { profileId: none }))
    const s = await stateOf(none)
    expect(s.eventBridgeAuthorized).toBe(false)
    expect(s.lastRefreshedAt).not.toBeNull()
    // Activated later, still no workspace (so no PAI bus): nothing tells, and what was known is kept.
    emu.seed({ tenant: EMPTY.uid, eventBridge: true })
    await ok(core.invoke('sync.refresh', { profileId: none }))
    expect((await stateOf(none)).eventBridgeAuthorized).toBe(false)
  })
})

describe('the activity log with names and filters (issue 18)', () => {
  it('rows name the workspace, the profile and the member; filters by workspace, area, outcome and text', async () => {
    const id = core.services.store.profiles.list().find((p) => p.name === '开启')!.id
    const ws = (await ok(core.invoke('workspaces.list', { profileId: id, query: 'lists_a' }))).rows[0]!
    core.services.store.activity.add({
      profileId: id,
      workspace: ws.workspaceId!,
      action: 'member.addRole',
      result: 'failed',
      requestId: 'REQ-LISTS-1',
      details: { error: { code: 'CLOUD_REQUEST_REJECTED' }, userId: '2800000000000071' },
    })
    const all = await ok(core.invoke('activity.list', {}))
    const row = all.rows.find((r) => r.requestId === 'REQ-LISTS-1')!
    expect(row).toMatchObject({ workspaceName: 'lists_a', profileName: '开启', users: { '2800000000000071': 'carol' } })

    const q = (f: Record<string, unknown>) => ok(core.invoke('activity.list', f))
    expect((await q({ workspace: ws.workspaceId! })).rows.map((r) => r.action)).toEqual([
      'member.addRole',
      'sync.refreshWorkspace',
    ])
    const member = await q({ action: 'member' })
    expect(member.total).toBe(1)
    // An area takes each of its actions; an action only itself.
    expect((await q({ action: 'sync', profileId: id })).total).toBe(2)
    expect((await q({ action: 'sync.refresh', profileId: id })).total).toBe(1)
    expect((await q({ result: 'failed' })).rows.map((r) => r.requestId)).toEqual(['REQ-LISTS-1'])
    // Text: the workspace's name (not stored in the entry), the request ID, the details.
    expect((await q({ text: 'LISTS_A', action: 'member' })).total).toBe(1)
    expect((await q({ text: 'req-lists-1' })).total).toBe(1)
    expect((await q({ text: 'no such thing' })).total).toBe(0)
    // Paging: the total stays, the page moves.
    const p1 = await q({ limit: 2, offset: 0 })
    const p2 = await q({ limit: 2, offset: 2 })
    expect(p1.total).toBe(all.total)
    expect(p2.rows[0]?.id).toBeLessThan(p1.rows[1]!.id)
  })
})
