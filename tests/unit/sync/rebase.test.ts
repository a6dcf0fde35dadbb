import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { PlanAction } from '@shared/ipc/channels/sync'
import { buildPlan, emptyBase, type PlanInput } from '../../../core/sync/plan/build'
import { rebase } from '../../../core/sync/plan/rebase'
import { OWNER, tripleArb } from './arbitraries'

/**
 * The plan is a pure function of (draft, base, cloud); the rebase after a sync must not change what it
 * plans. Seeded, so a failure names its counterexample and reproduces.
 */

const RUNS = Number(process.env.PAI_PROPERTY_RUNS ?? 300)
const SEED = Number(process.env.PAI_PROPERTY_SEED ?? 20261201)

const input = (t: { mine: PlanInput['draft']; base: PlanInput['base']; cloud: PlanInput['cloud'] }): PlanInput => ({
  region: 'cn-hangzhou',
  draft: t.mine,
  base: t.base,
  cloud: t.cloud,
  workspaceId: '1',
  identity: { kind: 'main', userId: OWNER },
  identityRoles: [],
})

/**
 * What an action does: its op (payloads name custom roles by name, so they do not depend on role IDs), its
 * rule, the paths in conflict, what it waits for. (A conflict also shows the items; after a rebase their
 * custom role IDs are the rebased configuration's, for the same roles.)
 */
const gist = (a: PlanAction) => ({
  id: a.id,
  kind: a.kind,
  op: a.op ?? null,
  ruleId: a.ruleId ?? null,
  conflict: a.conflict?.map((f) => f.path) ?? null,
  dependsOn: [...a.dependsOn].sort(),
})
const byId = (acts: PlanAction[]) => acts.map(gist).sort((x, y) => x.id.localeCompare(y.id))

describe('plan and rebase, as pure functions (property)', () => {
  it('D5: a configuration planned against itself plans nothing', () => {
    fc.assert(
      fc.property(tripleArb, ({ cloud }) => {
        expect(buildPlan(input({ mine: cloud, base: cloud, cloud }))).toEqual([])
      }),
      { numRuns: RUNS, seed: SEED },
    )
  })

  it('D5: the rebased draft plans exactly what the draft planned against the same cloud', () => {
    fc.assert(
      fc.property(tripleArb, (t) => {
        const before = buildPlan(input(t))
        const r = rebase(input(t))
        const after = buildPlan(input({ mine: r.draft, base: r.base, cloud: t.cloud }))
        expect(byId(after)).toEqual(byId(before))
      }),
      { numRuns: RUNS, seed: SEED },
    )
  })

  it('D5: a rebase is done once: rebasing the rebased draft changes nothing', () => {
    fc.assert(
      fc.property(tripleArb, (t) => {
        const r = rebase(input(t))
        const again = rebase(input({ mine: r.draft, base: r.base, cloud: t.cloud }))
        expect(again).toEqual(r)
      }),
      { numRuns: RUNS, seed: SEED },
    )
  })

  it('D5: with nothing left to do, the rebased draft is the cloud (owner, IDs and all)', () => {
    fc.assert(
      fc.property(tripleArb, (t) => {
        const r = rebase(input({ mine: t.cloud, base: t.base, cloud: t.cloud }))
        expect(r.draft).toEqual(t.cloud)
        expect(r.base).toEqual(t.cloud)
      }),
      { numRuns: RUNS, seed: SEED },
    )
  })

  it('a new workspace (no base: the empty one) keeps the cloud-made owner and plans nothing more', () => {
    fc.assert(
      fc.property(tripleArb, (t) => {
        const draft = { ...t.mine, members: t.mine.members.filter((m) => m.userId !== OWNER), owner: undefined }
        const base = emptyBase(draft)
        const r = rebase(input({ mine: draft, base, cloud: t.cloud }))
        expect(r.draft.members.find((m) => m.userId === OWNER)).toEqual(t.cloud.members.find((m) => m.userId === OWNER))
        expect(r.draft.owner).toEqual(t.cloud.owner)
      }),
      { numRuns: RUNS, seed: SEED },
    )
  })
})
