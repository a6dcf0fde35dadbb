import { openEngine, type Engine } from '../tests/integration/sync/harness'
import { emulatorProcess, loadNote, type EmulatorProcess } from './emulator-process'
import type { Bench, BenchFigure } from './types'

/**
 * Refresh at fleet scale (issue 17 item 3): 500 workspaces of 50 members, 3 notification rules and 4 configs each,
 * from the emulator in its own process at 50 ms latency and a 100 QPS limit, through the product's refresh
 * (`sync.refresh` of a profile: core/sync/refresh-job.ts, refresh.ts, the cloud clients with their default learned
 * pacing). Printed: a full refresh (empty cache), a refresh where nothing changed (the cache from the full one),
 * and a Terraform-style refresh beside them: 10 workers reading one object at a time (GetWorkspace, GetMember,
 * GetRule, ListConfigs of one key), with the same clients. The Terraform-style one reads TF_WORKSPACES of the 500
 * (BENCH_TF_WORKSPACES=500 for all): it is paced at the same limit, so its time for 500 is scaled linearly.
 */
const QPS = 100
const LATENCY_MS = 50
const WORKSPACES = 500
const MEMBERS = 50
const TF_WORKERS = 10
const TF_WORKSPACES = Math.min(WORKSPACES, Number(process.env.BENCH_TF_WORKSPACES ?? 100))
const CONFIGS = [
  { CategoryName: '', ConfigKey: 'modelExportPath', ConfigValue: 'oss://bench-bkt/models/' },
  { CategoryName: 'CommonResourceConfig', ConfigKey: 'tempStoragePath', ConfigValue: 'oss://bench-bkt/tmp/' },
  { CategoryName: 'DLCAutoRecycle', ConfigKey: 'isAutoRecycle', ConfigValue: 'true' },
  { CategoryName: '', ConfigKey: 'tempTableLifecycle', ConfigValue: '7' },
]
const RULES = ['dlc-failed', 'dsw-stopped', 'model-approved']

const uid = (i: number): string => `27${String(i).padStart(14, '0')}`
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

interface Seeded {
  id: string
  name: string
}

async function seed(emu: EmulatorProcess): Promise<Seeded[]> {
  const users = Array.from({ length: MEMBERS }, (_, i) => ({ UserId: uid(i), UserName: `fleet${i}` }))
  const out: Seeded[] = []
  for (let start = 0; start < WORKSPACES; start += 50) {
    const workspaces = Array.from({ length: Math.min(50, WORKSPACES - start) }, (_, k) => ({
      WorkspaceName: `fleet_${String(start + k).padStart(4, '0')}`,
      Description: 'fleet',
      members: users.map((u) => ({ UserId: u.UserId, Roles: ['PAI.AlgoDeveloper'] })),
      configs: CONFIGS,
      rules: RULES.map((r) => ({
        RuleName: r,
        FilterPattern: JSON.stringify({ source: ['acs.pai'], type: [`pai:${r}`] }),
        Targets: [{ Id: `${r}-http`, Type: 'http', Endpoint: 'https://hooks.example.com/pai' }],
      })),
    }))
    const got = (await emu.control('POST', '/__emulator/seed', { users, workspaces })) as {
      workspaces: Array<{ WorkspaceId: string; WorkspaceName: string }>
    }
    out.push(...got.workspaces.map((w) => ({ id: w.WorkspaceId, name: w.WorkspaceName })))
  }
  return out
}

interface Measured {
  sec: number
  requests: number
  throttled: number
  byAction: Record<string, number>
  note?: string
}

/** Runs `work` in a fresh throttle window and counts what the emulator served meanwhile. */
async function measure(emu: EmulatorProcess, work: () => Promise<string | void>): Promise<Measured> {
  await sleep(1100)
  await emu.control('DELETE', '/__emulator/requests')
  const t0 = performance.now()
  const note = await work()
  const sec = (performance.now() - t0) / 1000
  const log = await emu.requests()
  const byAction: Record<string, number> = {}
  for (const r of log) byAction[r.action] = (byAction[r.action] ?? 0) + 1
  return {
    sec,
    requests: log.length,
    throttled: log.filter((r) => r.fault === 'throttle').length,
    byAction,
    ...(note ? { note } : {}),
  }
}

async function productRefresh(e: Engine): Promise<string> {
  const r = await e.sync.refresh(e.profileId)
  if (r.workspaces !== WORKSPACES || r.failed.length)
    throw new Error(`refreshed ${r.workspaces}, ${r.failed.length} failed`)
  return `${r.workspaces} workspaces`
}

/** Terraform's refresh: every object in the state read on its own, by 10 workers. */
async function terraformRefresh(e: Engine, ws: Seeded[]): Promise<string> {
  const reads: Array<() => Promise<unknown>> = []
  for (const w of ws) {
    reads.push(() => e.clients.pai.getWorkspace(w.id))
    for (let i = 0; i < MEMBERS; i++) reads.push(() => e.clients.pai.getMember(w.id, { MemberId: `${w.id}-${uid(i)}` }))
    for (const r of RULES)
      reads.push(() => e.clients.eventBridge.getRule({ EventBusName: `pai-system-${w.name}`, RuleName: r }))
    for (const c of CONFIGS) reads.push(() => e.clients.pai.listConfigs(w.id, { ConfigKeys: c.ConfigKey }))
  }
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < reads.length) await reads[next++]!()
  }
  await Promise.all(Array.from({ length: TF_WORKERS }, worker))
  return `${reads.length} objects of ${ws.length} workspaces`
}

function figures(label: string, m: Measured, scale = 1): BenchFigure[] {
  const accepted = m.requests - m.throttled
  const ratio = accepted / m.sec / QPS
  const share = m.requests ? m.throttled / m.requests : 0
  const scaled = scale === 1 ? '' : ` (measured ${m.sec.toFixed(1)} s on 1/${scale} of the workspaces, x${scale})`
  return [
    {
      name: `${label}: wall time`,
      value: round(m.sec * scale),
      unit: 's',
      note: `${m.note ?? ''}${scaled}; ${loadNote()}`,
    },
    {
      name: `${label}: requests`,
      value: m.requests * scale,
      unit: 'requests',
      note: Object.entries(m.byAction)
        .sort((a, b) => b[1] - a[1])
        .map(([a, n]) => `${a} ${n * scale}`)
        .join(', '),
    },
    {
      name: `${label}: throughput / limit`,
      value: round(ratio),
      unit: `x ${QPS} QPS`,
      target: '>= 0.9',
      ok: ratio >= 0.9,
      note: `${accepted} accepted requests in ${m.sec.toFixed(1)} s`,
    },
    {
      name: `${label}: throttled share`,
      value: round(share * 100),
      unit: '% of requests',
      note: `${m.throttled} of ${m.requests}`,
    },
  ]
}

const bench: Bench = {
  title: `Refresh at fleet scale: ${WORKSPACES} workspaces x (${MEMBERS} members, 3 rules, 4 configs), ${LATENCY_MS} ms, ${QPS} QPS`,
  async run(): Promise<BenchFigure[]> {
    process.stderr.write(`  (${loadNote()})\n`)
    const emu = await emulatorProcess({ latencyMs: LATENCY_MS, throttleQps: QPS })
    // The product's defaults: no cap on ops in flight or per endpoint but the learned window.
    const e = openEngine({ endpoint: emu.endpoint, concurrency: null, maxInFlight: null, start: false })
    try {
      const ws = await seed(emu)
      const full = await measure(emu, () => productRefresh(e))
      const quiet = await measure(emu, () => productRefresh(e))
      const tf = await measure(emu, () => terraformRefresh(e, ws.slice(0, TF_WORKSPACES)))
      const scale = WORKSPACES / TF_WORKSPACES
      return [
        ...figures('full refresh (empty cache)', full),
        ...figures('no-change refresh (cache of the full one)', quiet),
        {
          name: 'no-change / full',
          value: round(quiet.sec / full.sec),
          unit: 'x wall time',
          note: `requests ${quiet.requests} / ${full.requests} = ${round(quiet.requests / full.requests)}; GetWorkspace ${quiet.byAction.GetWorkspace ?? 0} vs ${full.byAction.GetWorkspace ?? 0}`,
        },
        ...figures(`Terraform-style (${TF_WORKERS} workers, one object at a time)`, tf, scale),
        {
          name: 'Terraform-style / full refresh',
          value: round((tf.sec * scale) / full.sec),
          unit: 'x wall time',
          note: `requests ${tf.requests * scale} / ${full.requests}`,
        },
      ]
    } finally {
      await e.close()
      emu.stop()
    }
  },
}

function round(n: number): number {
  return Math.round(n * 100) / 100
}

export default bench
