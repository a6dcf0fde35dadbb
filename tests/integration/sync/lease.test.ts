import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WorkspaceConfigSchema } from '@shared/domain'
import { startEmulator, type RunningEmulator } from '../../../tools/emulator'
import { WorkerLease } from '../../../core/sync/worker-lease'
import { MAIN, USERS, openEngine, saveNewDraft, type Engine } from './harness'

/**
 * D5, issue 11 item 1: the worker lease. One process per data folder sends; the others wait, and one of them takes
 * over as soon as the holder is gone, however it went (here: SIGKILL with creates in flight).
 */

const CHILD = path.join(__dirname, 'apply-child.ts')
const ROOT = path.resolve(__dirname, '../../..')

let emu: RunningEmulator
const engines: Engine[] = []
beforeAll(async () => {
  emu = await startEmulator({ accounts: [MAIN], asyncDelayMs: 10 })
  emu.seed({ users: USERS })
})
afterAll(async () => {
  for (const e of engines) await e.close()
  await emu.close()
})

async function until(what: string, check: () => boolean, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 25))
  }
}

describe('worker lease', () => {
  it('is an OS lock: one holder per data folder, in one process as across processes; released, it can be taken', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pai-lease-'))
    const a = new WorkerLease(dir, 'electron')
    const b = new WorkerLease(dir, 'cli')
    expect(a.tryAcquire()).toBe(true)
    expect(b.tryAcquire()).toBe(false)
    expect(b.holder()).toEqual({
      here: false,
      holder: expect.objectContaining({ pid: process.pid, runtime: 'electron' }),
    })
    expect(a.holder().here).toBe(true)
    a.release()
    expect(b.holder()).toEqual({ here: false, holder: null })
    expect(b.tryAcquire()).toBe(true)
    b.release()
    if (process.platform !== 'win32')
      expect(fs.statSync(path.join(dir, 'pai-admin.sender.lock')).mode & 0o777).toBe(0o600)
  })

  it('D5: a holder killed with creates in flight is taken over by the process waiting: each create once, run done', async () => {
    const setup = openEngine({ endpoint: emu.endpoint, start: false })
    await setup.sync.refresh(setup.profileId)
    const draft = WorkspaceConfigSchema.parse({
      basic: { name: 'ws_lease', description: 'lease', mode: 'simple' },
      members: USERS.slice(0, 3).map((u) => ({ userId: u.UserId, roles: ['PAI.AlgoDeveloper'] })),
    })
    const key = saveNewDraft(setup, draft)
    const dataDir = setup.dataDir
    await setup.close()

    emu.faults({ inject: [{ kind: 'hold', action: 'CreateMember', count: 3 }] })
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
      cwd: ROOT,
      env: {
        ...process.env,
        SYNC_CHILD_ARGS: JSON.stringify({ dataDir, endpoint: emu.endpoint, mode: 'apply', key }),
        TSX_TSCONFIG_PATH: path.join(ROOT, 'tsconfig.node.json'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const exited = new Promise((r) => child.once('exit', r))
    await until('three member creates in flight', () => emu.held().CreateMember === 3)

    // a second engine on the same folder: it does not send while the child holds the lease
    const e = openEngine({ dataDir, endpoint: emu.endpoint, leaseRetryMs: 100, inFlightGraceMs: 3_000 })
    engines.push(e)
    expect(e.sync.senderState()).toEqual({
      here: false,
      holder: expect.objectContaining({ pid: child.pid }),
    })
    await new Promise((r) => setTimeout(r, 300))
    expect(e.store.outbox.counts().in_flight).toBe(3)

    child.kill('SIGKILL')
    await exited
    await until('the takeover', () => e.sync.senderState().here, 10_000)
    // The server still works on the dead sender's requests (as a real one may): they are performed now. The new
    // sender waits out the grace period of what was in flight, then looks each member up before creating it.
    expect(e.store.outbox.counts()).toMatchObject({ pending: 3, in_flight: 0 })
    emu.release()
    const runId = e.store.outbox.list({ limit: 1 })[0]!.runId
    const s = await e.sync.waitForRun(runId, { timeoutMs: 60_000 })
    expect(s.ops.map((o) => `${o.kind}:${o.status}:${o.lastError?.code ?? ''}`)).toEqual(
      s.ops.map((o) => `${o.kind}:done:`),
    )
    const w = await e.clients.pai.findWorkspaceByName('ws_lease')
    const calls = emu.state().createCalls
    for (const u of USERS.slice(0, 3)) expect(calls[`CreateMember:${w!.WorkspaceId}/${u.UserId}`]).toBe(1)
  }, 90_000)
})
