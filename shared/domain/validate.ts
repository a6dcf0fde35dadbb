import { ValidationContextSchema, type ValidationContext, type ValidationResult } from './context'
import { MemberSchema, WorkspaceConfigSchema, type WorkspaceConfig } from './model'
import { canModify } from './permissions'
import { Collector, clip, type DomainProblem } from './problems'
import { checkBasic } from './rules/basic'
import type { Rule, RuleEnv } from './rules/env'
import { checkCustomRoles, checkMembers } from './rules/members'
import { checkNotifications } from './rules/notifications'
import { checkResources } from './rules/resources'
import { checkScheduling } from './rules/scheduling'
import { checkSls, checkStorage, checkSwitches } from './rules/settings'
import { isPlainObject, issueToProblem, salvage } from './schema-issues'

/** Every rule, by area, in the order problems are reported. */
const RULES: readonly Rule[] = [
  checkBasic,
  checkMembers,
  checkCustomRoles,
  checkResources,
  checkScheduling,
  checkNotifications,
  checkStorage,
  checkSls,
  checkSwitches,
]

export interface DomainValidationResult extends ValidationResult {
  problems: DomainProblem[]
  /** The configuration with defaults applied, when it had the right shape. */
  config?: WorkspaceConfig
}

/**
 * Validates a workspace configuration (any input at all) against every offline rule and returns
 * every problem at once. Never throws.
 */
export function validate(config: unknown, context: unknown): DomainValidationResult {
  return guarded((c) => {
    const front: DomainProblem[] = []
    // The context: without a valid one, permissions cannot be decided, so that is an error.
    const ctxParsed = ValidationContextSchema.safeParse(context)
    c.checks++
    if (!ctxParsed.success) {
      const first = ctxParsed.error.issues[0]
      front.push({
        ruleId: 'A1',
        pointer: '',
        severity: 'error',
        code: 'DOMAIN_CONTEXT_INVALID',
        params: { field: first ? first.path.map(String).join('.') || '(root)' : '(root)' },
      })
    }
    return run(config, ctxParsed.success ? ctxParsed.data : undefined, front, c)
  })
}

/**
 * `validate` with a context that is already the schema's output (built from parsed data, as the core's
 * validationContextFor does): the same result, without parsing the context again (its previous state and
 * every known workspace name), which counts when a bulk change plans a thousand drafts in a row.
 */
export function validateInContext(config: unknown, ctx: ValidationContext): DomainValidationResult {
  return guarded((c) => {
    c.checks++ // the context's check, as in validate
    return run(config, ctx, [], c)
  })
}

/**
 * `validateInContext` for a configuration that is already the schema's output and differs from its cloud state
 * (`ctx.previous`) in its members alone, as a bulk access change's thousand drafts do (issue 16): the same problems,
 * every rule run, but only the members the cloud state does not hold as they are are checked against the schema
 * (the rest was its schema's output already). A member that fails its schema: the whole `validateInContext`.
 */
export function validateMemberChanges(config: WorkspaceConfig, ctx: ValidationContext): DomainValidationResult {
  const held = new Map((ctx.previous?.members ?? []).map((m) => [m.userId, m.roles]))
  const reparse = config.members.some(
    (m) => !sameRoles(held.get(m.userId), m.roles) && !MemberSchema.safeParse(m).success,
  )
  if (reparse || ctx.previous === undefined) return validateInContext(config, ctx)
  return guarded((c) => {
    c.checks++ // the context's check, as in validate
    return run(config, ctx, [], c, config)
  })
}

const sameRoles = (a: readonly string[] | undefined, b: readonly string[]): boolean =>
  a !== undefined && a.length === b.length && a.every((r, i) => r === b[i])

function ruleEnv(cfg: WorkspaceConfig, ctx: ValidationContext | undefined, creating: boolean): RuleEnv {
  return {
    region: ctx?.region,
    previous: ctx?.previous,
    creating,
    ownerId: cfg.owner?.userId ?? ctx?.previous?.owner?.userId ?? (creating ? ctx?.identity.userId : undefined),
    knownWorkspaces: ctx?.knownWorkspaces ?? [],
    eventBridgeAuthorized: ctx?.eventBridgeAuthorized,
    allowLoopbackWebhooks: ctx?.allowLoopbackWebhooks ?? false,
    memberIndex: indexMembers(cfg),
  }
}

function guarded(body: (c: Collector) => DomainValidationResult): DomainValidationResult {
  const c = new Collector()
  try {
    return body(c)
  } catch (err) {
    // Only reachable with hostile inputs (throwing getters, proxies).
    const detail = clip(err instanceof Error ? err.message : String(err))
    c.error('', 'W1', 'DOMAIN_INPUT_UNREADABLE', { detail })
    return { ok: false, problems: c.problems, checks: c.checks }
  }
}

function run(
  input: unknown,
  ctx: ValidationContext | undefined,
  front: DomainProblem[],
  c: Collector,
  /** The input when it is the schema's output already (not parsed again). */
  trusted?: WorkspaceConfig,
): DomainValidationResult {
  const creating = ctx !== undefined && ctx.previous === undefined

  // A1-A4: may this identity change (or create) the workspace at all?
  if (ctx) {
    const d = canModify(ctx, { creating })
    c.checks++
    if (!d.allowed && d.code)
      front.push({ ruleId: d.ruleId, pointer: '', severity: 'error', code: d.code, params: d.params ?? {} })
  }

  // Shape: one parse on the happy path; on failure every issue becomes a problem and the rest is salvaged.
  const parsed = trusted ? { success: true as const, data: trusted } : WorkspaceConfigSchema.safeParse(input)
  c.checks++
  let cfg: WorkspaceConfig | undefined
  const shape: DomainProblem[] = []
  if (parsed.success) cfg = parsed.data
  else if (!isPlainObject(input))
    shape.push({ ruleId: 'W1', pointer: '', severity: 'error', code: 'DOMAIN_INPUT_NOT_OBJECT', params: {} })
  else {
    for (const issue of parsed.error.issues) shape.push(issueToProblem(issue, input))
    cfg = salvageConfig(input)
  }

  if (
    cfg &&
    ctx?.previous === undefined &&
    cfg.owner?.userId !== undefined &&
    ctx &&
    cfg.owner.userId !== ctx.identity.userId
  ) {
    c.checks++
    c.warn('/owner', 'A4', 'DOMAIN_OWNER_IS_CREATOR', { userId: ctx.identity.userId })
  }
  if (cfg) {
    const env = ruleEnv(cfg, ctx, creating)
    for (const rule of RULES) rule(cfg, env, c)
  }

  // A rule's finding at or under a pointer whose shape is already reported is noise.
  let ruleProblems = c.problems
  if (shape.length > 0) {
    const covered = shape.map((p) => p.pointer)
    ruleProblems = ruleProblems.filter((p) => !covered.some((s) => p.pointer === s || p.pointer.startsWith(s + '/')))
  }
  const problems = [...front, ...shape, ...ruleProblems]
  const result: DomainValidationResult = {
    ok: !problems.some((p) => p.severity === 'error'),
    problems,
    checks: c.checks,
  }
  if (parsed.success) result.config = parsed.data
  return result
}

function indexMembers(cfg: WorkspaceConfig): Map<string, number> {
  const index = new Map<string, number>()
  const members = cfg.members
  for (let i = 0; i < members.length; i++) {
    const m = members[i]
    if (m && !index.has(m.userId)) index.set(m.userId, i)
  }
  return index
}

/** Section by section, what can be used of a configuration that failed its schema. */
function salvageConfig(input: Record<string, unknown>): WorkspaceConfig {
  const out: Record<string, unknown> = {}
  for (const [key, schema] of Object.entries(WorkspaceConfigSchema.shape)) {
    let s = salvage(schema, input[key])
    if (!s.ok) s = salvage(schema, {})
    if (s.ok && s.data !== undefined) out[key] = s.data
  }
  return out as WorkspaceConfig
}
