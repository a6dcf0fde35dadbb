import { describe, expect, it } from 'vitest'
import { WorkspaceConfigSchema, type WorkspaceConfig, type WorkspaceConfigInput } from '@shared/domain'
import { mergeDrafts } from '@shared/bundle/merge'

/** D1, two tabs on one draft (issue 18): the edit that lost the revision race merged three-way with the saved one. */

const cfg = (c: Partial<WorkspaceConfigInput> = {}): WorkspaceConfig =>
  WorkspaceConfigSchema.parse({ basic: { name: 'ws_demo', description: 'demo', mode: 'standard' }, ...c })
const edit = (c: WorkspaceConfig, f: (x: WorkspaceConfig) => void): WorkspaceConfig => {
  const x = structuredClone(c)
  f(x)
  return x
}

const base = cfg({
  members: [
    { userId: '2001', userName: 'alice', roles: ['PAI.AlgoDeveloper'] },
    { userId: '2002', userName: 'bob', roles: ['PAI.WorkspaceGuest'] },
  ],
  scheduling: { maxRuntimeMinutes: 60, timeouts: [{ kind: 'queue', minutes: 30, enabled: true }] },
  storage: { defaultPath: 'oss://a/' },
})

describe('mergeDrafts (D1: two tabs on one draft)', () => {
  it('D1: changes of different fields from both sides are all kept, with no conflict', () => {
    const mine = edit(base, (x) => {
      x.basic.description = 'typed here'
      x.scheduling.timeouts[0]!.minutes = 45
    })
    const theirs = edit(base, (x) => {
      x.basic.displayName = 'from the other tab'
      x.storage.defaultPath = 'oss://b/'
    })
    const r = mergeDrafts(base, mine, theirs)
    expect(r.conflicts).toEqual([])
    expect(r.config.basic).toMatchObject({ description: 'typed here', displayName: 'from the other tab' })
    expect(r.config.storage.defaultPath).toBe('oss://b/')
    expect(r.config.scheduling.timeouts).toEqual([{ kind: 'queue', minutes: 45, enabled: true }])
    expect(WorkspaceConfigSchema.parse(r.config)).toEqual(r.config)
  })

  it('D1: list items are matched by natural key: members added, removed and edited on both sides all survive', () => {
    const mine = edit(base, (x) => {
      x.members.push({ userId: '2003', userName: 'carol', roles: ['PAI.AlgoOperator'] })
      x.members[0]!.roles.push('PAI.WorkspaceGuest')
    })
    const theirs = edit(base, (x) => {
      x.members = x.members.filter((m) => m.userId !== '2002')
      x.members.unshift({ userId: '2004', userName: 'dave', roles: ['PAI.LabelManager'] })
      x.members.find((m) => m.userId === '2001')!.roles.push('PAI.LabelManager')
    })
    const r = mergeDrafts(base, mine, theirs)
    expect(r.conflicts).toEqual([])
    // the saved order first, then what only this tab added
    expect(r.config.members.map((m) => m.userId)).toEqual(['2004', '2001', '2003'])
    // roles are a set: both additions kept
    expect(r.config.members[1]!.roles).toEqual(['PAI.AlgoDeveloper', 'PAI.LabelManager', 'PAI.WorkspaceGuest'])
  })

  it('D1: a role removed here and one added there both apply (roles merge as a set)', () => {
    const mine = edit(base, (x) => (x.members[0]!.roles = ['PAI.AlgoOperator']))
    const theirs = edit(base, (x) => x.members[0]!.roles.push('PAI.WorkspaceGuest'))
    expect(mergeDrafts(base, mine, theirs).config.members[0]!.roles).toEqual(['PAI.WorkspaceGuest', 'PAI.AlgoOperator'])
  })

  it('D1: the same field changed differently on both sides is a conflict; undecided keeps the saved value', () => {
    const mine = edit(base, (x) => {
      x.basic.displayName = 'mine'
      x.basic.description = 'only here'
    })
    const theirs = edit(base, (x) => (x.basic.displayName = 'theirs'))
    const r = mergeDrafts(base, mine, theirs)
    expect(r.conflicts).toEqual([{ path: 'basic.displayName', base: '', mine: 'mine', theirs: 'theirs' }])
    expect(r.config.basic).toMatchObject({ displayName: 'theirs', description: 'only here' })
    const chosen = mergeDrafts(base, mine, theirs, { 'basic.displayName': 'mine' })
    expect(chosen.config.basic).toMatchObject({ displayName: 'mine', description: 'only here' })
    expect(mergeDrafts(base, mine, theirs, { 'basic.displayName': 'theirs' }).config.basic.displayName).toBe('theirs')
  })

  it('D1: the same change made on both sides is no conflict', () => {
    const both = edit(base, (x) => (x.storage.defaultPath = 'oss://c/'))
    const r = mergeDrafts(base, both, structuredClone(both))
    expect(r.conflicts).toEqual([])
    expect(r.config).toEqual(both)
  })

  it('D1: a member removed here but edited there is a conflict named by the member, either choice honoured', () => {
    const mine = edit(base, (x) => (x.members = x.members.filter((m) => m.userId !== '2002')))
    const theirs = edit(base, (x) => (x.members[1]!.roles = ['PAI.AlgoDeveloper']))
    const r = mergeDrafts(base, mine, theirs)
    expect(r.conflicts.map((c) => c.path)).toEqual(['members[2002]'])
    expect(r.conflicts[0]!.mine).toBeUndefined()
    expect(r.config.members.map((m) => m.userId)).toEqual(['2001', '2002'])
    const removed = mergeDrafts(base, mine, theirs, { 'members[2002]': 'mine' })
    expect(removed.config.members.map((m) => m.userId)).toEqual(['2001'])
  })

  it('D1: an optional number cleared here and changed there is a conflict; cleared when this side is chosen', () => {
    const mine = edit(base, (x) => delete x.scheduling.maxRuntimeMinutes)
    const theirs = edit(base, (x) => (x.scheduling.maxRuntimeMinutes = 90))
    const r = mergeDrafts(base, mine, theirs, { 'scheduling.maxRuntimeMinutes': 'mine' })
    expect(r.conflicts).toEqual([{ path: 'scheduling.maxRuntimeMinutes', base: 60, mine: undefined, theirs: 90 }])
    expect('maxRuntimeMinutes' in r.config.scheduling).toBe(false)
  })

  it('D1: the same member added on both sides merges field by field', () => {
    const carol = { userId: '2003', userName: 'carol', roles: ['PAI.AlgoOperator' as const] }
    const mine = edit(base, (x) => x.members.push({ ...carol, roles: ['PAI.AlgoOperator'] }))
    const theirs = edit(base, (x) => x.members.push({ ...carol, roles: ['PAI.WorkspaceGuest'] }))
    const r = mergeDrafts(base, mine, theirs)
    expect(r.conflicts).toEqual([])
    expect(r.config.members[2]).toEqual({ ...carol, roles: ['PAI.WorkspaceGuest', 'PAI.AlgoOperator'] })
  })
})
