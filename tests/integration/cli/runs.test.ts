import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator, type RunningEmulator } from '../../../tools/emulator'
import { requireKeychain } from '../vault/keychain'
import { ensureBuilt, runCli, type CliRun } from './support'

/**
 * D5, issue 11 item 9: `pai-admin status`, `cancel` and `retry` over the emulator, while another CLI process sends
 * (the emulator holds its CreateWorkspace in flight, so the members wait behind it). Their words come from the
 * message catalogue, in English and in Chinese. Real processes, real keychain, real SQLite, real HTTP.
 */

const AK = 'TESTAK5tRunsControls001'
const AK_SECRET = 'runs-controls-secret-01'
const USERS = ['2700000000000201', '2700000000000202']

let emu: RunningEmulator
let dir: string

beforeAll(async () => {
  await requireKeychain()
  ensureBuilt()
  emu = await startEmulator({
    accounts: [{ accessKeyId: AK, accessKeySecret: AK_SECRET, type: 'main', uid: '1700000000000201', name: 'runs' }],
    asyncDelayMs: 0,
  })
  emu.seed({ users: USERS.map((UserId, i) => ({ UserId, UserName: `runs${i}` })) })
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pai-cli-runs-'))
  const add = await runCli(
    ['--data-dir', dir, 'profile', 'add', 'emu', '--region', 'cn-hangzhou', '--access-key-id', AK].concat([
      '--endpoint',
      emu.endpoint,
      '--protocol',
      'http',
    ]),
    { input: AK_SECRET },
  )
  expect(add.code, add.stderr).toBe(0)
}, 180_000)

afterAll(async () => {
  if (dir) await runCli(['--data-dir', dir, 'profile', 'remove', 'emu'])
  await emu?.close()
})

const cli = (args: string[], lang: 'en' | 'zh-CN' = 'en'): Promise<CliRun> =>
  runCli(['--data-dir', dir, ...args], { env: { PAI_ADMIN_LANG: lang } })

interface StatusJson {
  runs: Array<{ runId: string }>
  ops: Array<{ opId: string; runId: string; kind: string; status: string; subject?: { target?: string } }>
  sender: { here: boolean; holder?: { runtime: string; pid: number } | null }
}

async function statusJson(): Promise<StatusJson> {
  const r = await cli(['status', '--output', 'json'])
  expect(r.code, r.stderr).toBe(0)
  return JSON.parse(r.stdout) as StatusJson
}

async function until(what: string, check: () => boolean, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

describe('pai-admin status, cancel, retry', { timeout: 240_000 }, () => {
  it('--help of status, cancel and retry, with examples, exit 0', async () => {
    for (const c of ['status', 'cancel', 'retry']) {
      const r = await runCli([c, '--help'])
      expect(r.code, c).toBe(0)
      expect(r.stdout, c).toMatch(/Examples:/)
    }
  })

  it('D5: status shows the run another process sends; cancel stops what is not sent (not what is out); retry sends a cancelled op once; words in en and zh-CN', async () => {
    const none = await cli(['status'])
    expect(none.code, none.stderr).toBe(0)
    expect(none.stdout).toContain('No runs.')
    expect((await cli(['status'], 'zh-CN')).stdout).toContain('没有同步任务。')

    const file = path.join(dir, 'ws_runs.yaml')
    fs.writeFileSync(
      file,
      `apiVersion: pai-admin.aliyun.com/v1
kind: WorkspaceBundle
workspaces:
  - name: ws_runs
    config:
      basic:
        name: ws_runs
        description: runs
      members:
${USERS.map((u) => `        - userId: "${u}"\n          roles: [PAI.AlgoDeveloper]`).join('\n')}
`,
    )
    emu.faults({ inject: [{ kind: 'hold', action: 'CreateWorkspace' }] })
    // started, not awaited: this process is the sender while the test looks on from other processes
    const apply = cli(['apply', file, '--profile', 'emu', '--yes'])
    await until('the held CreateWorkspace', () => emu.held().CreateWorkspace === 1)

    // status: a read from another process, which sends nothing
    const st = await statusJson()
    expect(st.runs).toHaveLength(1)
    const runId = st.runs[0]!.runId
    const ws = st.ops.find((o) => o.kind === 'workspace.create')!
    expect(st.ops.map((o) => `${o.kind}:${o.status}`)).toEqual([
      'workspace.create:in_flight',
      'member.create:pending',
      'member.create:pending',
    ])
    expect(st.sender).toMatchObject({ here: false, holder: { runtime: 'cli', pid: expect.any(Number) } })
    const pid = st.sender.holder!.pid
    const en = await cli(['status'])
    expect(en.code, en.stderr).toBe(0)
    expect(en.stdout).toContain(`Another pai-admin command (pid ${pid}) is sending the changes of this data folder`)
    expect(en.stdout).toMatch(new RegExp(`^run ${runId} \\(.+\\): 1 in flight, 2 pending \\(open\\)$`, 'm'))
    expect(en.stdout).toMatch(new RegExp(`^  ${ws.opId}\\s+workspace.create\\s+in flight\\s+1`, 'm'))
    const zh = await cli(['status'], 'zh-CN')
    expect(zh.code, zh.stderr).toBe(0)
    expect(zh.stdout).toContain(`另一个 pai-admin 命令(进程 ${pid})正在发送此数据目录的变更`)
    expect(zh.stdout).toMatch(new RegExp(`^任务 ${runId}\\(.+\\):1 执行中,2 等待中\\(进行中\\)$`, 'm'))

    // cancel: the op in flight cannot be called back; the run's ops not sent are cancelled
    const out = await cli(['cancel', ws.opId])
    expect(out.code).toBe(1)
    expect(out.stderr).toContain(`The request of operation ${ws.opId} is already out and cannot be called back`)
    const cancelled = await cli(['cancel', runId], 'zh-CN')
    expect(cancelled.code, cancelled.stderr).toBe(0)
    expect(cancelled.stdout.trim()).toBe('已取消 2 个操作。')
    const again = await cli(['cancel', runId])
    expect(again.stdout.trim()).toBe('0 operations cancelled.')

    emu.release()
    const applied = await apply
    expect(applied.code, applied.stdout + applied.stderr).toBe(0)
    const after = await statusJson()
    expect(after.ops.map((o) => `${o.kind}:${o.status}`)).toEqual([
      'workspace.create:done',
      'member.create:cancelled',
      'member.create:cancelled',
    ])
    const wsId = Object.values(emu.state().tenants)
      .flatMap((t) => Object.values(t.workspaces))
      .find((w) => w.WorkspaceName === 'ws_runs')!.WorkspaceId
    for (const u of USERS) expect(emu.state().createCalls[`CreateMember:${wsId}/${u}`]).toBeUndefined()
    const shown = await cli(['status'])
    expect(shown.stdout).toMatch(new RegExp(`^run ${runId} \\(.+\\): 1 done, 2 cancelled$`, 'm'))

    // retry: this process becomes the sender (the apply has ended), sends the op once and follows the run
    const member = after.ops.find((o) => o.kind === 'member.create')!
    const retried = await cli(['retry', member.opId])
    expect(retried.code, retried.stdout + retried.stderr).toBe(0)
    expect(retried.stdout).toContain('1 operation queued again.')
    expect(retried.stdout).toMatch(new RegExp(`^${member.opId}: done$`, 'm'))
    const created = Object.entries(emu.state().createCalls).filter(([k]) => k.startsWith(`CreateMember:${wsId}/`))
    expect(created).toHaveLength(1)
    expect(created[0]![1]).toBe(1)
    const zhRetry = await cli(['retry', member.opId], 'zh-CN')
    expect(zhRetry.code).toBe(1)
    expect(zhRetry.stderr).toContain(`操作 ${member.opId} 当前为`)
    const unknown = await cli(['retry', 'no-such-op'])
    expect(unknown.code).toBe(1)
  })
})
