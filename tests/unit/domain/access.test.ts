import { describe, expect, it } from 'vitest'
import { WorkspaceConfigSchema, canModify, formatDomain, validate } from './format'
import { baseConfig, check, found, mainCtx, ramCtx } from './helpers'

const existing = WorkspaceConfigSchema.parse({ ...baseConfig(), owner: { userId: '1000000000000001' } })

describe('A: who may change what', () => {
  it('A1: only an administrator or the owner may modify the configuration', () => {
    for (const roles of [['PAI.AlgoDeveloper'], ['PAI.WorkspaceGuest', 'PAI.AlgoOperator'], []]) {
      const d = canModify({ identity: { kind: 'ram', userId: 'u', hasPaiFullAccess: true }, identityRoles: roles })
      expect(d).toMatchObject({ allowed: false, ruleId: 'A1', code: 'DOMAIN_NOT_ADMIN' })
      const r = check({}, ramCtx(roles, true, { previous: existing }))
      expect(found(r)).toContain('A1 DOMAIN_NOT_ADMIN ')
      expect(r.ok).toBe(false)
    }
    for (const roles of [['PAI.WorkspaceAdmin'], ['PAI.WorkspaceOwner'], ['PAI.AlgoDeveloper', 'PAI.WorkspaceAdmin']]) {
      expect(
        canModify({ identity: { kind: 'ram', userId: 'u', hasPaiFullAccess: true }, identityRoles: roles }),
      ).toEqual({ allowed: true, ruleId: 'A1' })
      expect(found(check({}, ramCtx(roles, true, { previous: existing })))).toEqual([])
    }
    expect(formatDomain('zh-CN', { code: 'DOMAIN_NOT_ADMIN', params: {} })).toBe(
      '仅工作空间管理员或负责人能够修改工作空间配置信息',
    )
  })

  it('A2: the main account may do everything, with no role and no policy', () => {
    expect(canModify({ identity: { kind: 'main', userId: 'm' }, identityRoles: [] })).toEqual({
      allowed: true,
      ruleId: 'A2',
    })
    expect(found(check({}, mainCtx({ previous: existing, identityRoles: [] })))).toEqual([])
  })

  it('A3: a RAM user needs AliyunPAIFullAccess, and the refusal says so and warns about it', () => {
    const d = canModify({
      identity: { kind: 'ram', userId: 'u', hasPaiFullAccess: false },
      identityRoles: ['PAI.WorkspaceAdmin'],
    })
    expect(d).toMatchObject({ allowed: false, ruleId: 'A3', code: 'DOMAIN_RAM_NEEDS_PAI_FULL_ACCESS' })
    expect(d.params).toEqual({ policy: 'AliyunPAIFullAccess' })
    const r = check({}, ramCtx(['PAI.WorkspaceAdmin'], false, { previous: existing }))
    expect(found(r)).toEqual(['A3 DOMAIN_RAM_NEEDS_PAI_FULL_ACCESS '])
    const en = formatDomain('en', r.problems[0]!)
    expect(en).toContain('AliyunPAIFullAccess')
    expect(en).toMatch(/every PAI permission/)
    expect(en).toMatch(/with care/)
    expect(en).toMatch(/main account is recommended/)
    expect(formatDomain('zh-CN', r.problems[0]!)).toMatch(/AliyunPAIFullAccess.*请谨慎添加.*推荐使用主账号/)
    // Creating needs the policy too.
    expect(
      canModify(
        { identity: { kind: 'ram', userId: 'u', hasPaiFullAccess: false }, identityRoles: [] },
        { creating: true },
      ).allowed,
    ).toBe(false)
  })

  it('A4: whoever creates a workspace becomes its owner', () => {
    const ram = { kind: 'ram' as const, userId: '2000000000000002', userName: 'alice', hasPaiFullAccess: true }
    // A RAM user with the policy may create with no workspace role at all.
    expect(canModify({ identity: ram, identityRoles: [] }, { creating: true })).toEqual({ allowed: true, ruleId: 'A4' })
    expect(found(check({}, ramCtx([], true)))).toEqual([])
    const draft = { ...WorkspaceConfigSchema.parse(baseConfig()), owner: { userId: ram.userId } }
    expect(found(validate(draft, ramCtx([], true)))).toEqual([])
    // Another owner cannot be chosen at creation.
    const r = check({ owner: { userId: 'someone-else' } }, ramCtx([], true))
    expect(found(r)).toEqual(['A4 DOMAIN_OWNER_IS_CREATOR /owner'])
    // The creator may appear as a member holding the owner role; nobody else may.
    const withOwner = check(
      { members: [{ userId: '2000000000000002', roles: ['PAI.WorkspaceOwner'] }] },
      ramCtx([], true),
    )
    expect(found(withOwner)).toEqual([])
    const other = check({ members: [{ userId: '3', roles: ['PAI.WorkspaceOwner'] }] }, ramCtx([], true))
    expect(found(other)).toEqual(['M6 DOMAIN_OWNER_ROLE_GRANTED /members/0/roles/0'])
  })
})
