import { WorkspaceConfigSchema } from '@shared/domain'
import { encodeDraftKey } from '../core/model/draft-key'
import { AccessBulkService } from '../core/services/access-bulk'
import { openEngine, type Engine } from '../tests/integration/sync/harness'
import { emulatorProcess, loadNote, type EmulatorProcess } from './emulator-process'
import type { Bench, BenchFigure } from './types'

/**
 * Offboarding applied (issue 16): one user removed from every workspace by one bulk change and one Apply, against the
 * emulator in its own process at 50 ms latency and a 100 QPS throttle, the engine at its defaults (the learned
 * window and rate); beside it the one-workspace-at-a-time loop (each workspace's draft planned, applied and its
 * run awaited before the next), as an admin would do it in the console or a script.
 */
const QPS = 100
const LATENCY_MS = 50
const WORKSPACES = 500
const LOOP_WORKSPACES = 40
const LEAVER = '2980000000000001'
const LEAVER_LOOP = '2980000000000002'
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

async function seedFleet(emu: EmulatorProcess): Promise<void> {
  const colleagues = Array.from({ length: 20 }, (_, i) => ({ UserId: `2981${String(i).padStart(12, '0')}` }))
  const users = [LEAVER, LEAVER_LOOP, ...colleagues.map((c) => c.UserId)].map((u, i) => ({
    UserId: u,
    UserName: `bench_${i}`,
  }))
  const ws = (i: number, who: string): unknown => ({
    WorkspaceName: `fleet_${i}`,
    Description: 'bench fleet',
    members: [
      { UserId: who, Roles: ['PAI.AlgoDeveloper'] },
      ...[0, 1, 2].map((k) => ({
        UserId: colleagues[(i + k) % colleagues.length]!.UserId,
        Roles: ['PAI.LabelManager'],
      })),
    ],
  })
  const workspaces = [
    ...Array.from({ length: WORKSPACES }, (_, i) => ws(i, LEAVER)),
    ...Array.from({ length: LOOP_WORKSPACES }, (_, i) => ws(WORKSPACES + i, LEAVER_LOOP)),
  ]
  await emu.control('POST', '/__emulator/seed', { users, workspaces })
}

/** Polls the change's progress until every run has finished. */
async function untilFinished(bulk: AccessBulkService, changeId: string): Promise<{ done: number; failed: number }> {
  for (;;) {
    const p = bulk.progress(changeId)
    if (p.finished) return p
    await sleep(20)
  }
}

/** Each of the loop user's workspaces in turn: a draft without the member, its plan, its apply, its run awaited. */
async function oneAtATime(e: Engine): Promise<{ sec: number; ops: number; failed: number }> {
  const ws = e.store.access.memberships(LEAVER_LOOP)
  const t0 = performance.now()
  let failed = 0
  for (const m of ws) {
    const got = e.store.workspaces.getConfig(m.profileId, m.workspaceId, WorkspaceConfigSchema)
    if (!got?.config.ok) throw new Error('no cached configuration')
    const cloud = got.config.value
    const draft = { ...cloud, members: cloud.members.filter((x) => x.userId !== LEAVER_LOOP) }
    e.store.drafts.save({ profileId: m.profileId, workspaceKey: m.workspaceId, draft, base: cloud })
    const key = encodeDraftKey({ profileId: m.profileId, workspaceKey: m.workspaceId })
    const { runId } = e.sync.apply(key, e.sync.plan(key).fingerprint)
    const state = await e.sync.waitForRun(runId, { timeoutMs: 60_000, intervalMs: 10 })
    failed += state.ops.filter((o) => o.status !== 'done').length
  }
  return { sec: (performance.now() - t0) / 1000, ops: ws.length, failed }
}

const round = (n: number): number => Math.round(n * 100) / 100

const bench: Bench = {
  title: `Access offboarding applied (${WORKSPACES} workspaces, emulator ${LATENCY_MS} ms, ${QPS} QPS)`,
  async run(): Promise<BenchFigure[]> {
    const emu = await emulatorProcess({ latencyMs: LATENCY_MS, throttleQps: QPS })
    const e = openEngine({ endpoint: emu.endpoint, maxInFlight: null, concurrency: null })
    const out: BenchFigure[] = []
    try {
      await seedFleet(emu)
      const r0 = performance.now()
      await e.sync.refresh(e.profileId)
      out.push({
        name: `refresh of ${WORKSPACES + LOOP_WORKSPACES} workspaces (setup)`,
        value: Math.round(performance.now() - r0),
        unit: 'ms',
      })
      const bulk = new AccessBulkService({ store: e.store, sync: e.sync })
      const plan = bulk.change({ kind: 'offboard', userId: LEAVER }, 'en')
      if (plan.counts.apply !== WORKSPACES) throw new Error(`expected ${WORKSPACES} deletes, got ${plan.counts.apply}`)
      await sleep(1100) // a fresh throttle window
      await emu.control('DELETE', '/__emulator/requests')
      const cpu0 = process.cpuUsage()
      const t0 = performance.now()
      bulk.apply(plan.changeId, plan.fingerprint)
      const queued = performance.now()
      const cpuApply = process.cpuUsage(cpu0)
      // the ops sent (as bench/sync.bench.ts measures), then every run settled (each workspace read back)
      for (let c = e.store.outbox.counts({}); c.pending + c.in_flight > 0; c = e.store.outbox.counts({}))
        await sleep(20)
      const sent = performance.now()
      const sentLog = await emu.requests()
      const p = await untilFinished(bulk, plan.changeId)
      const end = performance.now()
      const cpu = process.cpuUsage(cpu0)
      const ms = (u: NodeJS.CpuUsage): number => Math.round((u.user + u.system) / 1000)
      const log = await emu.requests()
      const throttled = sentLog.filter((r) => r.fault === 'throttle').length
      const sending = (sent - queued) / 1000
      const ratio = sentLog.length / sending / QPS
      const byAction = new Map<string, number>()
      for (const r of sentLog) byAction.set(r.action, (byAction.get(r.action) ?? 0) + 1)
      const calls = [...byAction].sort((a, b) => b[1] - a[1]).map(([a, n]) => `${a} ${n}`)
      out.push(
        {
          name: 'one Apply across every workspace: API calls / limit',
          value: round(ratio),
          unit: `x ${QPS} QPS`,
          target: '>= 0.9',
          ok: ratio >= 0.9,
          note: `${sentLog.length} calls in ${sending.toFixed(1)} s after Apply returned (${throttled} throttled): ${calls.slice(0, 7).join(', ')}; ${loadNote()}`,
        },
        {
          name: 'one Apply across every workspace: deletes / limit',
          value: round(p.done / sending / QPS),
          unit: `x ${QPS} QPS`,
          note: `${p.done} deletes, ${p.failed} failed; ${byAction.get('DeleteMembers') ?? 0} DeleteMembers = ${round((byAction.get('DeleteMembers') ?? 0) / sentLog.length)} of the calls; each run of member ops reads its members back when it settles (ListMembers)`,
        },
        {
          name: 'one Apply: the Apply call itself (plan again, queue every part)',
          value: Math.round(queued - t0),
          unit: 'ms',
          note: `CPU ${ms(cpuApply)} ms (the combined plan and every part planned whole again, all rules)`,
        },
        {
          name: 'one Apply to the last run settled: the core process CPU',
          value: ms(cpu),
          unit: 'ms',
          note: `${Math.round((ms(cpu) * 1000) / Math.max(1, p.done)) / 1000} ms per delete, over ${((end - t0) / 1000).toFixed(1)} s wall (the emulator runs in its own process)`,
        },
        {
          name: 'one Apply: the last runs settled after the last op',
          value: Math.round(end - sent),
          unit: 'ms',
          note: `${log.length - sentLog.length} more calls; Apply to settled: ${round(p.done / ((end - t0) / 1000) / QPS)} deletes / limit`,
        },
      )
      await sleep(1100)
      const loop = await oneAtATime(e)
      out.push({
        name: 'one workspace at a time (plan, apply, wait): throughput / limit',
        value: round(loop.ops / loop.sec / QPS),
        unit: `x ${QPS} QPS`,
        note: `${loop.ops} deletes in ${loop.sec.toFixed(1)} s (${Math.round((loop.sec * 1000) / loop.ops)} ms each), ${loop.failed} not done`,
      })
    } finally {
      await e.close()
      emu.stop()
    }
    return out
  },
}

export default bench
