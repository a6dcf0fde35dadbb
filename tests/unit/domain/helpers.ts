import {
  validate,
  type DomainValidationResult,
  type ValidationContextInput,
  type WorkspaceConfigInput,
} from '@shared/domain'

/** A small, valid, standard-mode workspace: validating it in `mainCtx()` finds no problem at all. */
export function baseConfig(): WorkspaceConfigInput {
  return {
    basic: { name: 'team_alpha', description: 'Team Alpha workspace', mode: 'standard' },
    storage: { defaultPath: 'oss://team-alpha/pai/tmp/' },
  }
}

/** The main account in cn-hangzhou, creating a workspace. */
export function mainCtx(over: Partial<ValidationContextInput> = {}): ValidationContextInput {
  return { region: 'cn-hangzhou', identity: { kind: 'main', userId: '1000000000000001' }, ...over }
}

/** A RAM user with the given roles and policy, editing an existing workspace (previous = `previous`). */
export function ramCtx(
  roles: string[],
  hasPaiFullAccess = true,
  over: Partial<ValidationContextInput> = {},
): ValidationContextInput {
  return {
    region: 'cn-hangzhou',
    identity: { kind: 'ram', userId: '2000000000000002', hasPaiFullAccess },
    identityRoles: roles,
    ...over,
  }
}

/** `ruleId code pointer` of every problem, for readable assertions. */
export function found(r: DomainValidationResult): string[] {
  return r.problems.map((p) => `${p.ruleId} ${p.code} ${p.pointer}`)
}

/** Validates `patch` (any shape: tests feed wrong ones on purpose) applied on top of the base config. */
export function check(patch: Record<string, unknown>, ctx: ValidationContextInput = mainCtx()): DomainValidationResult {
  return validate({ ...baseConfig(), ...patch }, ctx)
}

export function problem(r: DomainValidationResult, code: string, pointer?: string) {
  return r.problems.find((p) => p.code === code && (pointer === undefined || p.pointer === pointer))
}
