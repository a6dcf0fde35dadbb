import { z } from 'zod'

/**
 * The sync area's runs: the outbox ops of an apply, the runs they belong to, and a run's status. Re-exported by
 * ./sync (the channels that return them).
 */

const Json = z.unknown()

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
