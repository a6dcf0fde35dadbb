import type { z } from 'zod'
import {
  BUNDLE_API_VERSION,
  BundleEnvelopeSchema,
  migrateBundle,
  unknownKeys,
  type BundleEnvelope,
  type BundleFormat,
  type EncryptedSecrets,
} from '@shared/bundle'
import {
  pointerOf,
  validate,
  WorkspaceConfigSchema,
  type ValidationContext,
  type WorkspaceConfig,
} from '@shared/domain'
import type { RawProblem } from './problems'
import { readBundleText, type Position } from './read'

/** A workspace of a checked bundle. */
export interface CheckedWorkspace {
  index: number
  name: string
  profile?: string
  region?: string
  /** The configuration with defaults applied, when its shape is right (it may still break rules). */
  config?: WorkspaceConfig
}

export interface BundleCheck {
  /** No problem is an error. */
  ok: boolean
  format?: BundleFormat
  /** The apiVersion the file was written in, when it was migrated. */
  migratedFrom?: string
  workspaces: CheckedWorkspace[]
  secrets?: EncryptedSecrets
  problems: RawProblem[]
  positionOf: (pointer: string) => Position
}

/** What the caller knows about where a workspace goes: its validation context, or problems (unknown profile...). */
export type ContextFor = (ws: { index: number; name: string; profile?: string; region?: string }) =>
  | {
      context: ValidationContext
      problems?: RawProblem[]
      /** Completes the configuration before validation (e.g. the implicit owner). */
      complete?: (config: unknown) => unknown
    }
  | { problems: RawProblem[] }

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

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

/**
 * Reads and validates a whole bundle at once: the file (D4), its envelope, and every workspace's
 * configuration with the domain's `validate` in the context the caller gives. Every problem carries
 * a pointer into the file as written (before migration) and the rule it breaks. Changes nothing.
 */
export function checkBundle(fileName: string, text: string, contextFor: ContextFor): BundleCheck {
  const read = readBundleText(fileName, text)
  if (!read.ok) return { ok: false, workspaces: [], problems: read.problems, positionOf: read.positionOf }
  const problems: RawProblem[] = []
  const done = (extra: Partial<BundleCheck> = {}): BundleCheck => ({
    ok: !problems.some((p) => p.severity === 'error'),
    format: read.format,
    workspaces: [],
    problems,
    positionOf: read.positionOf,
    ...extra,
  })

  if (!isObject(read.data)) {
    problems.push({ pointer: '', ruleId: 'D4', severity: 'error', code: 'BUNDLE_NOT_OBJECT', params: {} })
    return done()
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
    return done()
  }
  const toSource = migrated.toSource
  const migratedFrom = migrated.fromVersion === BUNDLE_API_VERSION ? undefined : migrated.fromVersion
  if (migratedFrom)
    problems.push({
      pointer: '/apiVersion',
      ruleId: 'D4',
      severity: 'warning',
      code: 'BUNDLE_MIGRATED',
      params: { from: migratedFrom, to: BUNDLE_API_VERSION },
    })

  const env = BundleEnvelopeSchema.safeParse(migrated.value)
  let envelope: BundleEnvelope | undefined
  if (env.success) envelope = env.data
  else
    for (const issue of env.error.issues)
      for (const p of envelopeProblem(issue)) problems.push({ ...p, pointer: toSource(p.pointer) })

  // Workspaces: from the parsed envelope, or salvaged one by one from a broken one.
  const rawList =
    envelope?.workspaces ??
    (isObject(migrated.value) && Array.isArray(migrated.value.workspaces)
      ? (migrated.value.workspaces as unknown[])
      : [])
  const workspaces: CheckedWorkspace[] = []
  const seen = new Map<string, number>()
  for (let i = 0; i < rawList.length; i++) {
    const ws = rawList[i]
    if (!isObject(ws) || typeof ws.name !== 'string') continue
    const base = `/workspaces/${i}`
    const meta: { index: number; name: string; profile?: string; region?: string } = { index: i, name: ws.name }
    if (typeof ws.profile === 'string') meta.profile = ws.profile
    if (typeof ws.region === 'string') meta.region = ws.region
    const add = (p: RawProblem): void => {
      problems.push({ ...p, pointer: toSource(p.pointer), workspace: i })
    }

    const dupKey = `${meta.profile ?? ''}\u0000${ws.name}`
    if (seen.has(dupKey))
      add({
        pointer: `${base}/name`,
        ruleId: 'W4',
        severity: 'error',
        code: 'BUNDLE_DUPLICATE_WORKSPACE',
        params: { name: ws.name },
      })
    seen.set(dupKey, i)
    const configName = isObject(ws.config) && isObject(ws.config.basic) ? ws.config.basic.name : undefined
    if (typeof configName === 'string' && configName !== ws.name)
      add({
        pointer: `${base}/config/basic/name`,
        ruleId: 'W1',
        severity: 'error',
        code: 'BUNDLE_NAME_MISMATCH',
        params: { name: ws.name, configName },
      })

    const target = contextFor(meta)
    for (const p of target.problems ?? []) add({ ...p, pointer: p.pointer || base })

    for (const u of unknownKeys(WorkspaceConfigSchema, ws.config, `${base}/config`))
      add({
        pointer: u.pointer,
        ruleId: 'D4',
        severity: 'error',
        code: 'BUNDLE_UNKNOWN_KEY',
        params: { key: u.key.slice(0, 80) },
      })

    const checked: CheckedWorkspace = { ...meta }
    if ('context' in target) {
      const res = validate(target.complete ? target.complete(ws.config) : ws.config, target.context)
      for (const p of res.problems)
        add({
          pointer: `${base}/config${p.pointer}`,
          ruleId: p.ruleId,
          severity: p.severity,
          code: p.code,
          params: p.params,
        })
      if (res.config) checked.config = res.config
    } else {
      const parsed = WorkspaceConfigSchema.safeParse(ws.config)
      if (parsed.success) checked.config = parsed.data
    }
    workspaces.push(checked)
  }
  const extra: Partial<BundleCheck> = { workspaces }
  if (migratedFrom) extra.migratedFrom = migratedFrom
  if (envelope?.secrets) extra.secrets = envelope.secrets
  return done(extra)
}
