import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { hasMessage } from '@shared/messages'
import { ProblemSchema, validate, type DomainValidationResult } from './format'
import { baseConfig, found, mainCtx } from './helpers'

/** Every result is well-formed: problems fit the schema, and every code has a message. */
function wellFormed(r: DomainValidationResult): void {
  expect(typeof r.ok).toBe('boolean')
  expect(r.ok).toBe(!r.problems.some((p) => p.severity === 'error'))
  for (const p of r.problems) {
    expect(ProblemSchema.safeParse(p).success).toBe(true)
    expect(hasMessage(p.code), p.code).toBe(true)
    expect(p.pointer === '' || p.pointer.startsWith('/')).toBe(true)
  }
}

const cyclic: Record<string, unknown> = { basic: { name: 'team_alpha', description: 'd' } }
cyclic.self = cyclic
;(cyclic.basic as Record<string, unknown>).loop = cyclic

const hostile = new Proxy(
  {},
  {
    get() {
      throw new Error('boom')
    },
    ownKeys() {
      throw new Error('boom')
    },
  },
)

describe('bad input of any shape', () => {
  const cases: Array<[string, unknown]> = [
    ['undefined', undefined],
    ['null', null],
    ['a number', 42],
    ['a string', 'workspace'],
    ['an array', [baseConfig()]],
    ['an empty object', {}],
    ['basic null', { basic: null }],
    ['basic a string', { basic: 'team_alpha' }],
    [
      'wrong types everywhere',
      {
        basic: { name: 1, description: [], mode: 'turbo' },
        members: 'all',
        customRoles: {},
        resources: [1, null, 'x'],
        scheduling: 5,
        notifications: { rules: {}, quota: 'five' },
        storage: [],
        sls: null,
        switches: { dswSsh: 'on' },
      },
    ],
    [
      'members of every shape',
      {
        ...baseConfig(),
        members: [
          null,
          1,
          'u',
          [],
          {},
          { userId: 7 },
          { userId: 'u', roles: 'PAI.AlgoDeveloper' },
          { userId: 'ok', roles: ['PAI.AlgoDeveloper'] },
        ],
      },
    ],
    [
      'NaN, Infinity and -0',
      {
        ...baseConfig(),
        notifications: { quota: NaN, rules: [] },
        scheduling: {
          maxRuntimeMinutes: Infinity,
          jobPriorityLimits: [{ subjectType: 'role', subjectId: 'PAI.AlgoDeveloper', maxPriority: -0 }],
        },
      },
    ],
    ['a huge name', { basic: { name: 'a'.repeat(1_000_000), description: 'd'.repeat(1_000_000) } }],
    [
      'unicode everywhere',
      {
        basic: { name: '工作空间😀\u0000\u202e', description: '\ud800 lone surrogate', displayName: 'ｆｕｌｌ' },
        storage: { defaultPath: 'oss://bucket/😀/\u0000/' },
        members: [{ userId: '用户', roles: ['PAI.管理员'] }],
      },
    ],
    [
      'a deep target union mess',
      {
        ...baseConfig(),
        notifications: {
          rules: [
            {
              name: 'r',
              eventTypes: ['dlc.other', 5, null],
              targets: [{}, { type: null }, { type: 'dingtalk' }, { type: 'sms', contacts: [1, null, 'Alice'] }],
            },
          ],
        },
      },
    ],
  ]
  for (const [label, input] of cases) {
    it(`yields problems, never an exception: ${label}`, () => {
      const r = validate(input, mainCtx())
      wellFormed(r)
      expect(r.ok).toBe(false)
      expect(r.problems.length).toBeGreaterThan(0)
    })
  }

  it('prototype keys and cycles are ignored: they neither break validation nor pollute anything', () => {
    const proto = JSON.parse(
      '{"__proto__": {"polluted": true}, "basic": {"name": "team_alpha", "description": "d", "__proto__": {"x": 1}}, "constructor": {"prototype": {}}}',
    )
    for (const input of [proto, cyclic]) {
      const r = validate(input, mainCtx())
      wellFormed(r)
      expect(found(r)).toEqual(['ST1 DOMAIN_STORAGE_RECOMMENDED /storage/defaultPath'])
      expect(r.config).not.toHaveProperty('self')
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('reports every problem at once, at the right place, and still checks the valid parts', () => {
    const r = validate(
      {
        basic: { name: 5, description: 'd' },
        members: [{ userId: 'u1', roles: [] }, 'junk', { userId: 'u3', roles: ['role-gone'] }],
        resources: [{ kind: 'maxcompute', envType: 'prod', name: 'mc_proj', spec: { gpuCount: 'many' } }],
        storage: { defaultPath: 'oss://Bad/' },
      },
      mainCtx(),
    )
    expect(found(r)).toEqual([
      'W1 DOMAIN_SCHEMA_TYPE /basic/name',
      'M5 DOMAIN_MEMBER_NO_ROLE /members/0/roles',
      'M1 DOMAIN_SCHEMA_TYPE /members/1',
      'C3 DOMAIN_SCHEMA_TYPE /resources/0/spec/gpuCount',
      'M4 DOMAIN_CUSTOM_ROLE_UNKNOWN /members/2/roles/0',
      'ST1 DOMAIN_OSS_BUCKET /storage/defaultPath',
    ])
    expect(r.config).toBeUndefined()
  })

  it('a hostile object (throwing getters) still gets an answer', () => {
    const r = validate(hostile, mainCtx())
    wellFormed(r)
    expect(r.ok).toBe(false)
    const r2 = validate({ ...baseConfig(), members: hostile }, mainCtx())
    wellFormed(r2)
    expect(r2.ok).toBe(false)
  })

  it('a bad context is an error (permissions cannot be decided), never an exception', () => {
    for (const ctx of [
      undefined,
      null,
      {},
      { region: 1 },
      { region: 'cn-hangzhou', identity: { kind: 'root' } },
      { region: 'cn-hangzhou', identity: { kind: 'ram', userId: 'u' } },
    ]) {
      const r = validate(baseConfig(), ctx)
      wellFormed(r)
      expect(found(r)[0]).toBe('A1 DOMAIN_CONTEXT_INVALID ')
      expect(r.ok).toBe(false)
    }
  })

  it('arbitrary values, configs and contexts never throw and always give well-formed results', () => {
    fc.assert(
      fc.property(
        fc.anything({ maxDepth: 4, withNullPrototype: true, withObjectString: true }),
        fc.anything({ maxDepth: 3 }),
        (config, ctx) => {
          wellFormed(validate(config, ctx))
          wellFormed(validate(config, mainCtx()))
        },
      ),
      { numRuns: 400 },
    )
  })

  it('configs that look almost right never throw either', () => {
    const section = fc.oneof(fc.anything({ maxDepth: 2 }), fc.constant(undefined))
    const shaped = fc.record({
      basic: fc.oneof(
        fc.record({
          name: fc.oneof(fc.string(), fc.integer()),
          description: fc.string(),
          mode: fc.constantFrom('simple', 'standard', 'x'),
        }),
        section,
      ),
      members: fc.oneof(
        fc.array(
          fc.record({
            userId: fc.oneof(fc.string(), fc.constant(null)),
            roles: fc.array(fc.constantFrom('PAI.AlgoDeveloper', 'PAI.WorkspaceOwner', 'role-x', 'bad', '')),
          }),
        ),
        section,
      ),
      resources: fc.oneof(
        fc.array(
          fc.record({
            kind: fc.constantFrom('maxcompute', 'acs', 'gpu'),
            envType: fc.constantFrom('dev', 'prod', 'qa'),
            name: fc.string(),
            spec: fc.option(fc.record({ gpuCount: fc.oneof(fc.integer(), fc.string()) }), { nil: undefined }),
          }),
        ),
        section,
      ),
      notifications: fc.oneof(
        fc.record({
          quota: fc.oneof(fc.integer(), fc.double()),
          rules: fc.array(
            fc.record({
              name: fc.string(),
              eventTypes: fc.array(fc.constantFrom('dlc.other', 'model.versionApproved', 'x')),
              targets: fc.array(fc.anything({ maxDepth: 2 })),
            }),
          ),
        }),
        section,
      ),
      storage: fc.oneof(fc.record({ defaultPath: fc.string(), designerPath: fc.string() }), section),
      switches: section,
    })
    fc.assert(
      fc.property(shaped, (config) => wellFormed(validate(config, mainCtx({ region: 'cn-beijing' })))),
      { numRuns: 400 },
    )
  })
})
