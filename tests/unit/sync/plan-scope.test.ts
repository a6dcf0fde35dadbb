import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { validateInContext, validateMemberChanges, type ValidationContext } from '@shared/domain'
import { buildPlan, type PlanInput } from '../../../core/sync/plan/build'
import { onlyMembersDiffer } from '../../../core/sync/plan/scope'
import { OWNER, tripleArb } from './arbitraries'

/**
 * A bulk access change plans its drafts' members area alone (core/sync/plan/scope.ts): for a draft that differs
 * from its base and the cloud in its members only, that must be the whole plan (the apply plans it whole again and
 * compares the fingerprints), and its checks must find what the full rules find.
 */

const RUNS = Number(process.env.PAI_PROPERTY_RUNS ?? 300)
const SEED = Number(process.env.PAI_PROPERTY_SEED ?? 20261203)

type Triple = { mine: PlanInput['draft']; base: PlanInput['draft']; cloud: PlanInput['draft'] }

const input = (t: Triple): PlanInput => ({
  region: 'cn-hangzhou',
  draft: t.mine,
  base: t.base,
  cloud: t.cloud,
  workspaceId: '1',
  identity: { kind: 'main', userId: OWNER },
  identityRoles: [],
})

/** The triple with every section but the members taken from the base (copied, so nothing is shared by reference). */
const membersOnly = (t: Triple): Triple => {
  const copy = (members: Triple['base']['members']): Triple['base'] => ({
    ...structuredClone(t.base),
    members: structuredClone(members),
  })
  return { base: t.base, mine: copy(t.mine.members), cloud: copy(t.cloud.members) }
}

const ctxOf = (t: Triple): ValidationContext => ({
  region: 'cn-hangzhou',
  identity: { kind: 'main', userId: OWNER },
  identityRoles: [],
  knownWorkspaces: [],
  allowLoopbackWebhooks: false,
  previous: t.base,
})

describe('planning the members area alone (bulk access changes, issue 16)', () => {
  it('D5: a draft that differs in its members only: the members plan is the whole plan', () => {
    fc.assert(
      fc.property(tripleArb, (t) => {
        const i = input(membersOnly(t))
        expect(onlyMembersDiffer(i)).toBe(true)
        expect(buildPlan(i, 'members')).toEqual(buildPlan(i))
      }),
      { numRuns: RUNS, seed: SEED },
    )
  })

  it('a draft that differs in any other section is planned whole', () => {
    fc.assert(
      fc.property(tripleArb, (t) => {
        const i = input(t)
        const other = (Object.keys(t.base) as Array<keyof Triple['base']>).filter((k) => k !== 'members')
        const differs = other.some(
          (k) =>
            JSON.stringify(t.mine[k]) !== JSON.stringify(t.base[k]) ||
            JSON.stringify(t.cloud[k]) !== JSON.stringify(t.base[k]),
        )
        expect(onlyMembersDiffer(i)).toBe(!differs)
      }),
      { numRuns: RUNS, seed: SEED },
    )
    const t = fc.sample(tripleArb, { numRuns: 1, seed: SEED })[0]!
    expect(onlyMembersDiffer({ ...input(membersOnly(t)), base: null })).toBe(false)
  })

  it('M1-M6, W1, ST1: the checks of a draft whose members alone changed find what the full rules find', () => {
    fc.assert(
      fc.property(tripleArb, (raw) => {
        const t = membersOnly(raw)
        expect(validateMemberChanges(t.mine, ctxOf(t)).problems).toEqual(validateInContext(t.mine, ctxOf(t)).problems)
      }),
      { numRuns: RUNS, seed: SEED },
    )
  })

  it('W1: a problem of an area the draft did not change is still found (a cloud copy without a description)', () => {
    const t = membersOnly(fc.sample(tripleArb, { numRuns: 1, seed: SEED })[0]!)
    const bare = { ...t.base, basic: { ...t.base.basic, description: '' } }
    const mine = { ...t.mine, basic: bare.basic }
    const got = validateMemberChanges(mine, { ...ctxOf(t), previous: bare }).problems
    expect(got.map((p) => p.ruleId)).toContain('W1')
    expect(got).toEqual(validateInContext(mine, { ...ctxOf(t), previous: bare }).problems)
  })

  it('M5: a member without a role the cloud never held is reported as by the full rules', () => {
    const t = membersOnly(fc.sample(tripleArb, { numRuns: 1, seed: SEED })[0]!)
    const mine = { ...t.mine, members: [...t.mine.members, { userId: '2999', roles: [] }] }
    const got = validateMemberChanges(mine, ctxOf(t)).problems
    expect(got.map((p) => p.ruleId)).toContain('M5')
    expect(got).toEqual(validateInContext(mine, ctxOf(t)).problems)
  })
})
