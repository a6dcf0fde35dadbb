import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { WorkspaceConfigSchema } from '@shared/domain'
import type { Core } from '../../../core/core'
import { testCore } from '../../helpers/core'
import { requireKeychain } from '../vault/keychain'

/**
 * D2: an apply never starts without the signing secrets its DingTalk targets name (today it would send the
 * first operations, then stop at the targets with SYNC_SECRET_MISSING). The app's apply channel, the real
 * keychain (run inside a D-Bus session), real SQLite; the sync worker is not started: nothing is sent.
 */

const cores: Core[] = []
afterEach(async () => {
  for (const c of cores.splice(0)) {
    for (const p of c.services.store.profiles.list()) await c.services.vault.deleteAll(p.id).catch(() => 0)
    await c.close()
  }
})
beforeAll(requireKeychain)

async function ok<T>(
  p: Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }>,
): Promise<T> {
  const res = await p
  if (!res.ok) throw new Error(`${res.error.code}: ${res.error.message}`)
  return res.value
}

describe('the apply path checks the signing secrets first', { timeout: 60_000 }, () => {
  it('D2: sync.apply of a draft whose secretRef is not in the keychain queues nothing and names the ref', async () => {
    const core = testCore({
      dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'pai-secret-refs-')),
      syncWorker: 'never',
    })
    cores.push(core)
    const p = await ok(
      core.invoke('profiles.add', {
        name: 'emu',
        region: 'cn-hangzhou',
        accessKeyId: 'TESTAK5tMainAccount0001',
        endpoint: '127.0.0.1:9',
        protocol: 'http',
      }),
    )
    const cloud = WorkspaceConfigSchema.parse({
      basic: { name: 'team_a', description: 'Team workspace', mode: 'standard' },
      owner: { userId: '1700000000000001' },
      members: [{ userId: '1700000000000001', roles: ['PAI.WorkspaceOwner'] }],
      storage: { defaultPath: 'oss://team-bucket/pai/' },
    })
    core.services.store.workspaces.upsertMany(p.id, [
      { workspaceId: '101', name: 'team_a', status: 'ENABLED', mode: 'standard' },
    ])
    core.services.store.workspaces.saveConfig(p.id, '101', cloud)
    const key = `${p.id}:101`
    const opened = await ok(core.invoke('drafts.open', { key }))
    const draft = {
      ...opened.config,
      basic: { ...opened.config.basic, description: 'With a robot' },
      notifications: {
        ...opened.config.notifications,
        rules: [
          {
            name: 'ops',
            eventTypes: ['dlc.other' as const],
            scope: 'all' as const,
            enabled: true,
            targets: [
              {
                type: 'dingtalk' as const,
                webhook: 'https://oapi.dingtalk.com/robot/send?access_token=a1',
                secretRef: 'ops-robot',
              },
            ],
          },
        ],
      },
    }
    await ok(core.invoke('drafts.save', { key, config: draft, revision: opened.revision }))
    const plan = await ok(core.invoke('sync.plan', { key }))
    expect(plan.counts.apply).toBeGreaterThan(0)

    const refused = await core.invoke('sync.apply', { key, planFingerprint: plan.fingerprint }, { locale: 'en' })
    expect(refused.ok).toBe(false)
    if (!refused.ok) {
      expect(refused.error).toMatchObject({ code: 'SECRET_REFS_MISSING', ruleId: 'D2' })
      expect(refused.error.message).toContain('ops-robot')
      expect(refused.error.message).toContain('"emu"')
    }
    expect(core.services.store.outbox.list({})).toEqual([])

    await ok(core.invoke('secrets.setDingtalk', { profileId: p.id, ref: 'ops-robot', secret: 'SEC' + 'ab'.repeat(32) }))
    const applied = await ok(core.invoke('sync.apply', { key, planFingerprint: plan.fingerprint }))
    expect(applied.queued).toBeGreaterThan(0)
  })
})
