import { describe, expect, it } from 'vitest'
import {
  RESOURCE_TYPE_OF_KIND,
  WorkspaceConfigSchema,
  envTypesOf,
  modeOf,
  memberKey,
  customRoleKey,
  notificationRuleKey,
  priorityLimitKey,
  timeoutRuleKey,
  notificationTargetKey,
  resourceKey,
  resourceKindOf,
  validate,
} from '@shared/domain'
import { baseConfig, found, mainCtx } from './helpers'

describe('the workspace model', () => {
  it('parses a minimal configuration, filling every default', () => {
    const c = WorkspaceConfigSchema.parse({ basic: { name: 'ws_a' } })
    expect(c.basic).toEqual({ name: 'ws_a', displayName: '', description: '', mode: 'simple' })
    expect(c.members).toEqual([])
    expect(c.notifications).toEqual({ rules: [], foreignRules: [], quota: 5 })
    expect(c.switches).toEqual({ dlcContainerAccess: false, dswSsh: false, dswPublicAccess: false })
    expect(c.scheduling.nonMembers).toEqual({ allowed: true })
    expect(c.sls.modules).toEqual([])
  })

  it('the base fixture is clean (so every other test sees only what it adds)', () => {
    const r = validate(baseConfig(), mainCtx())
    expect(found(r)).toEqual([])
    expect(r.ok).toBe(true)
    expect(r.config?.basic.name).toBe('team_alpha')
  })

  it('maps modes to EnvTypes and back', () => {
    expect(envTypesOf('simple')).toEqual(['prod'])
    expect(envTypesOf('standard')).toEqual(['dev', 'prod'])
    expect(modeOf(['prod'])).toBe('simple')
    expect(modeOf(['dev', 'prod'])).toBe('standard')
    expect(modeOf(['prod', 'dev'])).toBe('standard')
    expect(modeOf(['dev'])).toBeUndefined()
    expect(modeOf(['prod', 'prod'])).toBeUndefined()
    expect(modeOf([])).toBeUndefined()
  })

  it('C1: reads the five resource kinds from their API ResourceType, and back', () => {
    const apiTypes = { Lingjun: 'lingjun', ECS: 'general', ACS: 'acs', MaxCompute: 'maxcompute', Flink: 'flink' }
    for (const [type, kind] of Object.entries(apiTypes)) {
      expect(resourceKindOf(type), type).toBe(kind)
      expect(RESOURCE_TYPE_OF_KIND[resourceKindOf(type)!], type).toBe(type)
    }
    expect(resourceKindOf('SelfManagedAckPro')).toBeUndefined()
  })

  it('gives every list item a stable natural key', () => {
    expect(memberKey({ userId: 'u1' })).toBe('u1')
    expect(customRoleKey({ name: 'dev-test' })).toBe('dev-test')
    const res = { kind: 'maxcompute', envType: 'prod', name: 'mc_proj', isDefault: false } as const
    expect(resourceKey(res)).toBe('maxcompute/prod/mc_proj')
    const withId = { ...res, resourceId: 'changes-nothing' }
    expect(resourceKey(withId)).toBe('maxcompute/prod/mc_proj')
    expect(notificationRuleKey({ name: 'r1' })).toBe('r1')
    expect(priorityLimitKey({ subjectType: 'role', subjectId: 'PAI.AlgoDeveloper' })).toBe('role:PAI.AlgoDeveloper')
    expect(timeoutRuleKey({ kind: 'queue' })).toBe('queue')
    expect(notificationTargetKey({ type: 'sms', contacts: ['Alice', 'Tony'] })).toBe('sms:Alice,Tony')
    expect(notificationTargetKey({ type: 'http', url: 'https://x.example/' })).toBe('http:https://x.example/')
  })
})
