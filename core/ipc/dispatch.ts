import { contract, isChannel } from '@shared/ipc/contract'
import type { Envelope } from '@shared/ipc/api'
import { AppError, summarizeIssues, toErrorPayload, validationError } from '@shared/ipc/errors'
import type { CallContext, HandlerTable } from './types'

/**
 * The one entry point for every call from outside the core, whatever the transport:
 * unknown channel -> UNKNOWN_CHANNEL; payload failing its schema -> VALIDATION (the handler never runs);
 * handler errors -> {code, ruleId?, message, details} in the caller's language.
 * The response is parsed with its schema too, which strips any field the contract does not declare
 * (so a secret added to a record by mistake cannot leak to the renderer).
 */
export async function dispatch(
  handlers: HandlerTable,
  channel: unknown,
  payload: unknown,
  ctx: CallContext,
): Promise<Envelope<unknown>> {
  if (!isChannel(channel)) {
    return fail(new AppError('UNKNOWN_CHANNEL', { params: { channel: String(channel).slice(0, 100) } }), ctx)
  }
  const def = contract[channel]
  const parsed = def.request.safeParse(payload ?? {})
  if (!parsed.success) return fail(validationError(parsed.error.issues), ctx)
  try {
    const handler = handlers[channel] as (req: unknown, ctx: CallContext) => unknown
    const value = await handler(parsed.data, ctx)
    const out = def.response.safeParse(value)
    if (!out.success) {
      return fail(new AppError('BAD_RESPONSE', { params: { summary: summarizeIssues(out.error.issues) } }), ctx)
    }
    return { ok: true, value: out.data }
  } catch (err) {
    return fail(err, ctx)
  }
}

function fail(err: unknown, ctx: CallContext): Envelope<never> {
  return { ok: false, error: toErrorPayload(err, ctx.locale) }
}
