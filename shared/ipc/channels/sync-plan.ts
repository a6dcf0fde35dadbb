import { z } from 'zod'
import { ProblemSchema } from '../../domain'

/**
 * The sync area's plans: the actions a plan holds (apply, manual, refused, conflict), what each changes, and the
 * console steps of a manual one. Re-exported by ./sync (the channels that return them).
 */

const DraftKey = z.string().min(1).max(200)
const Json = z.unknown()

/** Console steps for an action no public API can do (docs/pai-api-facts.md §8), in both languages. */
export const ConsoleStepsSchema = z.object({
  'zh-CN': z.array(z.string()),
  en: z.array(z.string()),
  /** Deep link into the PAI console (the workspace's page in the region). */
  link: z.string(),
})
export type ConsoleSteps = z.infer<typeof ConsoleStepsSchema>

/** One field the cloud changed since the draft's base while the draft changed it too. */
export const ConflictFieldSchema = z.object({
  /** Path with natural keys, e.g. `/basic/description`, `/customRoles/dev-test/permissions/DSW`. */
  path: z.string(),
  base: Json,
  mine: Json,
  cloud: Json,
})
export type ConflictField = z.infer<typeof ConflictFieldSchema>

export const ACTION_KINDS = ['apply', 'manual', 'refused', 'conflict'] as const
export const ACTION_AREAS = [
  'workspace',
  'customRole',
  'member',
  'resource',
  'config',
  'eventBus',
  'rule',
  'targets',
  'sls',
  'switches',
  'scheduling',
  'storage',
  'notifications',
] as const

/** A notification target a plan adds or removes: its type and its contacts or address. */
const PlanTargetSchema = z.object({
  type: z.string(),
  to: z.array(z.string()),
  /** Put again with another signing secret (a DingTalk robot already there). */
  resent: z.boolean().optional(),
})

/**
 * What an action changes, language-neutral (shared/plan/describe.ts says it in the user's language): fields from
 * one value to another (null: none; names in shared/plan/names.ts FIELD_NAMES), roles granted and revoked (built-in
 * IDs, `name:<custom role>`, or as the cloud spells them), a custom role's module levels, targets added and removed.
 */
export const PlanChangeSchema = z.object({
  fields: z.array(z.object({ field: z.string(), before: Json, after: Json })).optional(),
  rolesAdded: z.array(z.string()).optional(),
  rolesRemoved: z.array(z.string()).optional(),
  permissions: z
    .array(z.object({ module: z.string(), before: z.string().nullable(), after: z.string().nullable() }))
    .optional(),
  targetsAdded: z.array(PlanTargetSchema).optional(),
  targetsRemoved: z.array(PlanTargetSchema).optional(),
})
export type PlanChange = z.infer<typeof PlanChangeSchema>

/** One step of a plan. */
export const PlanActionSchema = z.object({
  /** Stable across plans of the same draft: `member:2788…:addRole:PAI.AlgoDeveloper`. */
  id: z.string(),
  kind: z.enum(ACTION_KINDS),
  area: z.enum(ACTION_AREAS),
  /** The object's natural key (user ID, role name, resource key, rule name...). */
  target: z.string(),
  /** What is done, e.g. `create`, `update`, `addRole`, `delete`. */
  verb: z.string(),
  /** The object named for a person where the key is an ID: a member's account name with the UID. */
  label: z.string().optional(),
  /** What changes, before and after. */
  change: PlanChangeSchema.optional(),
  /** apply: the cloud API action(s) that will do it, e.g. `CreateMember`. */
  api: z.string().optional(),
  /** apply: the op kind and payload queued in the outbox (no secret: DingTalk secrets are keychain refs). */
  op: z.object({ kind: z.string(), payload: Json }).optional(),
  /** Actions (by id) that must be done first. */
  dependsOn: z.array(z.string()),
  /** refused: the rule that forbids it. */
  ruleId: z.string().optional(),
  /** A message code (shared/messages) with its params, and the message in the caller's language. */
  code: z.string().optional(),
  params: z.record(z.string(), Json).optional(),
  message: z.string().optional(),
  /** manual: what to do in the console. */
  console: ConsoleStepsSchema.optional(),
  /** manual: the user said it is done. */
  done: z.boolean().optional(),
  /** conflict: field by field. */
  conflict: z.array(ConflictFieldSchema).optional(),
})
export type PlanAction = z.infer<typeof PlanActionSchema>

export const PlanSchema = z.object({
  key: DraftKey,
  profileId: z.string(),
  workspaceId: z.string().optional(),
  /** Whether the workspace is created by this plan. */
  creating: z.boolean(),
  actions: z.array(PlanActionSchema),
  counts: z.object({ apply: z.number(), manual: z.number(), refused: z.number(), conflict: z.number() }),
  /** When the cached cloud state was fetched (null: never), and its age in ms at planning time. */
  fetchedAt: z.string().nullable(),
  cacheAgeMs: z.number().nullable(),
  /** The draft's validation errors and warnings (the plan refuses what the cloud would refuse). */
  problems: z.array(ProblemSchema),
  /** Hash of the draft revision, the cache version and the actions: `sync.apply` refuses a stale one. */
  fingerprint: z.string(),
  draftRevision: z.number(),
})
export type Plan = z.infer<typeof PlanSchema>
