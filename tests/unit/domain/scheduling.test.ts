import { describe, expect, it } from 'vitest'
import { WorkspaceConfigSchema } from './format'
import { baseConfig, check, found, ramCtx } from './helpers'

const members = [{ userId: 'u1', roles: ['PAI.AlgoDeveloper'] }]

describe('S: scheduling', () => {
  it('S1: priority limits per role or member are whole numbers 1-9', () => {
    const limits = (maxPriority: number) => [{ subjectType: 'role', subjectId: 'PAI.AlgoDeveloper', maxPriority }]
    for (const p of [0, 10, 5.5, -1]) {
      expect(found(check({ scheduling: { jobPriorityLimits: limits(p) } })), String(p)).toEqual([
        'S1 DOMAIN_PRIORITY_RANGE /scheduling/jobPriorityLimits/0/maxPriority',
      ])
      expect(found(check({ scheduling: { instancePriorityLimits: limits(p) } })), String(p)).toEqual([
        'S1 DOMAIN_PRIORITY_RANGE /scheduling/instancePriorityLimits/0/maxPriority',
      ])
    }
    for (const p of [1, 9]) expect(found(check({ scheduling: { jobPriorityLimits: limits(p) } }))).toEqual([])
    const memberLimit = { subjectType: 'member', subjectId: 'u1', maxPriority: 4 }
    expect(found(check({ members, scheduling: { jobPriorityLimits: [memberLimit] } }))).toEqual([])
    expect(
      found(check({ members, scheduling: { jobPriorityLimits: [memberLimit, { ...memberLimit, maxPriority: 2 }] } })),
    ).toEqual(['S1 DOMAIN_PRIORITY_LIMIT_DUPLICATE /scheduling/jobPriorityLimits/1/subjectId'])
    const unknown = check({
      scheduling: {
        jobPriorityLimits: [
          { ...memberLimit, subjectId: 'nobody' },
          { subjectType: 'role', subjectId: 'role-gone', maxPriority: 3 },
        ],
      },
    })
    expect(found(unknown)).toEqual([
      'S1 DOMAIN_PRIORITY_SUBJECT_UNKNOWN /scheduling/jobPriorityLimits/0/subjectId',
      'S1 DOMAIN_PRIORITY_SUBJECT_UNKNOWN /scheduling/jobPriorityLimits/1/subjectId',
    ])
    expect(unknown.ok).toBe(true) // warnings
  })

  it('S1: the maximum runtime is a positive number of minutes', () => {
    for (const v of [0, -5, 1.5])
      expect(found(check({ scheduling: { maxRuntimeMinutes: v } }))).toEqual([
        'S1 DOMAIN_DURATION_INVALID /scheduling/maxRuntimeMinutes',
      ])
    expect(found(check({ scheduling: { maxRuntimeMinutes: 1440 } }))).toEqual([])
  })

  it('S1: scheduling is edited by administrators only (A1)', () => {
    const previous = WorkspaceConfigSchema.parse(baseConfig())
    const edit = { scheduling: { maxRuntimeMinutes: 60 } }
    expect(found(check(edit, ramCtx(['PAI.AlgoOperator'], true, { previous })))).toEqual(['A1 DOMAIN_NOT_ADMIN '])
    expect(found(check(edit, ramCtx(['PAI.WorkspaceAdmin'], true, { previous })))).toEqual([])
  })

  it('S2: non-members get constraints of their own', () => {
    expect(
      found(
        check({
          scheduling: {
            nonMembers: { allowed: true, maxJobPriority: 3, maxInstancePriority: 2, maxRuntimeMinutes: 120 },
          },
        }),
      ),
    ).toEqual([])
    const bad = check({
      scheduling: { nonMembers: { maxJobPriority: 12, maxInstancePriority: 0, maxRuntimeMinutes: -1 } },
    })
    expect(found(bad)).toEqual([
      'S2 DOMAIN_PRIORITY_RANGE /scheduling/nonMembers/maxJobPriority',
      'S2 DOMAIN_PRIORITY_RANGE /scheduling/nonMembers/maxInstancePriority',
      'S2 DOMAIN_DURATION_INVALID /scheduling/nonMembers/maxRuntimeMinutes',
    ])
    const unused = check({ scheduling: { nonMembers: { allowed: false, maxJobPriority: 3 } } })
    expect(found(unused)).toEqual(['S2 DOMAIN_NON_MEMBER_LIMITS_UNUSED /scheduling/nonMembers'])
    expect(found(check({ scheduling: { nonMembers: { allowed: false } } }))).toEqual([])
    expect(found(check({ scheduling: { nonMembers: { allowed: 'no' } } }))).toEqual([
      'S2 DOMAIN_SCHEMA_TYPE /scheduling/nonMembers/allowed',
    ])
  })

  it('S3: timeout rules live in scheduling, one per kind, in whole minutes', () => {
    expect(
      found(
        check({
          scheduling: {
            timeouts: [
              { kind: 'queue', minutes: 30 },
              { kind: 'environmentPreparation', minutes: 10 },
            ],
          },
        }),
      ),
    ).toEqual([])
    expect(found(check({ scheduling: { timeouts: [{ kind: 'queue', minutes: 0 }] } }))).toEqual([
      'S3 DOMAIN_DURATION_INVALID /scheduling/timeouts/0/minutes',
    ])
    expect(
      found(
        check({
          scheduling: {
            timeouts: [
              { kind: 'queue', minutes: 5 },
              { kind: 'queue', minutes: 9 },
            ],
          },
        }),
      ),
    ).toEqual(['S3 DOMAIN_TIMEOUT_DUPLICATE /scheduling/timeouts/1/kind'])
    expect(found(check({ scheduling: { timeouts: [{ kind: 'running', minutes: 5 }] } }))).toEqual([
      'S3 DOMAIN_SCHEMA_ENUM /scheduling/timeouts/0/kind',
    ])
  })

  it('S3: the DLC task-timeout event needs an enabled timeout rule (E3)', () => {
    const rule = { name: 'timeouts', eventTypes: ['dlc.jobTimeout'], targets: [{ type: 'sms', contacts: ['Alice'] }] }
    expect(found(check({ notifications: { rules: [rule] } }))).toEqual([
      'E3 DOMAIN_TIMEOUT_EVENT_NEEDS_RULE /notifications/rules/0/eventTypes/0',
    ])
    expect(
      found(
        check({
          notifications: { rules: [rule] },
          scheduling: { timeouts: [{ kind: 'wait', minutes: 60, enabled: false }] },
        }),
      ),
    ).toEqual(['E3 DOMAIN_TIMEOUT_EVENT_NEEDS_RULE /notifications/rules/0/eventTypes/0'])
    expect(
      found(check({ notifications: { rules: [rule] }, scheduling: { timeouts: [{ kind: 'wait', minutes: 60 }] } })),
    ).toEqual([])
  })
})
