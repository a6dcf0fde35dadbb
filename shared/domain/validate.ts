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
 * The member rules only (A1-A3, the members' shape with M5's at least one role, M1-M6, M4), for a configuration
 * that is already the schema's output and differs from its cloud state in its members alone: a bulk access change
 * plans a thousand such drafts in a row (issue 16). The other areas are the cloud's as they are; the full rules
 * (`validateInContext`) still run when the draft is applied, and refuse it there.
 */
export function validateMembersInContext(config: WorkspaceConfig, ctx: ValidationContext): DomainValidationResult {
  return guarded((c) => {
    const front: DomainProblem[] = []
    const d = canModify(ctx, { creating: ctx.previous === undefined })
    c.checks += 2 // the context's check, as in validate, and A1-A3
    if (!d.allowed && d.code)
      front.push({ ruleId: d.ruleId, pointer: '', severity: 'error', code: d.code, params: d.params ?? {} })
    // The members' shape: those the cloud state holds as they are were its schema's output already.
    const held = new Map((ctx.previous?.members ?? []).map((m) => [m.userId, m.roles]))
    const shape: DomainProblem[] = []
    config.members.forEach((m, i) => {
      if (sameRoles(held.get(m.userId), m.roles)) return
      c.checks++
      const parsed = MemberSchema.safeParse(m)
      if (!parsed.success)
        for (const issue of parsed.error.issues)
          shape.push(issueToProblem({ ...issue, path: ['members', i, ...issue.path] }, config))
    })
    if (shape.length > 0) return { ok: false, problems: [...front, ...shape], checks: c.checks }
    const env = ruleEnv(config, ctx, ctx.previous === undefined)
    checkMembers(config, env, c)
    checkCustomRoles(config, env, c)
    const problems = [...front, ...c.problems]
    return { ok: !problems.some((p) => p.severity === 'error'), problems, checks: c.checks }
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
  const parsed = WorkspaceConfigSchema.safeParse(input)
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
