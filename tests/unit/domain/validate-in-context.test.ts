import { describe, expect, it } from 'vitest'
import {
  ValidationContextSchema,
  WorkspaceConfigSchema,
  validate,
  validateInContext,
  type ValidationContextInput,
} from '@shared/domain'
import { baseConfig, mainCtx, ramCtx } from './helpers'

// validateInContext (issue 16, planning a thousand drafts in a row) skips the context's parse: given the parsed
// context, it must report exactly what validate reports, problems, their order and the count of checks alike.
const previous = WorkspaceConfigSchema.parse({
  ...baseConfig(),
  owner: { userId: '1000000000000009' },
  members: [
    { userId: '1000000000000009', roles: ['PAI.WorkspaceOwner'] },
    { userId: '2000000000000002', roles: ['PAI.AlgoDeveloper'] },
  ],
})

const cases: Array<{ name: string; config: unknown; ctx: ValidationContextInput }> = [
  { name: 'a valid new workspace', config: baseConfig(), ctx: mainCtx() },
  {
    name: 'W4 name clash with a known workspace',
    config: baseConfig(),
    ctx: mainCtx({ knownWorkspaces: [{ name: 'team_alpha', source: 'pai' }] }),
  },
  {
    name: 'A1-A3 a RAM user without the admin role, W1 immutable name, M6 owner removed',
    config: { ...previous, basic: { ...previous.basic, name: 'team_beta' }, members: [] },
    ctx: ramCtx(['PAI.AlgoDeveloper'], false, { previous }),
  },
  { name: 'A4 creator is not the owner', config: { ...baseConfig(), owner: { userId: '3' } }, ctx: mainCtx() },
  { name: 'W1 a wrong shape, salvaged', config: { ...baseConfig(), members: 'nobody' }, ctx: mainCtx({ previous }) },
  { name: 'not an object', config: 42, ctx: mainCtx() },
]

describe('validateInContext gives what validate gives (D5 plans, A1-A4, W1, W4, M6)', () => {
  for (const c of cases)
    it(c.name, () => {
      const expected = validate(c.config, c.ctx)
      const got = validateInContext(c.config, ValidationContextSchema.parse(c.ctx))
      expect(got).toEqual(expected)
    })

  it('the cases are not all clean (the comparison can fail)', () => {
    const withProblems = cases.filter((c) => validate(c.config, c.ctx).problems.length > 0)
    expect(withProblems.length).toBeGreaterThanOrEqual(4)
  })
})
