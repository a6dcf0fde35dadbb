import { z } from 'zod'
import type { Locale } from '../locale'
import { formatMessage } from '../messages'

/** What crosses every process boundary when a call fails. */
export const ErrorPayloadSchema = z.object({
  code: z.string(),
  ruleId: z.string().optional(),
  message: z.string(),
  details: z.unknown().optional(),
})
export type ErrorPayload = z.infer<typeof ErrorPayloadSchema>

/**
 * The one error type the core throws on purpose. It carries a stable code and message params;
 * the message is rendered in the caller's language at the boundary (see toErrorPayload).
 */
export class AppError extends Error {
  readonly code: string
  readonly ruleId: string | undefined
  readonly params: Record<string, unknown>
  readonly details: unknown

  constructor(
    code: string,
    opts: { ruleId?: string; params?: Record<string, unknown>; details?: unknown; cause?: unknown } = {},
  ) {
    super(code, opts.cause === undefined ? undefined : { cause: opts.cause })
    this.name = 'AppError'
    this.code = code
    this.ruleId = opts.ruleId
    this.params = opts.params ?? {}
    this.details = opts.details
  }

  toPayload(locale: Locale): ErrorPayload {
    const payload: ErrorPayload = {
      code: this.code,
      message: formatMessage(locale, this.code, this.params),
    }
    if (this.ruleId) payload.ruleId = this.ruleId
    if (this.details !== undefined) payload.details = this.details
    return payload
  }
}

/** Any thrown value as a payload; unexpected errors become INTERNAL without leaking a stack. */
export function toErrorPayload(err: unknown, locale: Locale): ErrorPayload {
  if (err instanceof AppError) return err.toPayload(locale)
  const detail = err instanceof Error ? err.message : String(err)
  return { code: 'INTERNAL', message: formatMessage(locale, 'INTERNAL', { detail }) }
}

/** Short human summary of zod issues: "path: problem; path: problem". */
export function summarizeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 5)
    .map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`)
    .join('; ')
}

/** The error a receiver raises for a payload that fails its schema. */
export function validationError(issues: readonly z.core.$ZodIssue[]): AppError {
  return new AppError('VALIDATION', {
    params: { summary: summarizeIssues(issues) },
    details: { issues: issues.map((i) => ({ path: i.path.map(String), message: i.message, code: i.code })) },
  })
}
