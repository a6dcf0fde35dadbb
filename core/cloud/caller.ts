import type { z } from 'zod'
import { AppError, summarizeIssues } from '@shared/ipc/errors'
import { classify, normalizeFailure, toAppError, type CloudFailure } from './errors'
import type { RawResponse } from './http-send'
import type { ConcurrencyLimiter } from './limiter'
import { backoffDelay, mayRetry, sleep, type RetryPolicy } from './retry'

/** Observability hooks. None of them ever receives a secret. */
export interface CloudHooks {
  /** After every attempt (success or failure). */
  onAttempt?(info: {
    service: string
    action: string
    attempt: number
    ms: number
    httpStatus?: number
    requestId?: string
    code?: string
  }): void
  /** Before a retry, with the wait chosen. */
  onRetry?(info: { service: string; action: string; attempt: number; delayMs: number; code: string }): void
  /**
   * A call that is not safe to repeat (a create without ClientToken) failed after its request may have
   * reached the server: reconnect by natural key before creating again.
   */
  onAnswerLost?(info: { service: string; action: string; error: AppError }): void
}

export interface CallOptions<T> {
  /**
   * For creates, which no operation here can make idempotent with a ClientToken: when the answer was
   * lost, this looks the object up by its natural key. A found object is returned as the create's
   * result; `undefined` means it was not created, and the create is retried (within the attempt budget).
   * Without it, a lost answer fails with CLOUD_ANSWER_LOST (details.answerLost = true).
   */
  reconcile?: () => Promise<T | undefined>
  signal?: AbortSignal
}

export interface RetryContext {
  policy: RetryPolicy
  limiter: ConcurrencyLimiter
  hooks: CloudHooks
  random: () => number
}

export interface OpInfo {
  service: string
  action: string
  endpoint: string
  /** Safe to repeat when the outcome is unknown (reads, updates, deletes). Creates are not. */
  idempotent: boolean
  /** Extra message params for errors (e.g. `name` for W4). */
  params?: Record<string, unknown>
}

/**
 * Runs one cloud operation: a slot from the endpoint's limiter per attempt (released while waiting; each answer
 * teaches the limiter's pacing),
 * retries per retry.ts, errors mapped per errors.ts, and the answer parsed by `parse`.
 */
export async function runOp<T>(
  ctx: RetryContext,
  op: OpInfo,
  attemptOnce: () => Promise<RawResponse>,
  parse: (res: RawResponse) => T,
  opts: CallOptions<T> = {},
): Promise<T> {
  let last: { failure: CloudFailure; cause: unknown; attempt: number } | undefined
  for (let attempt = 1; attempt <= ctx.policy.maxAttempts; attempt++) {
    if (opts.signal?.aborted) throw opts.signal.reason
    const started = performance.now()
    let res: RawResponse
    try {
      res = await ctx.limiter.run(attemptOnce, (err) => throttleOf(err, op.action))
    } catch (err) {
      // Already ours (a credential that could not be obtained, a refused AssumeRole, a bad proxy): final.
      if (err instanceof AppError) throw err
      const failure = normalizeFailure(err)
      const cls = classify(failure, op.action)
      ctx.hooks.onAttempt?.({
        service: op.service,
        action: op.action,
        attempt,
        ms: performance.now() - started,
        httpStatus: failure.httpStatus,
        requestId: failure.requestId,
        code: cls.code,
      })
      last = { failure, cause: err, attempt }
      const hasMore = attempt < ctx.policy.maxAttempts
      if (
        cls.retry === 'throttled' &&
        failure.retryAfterMs !== undefined &&
        failure.retryAfterMs > ctx.policy.maxRetryAfterMs
      )
        break
      if (hasMore && mayRetry(cls.retry, op.idempotent, failure.outcome)) {
        const delayMs = backoffDelay(ctx.policy, attempt, failure.retryAfterMs, ctx.random)
        ctx.hooks.onRetry?.({ service: op.service, action: op.action, attempt, delayMs, code: cls.code })
        await sleep(delayMs, opts.signal)
        continue
      }
      if (cls.retry === 'transient' && !op.idempotent && failure.outcome === 'unknown') {
        const lost = toAppError(failure, { ...op, attempts: attempt, answerLost: true }, err)
        ctx.hooks.onAnswerLost?.({ service: op.service, action: op.action, error: lost })
        if (opts.reconcile && hasMore) {
          const found = await opts.reconcile()
          if (found !== undefined) return found
          await sleep(backoffDelay(ctx.policy, attempt, undefined, ctx.random), opts.signal)
          continue
        }
        throw lost
      }
      throw toAppError(failure, { ...op, attempts: attempt }, err)
    }
    ctx.hooks.onAttempt?.({
      service: op.service,
      action: op.action,
      attempt,
      ms: performance.now() - started,
      httpStatus: res.status,
      requestId: requestIdFromHeaders(res),
    })
    return parse(res)
  }
  const f = last?.failure ?? { kind: 'network', outcome: 'unknown' as const }
  throw toAppError(f, { ...op, attempts: last?.attempt ?? ctx.policy.maxAttempts }, last?.cause)
}

/** A throttling answer's `x-acs-retry-after` (0 when it gave none); undefined for any other failure. */
function throttleOf(err: unknown, action: string): number | undefined {
  if (err instanceof AppError) return undefined
  const f = normalizeFailure(err)
  return classify(f, action).retry === 'throttled' ? (f.retryAfterMs ?? 0) : undefined
}

export function requestIdFromHeaders(res: RawResponse): string | undefined {
  return res.headers['x-acs-request-id'] ?? res.headers['x-log-requestid']
}

/**
 * Parses a JSON answer with `schema`; anything else is CLOUD_BAD_RESPONSE with the request ID. `inspect` sees
 * the parsed body first (and may throw, e.g. for a failure `Code` in a 200 answer).
 */
export function parseJson<S extends z.ZodType>(
  schema: S,
  res: RawResponse,
  op: Pick<OpInfo, 'service' | 'action' | 'endpoint'>,
  inspect?: (data: unknown) => void,
): z.infer<S> {
  let data: unknown
  const headerId = requestIdFromHeaders(res)
  try {
    data = JSON.parse(res.body)
  } catch (err) {
    throw badResponse(op, headerId, `not JSON: ${res.body.slice(0, 60)}`, err)
  }
  inspect?.(data)
  const parsed = schema.safeParse(data)
  if (!parsed.success) {
    const bodyId = data && typeof data === 'object' ? (data as Record<string, unknown>).RequestId : undefined
    throw badResponse(
      op,
      headerId ?? (typeof bodyId === 'string' ? bodyId : undefined),
      summarizeIssues(parsed.error.issues),
      parsed.error,
    )
  }
  return parsed.data
}

export function badResponse(
  op: Pick<OpInfo, 'service' | 'action' | 'endpoint'>,
  requestId: string | undefined,
  summary: string,
  cause?: unknown,
): AppError {
  return new AppError('CLOUD_BAD_RESPONSE', {
    params: { summary: `${op.action}: ${summary}`, requestId: requestId ?? '-' },
    details: {
      requestId,
      service: op.service,
      action: op.action,
      endpoint: op.endpoint,
      outcome: 'unknown',
      answerLost: false,
      attempts: 1,
    },
    cause,
  })
}
