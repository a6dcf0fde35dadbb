import { WorkspaceConfigSchema, type WorkspaceConfig } from '@shared/domain'
import { encodeDraftKey } from '../core/model/draft-key'
import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { MAIN, openEngine } from '../tests/integration/sync/harness'
import type { Bench, BenchFigure } from './types'

/**
 * The sync engine's apply throughput against the emulator at `--latency-ms 50 --throttle-qps 100`:
 * 1,000 member changes (CreateMember, one per member) through the outbox, as a fraction of the 100 QPS
 * the cloud allows, next to a naive loop that calls the same client one request at a time.
 */
const CHANGES = 1000
const NAIVE = 300
const QPS = 100

const uid = (i: number): string => `29${String(i).padStart(14, '0')}`
const TOKEN = 'bench-control-token-0123456789abcdef'

/**
 * The emulator runs in its own process (`npm run emulator`), as the cloud would: the engine's SQLite
 * commits must not stall the server it measures against.
 */
async function emulatorProcess(): Promise<{
  url: string
  endpoint: string
  child: ChildProcess
  control(method: string, p: string, body?: unknown): Promise<unknown>
}> {
  const root = path.resolve(__dirname, '..')
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'tools/emulator/main.ts',
      '--port',
      '0',
      '--access-key-id',
      MAIN.accessKeyId,
      '--access-key-secret',
      MAIN.accessKeySecret,
      '--latency-ms',
      '50',
      '--throttle-qps',
      String(QPS),
      '--control-token',
      TOKEN,
    ],
    {
      cwd: root,
      env: { ...process.env, TSX_TSCONFIG_PATH: path.join(root, 'tsconfig.node.json') },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  const url = await new Promise<string>((resolve, reject) => {
    let out = ''
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString()
      const m = /listening on (http:\/\/[^\s]+)/.exec(out)
      if (m) resolve(m[1]!)
    })
    child.on('exit', (code) => reject(new Error(`emulator exited with ${code}`)))
  })
  const control = async (method: string, p: string, body?: unknown): Promise<unknown> => {
    const res = await fetch(`${url}${p}`, {
      method,
      headers: { 'x-emulator-token': TOKEN, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    return res.json()
  }
  return { url, endpoint: url.replace('http://', ''), child, control }
}

interface EmuStateLite {
  state: {
    tenants: Record<string, { workspaces: Record<string, { WorkspaceId: string; members: Record<string, unknown> }> }>
  }
}

const bench: Bench = {
  title: `Sync apply: ${CHANGES} member changes, emulator latency 50 ms, throttle ${QPS} QPS`,
  async run(): Promise<BenchFigure[]> {
    const emu = await emulatorProcess()
    const users = Array.from({ length: CHANGES + NAIVE }, (_, i) => ({ UserId: uid(i), UserName: `bench${i}` }))
    const seeded = (await emu.control('POST', '/__emulator/seed', {
      users,
      workspaces: [
        { WorkspaceName: 'benchSync', Description: 'bench' },
        { WorkspaceName: 'benchNaive', Description: 'bench' },
      ],
    })) as { workspaces: Array<{ WorkspaceId: string }> }
    const e = openEngine({ endpoint: emu.endpoint, maxInFlight: 24, concurrency: 24 })
    try {
      await e.sync.refresh(e.profileId)
      const wsId = seeded.workspaces[0]!.WorkspaceId
      const got = e.store.workspaces.getConfig(e.profileId, wsId, WorkspaceConfigSchema)
      if (!got?.config.ok) throw new Error('no cached configuration')
      const cloud: WorkspaceConfig = got.config.value
      const draft = {
        ...cloud,
        members: [
          ...cloud.members,
          ...users.slice(0, CHANGES).map((u) => ({ userId: u.UserId, roles: ['PAI.AlgoDeveloper' as const] })),
        ],
      }
      e.store.drafts.save({
        profileId: e.profileId,
        workspaceKey: wsId,
        draft,
        base: cloud,
        baseVersion: got.configVersion,
      })
      const key = encodeDraftKey({ profileId: e.profileId, workspaceKey: wsId })
      const plan = e.sync.plan(key)
      if (plan.counts.apply !== CHANGES) throw new Error(`expected ${CHANGES} actions, got ${plan.counts.apply}`)
      const errors = plan.problems.filter((p) => p.severity === 'error')
      if (errors.length) throw new Error(JSON.stringify(errors.slice(0, 3)))

      await emu.control('DELETE', '/__emulator/requests')
      const tApply = performance.now()
      const { runId } = e.sync.apply(key, plan.fingerprint)
      // sending starts once the ops are queued: the re-plan and the one-transaction enqueue are timed apart
      const t0 = performance.now()
      const applyMs = t0 - tApply
      for (;;) {
        const c = e.store.outbox.counts({ runId })
        if (c.pending + c.in_flight === 0) break
        await new Promise((r) => setTimeout(r, 50))
      }
      const engineSec = (performance.now() - t0) / 1000
      const status = e.sync.status({ runId })
      const failed = status.ops.filter((o) => o.status !== 'done').length
      const engineQps = CHANGES / engineSec
      const log = (await emu.control('GET', '/__emulator/requests')) as { requests: Array<{ fault?: string }> }
      const throttled = log.requests.filter((r) => r.fault === 'throttle').length
      const st = (await emu.control('GET', '/__emulator/state')) as EmuStateLite
      const engineMembers = Object.values(st.state.tenants)
        .flatMap((t) => Object.values(t.workspaces))
        .find((w) => w.WorkspaceId === wsId)
      const created = engineMembers ? Object.keys(engineMembers.members).length - 1 : 0
      await e.sync.waitForRun(runId, { timeoutMs: 120_000 })

      // the naive loop: same client, one CreateMember at a time
      const naiveWs = seeded.workspaces[1]!.WorkspaceId
      const t1 = performance.now()
      let naiveFailed = 0
      for (const u of users.slice(CHANGES)) {
        try {
          await e.clients.pai.createMembers(naiveWs, { Members: [{ UserId: u.UserId, Roles: ['PAI.AlgoDeveloper'] }] })
        } catch {
          naiveFailed++
        }
      }
      const naiveQps = NAIVE / ((performance.now() - t1) / 1000)
      return [
        { name: 'apply call (re-plan + enqueue in one transaction)', value: Math.round(applyMs), unit: 'ms' },
        {
          name: 'engine throughput',
          value: round(engineQps),
          unit: 'ops/s',
          note: `${CHANGES} ops sent in ${engineSec.toFixed(1)} s; ${throttled} throttled answers absorbed`,
        },
        {
          name: 'engine / throttle limit',
          value: round(engineQps / QPS),
          unit: `x ${QPS} QPS`,
          target: '>= 0.9',
          ok: engineQps / QPS >= 0.9,
        },
        {
          name: 'engine failures',
          value: failed + (CHANGES - created),
          unit: 'ops',
          target: '0',
          ok: failed === 0 && created === CHANGES,
        },
        {
          name: 'naive loop throughput',
          value: round(naiveQps),
          unit: 'ops/s',
          note: `${NAIVE} calls one at a time, ${naiveFailed} failed`,
        },
        { name: 'engine / naive', value: round(engineQps / naiveQps), unit: 'x' },
      ]
    } finally {
      await e.close()
      emu.child.kill('SIGTERM')
    }
  },
}

function round(n: number): number {
  return Math.round(n * 100) / 100
}

export default bench
