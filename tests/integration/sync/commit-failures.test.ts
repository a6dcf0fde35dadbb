import { spawn } from 'node:child_process'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { WorkspaceConfigSchema } from '@shared/domain'
import { startEmulator, type RunningEmulator } from '../../../tools/emulator'
import { MAIN, USERS, openEngine, saveNewDraft, type Engine } from './harness'

/**
 * D5, issue 11 item 9: no lost completions. The outcomes gathered for a group commit that fails (here: another
 * process holds the database's write lock longer than the busy timeout) go back to the queue and are written by the
 * next commit; an outcome that cannot be written (its op was changed by another process) never rolls back the
 * others'. Real SQLite file, a real second process, real HTTP to the emulator.
 */

const ROOT = path.resolve(__dirname, '../../..')
let emu: RunningEmulator
const engines: Engine[] = []

beforeAll(async () => {
  emu = await startEmulator({ accounts: [MAIN], asyncDelayMs: 10 })
  emu.seed({ users: USERS })
})
afterAll(() => emu.close())
afterEach(async () => {
  emu.clearFaults()
  while (engines.length) await engines.pop()!.close()
})

async function until(what: string, check: () => boolean, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 25))
  }
}

/** A new workspace with these members; its member creates are performed and their answers held. */
async function applyHeld(name: string, members: number): Promise<{ e: Engine; runId: string }> {
  // outcomes gather for 300 ms before a commit: the released answers are written together
  const e = openEngine({ endpoint: emu.endpoint, commitIntervalMs: 300 })
  engines.push(e)
  await e.sync.refresh(e.profileId)
  const draft = WorkspaceConfigSchema.parse({
    basic: { name, description: 'commit failures', mode: 'simple' },
    members: USERS.slice(0, members).map((u) => ({ userId: u.UserId, roles: ['PAI.AlgoDeveloper'] })),
  })
  const key = saveNewDraft(e, draft)
  emu.faults({ inject: [{ kind: 'hold-answer', action: 'CreateMember', count: members }] })
  const { runId } = e.sync.apply(key, e.sync.plan(key).fingerprint)
  await until('the member creates in flight', () => emu.held().CreateMember === members)
  return { e, runId }
}

/** Another process takes the database's write lock and keeps it for `ms`. */
function lockElsewhere(file: string, ms: number): Promise<{ done: Promise<void> }> {
  const code = `
    const Database = require(${JSON.stringify(path.join(ROOT, 'node_modules/better-sqlite3'))})
    const db = new Database(${JSON.stringify(file)}, { timeout: 5000 })
    db.exec('BEGIN IMMEDIATE')
    process.stdout.write('LOCKED\\n')
    setTimeout(() => { db.exec('COMMIT'); db.close(); process.exit(0) }, ${ms})`
  const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] })
  const done = new Promise<void>((r) => child.once('exit', () => r()))
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      if (d.toString().includes('LOCKED')) resolve({ done })
    })
    child.once('exit', (c) => reject(new Error(`lock holder exited with ${c}`)))
  })
}

describe('sync: group commits that fail', () => {
  it('D5: a commit refused by a locked database keeps its outcomes; the next commit writes them; the run ends done', async () => {
    const { e, runId } = await applyHeld('ws_commit_busy', 2)
    // longer than twice the 5 s busy timeout: a commit holding these outcomes fails whatever the timing
    const lock = await lockElsewhere(e.store.file, 12_000)
    emu.release()
    await lock.done
    const s = await e.sync.waitForRun(runId, { timeoutMs: 30_000 })
    expect(s.ops.map((o) => `${o.kind}:${o.status}`)).toEqual(s.ops.map((o) => `${o.kind}:done`))
    const w = await e.clients.pai.findWorkspaceByName('ws_commit_busy')
    for (const u of USERS.slice(0, 2))
      expect(emu.state().createCalls[`CreateMember:${w!.WorkspaceId}/${u.UserId}`]).toBe(1)
  }, 60_000)

  it('D5: one outcome that cannot be written (its op changed elsewhere) does not roll back the others', async () => {
    const { e, runId } = await applyHeld('ws_commit_bad', 3)
    const victim = e.store.outbox.list({ runId, limit: 100 }).find((o) => o.kind === 'member.create')!
    // another process changed the op while it was in flight (an older app version, a manual repair)
    const other = new Database(e.store.file, { timeout: 5000 })
    other.prepare("UPDATE outbox SET status = 'cancelled' WHERE op_id = ?").run(victim.opId)
    other.close()
    emu.release()
    const s = await e.sync.waitForRun(runId, { timeoutMs: 30_000 })
    const members = s.ops.filter((o) => o.kind === 'member.create')
    expect(members.filter((o) => o.opId !== victim.opId).map((o) => o.status)).toEqual(['done', 'done'])
    expect(members.find((o) => o.opId === victim.opId)!.status).toBe('cancelled')
  }, 60_000)
})
