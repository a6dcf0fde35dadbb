import { describe, expect, it } from 'vitest'
import {
  RESOURCE_TYPE_OF_KIND,
  WorkspaceConfigSchema,
  envTypesOf,
  modeOf,
  naturalKey,
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

  it('C1: names the five resource kinds with their API ResourceType', () => {
    expect(RESOURCE_TYPE_OF_KIND).toEqual({
      lingjun: 'Lingjun',
      general: 'ECS',
      acs: 'ACS',
      maxcompute: 'MaxCompute',
      flink: 'Flink',
    })
    expect(resourceKindOf('ECS')).toBe('general')
    expect(resourceKindOf('SelfManagedAckPro')).toBeUndefined()
  })

  it('gives every list item a stable natural key', () => {
    expect(naturalKey('member', { userId: 'u1', roles: ['PAI.AlgoDeveloper'] })).toBe('u1')
    expect(naturalKey('customRole', { name: 'dev-test', permissions: {} })).toBe('dev-test')
    const res = { kind: 'maxcompute', envType: 'prod', name: 'mc_proj', isDefault: false } as const
    expect(naturalKey('resource', res)).toBe('maxcompute/prod/mc_proj')
    const withId = { ...res, resourceId: 'changes-nothing' }
    expect(resourceKey(withId)).toBe('maxcompute/prod/mc_proj')
    expect(
      naturalKey('notificationRule', { name: 'r1', enabled: true, eventTypes: [], scope: 'all', targets: [] }),
    ).toBe('r1')
    expect(naturalKey('priorityLimit', { subjectType: 'role', subjectId: 'PAI.AlgoDeveloper', maxPriority: 3 })).toBe(
      'role:PAI.AlgoDeveloper',
    )
    expect(naturalKey('timeoutRule', { kind: 'queue', minutes: 5, enabled: true })).toBe('queue')
    expect(notificationTargetKey({ type: 'sms', contacts: ['Alice', 'Tony'] })).toBe('sms:Alice,Tony')
    expect(notificationTargetKey({ type: 'http', url: 'https://x.example/' })).toBe('http:https://x.example/')
  })
})
