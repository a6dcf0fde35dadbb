import type { z } from 'zod'
import { AppError } from '@shared/ipc/errors'
import { encodePath, type AcsTransport } from '../acs-send'
import { parseJson, requestIdFromHeaders, runOp, type CallOptions, type RetryContext } from '../caller'
import { failureInBody, toAppError } from '../errors'
import type { Page } from '../paginate'

const VERSION = '2021-02-04'

/** The path of one workspace. */
export const ws = (id: string): string => `/api/v1/workspaces/${encodePath(id)}`

/** One AIWorkSpace (ROA) request. */
interface Spec {
  action: string
  method: 'GET' | 'POST' | 'PUT' | 'DELETE'
  path: string
  query?: Record<string, unknown>
  body?: Record<string, unknown>
  idempotent: boolean
  params?: Record<string, unknown>
}

/** Sends one request through the retry policy and parses the answer with `schema`. */
export type PaiCall = <Sch extends z.ZodType>(
  spec: Spec,
  schema: Sch,
  opts?: CallOptions<z.infer<Sch>>,
) => Promise<z.infer<Sch>>

export function paiCall(t: AcsTransport, ctx: RetryContext): PaiCall {
  return (spec, schema, opts) => {
    const op = {
      service: 'pai',
      action: spec.action,
      endpoint: t.endpoint,
      idempotent: spec.idempotent,
      params: spec.params,
    }
    return runOp(
      ctx,
      op,
      () =>
        t.send({
          service: 'pai',
          action: spec.action,
          version: VERSION,
          style: 'ROA',
          method: spec.method,
          pathname: spec.path,
          query: spec.query,
          body: spec.body,
          idempotent: spec.idempotent,
        }),
      (res) =>
        parseJson(schema, res, op, (data) => {
          // A 200 whose body carries a failure Code is a failure (DeleteMembers answers so, docs/pai-api-facts.md §1.7).
          const failure = failureInBody(data, res.status, requestIdFromHeaders(res))
          if (failure) throw toAppError(failure, { ...op, attempts: 1 })
        }),
      opts,
    )
  }
}

/** The input checked against its schema before anything is sent (VALIDATION names the fields). */
export function validate<Sch extends z.ZodType>(schema: Sch, input: unknown, action: string): z.infer<Sch> {
  const r = schema.safeParse(input)
  if (!r.success)
    throw new AppError('VALIDATION', {
      params: { summary: `${action}: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}` },
    })
  return r.data
}

/** Deletes are retried when their outcome is unknown; a retry that finds the object gone means done. */
export async function goneIsDone(p: Promise<unknown>): Promise<void> {
  try {
    await p
  } catch (err) {
    const d = err instanceof AppError ? (err.details as { attempts?: number } | undefined) : undefined
    if (err instanceof AppError && err.code === 'CLOUD_NOT_FOUND' && (d?.attempts ?? 1) > 1) return
    throw err
  }
}

/** A page of a list answer, in the shape `collectPages` reads. */
export function pageOf<T>(
  items: T[],
  r: { TotalCount: number; RequestId?: string | undefined },
  query: { PageNumber?: number | undefined; PageSize?: number | undefined },
): Page<T> {
  return {
    items,
    totalCount: r.TotalCount,
    pageNumber: query.PageNumber ?? 1,
    pageSize: query.PageSize ?? 20,
    requestId: r.RequestId,
  }
}

/** Adapts a caller's reconcile (typed on our result) to the raw answer type runOp parses. */
export function wrapReconcile<T, R>(opts: CallOptions<T>, toRaw: (t: T) => R): CallOptions<R & { RequestId?: string }> {
  const { reconcile, signal } = opts
  return {
    signal,
    reconcile: reconcile
      ? async () => {
          const found = await reconcile()
          return found === undefined ? undefined : (toRaw(found) as R & { RequestId?: string })
        }
      : undefined,
  }
}
