import { z } from 'zod'

/** Typed events from the core to the renderer (main -> renderer in Electron, SSE in the harness). */
export const events = {
  /** Progress of a long-running job (refresh, apply, import). */
  'job.progress': z.object({
    jobId: z.string(),
    kind: z.string(),
    done: z.number().int().nonnegative(),
    total: z.number().int().nonnegative(),
    message: z.string().optional(),
  }),
  /** Network reachability as seen by the core. */
  'net.status': z.object({ online: z.boolean() }),
  /** Something in the local data changed (so screens reload). */
  'data.changed': z.object({ area: z.string(), id: z.string().optional() }),
  /** Outbox/sync state changes, per operation (filled in by the sync area). */
  'sync.progress': z.object({
    runId: z.string(),
    opId: z.string().optional(),
    status: z.string(),
    done: z.number().int().nonnegative(),
    total: z.number().int().nonnegative(),
    message: z.string().optional(),
  }),
} as const

export type EventName = keyof typeof events
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>
