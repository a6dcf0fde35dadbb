import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { WorkspaceConfigSchema, type WorkspaceConfig } from '@shared/domain'
import { startEmulator } from '../../../tools/emulator'
import { encodeDraftKey } from '../../../core/model/draft-key'
import { Logger } from '../../../core/log/logger'
import { MAIN, USERS, openEngine } from './harness'

const cleanup: Array<() => Promise<void>> = []
afterAll(async () => {
  for (const c of cleanup.reverse()) await c()
})

interface Line {
  level: string
  msg: string
  kind?: string
  status?: string
  subject?: { area: string; target: string; verb: string }
  requestId?: string | null
  error?: { code: string; requestId?: string; params?: Record<string, unknown> }
}

describe('op outcomes in logs/app.log', () => {
  it('every op outcome is logged (redacted) with what it acted on, the error code, the cloud message and request ID', async () => {
    const emu = await startEmulator({ accounts: [MAIN], asyncDelayMs: 10 })
    cleanup.push(() => emu.close())
    emu.seed({ users: USERS })
    const { workspaces } = emu.seed({ workspaces: [{ WorkspaceName: 'wsLog', Description: 'before' }] })
    const wsId = workspaces[0]!.WorkspaceId
    const logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pai-log-'))
    const log = new Logger(logDir)
    log.addSecret(MAIN.accessKeySecret)
    const e = openEngine({ endpoint: emu.endpoint, log })
    cleanup.push(() => e.close())
    await e.sync.refresh(e.profileId)
    const got = e.store.workspaces.getConfig(e.profileId, wsId, WorkspaceConfigSchema)
    if (!got?.config.ok) throw new Error('not cached')
    const cloud = got.config.value
    const draft: WorkspaceConfig = {
      ...cloud,
      basic: { ...cloud.basic, description: 'after' },
      members: [
        ...cloud.members,
        { userId: '2999999999999999', roles: ['PAI.AlgoDeveloper'] },
        { userId: USERS[1]!.UserId, roles: ['PAI.WorkspaceGuest'] },
      ],
    }
    e.store.drafts.save({ profileId: e.profileId, workspaceKey: wsId, draft, base: cloud, baseVersion: null })
    const key = encodeDraftKey({ profileId: e.profileId, workspaceKey: wsId })
    const { runId } = e.sync.apply(key, e.sync.plan(key).fingerprint)
    const s = await e.sync.waitForRun(runId, { timeoutMs: 30_000 })

    const text = fs.readFileSync(path.join(logDir, 'app.log'), 'utf8')
    const lines = text
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Line)
      .filter((l) => l.msg === 'op outcome')
    // One line for each op of the run (all reached an outcome: done or failed).
    expect(lines.map((l) => `${l.kind}:${l.status}`).sort()).toEqual(s.ops.map((o) => `${o.kind}:${o.status}`).sort())
    const failed = lines.find((l) => l.status === 'failed')!
    expect(failed.level).toBe('warn')
    expect(failed.subject).toMatchObject({ area: 'member', target: '2999999999999999', verb: 'create' })
    expect(failed.error?.code).toBe('CLOUD_REQUEST_REJECTED')
    expect(failed.error?.requestId).toMatch(/\S{8,}/)
    expect(String(failed.error?.params?.cloudMessage)).toContain('2999999999999999')
    const done = lines.filter((l) => l.status === 'done')
    expect(done.length).toBeGreaterThanOrEqual(2)
    // Redacted: no secret, and no payload (a DingTalk webhook token would be in one).
    expect(text).not.toContain(MAIN.accessKeySecret)
    expect(text).not.toContain('"payload"')
  }, 60_000)
})
