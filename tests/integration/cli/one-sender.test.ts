import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openStore } from '../../../core/store'
import { startEmulator, type RunningEmulator } from '../../../tools/emulator'
import { requireKeychain } from '../vault/keychain'
import { ROOT, ensureBuilt, runCli } from './support'

/**
 * D5, issue 11 item 1: one sender per data folder. Two real processes share one data folder while the emulator holds
 * member creates in flight (performed, answer not sent yet): a read-only command in between starts no worker (it used
 * to re-queue the other process's in-flight ops and send them again), and an apply in between queues its ops for
 * the process that sends. Every create reaches the emulator once and every op ends done. Real keychain (D-Bus
 * session), real SQLite, the built CLI and harness, real HTTP.
 */

const AK = 'TESTAK5tOneSender000001'
const AK_SECRET = 'one-sender-secret-0001'
const USERS = ['2700000000000101', '2700000000000102', '2700000000000103']

let emu: RunningEmulator
const dirs: string[] = []
const children: ChildProcess[] = []

beforeAll(async () => {
  await requireKeychain()
  ensureBuilt()
  emu = await startEmulator({
    accounts: [{ accessKeyId: AK, accessKeySecret: AK_SECRET, type: 'main', uid: '1700000000000101', name: 'one' }],
    asyncDelayMs: 0,
  })
  emu.seed({ users: USERS.map((UserId, i) => ({ UserId, UserName: `user${i}` })) })
}, 180_000)

afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL')
  for (const dir of dirs) await runCli(['--data-dir', dir, 'profile', 'remove', 'emu'])
  await emu?.close()
})

function bundle(name: string, users: string[]): string {
  return `apiVersion: pai-admin.aliyun.com/v1
kind: WorkspaceBundle
workspaces:
  - name: ${name}
    config:
      basic:
        name: ${name}
        description: one sender
      members:
${users.map((u) => `        - userId: "${u}"\n          roles: [PAI.AlgoDeveloper]`).join('\n')}
`
}

async function dataDirWithProfile(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pai-one-sender-'))
  dirs.push(dir)
  const args = ['--data-dir', dir, 'profile', 'add', 'emu', '--region', 'cn-hangzhou', '--access-key-id', AK]
  const add = await runCli([...args, '--endpoint', emu.endpoint, '--protocol', 'http'], { input: AK_SECRET })
  expect(add.code, add.stderr).toBe(0)
  return dir
}

function writeBundle(dir: string, name: string, users: string[]): string {
  const file = path.join(dir, `${name}.yaml`)
  fs.writeFileSync(file, bundle(name, users))
  return file
}

async function until(what: string, check: () => boolean, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

/** Every create of these members reached the emulator exactly once. */
function expectCreatedOnce(workspace: string, users: string[]): void {
  const st = emu.state()
  const ws = Object.values(st.tenants)
    .flatMap((t) => Object.values(t.workspaces))
    .find((w) => w.WorkspaceName === workspace)
  expect(ws, workspace).toBeDefined()
  const calls = st.createCalls
  expect(calls[`CreateWorkspace:1700000000000101/${workspace}`]).toBe(1)
  for (const u of users) expect(`${u}=${calls[`CreateMember:${ws!.WorkspaceId}/${u}`]}`).toBe(`${u}=1`)
}

/** Every op in the data folder is done (read from the SQLite file after the processes ended). */
function expectAllDone(dir: string): void {
  const store = openStore({ dataDir: dir })
  try {
    const ops = store.outbox.list({ limit: 1000 })
    expect(ops.length).toBeGreaterThan(0)
    expect(ops.filter((o) => o.status !== 'done').map((o) => `${o.kind}:${o.status}`)).toEqual([])
  } finally {
    store.close({ backup: false })
  }
}

describe('one sender per data folder', { timeout: 240_000 }, () => {
  it('D5: CLI + CLI: a read while creates are in flight sends nothing; a second apply is sent once by the sender', async () => {
    const dir = await dataDirWithProfile()
    const a = writeBundle(dir, 'ws_cli_a', USERS)
    const b = writeBundle(dir, 'ws_cli_b', USERS.slice(0, 2))
    emu.faults({ inject: [{ kind: 'hold', action: 'CreateMember', count: 3 }] })
    // started, not awaited: it runs while the test goes on
    const first = runCli(['--data-dir', dir, 'apply', a, '--profile', 'emu', '--yes'])
    await until('three held member creates', () => emu.held().CreateMember === 3)

    const list = await runCli(['--data-dir', dir, 'profile', 'list'])
    expect(list.code, list.stderr).toBe(0)
    const second = runCli(['--data-dir', dir, 'apply', b, '--profile', 'emu', '--yes'])
    // the second apply queues its ops; the sender (the first CLI) sends them, while its own are held
    await until('the second workspace', () => JSON.stringify(emu.state().tenants).includes('ws_cli_b'))
    expect(emu.held().CreateMember).toBe(3)
    emu.release()
    const [r1, r2] = await Promise.all([first, second])
    expect(r1.code, r1.stdout + r1.stderr).toBe(0)
    expect(r2.code, r2.stdout + r2.stderr).toBe(0)
    expectCreatedOnce('ws_cli_a', USERS)
    expectCreatedOnce('ws_cli_b', USERS.slice(0, 2))
    expectAllDone(dir)
    // the second apply said who was sending its ops
    expect(r2.stderr).toMatch(/pid \d+\) is sending the changes of this data folder/)
  })

  it('D5: harness + CLI: reads and an apply from the CLI while the app sends: each create once, every op done', async () => {
    const dir = await dataDirWithProfile()
    const a = writeBundle(dir, 'ws_app_a', USERS)
    const b = writeBundle(dir, 'ws_app_b', USERS.slice(1))
    // the drafts come from the bundle (the CLI's plan imports it and sends nothing)
    const planned = await runCli(['--data-dir', dir, 'plan', a, '--profile', 'emu', '--output', 'json'])
    expect(planned.code, planned.stderr).toBe(0)
    const key = (JSON.parse(planned.stdout) as { plans: Array<{ key: string }> }).plans[0]!.key

    const app = await startHarness(dir)
    const plan = (await app.invoke('sync.plan', { key })) as { fingerprint: string }
    emu.faults({ inject: [{ kind: 'hold', action: 'CreateMember', count: 3 }] })
    const { runId } = (await app.invoke('sync.apply', { key, planFingerprint: plan.fingerprint })) as { runId: string }
    await until('three held member creates', () => emu.held().CreateMember === 3)

    for (const args of [
      ['profile', 'list'],
      ['workspace', 'list', '--profile', 'emu'],
      ['validate', a],
    ]) {
      const r = await runCli(['--data-dir', dir, ...args])
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0)
    }
    const cliApply = await runCli(['--data-dir', dir, 'apply', b, '--profile', 'emu', '--yes'])
    expect(cliApply.code, cliApply.stdout + cliApply.stderr).toBe(0)
    expect(emu.held().CreateMember).toBe(3)
    emu.release()
    for (;;) {
      const s = (await app.invoke('sync.status', { runId })) as { finished: boolean }
      if (s.finished) break
      await new Promise((r) => setTimeout(r, 100))
    }
    await app.stop()
    expectCreatedOnce('ws_app_a', USERS)
    expectCreatedOnce('ws_app_b', USERS.slice(1))
    expectAllDone(dir)
    expect(cliApply.stderr).toMatch(/The browser harness \(pid \d+\) is sending/)
  })
})

interface Harness {
  invoke(channel: string, body: unknown): Promise<unknown>
  stop(): Promise<void>
}

/** The built browser harness (`out/main/harness.js`): the app's core in its own process, sending the outbox. */
async function startHarness(dataDir: string): Promise<Harness> {
  const child = spawn(
    process.execPath,
    [path.join(ROOT, 'out/main/harness.js'), '--port', '0', '--data-dir', dataDir],
    {
      cwd: ROOT,
      env: { ...process.env, PAI_ADMIN_LANG: 'en' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  children.push(child)
  const url = await new Promise<URL>((resolve, reject) => {
    let out = ''
    let err = ''
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString()
      const m = /PAI Workspace Admin: (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(out)
      if (m?.[1]) resolve(new URL(m[1]))
    })
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()))
    child.on('exit', (code) => reject(new Error(`harness exited with ${code}: ${err}`)))
  })
  const token = url.hash.replace('#token=', '')
  const invoke = (channel: string, body: unknown): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: Number(url.port),
          method: 'POST',
          path: `/api/invoke/${channel}`,
          headers: { Authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        },
        (res) => {
          let text = ''
          res.on('data', (c: Buffer) => (text += c.toString()))
          res.on('end', () => {
            const env = JSON.parse(text) as { ok: boolean; value?: unknown; error?: unknown }
            if (env.ok) resolve(env.value)
            else reject(new Error(`${channel}: ${JSON.stringify(env.error)}`))
          })
        },
      )
      req.on('error', reject)
      req.end(JSON.stringify(body))
    })
  return {
    invoke,
    stop: async () => {
      if (child.exitCode !== null) return
      const exited = new Promise((r) => child.once('exit', r))
      child.kill('SIGTERM')
      await exited
    },
  }
}
