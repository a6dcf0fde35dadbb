import type { z } from 'zod'
import {
  BUNDLE_API_VERSION,
  BUNDLE_LIMITS,
  BundleEnvelopeSchema,
  migrateBundle,
  type BundleEnvelope,
  type BundleFormat,
  type EncryptedSecrets,
  type PointerMap,
} from '@shared/bundle'
import {
  pointerOf,
  validate,
  WorkspaceConfigSchema,
  type ValidationContext,
  type WorkspaceConfig,
} from '@shared/domain'
import { withImplicitOwner } from './owner'
import { NOWHERE, placeProblems, type Position } from './positions'
import { capProblems, type RawProblem } from './problems'
import { readBundleText, type PositionsOf } from './read'
import { unknownKeyProblems } from './unknown-fields'

/** Which workspace of a bundle: its index in the file, its name, and where it says it belongs. */
export interface WorkspaceMeta {
  index: number
  name: string
  profile?: string
  region?: string
}

/** A workspace of a checked bundle. */
export interface CheckedWorkspace extends WorkspaceMeta {
  /** The configuration with defaults applied, when its shape is right (it may still break rules). */
  config?: WorkspaceConfig
}

/**
 * What the caller knows about where a workspace goes: its validation context (and the cloud's configuration,
 * which completes a bundle that leaves the owner out), or only problems (an unknown profile...). Plain data:
 * it crosses to the worker thread that checks the bundle.
 */
export type WorkspaceTarget =
  { context: ValidationContext; problems?: RawProblem[]; cloud?: WorkspaceConfig } | { problems: RawProblem[] }

export type ContextFor = (ws: WorkspaceMeta) => WorkspaceTarget

/** A bundle read and its envelope checked, before its workspaces are validated (the first phase). */
export interface ParsedBundle {
  format?: BundleFormat
  /** The apiVersion the file was written in, when it was migrated. */
  migratedFrom?: string
  secrets?: EncryptedSecrets
  /** Problems of the file and its envelope. */
  problems: RawProblem[]
  workspaces: Array<WorkspaceMeta & { config: unknown }>
  toSource: PointerMap
  positionsOf: PositionsOf
}

export interface BundleCheck {
  /** No problem is an error. */
  ok: boolean
  format?: BundleFormat
  migratedFrom?: string
  workspaces: CheckedWorkspace[]
  secrets?: EncryptedSecrets
  /** Every problem, each with its position (`at`), at most BUNDLE_LIMITS.maxProblems of them (then a note). */
  problems: RawProblem[]
  /** The position of any other pointer (problems the caller adds). */
  positionOf: (pointer: string) => Position
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const noPositions: PositionsOf = () => new Map()

function envelopeProblem(issue: z.core.$ZodIssue): RawProblem[] {
  const pointer = pointerOf(issue.path)
  if (issue.code === 'unrecognized_keys')
    return issue.keys.slice(0, 20).map((key) => ({
      pointer: `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`,
      ruleId: 'D4',
      severity: 'error' as const,
      code: 'BUNDLE_UNKNOWN_KEY',
      params: { key: key.slice(0, 80) },
    }))
  const field = issue.path.length ? issue.path.map(String).join('.') : '(root)'
  return [{ pointer, ruleId: 'D4', severity: 'error', code: 'BUNDLE_FIELD', params: { field, detail: issue.message } }]
}

/** Whether a domain problem only repeats unknown keys already reported (a record's keys outside its enum). */
function sameUnknownKeys(
  p: { code: string; pointer: string; params: Record<string, unknown> },
  base: string,
  reported: Set<string>,
) {
  const keys = p.params.keys
  return (
    p.code === 'DOMAIN_SCHEMA_UNKNOWN_KEY' &&
    Array.isArray(keys) &&
    keys.every((k) => reported.has(`${base}${p.pointer}/${String(k).replace(/~/g, '~0').replace(/\//g, '~1')}`))
  )
}

/** Phase one: reads the file, migrates it, checks its envelope, and lists its workspaces. Changes nothing. */
export function parseBundle(fileName: string, text: string): ParsedBundle {
  const read = readBundleText(fileName, text)
  const parsed: ParsedBundle = { problems: [], workspaces: [], toSource: (p) => p, positionsOf: noPositions }
  if (!read.ok) return { ...parsed, problems: read.problems }
  parsed.format = read.format
  parsed.positionsOf = read.positionsOf
  const problems = parsed.problems
  if (!isObject(read.data)) {
    problems.push({ pointer: '', ruleId: 'D4', severity: 'error', code: 'BUNDLE_NOT_OBJECT', params: {} })
    return parsed
  }
  const migrated = migrateBundle(read.data)
  if (!migrated.ok) {
    problems.push({
      pointer: migrated.code === 'BUNDLE_API_VERSION_MISSING' ? '' : '/apiVersion',
      ruleId: 'D4',
      severity: 'error',
      code: migrated.code,
      params: migrated.params,
    })
    return parsed
  }
  const toSource = (parsed.toSource = migrated.toSource)
  if (migrated.fromVersion !== BUNDLE_API_VERSION) {
    parsed.migratedFrom = migrated.fromVersion
    problems.push({
      pointer: '/apiVersion',
      ruleId: 'D4',
      severity: 'warning',
      code: 'BUNDLE_MIGRATED',
      params: { from: migrated.fromVersion, to: BUNDLE_API_VERSION },
    })
  }
  const env = BundleEnvelopeSchema.safeParse(migrated.value)
  let envelope: BundleEnvelope | undefined
  if (env.success) envelope = env.data
  else
    for (const issue of env.error.issues.slice(0, 100))
      for (const p of envelopeProblem(issue)) problems.push({ ...p, pointer: toSource(p.pointer) })
  if (envelope?.secrets) parsed.secrets = envelope.secrets

  // Workspaces: from the parsed envelope, or salvaged one by one (at most the limit) from a broken one.
  const rawList =
    envelope?.workspaces ??
    (isObject(migrated.value) && Array.isArray(migrated.value.workspaces)
      ? (migrated.value.workspaces as unknown[]).slice(0, BUNDLE_LIMITS.maxWorkspaces)
      : [])
  rawList.forEach((ws, index) => {
    if (!isObject(ws) || typeof ws.name !== 'string') return
    const meta: WorkspaceMeta & { config: unknown } = { index, name: ws.name, config: ws.config }
    if (typeof ws.profile === 'string') meta.profile = ws.profile
    if (typeof ws.region === 'string') meta.region = ws.region
    parsed.workspaces.push(meta)
  })
  return parsed
}

/**
 * Phase two: every workspace's configuration checked in the context its target gives (unknown fields, the
 * domain's `validate`), plus the bundle-wide checks (a workspace twice, a name that differs from
 * `config.basic.name`). Every problem carries a pointer into the file as written (before migration).
 */
function checkWorkspaces(
  parsed: ParsedBundle,
  targetOf: ContextFor,
): { workspaces: CheckedWorkspace[]; problems: RawProblem[] } {
  const problems: RawProblem[] = []
  const workspaces: CheckedWorkspace[] = []
  const seen = new Set<string>()
  for (const { config: rawConfig, ...meta } of parsed.workspaces) {
    const i = meta.index
    const base = `/workspaces/${i}`
    const add = (p: RawProblem): void => {
      problems.push({ ...p, pointer: parsed.toSource(p.pointer), workspace: i })
    }
    const dupKey = `${meta.profile ?? ''}\u0000${meta.name}`
    if (seen.has(dupKey))
      add({
        pointer: `${base}/name`,
        ruleId: 'W4',
        severity: 'error',
        code: 'BUNDLE_DUPLICATE_WORKSPACE',
        params: { name: meta.name },
      })
    seen.add(dupKey)
    const configName = isObject(rawConfig) && isObject(rawConfig.basic) ? rawConfig.basic.name : undefined
    if (typeof configName === 'string' && configName !== meta.name)
      add({
        pointer: `${base}/config/basic/name`,
        ruleId: 'W1',
        severity: 'error',
        code: 'BUNDLE_NAME_MISMATCH',
        params: { name: meta.name, configName },
      })

    const target = targetOf(meta)
    for (const p of target.problems ?? []) add({ ...p, pointer: p.pointer || base })
    const unknown = unknownKeyProblems(rawConfig, `${base}/config`)
    for (const p of unknown) add(p)
    const reported = new Set(unknown.map((p) => p.pointer))

    const checked: CheckedWorkspace = { ...meta }
    if ('context' in target) {
      const res = validate(withImplicitOwner(rawConfig, target.cloud), target.context)
      for (const p of res.problems)
        if (!sameUnknownKeys(p, `${base}/config`, reported))
          add({
            pointer: `${base}/config${p.pointer}`,
            ruleId: p.ruleId,
            severity: p.severity,
            code: p.code,
            params: p.params,
          })
      if (res.config) checked.config = res.config
    } else {
      const shaped = WorkspaceConfigSchema.safeParse(rawConfig)
      if (shaped.success) checked.config = shaped.data
    }
    workspaces.push(checked)
  }
  return { workspaces, problems }
}

/**
 * Phase two with its problems finished: the file's and the workspaces' problems together, bounded, each
 * with its position. What the worker thread runs (`worker/thread.ts`), and `checkBundle` in this thread.
 */
export function checkParsed(
  parsed: ParsedBundle,
  targetOf: ContextFor,
): { workspaces: CheckedWorkspace[]; problems: RawProblem[] } {
  const { workspaces, problems } = checkWorkspaces(parsed, targetOf)
  const all = capProblems([...parsed.problems, ...problems], BUNDLE_LIMITS.maxProblems)
  placeProblems(all, parsed.positionsOf)
  return { workspaces, problems: all }
}

/**
 * Reads and validates a whole bundle at once, in this thread: the file (D4), its envelope, and every
 * workspace's configuration in the context the caller gives. Changes nothing. The core checks bundles in
 * a worker thread instead (`BundleChecker`), which runs these same phases.
 * @internal The product calls the phases through the worker; the fixture tests call them here, in-thread.
 */
export function checkBundle(fileName: string, text: string, contextFor: ContextFor): BundleCheck {
  const parsed = parseBundle(fileName, text)
  const { workspaces, problems } = checkParsed(parsed, contextFor)
  const check: BundleCheck = {
    ok: !problems.some((p) => p.severity === 'error'),
    workspaces,
    problems,
    positionOf: (pointer) => parsed.positionsOf([pointer]).get(pointer) ?? NOWHERE,
  }
  if (parsed.format) check.format = parsed.format
  if (parsed.migratedFrom) check.migratedFrom = parsed.migratedFrom
  if (parsed.secrets) check.secrets = parsed.secrets
  return check
}
