import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Plan } from '@shared/ipc/channels/sync'
import type { Core } from '../../../core/core'
import { testCore } from '../../helpers/core'
import { startEmulator, type RunningEmulator } from '../../../tools/emulator'
import { requireKeychain } from '../vault/keychain'
import { MAIN, USERS } from './harness'

/**
 * The sync channels through the validated contract of a real core: real keychain (the AccessKey secret
 * is read from it by CloudSessions), real SQLite, real HTTP to the emulator. Needs a D-Bus session with
 * gnome-keyring (see tests/integration/vault/keychain.ts).
 */

let emu: RunningEmulator
let core: Core
const events: Array<{ event: string; payload: unknown }> = []

async function ok<T>(
  p: Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }>,
): Promise<T> {
  const res = await p
  if (!res.ok) throw new Error(`${res.error.code}: ${res.error.message}`)
  return res.value
}

beforeAll(async () => {
  await requireKeychain()
  emu = await startEmulator({ accounts: [MAIN], asyncDelayMs: 20 })
  emu.seed({ users: USERS })
  core = testCore({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'pai-sync-ipc-')) })
  core.events.subscribe((event, payload) => events.push({ event, payload }))
})
afterAll(async () => {
  const profiles = core.services.store.profiles.list()
  for (const p of profiles) await core.services.vault.deleteAll(p.id).catch(() => undefined)
  await core.close()
  await emu.close()
})

describe('sync channels through the contract', () => {
  it('D5: refresh, plan (with a manual step), stale plan refused in zh-CN, apply, status, activity', async () => {
    const profile = await ok(
      core.invoke('profiles.add', {
        name: 'emu',
        region: 'cn-hangzhou',
        endpoint: emu.endpoint,
        protocol: 'http',
        accessKeyId: MAIN.accessKeyId,
        accessKeySecret: MAIN.accessKeySecret,
      }),
    )
    const refreshed = await ok(core.invoke('sync.refresh', { profileId: profile.id }))
    expect(refreshed.failed).toEqual([])
    expect(events.some((e) => e.event === 'job.progress')).toBe(true)

    const draft = await ok(
      core.invoke('drafts.create', {
        profileId: profile.id,
        config: {
          basic: { name: 'wsIpc', description: 'through the contract', mode: 'simple' },
          members: [{ userId: USERS[0]!.UserId, roles: ['PAI.AlgoDeveloper'] }],
          storage: { defaultPath: 'oss://ipc/tmp/' },
          switches: { dswSsh: true },
        },
      }),
    )
    let plan: Plan = await ok(core.invoke('sync.plan', { key: draft.key }, { locale: 'zh-CN' }))
    expect(plan.creating).toBe(true)
    expect(plan.counts).toMatchObject({ apply: 3, manual: 1, refused: 0, conflict: 0 })
    const manual = plan.actions.find((a) => a.kind === 'manual')!
    expect(manual).toMatchObject({ area: 'switches', target: 'dswSsh' })
    expect(manual.message).toContain('控制台')
    expect(manual.console!['zh-CN'].join(' ')).toContain('通用配置')
    expect(manual.console!.link).toMatch(/^https:\/\/pai\.console\.aliyun\.com\//)

    // G2: done in the console by the user; the plan no longer lists it
    plan = await ok(core.invoke('sync.markManualDone', { key: draft.key, actionId: manual.id }))
    expect(plan.counts.manual).toBe(0)

    const stale = await core.invoke(
      'sync.apply',
      { key: draft.key, planFingerprint: 'sha256:not-this-one' },
      { locale: 'zh-CN' },
    )
    expect(stale.ok).toBe(false)
    if (!stale.ok) {
      expect(stale.error.code).toBe('SYNC_PLAN_STALE')
      expect(stale.error.message).toContain('过期')
    }

    const { runId, queued } = await ok(core.invoke('sync.apply', { key: draft.key, planFingerprint: plan.fingerprint }))
    expect(queued).toBe(3)
    await core.services.sync.waitForRun(runId, { timeoutMs: 30_000 })
    const status = await ok(core.invoke('sync.status', { runId }))
    expect(status.finished).toBe(true)
    expect(status.ops.map((o) => `${o.kind}:${o.status}`)).toEqual([
      'workspace.create:done',
      'member.create:done',
      'config.update:done',
    ])
    expect(status.ops.every((o) => o.actionId !== undefined && o.attempts >= 1)).toBe(true)
    expect(events.some((e) => e.event === 'sync.progress')).toBe(true)

    const ws = emu.state().tenants[Object.keys(emu.state().tenants)[0]!]!
    const created = Object.values(ws.workspaces).find((w) => w.WorkspaceName === 'wsIpc')!
    expect(Object.values(created.members).map((m) => m.UserId)).toContain(USERS[0]!.UserId)
    // the draft was cleared (cloud and draft agree, the switch counted as done)
    const list = await ok(core.invoke('workspaces.list', { profileId: profile.id, draftsOnly: true }))
    expect(list.rows).toEqual([])

    const activity = await ok(core.invoke('activity.list', { profileId: profile.id }))
    expect(activity.rows.map((r) => r.action)).toEqual(
      expect.arrayContaining(['sync.refresh', 'sync.apply', 'sync.settled', 'sync.manualDone']),
    )
  }, 60_000)
})
