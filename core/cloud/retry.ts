import type { RetryClass } from './errors'

/**
 * Exponential backoff with full jitter (AWS architecture blog "Exponential Backoff And Jitter"):
 * the n-th retry waits a random time in [0, min(maxDelay, base * 2^n)). A throttling answer's
 * `x-acs-retry-after` (milliseconds) is a floor: we never come back earlier than the server asked.
 */
export interface RetryPolicy {
  /** Attempts in total, the first included. */
  maxAttempts: number
  baseDelayMs: number
  maxDelayMs: number
  /** A retry-after longer than this is not waited for: the call fails with CLOUD_THROTTLED. */
  maxRetryAfterMs: number
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 200,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 30_000,
}

/** The wait before retry number `retry` (1 = first retry). `random` is injectable for tests. */
export function backoffDelay(
  policy: RetryPolicy,
  retry: number,
  retryAfterMs?: number,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1))
  const jittered = Math.floor(random() * ceiling)
  if (retryAfterMs !== undefined && retryAfterMs > 0)
    return retryAfterMs + Math.floor(random() * Math.min(policy.baseDelayMs, retryAfterMs))
  return jittered
}

/**
 * Whether a failure may be retried. Throttling is always safe (the request was refused before it
 * ran). Transient failures (5xx, network, timeouts) are retried for idempotent operations, and for
 * others only when the request never left this machine.
 */
export function mayRetry(cls: RetryClass, idempotent: boolean, outcome: 'rejected' | 'not-sent' | 'unknown'): boolean {
  if (cls === 'throttled') return true
  if (cls === 'transient') return idempotent || outcome === 'not-sent'
  return false
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason)
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    const onAbort = (): void => {
      clearTimeout(t)
      reject(signal?.reason)
    }
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}
