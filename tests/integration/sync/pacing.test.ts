import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WorkspaceConfigSchema } from '@shared/domain'
import { startEmulator, type RunningEmulator } from '../../../tools/emulator'
import { encodeDraftKey } from '../../../core/model/draft-key'
import { MAIN, openEngine } from './harness'

/**
 * The engine at its defaults (no in-flight cap, no endpoint cap) against a throttling cloud: it learns to pace, and
 * tells the UI a few times a second. Nothing here is timed: it checks what the engine did, not how fast.
 */
let emu: RunningEmulator
beforeAll(async () => {
  emu = await startEmulator({ accounts: [MAIN], latencyMs: 10 })
})
afterAll(() => emu.close())

const OPS = 80
const users = Array.from({ length: OPS }, (_, i) => ({ UserId: `27${String(i).padStart(14, '0')}`, UserName: `p${i}` }))

describe('pacing and progress at the throttle', () => {
  it('the in-flight window shrinks on throttling answers, the rate is learned, every op is done; progress is coalesced', async () => {
    const seeded = emu.seed({ users, workspaces: [{ WorkspaceName: 'wsPacing', Description: 'pacing' }] })
    const wsId = seeded.workspaces[0]!.WorkspaceId
    const e = openEngine({ endpoint: emu.endpoint, maxInFlight: null, concurrency: null })
    try {
      await e.sync.refresh(e.profileId, wsId)
      const got = e.store.workspaces.getConfig(e.profileId, wsId, WorkspaceConfigSchema)
      if (!got?.config.ok) throw new Error('no cached configuration')
      const cloud = got.config.value
      const draft = {
        ...cloud,
        members: [...cloud.members, ...users.map((u) => ({ userId: u.UserId, roles: ['PAI.AlgoDeveloper' as const] }))],
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
      expect(plan.counts.apply).toBe(OPS)
      emu.clearRequests()
      emu.faults({ throttleQps: 20 })
      const { runId } = e.sync.apply(key, plan.fingerprint)
      const state = await e.sync.waitForRun(runId, { timeoutMs: 120_000 })
      emu.clearFaults()

      expect(state.ops.filter((o) => o.status !== 'done')).toEqual([])
      expect(Object.keys(emu.state().tenants).length).toBeGreaterThan(0)
      const throttled = emu.requests().filter((r) => r.fault === 'throttle').length
      expect(throttled).toBeGreaterThan(0)

      // the window grew (slow start) and was cut when the throttling answers came
      const trace = e.sync.worker.window.trace().map((p) => p.window)
      const peak = Math.max(...trace)
      expect(peak).toBeGreaterThan(8)
      expect(Math.min(...trace.slice(trace.indexOf(peak)))).toBeLessThan(peak)
      // the endpoint learned a rate near the service's 20 a second
      const pacing = e.clients.limiterFor('pai').pacing!
      expect(pacing.throttles).toBeGreaterThan(0)
      expect(pacing.rate).toBeLessThanOrEqual(30)

      // progress: the worker's events of the run, at least ~250 ms apart but the last, which has the final counts
      const progress = e.events.filter(
        (x) => x.event === 'sync.progress' && (x.payload as { runId: string; opId?: string }).opId !== undefined,
      )
      expect(progress.length).toBeLessThan(OPS / 2)
      for (let i = 1; i < progress.length - 1; i++)
        expect(progress[i]!.at - progress[i - 1]!.at).toBeGreaterThanOrEqual(240)
      expect(progress.at(-1)!.payload).toMatchObject({ runId, done: OPS, total: OPS })
    } finally {
      await e.close()
    }
  }, 120_000)
})
