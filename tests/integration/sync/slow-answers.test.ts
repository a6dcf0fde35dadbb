import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { WorkspaceConfigSchema } from '@shared/domain'
import { startEmulator, type RunningEmulator } from '../../../tools/emulator'
import { MAIN, USERS, openEngine, saveNewDraft, type Engine } from './harness'

/**
 * D5, issue 11 item 2: a slow answer is neither a lost one nor an unsent one. The emulator performs the creates
 * and answers 7 s later (longer than the 5 s connect timeout, shorter than a create's read timeout); the engine runs
 * with the clients' default timeouts. Each create reaches the cloud once and the run ends done.
 */

let emu: RunningEmulator
const engines: Engine[] = []

beforeAll(async () => {
  emu = await startEmulator({ accounts: [MAIN], asyncDelayMs: 20 })
  emu.seed({ users: USERS })
})
afterAll(() => emu.close())
afterEach(async () => {
  emu.clearFaults()
  while (engines.length) await engines.pop()!.close()
})

describe('sync: slow answers', () => {
  it('D5: creates answered 7 s late are sent once; the run ends done', async () => {
    const e = openEngine({ endpoint: emu.endpoint })
    engines.push(e)
    await e.sync.refresh(e.profileId)
    const draft = WorkspaceConfigSchema.parse({
      basic: { name: 'ws_slow', description: 'slow answers', mode: 'simple' },
      members: [
        { userId: USERS[0]!.UserId, roles: ['PAI.AlgoDeveloper'] },
        { userId: USERS[1]!.UserId, roles: ['PAI.WorkspaceGuest'] },
      ],
    })
    const key = saveNewDraft(e, draft)
    emu.faults({
      inject: [
        { kind: 'late', action: 'CreateWorkspace', latencyMs: 7_000 },
        { kind: 'late', action: 'CreateMember', latencyMs: 7_000, count: 2 },
      ],
    })
    const plan = e.sync.plan(key)
    const { runId } = e.sync.apply(key, plan.fingerprint)
    const s = await e.sync.waitForRun(runId, { timeoutMs: 90_000 })
    expect(s.ops.map((o) => `${o.kind}:${o.status}:${o.lastError?.code ?? ''}`)).toEqual(
      s.ops.map((o) => `${o.kind}:done:`),
    )
    const w = await e.clients.pai.findWorkspaceByName('ws_slow')
    expect(w).toBeDefined()
    const calls = emu.state().createCalls
    expect(calls[`CreateWorkspace:${MAIN.uid}/ws_slow`]).toBe(1)
    for (const u of USERS.slice(0, 2)) expect(calls[`CreateMember:${w!.WorkspaceId}/${u.UserId}`]).toBe(1)
    // the slow answers were the ones used: no second create reached the emulator
    const creates = emu.requests().filter((r) => r.action === 'CreateWorkspace' || r.action === 'CreateMember')
    expect(creates.map((r) => `${r.action}:${r.fault ?? ''}:${r.status}`).sort()).toEqual([
      'CreateMember:late:200',
      'CreateMember:late:200',
      'CreateWorkspace:late:200',
    ])
  }, 120_000)
})
