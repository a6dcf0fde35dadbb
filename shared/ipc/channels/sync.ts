import { z } from 'zod'
import { channel } from '../channel'
import { ConflictFieldSchema, PlanSchema } from './sync-plan'
import { RunStatusSchema } from './sync-runs'

export * from './sync-plan'
export * from './sync-runs'

/**
 * The sync area: refresh (cloud -> cache), plan (three-way compare of draft, base and cache), apply
 * through the durable outbox, status, drift and the activity log. See docs/sync.md. A plan's schemas are in
 * ./sync-plan, a run's in ./sync-runs (re-exported here, so importers use this module).
 */

const DraftKey = z.string().min(1).max(200)
const ProfileId = z.string().min(1).max(100)
const Json = z.unknown()

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
