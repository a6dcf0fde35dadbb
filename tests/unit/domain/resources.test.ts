import { describe, expect, it } from 'vitest'
import { WorkspaceConfigSchema, formatDomain } from './format'
import { baseConfig, check, found, mainCtx, problem } from './helpers'

describe('C: compute resources', () => {
  it('C1: five kinds, per environment, with API names; dev exists only in standard mode', () => {
    const r = check({ resources: [{ kind: 'gpu', envType: 'prod', name: 'x_pool' }] })
    expect(found(r)).toEqual(['C1 DOMAIN_SCHEMA_ENUM /resources/0/kind'])
    expect(problem(r, 'DOMAIN_SCHEMA_ENUM')?.params.allowed).toEqual([
      'lingjun',
      'general',
      'acs',
      'maxcompute',
      'flink',
    ])
    expect(found(check({ resources: [{ kind: 'acs', envType: 'test', name: 'acs_q' }] }))).toEqual([
      'C1 DOMAIN_SCHEMA_ENUM /resources/0/envType',
    ])
    const simple = check({
      basic: { name: 'team_alpha', description: 'd', mode: 'simple' },
      resources: [
        { kind: 'flink', envType: 'dev', name: 'flink_dev' },
        { kind: 'flink', envType: 'prod', name: 'flink_prod' },
      ],
    })
    expect(found(simple)).toEqual(['C1 DOMAIN_RESOURCE_DEV_IN_SIMPLE /resources/0/envType'])
    for (const name of ['ab', '1pool', 'pool-a', 'p'.repeat(29)])
      expect(found(check({ resources: [{ kind: 'general', envType: 'prod', name }] })), name).toEqual([
        'C1 DOMAIN_RESOURCE_NAME /resources/0/name',
      ])
    const twice = check({
      resources: [
        { kind: 'acs', envType: 'prod', name: 'acs_q' },
        { kind: 'acs', envType: 'prod', name: 'acs_q' },
      ],
    })
    expect(found(twice)).toEqual(['C1 DOMAIN_RESOURCE_DUPLICATE /resources/1'])
    const defaults = check({
      resources: [
        { kind: 'general', envType: 'prod', name: 'pool_a', isDefault: true },
        { kind: 'general', envType: 'prod', name: 'pool_b', isDefault: true },
        { kind: 'general', envType: 'dev', name: 'pool_c', isDefault: true },
      ],
    })
    expect(found(defaults)).toEqual(['C1 DOMAIN_RESOURCE_DEFAULT_TWICE /resources/1/isDefault'])
  })

  it('C1: an already associated resource keeps the name the cloud gave it', () => {
    const previous = WorkspaceConfigSchema.parse({
      ...baseConfig(),
      resources: [{ kind: 'lingjun', envType: 'prod', name: 'quota-k8d2', resourceId: 'r1' }],
    })
    expect(found(check({ resources: previous.resources }, mainCtx({ previous })))).toEqual([])
  })

  it('C2: a dropped associated resource is refused with the business-manager explanation', () => {
    const previous = WorkspaceConfigSchema.parse({
      ...baseConfig(),
      resources: [
        { kind: 'general', envType: 'prod', name: 'pool_a', resourceId: 'r1' },
        { kind: 'maxcompute', envType: 'dev', name: 'mc_dev', resourceId: 'r2' },
      ],
    })
    const kept = previous.resources.slice(0, 1)
    const r = check({ resources: kept }, mainCtx({ previous }))
    expect(found(r)).toEqual(['C2 DOMAIN_RESOURCE_DETACH_REFUSED /resources'])
    expect(r.ok).toBe(false)
    expect(problem(r, 'DOMAIN_RESOURCE_DETACH_REFUSED')?.params).toEqual({
      name: 'mc_dev',
      kind: 'maxcompute',
      envType: 'dev',
    })
    expect(formatDomain('zh-CN', r.problems[0]!)).toMatch(/请联系您的商务经理处理/)
    expect(formatDomain('en', r.problems[0]!)).toMatch(/contact your business manager/)
    // Associating more is fine.
    expect(
      found(
        check(
          { resources: [...previous.resources, { kind: 'acs', envType: 'prod', name: 'acs_new' }] },
          mainCtx({ previous }),
        ),
      ),
    ).toEqual([])
  })

  it('C3: MaxCompute resources are CPU only', () => {
    expect(
      found(check({ resources: [{ kind: 'maxcompute', envType: 'prod', name: 'mc_proj', spec: { gpuCount: 2 } }] })),
    ).toEqual(['C3 DOMAIN_MAXCOMPUTE_GPU /resources/0/spec'])
    expect(
      found(check({ resources: [{ kind: 'maxcompute', envType: 'prod', name: 'mc_proj', spec: { gpuType: 'A10' } }] })),
    ).toEqual(['C3 DOMAIN_MAXCOMPUTE_GPU /resources/0/spec'])
    expect(
      found(
        check({
          resources: [{ kind: 'maxcompute', envType: 'prod', name: 'mc_proj', spec: { gpuCount: 0, quotaId: 'q1' } }],
        }),
      ),
    ).toEqual([])
    expect(
      found(
        check({
          resources: [{ kind: 'lingjun', envType: 'prod', name: 'lj_pool', spec: { gpuCount: 8, gpuType: 'H800' } }],
        }),
      ),
    ).toEqual([])
  })
})
