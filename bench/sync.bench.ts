import { WorkspaceConfigSchema, type WorkspaceConfig } from '@shared/domain'
import { encodeDraftKey } from '../core/model/draft-key'
import { openEngine, type Engine, type EngineOptions } from '../tests/integration/sync/harness'
import { emulatorProcess, loadNote, type EmulatorProcess } from './emulator-process'
import type { Bench, BenchFigure } from './types'

/**
 * Pacing at the throttle: member creates (CreateMember, one per member) through the outbox against the emulator at
 * 100 QPS, at 50 ms and 300 ms latency, and with the limit halved mid-run (another client sharing the quota). The
 * engine at its defaults (the learned window and rate) beside the old engine (a fixed window of 8, no pacing) and a
 * naive loop (one call at a time). Printed: throughput / limit, throttled share, the in-flight window over time.
 */
const QPS = 100
const HALF_AT = 300

let nextUser = 0
const uid = (i: number): string => `29${String(i).padStart(14, '0')}`
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

interface CaseResult {
  sec: number
  ops: number
  failed: number
  requests: number
  throttled: number
  trace: string
  /** With the limit halved: ops a second after the halving. */
  afterQps?: number
  beforeQps?: number
}

async function seedWorkspace(emu: EmulatorProcess, n: number): Promise<{ wsId: string; users: string[] }> {
  const users = Array.from({ length: n }, () => ({ UserId: uid(nextUser), UserName: `bench${nextUser++}` }))
  const seeded = (await emu.control('POST', '/__emulator/seed', {
    users,
    workspaces: [{ WorkspaceName: `bench${nextUser}`, Description: 'bench' }],
  })) as { workspaces: Array<{ WorkspaceId: string }> }
  return { wsId: seeded.workspaces[0]!.WorkspaceId, users: users.map((u) => u.UserId) }
}

/**
 * One apply of `ops` member creates with the engine configured by `engine`, measured; with `warmUp`, the same engine
 * first applies that many (unmeasured): its limiter has learned the endpoint. `halve`: the limit halves after HALF_AT.
 */
async function applyCase(
  emu: EmulatorProcess,
  ops: number,
  engine: Pick<EngineOptions, 'maxInFlight' | 'concurrency' | 'adaptive'>,
  o: { halve?: boolean; warmUp?: number } = {},
): Promise<CaseResult> {
  await emu.control('POST', '/__emulator/faults', { throttleQps: QPS })
  const e = openEngine({ endpoint: emu.endpoint, ...engine })
  try {
    if (o.warmUp) await oneRun(emu, e, o.warmUp, false)
    return await oneRun(emu, e, ops, o.halve ?? false)
  } finally {
    await e.close()
  }
}

async function oneRun(emu: EmulatorProcess, e: Engine, ops: number, halve: boolean): Promise<CaseResult> {
  const { wsId, users } = await seedWorkspace(emu, ops)
  await e.sync.refresh(e.profileId, wsId)
  const got = e.store.workspaces.getConfig(e.profileId, wsId, WorkspaceConfigSchema)
  if (!got?.config.ok) throw new Error('no cached configuration')
  const cloud: WorkspaceConfig = got.config.value
  const draft = {
    ...cloud,
    members: [...cloud.members, ...users.map((u) => ({ userId: u, roles: ['PAI.AlgoDeveloper' as const] }))],
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
  if (plan.counts.apply !== ops) throw new Error(`expected ${ops} actions, got ${plan.counts.apply}`)
  await sleep(1100) // a fresh throttle window
  await emu.control('DELETE', '/__emulator/requests')
  const { runId } = e.sync.apply(key, plan.fingerprint)
  const t0 = performance.now()
  const samples: string[] = []
  let halvedAt: { t: number; done: number } | undefined
  let lastSample = -Infinity
  for (;;) {
    const c = e.store.outbox.counts({ runId })
    const t = performance.now() - t0
    if (t - lastSample >= 500) {
      samples.push(`${(t / 1000).toFixed(1)}s:${e.sync.worker.window.size}`)
      lastSample = t
    }
    if (halve && !halvedAt && c.done >= HALF_AT) {
      await emu.control('POST', '/__emulator/faults', { throttleQps: QPS / 2 })
      halvedAt = { t: performance.now(), done: c.done }
      samples.push('[halved]')
    }
    if (c.pending + c.in_flight === 0) break
    await sleep(20)
  }
  const end = performance.now()
  const state = await e.sync.waitForRun(runId, { timeoutMs: 120_000 })
  const log = await emu.requests()
  if (halve) await emu.control('POST', '/__emulator/faults', { throttleQps: QPS })
  return {
    sec: (end - t0) / 1000,
    ops,
    failed: state.ops.filter((op) => op.status !== 'done').length,
    requests: log.length,
    throttled: log.filter((r) => r.fault === 'throttle').length,
    trace: samples.join(' '),
    ...(halvedAt
      ? {
          beforeQps: halvedAt.done / ((halvedAt.t - t0) / 1000),
          afterQps: (ops - halvedAt.done) / ((end - halvedAt.t) / 1000),
        }
      : {}),
  }
}

/** The naive loop: the same client, one CreateMember at a time. */
async function naiveCase(emu: EmulatorProcess, n: number): Promise<CaseResult> {
  await emu.control('POST', '/__emulator/faults', { throttleQps: QPS })
  const { wsId, users } = await seedWorkspace(emu, n)
  const e = openEngine({ endpoint: emu.endpoint, start: false })
  try {
    await emu.control('DELETE', '/__emulator/requests')
    const t0 = performance.now()
    let failed = 0
    for (const u of users) {
      try {
        await e.clients.pai.createMembers(wsId, { Members: [{ UserId: u, Roles: ['PAI.AlgoDeveloper'] }] })
      } catch {
        failed++
      }
    }
    const sec = (performance.now() - t0) / 1000
    const log = await emu.requests()
    return { sec, ops: n, failed, requests: log.length, throttled: 0, trace: 'window 1' }
  } finally {
    await e.close()
  }
}

function figures(label: string, r: CaseResult, limitQps = QPS, target = false): BenchFigure[] {
  const qps = r.ops / r.sec
  const share = r.requests ? r.throttled / r.requests : 0
  const out: BenchFigure[] = [
    {
      name: `${label}: throughput / limit`,
      value: round(qps / limitQps),
      unit: `x ${limitQps} QPS`,
      ...(target ? { target: '>= 0.95', ok: qps / limitQps >= 0.95 } : {}),
      note: `${r.ops} ops in ${r.sec.toFixed(1)} s, ${r.failed} not done; ${loadNote()}`,
    },
    {
      name: `${label}: throttled share`,
      value: round(share * 100),
      unit: '% of requests',
      ...(target ? { target: '<= 2', ok: share <= 0.02 } : {}),
      note: `${r.throttled} of ${r.requests} requests`,
    },
    { name: `${label}: in-flight window`, value: NaN, unit: 'ops', note: r.trace },
  ]
  if (r.beforeQps !== undefined && r.afterQps !== undefined)
    out.push(
      { name: `${label}: before halving / 100 QPS`, value: round(r.beforeQps / QPS), unit: 'x' },
      {
        name: `${label}: after halving / 50 QPS`,
        value: round(r.afterQps / (QPS / 2)),
        unit: 'x',
        note: 'the limit halved after 300 ops (POST /__emulator/faults {throttleQps: 50})',
      },
    )
  return out
}

const bench: Bench = {
  title: `Sync apply pacing: member creates, emulator throttle ${QPS} QPS`,
  async run(): Promise<BenchFigure[]> {
    process.stderr.write(`  (${loadNote()})\n`)
    const out: BenchFigure[] = []
    for (const latencyMs of [50, 300]) {
      const emu = await emulatorProcess({ latencyMs, throttleQps: QPS })
      try {
        const at = `${latencyMs} ms`
        const cold = await applyCase(emu, 1000, adaptive)
        out.push(...figures(`${at}, adaptive, cold (a new process)`, cold, QPS, true))
        const warm = await applyCase(emu, 1000, adaptive, { warmUp: 300 })
        out.push(...figures(`${at}, adaptive, warm (2nd run of a process)`, warm, QPS, true))
        const fixed = await applyCase(emu, latencyMs > 100 ? 300 : 1000, {
          maxInFlight: 8,
          concurrency: 8,
          adaptive: false,
        })
        out.push(...figures(`${at}, fixed window 8`, fixed))
        out.push(...figures(`${at}, naive loop`, await naiveCase(emu, latencyMs > 100 ? 30 : 100)))
        out.push(...figures(`${at}, adaptive, limit halved`, await applyCase(emu, 1000, adaptive, { halve: true })))
      } finally {
        emu.stop()
      }
    }
    return out
  },
}

const adaptive = { maxInFlight: null, concurrency: null } as const

function round(n: number): number {
  return Math.round(n * 100) / 100
}

export default bench
