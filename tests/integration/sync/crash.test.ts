import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WorkspaceConfigSchema, type WorkspaceConfig } from '@shared/domain'
import { startEmulator, type RunningEmulator } from '../../../tools/emulator'
import { buildPlan, configFromCloud, emptyBase, fetchSnapshot } from '../../../core/sync'
import { withRecords } from '../../../core/sync/cloud-model'
import { DINGTALK_SECRET, MAIN, USERS, openEngine, saveNewDraft } from './harness'

/** D5: an apply killed with SIGKILL at seeded random points resumes at the next start: nothing sent twice, nothing lost. */

const CHILD = path.join(__dirname, 'apply-child.ts')
const ROOT = path.resolve(__dirname, '../../..')
const KILLS = 20

function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function smallDraft(name: string, webhookBase: string): WorkspaceConfig {
  return WorkspaceConfigSchema.parse({
    basic: { name, description: 'crash test', mode: 'simple' },
    members: [
      { userId: USERS[0]!.UserId, roles: ['PAI.AlgoDeveloper', 'role-localops'] },
      { userId: USERS[1]!.UserId, roles: ['PAI.WorkspaceGuest'] },
    ],
    customRoles: [{ roleId: 'role-localops', name: 'ops', permissions: { DLC: 'FullAccess' } }],
    resources: [{ kind: 'general', envType: 'prod', name: 'pool_a' }],
    storage: { defaultPath: 'oss://crash/tmp/' },
    notifications: {
      rules: [
        {
          name: 'dlc-progress',
          eventTypes: ['dlc.jobProgress'],
          targets: [{ type: 'dingtalk', webhook: `${webhookBase}/robot/send?access_token=tok1`, secretRef: 'robot1' }],
        },
        {
          name: 'model-ok',
          eventTypes: ['model.versionApproved'],
          targets: [{ type: 'http', url: 'https://hooks.example.com/m' }],
        },
      ],
    },
  })
}

/** Runs the child; with `killAfterMs` it is SIGKILLed that long after it printed `marker`. */
function runChild(
  args: object,
  kill?: { marker: string; afterMs: number },
): Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
      cwd: ROOT,
      env: {
        ...process.env,
        SYNC_CHILD_ARGS: JSON.stringify(args),
        TSX_TSCONFIG_PATH: path.join(ROOT, 'tsconfig.node.json'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    let err = ''
    let armed = kill
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString()
      if (armed && out.includes(armed.marker)) {
        setTimeout(() => child.kill('SIGKILL'), armed.afterMs)
        armed = undefined
      }
    })
    child.stderr.on('data', (d: Buffer) => (err += d.toString()))
    child.on('exit', (code, signal) => resolve({ code, signal, out, err }))
  })
}

let emu: RunningEmulator
beforeAll(async () => {
  // 20 ms per answer keeps an apply running long enough that most kills land while ops are in flight,
  // on a quiet machine as on a loaded one.
  emu = await startEmulator({ accounts: [MAIN], asyncDelayMs: 30, latencyMs: 20 })
  emu.seed({ users: USERS, robots: [{ token: 'tok1', secret: DINGTALK_SECRET }] })
})
afterAll(() => emu.close())

describe('sync: crash and resume', () => {
  it(`D5: SIGKILL at ${KILLS} seeded random points; after restart the cloud equals the draft, no duplicate workspace, member or rule`, async () => {
    const rnd = mulberry32(20261128)
    const kills: Array<{ ms: number; left: number }> = []
    const iteration = async (i: number, d1: number, d2: number): Promise<void> => {
      const name = `wsKill${i}`
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pai-sync-kill-'))
      const draft = smallDraft(name, emu.url)
      const setup = openEngine({ dataDir, endpoint: emu.endpoint, start: false })
      await setup.sync.refresh(setup.profileId)
      const key = saveNewDraft(setup, draft)
      await setup.close()
      const openOps = (): number => {
        const e = openEngine({ dataDir, endpoint: emu.endpoint, start: false })
        const c = e.store.outbox.counts()
        e.store.close({ backup: false })
        return c.pending + c.in_flight
      }

      // 1st kill: d1 ms after the plan was queued; 2nd kill: d2 ms after the restarted process opened the store
      const first = await runChild(
        { dataDir, endpoint: emu.endpoint, mode: 'apply', key },
        { marker: 'QUEUED', afterMs: d1 },
      )
      expect(first.out, first.err).toContain('QUEUED')
      kills.push({ ms: d1, left: first.signal === 'SIGKILL' ? openOps() : 0 })
      const second = await runChild(
        { dataDir, endpoint: emu.endpoint, mode: 'resume' },
        { marker: 'STARTED', afterMs: d2 },
      )
      kills.push({ ms: d2, left: second.signal === 'SIGKILL' ? openOps() : 0 })
      const last = await runChild({ dataDir, endpoint: emu.endpoint, mode: 'resume' })
      expect(last.code, last.err).toBe(0)

      const e = openEngine({ dataDir, endpoint: emu.endpoint, start: false })
      try {
        const s = e.sync.status({})
        expect(
          s.ops.filter((o) => o.status !== 'done').map((o) => `${o.kind}:${o.status}:${o.lastError?.code}`),
        ).toEqual([])
        expect(s.settled).toBe(true)
        const w = await e.clients.pai.findWorkspaceByName(name)
        const { snapshot } = await fetchSnapshot(e.clients, w!)
        const left = buildPlan({
          region: 'cn-hangzhou',
          draft,
          base: emptyBase(draft),
          // the model the app plans against: the DingTalk binding is recorded with the put, crash or not
          cloud: withRecords(
            configFromCloud(snapshot),
            e.store.cloudRecords.list(e.profileId, w!.WorkspaceId),
            new Date().toISOString(),
          ),
          workspaceId: w!.WorkspaceId,
          identity: { kind: 'main', userId: MAIN.uid },
          identityRoles: [],
        })
        expect(left).toEqual([])
        expect(e.store.drafts.list({ profileId: e.profileId })).toEqual([])
      } finally {
        await e.close()
      }
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
    // two crash-and-resume sequences at a time, two kills each
    for (let i = 0; i < KILLS / 2; i += 2) {
      const delays = [0, 1, 2, 3].map(() => Math.floor(rnd() * 600))
      await Promise.all([iteration(i, delays[0]!, delays[1]!), iteration(i + 1, delays[2]!, delays[3]!)])
    }
    // the kills really interrupted work in flight (ops were left to resume) at spread-out points
    expect(kills).toHaveLength(KILLS)
    expect(kills.filter((k) => k.left > 0).length).toBeGreaterThanOrEqual(KILLS / 4)
    expect(new Set(kills.map((k) => k.ms)).size).toBeGreaterThan(KILLS / 2)
    const st = emu.state()
    const workspaces = Object.values(st.tenants)
      .flatMap((t) => Object.values(t.workspaces))
      .filter((w) => w.WorkspaceName.startsWith('wsKill'))
    expect(workspaces).toHaveLength(KILLS / 2)
    for (const [k, n] of Object.entries(st.createCalls))
      if (k.includes('wsKill') || workspaces.some((w) => k.includes(`:${w.WorkspaceId}/`)))
        expect(`${k}=${n}`).toBe(`${k}=1`)
  }, 300_000)
})
