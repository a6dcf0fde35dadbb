import { describe, expect, it } from 'vitest'
import { WorkspaceConfigSchema, creationSummary, formatDomain } from './format'
import { baseConfig, check, found, mainCtx, problem } from './helpers'

describe('W: creating a workspace', () => {
  it('W1: the name is 3-23 letters, digits or _, starting with a letter', () => {
    const bad: Array<[string, string]> = [
      ['', 'DOMAIN_NAME_REQUIRED'],
      ['ab', 'DOMAIN_NAME_LENGTH'],
      ['a'.repeat(24), 'DOMAIN_NAME_LENGTH'],
      ['1abc', 'DOMAIN_NAME_START'],
      ['_abc', 'DOMAIN_NAME_START'],
      ['ab-c', 'DOMAIN_NAME_CHARS'],
      ['工作空间abc', 'DOMAIN_NAME_START'],
      ['abc工作', 'DOMAIN_NAME_CHARS'],
    ]
    for (const [name, code] of bad) {
      const r = check({ basic: { name, description: 'd' } })
      expect(found(r), name).toContain(`W1 ${code} /basic/name`)
      expect(r.ok).toBe(false)
    }
    for (const name of ['abc', 'A'.repeat(23), 'ws_2024_Q1', 'x_1'])
      expect(found(check({ basic: { name, description: 'd' } })), name).toEqual([])
  })

  it('W1: the description is required and at most 80 characters', () => {
    expect(found(check({ basic: { name: 'team_alpha' } }))).toContain(
      'W1 DOMAIN_DESCRIPTION_REQUIRED /basic/description',
    )
    expect(found(check({ basic: { name: 'team_alpha', description: '   ' } }))).toContain(
      'W1 DOMAIN_DESCRIPTION_REQUIRED /basic/description',
    )
    expect(found(check({ basic: { name: 'team_alpha', description: 'x'.repeat(81) } }))).toContain(
      'W1 DOMAIN_DESCRIPTION_TOO_LONG /basic/description',
    )
    // 80 characters of Chinese (and astral emoji) are 80 characters, not bytes or UTF-16 units.
    expect(
      found(
        check({ basic: { name: 'team_alpha', description: '这是一个工作空间描述示例'.repeat(6) + '示例'.repeat(4) } }),
      ),
    ).toEqual([])
    expect(found(check({ basic: { name: 'team_alpha', description: '😀'.repeat(80) } }))).toEqual([])
    expect(found(check({ basic: { name: 'team_alpha', description: '😀'.repeat(81) } }))).toContain(
      'W1 DOMAIN_DESCRIPTION_TOO_LONG /basic/description',
    )
  })

  it('W1: the name and the mode cannot change after creation', () => {
    const previous = WorkspaceConfigSchema.parse(baseConfig())
    const r = check({ basic: { name: 'team_beta', description: 'd', mode: 'simple' } }, mainCtx({ previous }))
    expect(found(r)).toContain('W1 DOMAIN_NAME_IMMUTABLE /basic/name')
    expect(found(r)).toContain('W1 DOMAIN_MODE_IMMUTABLE /basic/mode')
    expect(problem(r, 'DOMAIN_NAME_IMMUTABLE')?.params).toEqual({ previous: 'team_alpha' })
    expect(
      found(check({ basic: { name: 'team_alpha', description: 'new text', mode: 'standard' } }, mainCtx({ previous }))),
    ).toEqual([])
  })

  it('W1: the resource group ID has the rg- shape', () => {
    expect(found(check({ basic: { name: 'team_alpha', description: 'd', resourceGroupId: 'group1' } }))).toContain(
      'W1 DOMAIN_RESOURCE_GROUP_ID /basic/resourceGroupId',
    )
    expect(
      found(check({ basic: { name: 'team_alpha', description: 'd', resourceGroupId: 'rg-acfmwp7rkyq' } })),
    ).toEqual([])
  })

  it('W1: members are optional at creation, and default storage is recommended (ST1)', () => {
    const r = check({ storage: {} })
    expect(r.ok).toBe(true)
    expect(found(r)).toEqual(['ST1 DOMAIN_STORAGE_RECOMMENDED /storage/defaultPath'])
    expect(r.problems[0]?.severity).toBe('warning')
  })

  it('W2: a new workspace can be created with all five resource kinds', () => {
    const kinds = ['lingjun', 'general', 'acs', 'maxcompute', 'flink'] as const
    const resources = kinds.flatMap((kind) => [
      { kind, envType: 'dev' as const, name: `${kind}_dev` },
      { kind, envType: 'prod' as const, name: `${kind}_prod` },
    ])
    const r = check({ resources })
    expect(found(r)).toEqual([])
    expect(r.config?.resources).toHaveLength(10)
  })

  it('W3: the confirmation step summarizes everything before creation', () => {
    const cfg = WorkspaceConfigSchema.parse({
      ...baseConfig(),
      members: [{ userId: 'u1', roles: ['PAI.AlgoDeveloper'] }],
      resources: [
        { kind: 'general', envType: 'prod', name: 'gpu_pool' },
        { kind: 'general', envType: 'dev', name: 'gpu_dev' },
        { kind: 'maxcompute', envType: 'prod', name: 'mc_proj' },
      ],
    })
    expect(creationSummary(cfg)).toEqual({
      name: 'team_alpha',
      displayName: 'team_alpha',
      description: 'Team Alpha workspace',
      mode: 'standard',
      members: [{ userId: 'u1', roles: ['PAI.AlgoDeveloper'] }],
      resources: [
        expect.objectContaining({ kind: 'general', envType: 'prod', name: 'gpu_pool' }),
        expect.objectContaining({ kind: 'general', envType: 'dev', name: 'gpu_dev' }),
        expect.objectContaining({ kind: 'maxcompute', envType: 'prod', name: 'mc_proj' }),
      ],
      resourceCounts: { general: 2, maxcompute: 1 },
      defaultStoragePath: 'oss://team-alpha/pai/tmp/',
    })
  })

  it('W4: a name in the cache is refused; a DataWorks clash says so and suggests another name', () => {
    const pai = check({}, mainCtx({ knownWorkspaces: [{ name: 'team_alpha', source: 'pai' }] }))
    expect(found(pai)).toEqual(['W4 DOMAIN_NAME_TAKEN /basic/name'])
    const dw = check(
      {},
      mainCtx({
        knownWorkspaces: [
          { name: 'other', source: 'pai' },
          { name: 'team_alpha', source: 'dataworks' },
        ],
      }),
    )
    expect(found(dw)).toEqual(['W4 DOMAIN_NAME_TAKEN_DATAWORKS /basic/name'])
    const p = dw.problems[0]!
    expect(formatDomain('en', p)).toMatch(/DataWorks/)
    expect(formatDomain('en', p)).toMatch(/choose another name/)
    expect(formatDomain('zh-CN', p)).toMatch(/名称已经存在.*DataWorks/)
    // Other names, and the workspace's own name once it exists, are fine.
    expect(found(check({}, mainCtx({ knownWorkspaces: [{ name: 'team_alph', source: 'pai' }] })))).toEqual([])
    const previous = WorkspaceConfigSchema.parse(baseConfig())
    expect(found(check({}, mainCtx({ previous, knownWorkspaces: [{ name: 'team_alpha', source: 'pai' }] })))).toEqual(
      [],
    )
  })
})
