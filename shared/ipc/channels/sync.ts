import { z } from 'zod'
import { channel } from '../channel'
import { ProblemSchema } from '../../domain'

/**
 * The sync area: refresh (cloud -> cache), plan (three-way compare of draft, base and cache), apply
 * through the durable outbox, status, drift and the activity log. See docs/sync.md.
 */

const DraftKey = z.string().min(1).max(200)
const ProfileId = z.string().min(1).max(100)
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

export const OP_VIEW_STATUSES = ['pending', 'in_flight', 'done', 'failed', 'blocked', 'cancelled'] as const
export const OpViewSchema = z.object({
  opId: z.string(),
  runId: z.string(),
  workspaceKey: z.string(),
  seq: z.number(),
  kind: z.string(),
  /** The plan action this op carries out. */
  actionId: z.string().optional(),
  status: z.enum(OP_VIEW_STATUSES),
  attempts: z.number(),
  nextAttemptAt: z.string().nullable(),
  /** The error of the last attempt (none once the op is done): its code and params, and the cloud's own. */
  lastError: z
    .object({
      code: z.string(),
      message: z.string().optional(),
      requestId: z.string().optional(),
      ruleId: z.string().optional(),
      /** The message params the error was raised with (the catalog's message is rendered from them). */
      params: z.record(z.string(), Json).optional(),
      /** The cloud's own error code and message, as it answered. */
      cloudCode: z.string().optional(),
      cloudMessage: z.string().optional(),
    })
    .nullable(),
  /** What the op acts on, from its plan action: the area, the object's natural key, the verb and its change. */
  subject: z
    .object({ area: z.string(), target: z.string(), verb: z.string(), label: z.string().optional() })
    .optional(),
  requestId: z.string().nullable(),
  updatedAt: z.string(),
  /**
   * Held back (never sent on its own) because it came back with a restored backup (`restored`) or from a database
   * whose log was damaged (`wal-damaged`): the draft needs a new plan. `previousStatus` in_flight: it may have been
   * sent before.
   */
  held: z
    .object({
      reason: z.enum(['restored', 'wal-damaged']),
      heldAt: z.string(),
      previousStatus: z.string(),
      source: z.string().nullable(),
    })
    .optional(),
})
export type OpView = z.infer<typeof OpViewSchema>

/** One run of the status: whose draft it applies (its key now), and whether its drift check ran. */
export const RunSummarySchema = z.object({
  runId: z.string(),
  profileId: z.string(),
  workspaceKey: z.string(),
  key: z.string(),
  createdAt: z.string(),
  settled: z.boolean(),
  outcome: z.enum(['cleared', 'kept']).optional(),
})
export type RunSummary = z.infer<typeof RunSummarySchema>

export const RunStatusSchema = z.object({
  ops: z.array(OpViewSchema),
  counts: z.record(z.string(), z.number()),
  /** No op left pending, in flight or blocked. */
  finished: z.boolean(),
  /** Whether the core can currently reach the cloud. */
  online: z.boolean(),
  /** The runs these ops belong to. */
  runs: z.array(RunSummarySchema).optional(),
  /**
   * Who sends this data directory's outbox (one process at a time: the worker lease). `here`: the process that
   * answers; `holder`: the one that sends (this one or another: the desktop app, a CLI apply), null when none does.
   */
  sender: z
    .object({
      here: z.boolean(),
      holder: z.object({ pid: z.number(), runtime: z.string(), host: z.string(), since: z.string() }).nullable(),
    })
    .optional(),
  /** Whether the run has settled: the cache refreshed, the draft rebased on it or cleared. */
  settled: z.boolean().optional(),
})
export type RunStatus = z.infer<typeof RunStatusSchema>

export const DriftItemSchema = z.object({
  area: z.string(),
  target: z.string(),
  change: z.enum(['added', 'removed', 'changed']),
  fields: z.array(ConflictFieldSchema.omit({ mine: true })),
})
export type DriftItem = z.infer<typeof DriftItemSchema>

export const RefreshResultSchema = z.object({
  jobId: z.string(),
  workspaces: z.number(),
  fetchedAt: z.string(),
  failed: z.array(z.object({ workspaceId: z.string(), code: z.string(), message: z.string().optional() })),
})
export type RefreshResult = z.infer<typeof RefreshResultSchema>

export const ActivityRowSchema = z.object({
  id: z.number(),
  at: z.string(),
  profileId: z.string().nullable(),
  workspace: z.string().nullable(),
  action: z.string(),
  result: z.string(),
  requestId: z.string().nullable(),
  details: Json,
  /** The names shown instead of IDs (null: no longer known here). */
  workspaceName: z.string().nullable(),
  profileName: z.string().nullable(),
  /** Member names by UserId, for the UserIds the entry mentions. */
  users: z.record(z.string(), z.string()),
  /** The object acted on, named for a person (a member's name with the UID, a role, a rule). */
  subject: z.string().nullable(),
})
export const ACTIVITY_RESULTS = ['ok', 'failed', 'refused', 'cancelled', 'info'] as const

/** Per profile: when it was last refreshed, how that went, and what the refresh learned of EventBridge (E1). */
export const RefreshStateSchema = z.object({
  profileId: z.string(),
  lastRefreshedAt: z.string().nullable(),
  /** ok, or failed when some workspaces could not be read (`failed` of them). */
  result: z.string().nullable(),
  failed: z.number().int().nonnegative(),
  /** E1: true authorized, false not activated or not authorized, null not known (no refresh could tell). */
  eventBridgeAuthorized: z.boolean().nullable(),
})
export type RefreshState = z.infer<typeof RefreshStateSchema>

export const syncChannels = {
  /** Pulls a profile's workspaces and each one's full configuration into the cache (or one workspace). */
  'sync.refresh': channel(
    z.object({ profileId: ProfileId, workspaceId: z.string().min(1).max(64).optional() }).strict(),
    RefreshResultSchema,
  ),
  /** Every profile's last refresh and EventBridge state (E1), for the status bar and the list header. */
  'sync.refreshState': channel(z.object({}).strict(), z.object({ profiles: z.array(RefreshStateSchema) })),
  /** The plan of a draft against the cache (works offline; says how old the cache is). */
  'sync.plan': channel(z.object({ key: DraftKey }).strict(), PlanSchema),
  /** Writes conflict choices into the draft: `cloud` takes the cloud's value, `mine` keeps the draft's. */
  'sync.resolve': channel(
    z
      .object({
        key: DraftKey,
        choices: z
          .array(z.object({ path: z.string().min(1).max(500), take: z.enum(['mine', 'cloud']) }))
          .min(1)
          .max(1000),
      })
      .strict(),
    PlanSchema,
  ),
  /** Queues the plan's apply actions in one transaction; refuses a stale plan (SYNC_PLAN_STALE). */
  'sync.apply': channel(
    z.object({ key: DraftKey, planFingerprint: z.string().min(1).max(200) }).strict(),
    z.object({ runId: z.string(), queued: z.number() }),
  ),
  /** Ops of a run or of a draft, with status, attempts and the last error (with its request ID). */
  'sync.status': channel(
    z.object({ key: DraftKey.optional(), runId: z.string().max(64).optional() }).strict(),
    RunStatusSchema,
  ),
  /** The user did a manual action in the console. */
  'sync.markManualDone': channel(
    z.object({ key: DraftKey, actionId: z.string().min(1).max(300) }).strict(),
    PlanSchema,
  ),
  /**
   * Sends a failed, blocked or cancelled op again, with the failed ops it waits for and its blocked dependants;
   * `retried`: how many ops went back to the queue. Refused for ops restored from a backup (a new plan is needed).
   */
  'sync.retry': channel(
    z.object({ opId: z.string().min(1).max(64) }).strict(),
    z.object({ ok: z.boolean(), retried: z.number() }),
  ),
  /** Cancels an op not sent yet (with what depends on it), or every op of a run not sent yet. */
  'sync.cancel': channel(
    z.union([
      z.object({ opId: z.string().min(1).max(64) }).strict(),
      z.object({ runId: z.string().min(1).max(64) }).strict(),
    ]),
    z.object({ cancelled: z.number() }),
  ),
  /** The local activity log, newest first. */
  'activity.list': channel(
    z
      .object({
        offset: z.number().int().nonnegative().default(0),
        limit: z.number().int().min(1).max(500).default(50),
        profileId: ProfileId.optional(),
        /** Filters: a workspace (ID or local key), an action or its area (`member`), an outcome, a text. */
        workspace: z.string().min(1).max(200).optional(),
        action: z.string().min(1).max(100).optional(),
        result: z.enum(ACTIVITY_RESULTS).optional(),
        text: z.string().max(200).optional(),
      })
      .strict(),
    z.object({ total: z.number(), rows: z.array(ActivityRowSchema) }),
  ),
} as const
