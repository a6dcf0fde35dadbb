import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { EventHub } from '../core/ipc/events'
import { AccessService } from '../core/services/access'
import { AccessBulkService } from '../core/services/access-bulk'
import { openStore } from '../core/store'
import { SyncService } from '../core/sync'
import { percentile, type Bench, type BenchFigure } from './types'
import { EVERYWHERE, seed } from './access-seed'

/**
 * Access across the fleet (issue 16) on 1,000 cached workspaces of 200 members each (200,000 member rows):
 * the overview's first page and a user's memberships (store queries), and offboarding one user who is in
 * every workspace, planned (drafts written, each workspace planned by the sync planner).
 */
/** `n` timed calls after a few untimed ones (the statements prepared, the pages read once). */
function timeIt(n: number, fn: () => unknown): number[] {
  const out: number[] = []
  for (let i = 0; i < 3; i++) fn()
  for (let i = 0; i < n; i++) {
    const t0 = performance.now()
    fn()
    out.push(performance.now() - t0)
  }
  return out
}

const bench: Bench = {
  title: 'Access overview (1,000 workspaces x 200 members)',
  async run() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pai-bench-access-'))
    const store = openStore({ dataDir: dir })
    const figures: BenchFigure[] = []
    try {
      const t0 = performance.now()
      seed(store)
      figures.push({ name: 'cache filled (repos, triggers on)', value: performance.now() - t0, unit: 'ms' })
      const rows = store.access.users({}).totalMemberships
      const access = new AccessService(store)
      const first = timeIt(100, () => {
        const page = store.access.users({}, { limit: 100 })
        store.access.cells(
          page.rows.map((r) => r.userId),
          {},
        )
      })
      const p99 = percentile(first, 99)
      figures.push({
        name: 'first page of users + cells (store), p99',
        value: p99,
        unit: 'ms',
        target: '< 50 ms',
        ok: p99 < 50,
        note: `${rows} member rows`,
      })
      const filtered = timeIt(20, () => store.access.users({ adminsOnly: true }, { limit: 100 }))
      figures.push({
        name: 'first page, administrators only (store), p99',
        value: percentile(filtered, 99),
        unit: 'ms',
      })
      const service = timeIt(20, () => access.overview({ limit: 100 }))
      figures.push({
        name: 'overview call (page + 1,000 columns + cells), p99',
        value: percentile(service, 99),
        unit: 'ms',
      })
      const user = timeIt(200, () => store.access.memberships(EVERYWHERE))
      const u99 = percentile(user, 99)
      figures.push({
        name: 'all workspaces of one user (1,000), p99',
        value: u99,
        unit: 'ms',
        target: '< 10 ms',
        ok: u99 < 10,
        note: `200 calls, median ${percentile(user, 50).toFixed(1)} ms; one covering index search (cached_members_user) and three key lookups per row`,
      })
      const events = new EventHub()
      const sync = new SyncService({
        store,
        emit: (e, p) => events.emit(e, p),
        clientsFor: () => Promise.reject(new Error('offline bench')),
        secret: async () => null,
      })
      const bulk = new AccessBulkService({ store, sync })
      const cpu0 = process.cpuUsage()
      const t1 = performance.now()
      const plan = bulk.change({ kind: 'offboard', userId: EVERYWHERE }, 'en')
      const planned = performance.now() - t1
      // the process's own CPU time beside the wall time: on a shared machine the two differ most
      const cpu = process.cpuUsage(cpu0)
      figures.push({
        name: 'offboard one user from 1,000 workspaces, planned',
        value: planned,
        unit: 'ms',
        target: '< 1 s',
        ok: planned < 1000,
        note: `${plan.counts.apply} deletes planned in ${plan.parts.length} workspaces; CPU ${Math.round((cpu.user + cpu.system) / 1000)} ms`,
      })
      const t2 = performance.now()
      bulk.plan(plan.changeId, 'en')
      figures.push({ name: 'the combined plan again (1,000 parts)', value: performance.now() - t2, unit: 'ms' })
    } finally {
      store.close({ backup: false })
      fs.rmSync(dir, { recursive: true, force: true })
    }
    return figures
  },
}

export default bench
