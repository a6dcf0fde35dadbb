import { z } from 'zod'
import { AppError, summarizeIssues } from '@shared/ipc/errors'
import type { AcsTransport } from './acs-send'
import { badResponse, parseJson, requestIdFromHeaders, runOp, type CallOptions, type RetryContext } from './caller'
import { toAppError } from './errors'
import { collectTokenPages } from './paginate'
import {
  BusSchema,
  CreateRuleInput,
  Envelope,
  ErrorEntries,
  RuleSchema,
  TargetInputSchema,
  TargetSchema,
  UpdateRuleInput,
  type EventBus,
  type EventRule,
  type EventTarget,
  type RuleRef,
  type TargetErrors,
  type TargetInput,
} from './eventbridge-schemas'

/**
 * EventBridge 2020-04-01 (RPC, `POST /`, every parameter in the query; arrays/objects as one JSON
 * string), docs/pai-api-facts.md §5. The answer envelope is `{RequestId, Code, Message, Success, Data}`.
 */

const Str = z.string()
const Num = z.coerce.number()

export interface EventBridgeClient {
  readonly endpoint: string
  /** The bus PAI creates per workspace (E2): `pai-system-<workspaceName>`. */
  paiBusName(workspaceName: string): string
  createEventBus(input: { EventBusName: string; Description?: string }, opts?: CallOptions<string>): Promise<string>
  getEventBus(name: string): Promise<EventBus>
  listAllEventBuses(input?: { NamePrefix?: string }): Promise<EventBus[]>
  deleteEventBus(name: string): Promise<void>
  /** Not idempotent: reconcile with getRule on a lost answer. Returns the RuleARN. */
  createRule(input: CreateRuleInput, opts?: CallOptions<string>): Promise<string>
  getRule(ref: RuleRef): Promise<EventRule>
  updateRule(input: UpdateRuleInput): Promise<void>
  enableRule(ref: RuleRef): Promise<void>
  disableRule(ref: RuleRef): Promise<void>
  deleteRule(ref: RuleRef): Promise<void>
  listAllRules(input: { EventBusName: string; RuleNamePrefix?: string }): Promise<EventRule[]>
  /** Creates or replaces targets by Id (idempotent). Per-target failures come back in ErrorEntries. */
  putTargets(ref: RuleRef, targets: TargetInput[]): Promise<TargetErrors>
  listAllTargets(ref: RuleRef): Promise<EventTarget[]>
  deleteTargets(ref: RuleRef, targetIds: string[]): Promise<TargetErrors>
}

const VERSION = '2020-04-01'

export function createEventBridgeClient(t: AcsTransport, ctx: RetryContext): EventBridgeClient {
  function call<D extends z.ZodType>(
    action: string,
    query: Record<string, unknown>,
    data: D,
    idempotent: boolean,
    opts?: CallOptions<z.infer<D>>,
  ): Promise<z.infer<D>> {
    const op = { service: 'eventBridge', action, endpoint: t.endpoint, idempotent }
    return runOp(
      ctx,
      op,
      () =>
        t.send({
          service: 'eventBridge',
          action,
          version: VERSION,
          style: 'RPC',
          method: 'POST',
          pathname: '/',
          query,
          idempotent,
        }),
      (res) => {
        const body = parseJson(Envelope, res, op)
        if (body.Success === false || (body.Code !== undefined && body.Code !== 'Success' && body.Code !== '200')) {
          throw toAppError(
            {
              kind: 'http',
              httpStatus: 400,
              cloudCode: body.Code,
              cloudMessage: body.Message,
              requestId: body.RequestId ?? requestIdFromHeaders(res),
              outcome: 'rejected',
            },
            { ...op, attempts: 1 },
          )
        }
        const parsed = data.safeParse(body.Data)
        if (!parsed.success)
          throw badResponse(
            op,
            body.RequestId ?? requestIdFromHeaders(res),
            `Data: ${summarizeIssues(parsed.error.issues)}`,
            parsed.error,
          )
        return parsed.data
      },
      opts,
    )
  }
  const validate = <Sch extends z.ZodType>(s: Sch, v: unknown, action: string): z.infer<Sch> => {
    const r = s.safeParse(v)
    if (!r.success)
      throw new AppError('VALIDATION', {
        params: { summary: `${action}: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}` },
      })
    return r.data
  }
  const any = z.unknown()

  const client: EventBridgeClient = {
    endpoint: t.endpoint,
    paiBusName: (name) => `pai-system-${name}`,
    async createEventBus(input, opts) {
      const d = await call(
        'CreateEventBus',
        input,
        z.object({ EventBusARN: Str.optional() }).default({}),
        false,
        opts && {
          ...opts,
          reconcile:
            opts.reconcile &&
            (async () => {
              const arn = await opts.reconcile!()
              return arn === undefined ? undefined : { EventBusARN: arn }
            }),
        },
      )
      return d.EventBusARN ?? ''
    },
    getEventBus(name) {
      return call('GetEventBus', { EventBusName: name }, BusSchema, true)
    },
    listAllEventBuses(input = {}) {
      return collectTokenPages(async (NextToken) => {
        const d = await call(
          'ListEventBuses',
          { ...input, Limit: 100, NextToken },
          z.object({ EventBuses: z.array(BusSchema).default([]), NextToken: Str.optional(), Total: Num.optional() }),
          true,
        )
        return { items: d.EventBuses, nextToken: d.NextToken }
      })
    },
    async deleteEventBus(name) {
      await call('DeleteEventBus', { EventBusName: name }, any, true)
    },
    async createRule(input, opts) {
      const q = validate(CreateRuleInput, input, 'CreateRule')
      const d = await call(
        'CreateRule',
        q,
        z.object({ RuleARN: Str.optional() }).default({}),
        false,
        opts && {
          ...opts,
          reconcile:
            opts.reconcile &&
            (async () => {
              const arn = await opts.reconcile!()
              return arn === undefined ? undefined : { RuleARN: arn }
            }),
        },
      )
      return d.RuleARN ?? ''
    },
    getRule(ref) {
      return call('GetRule', { ...ref }, RuleSchema, true)
    },
    async updateRule(input) {
      await call('UpdateRule', validate(UpdateRuleInput, input, 'UpdateRule'), any, true)
    },
    async enableRule(ref) {
      await call('EnableRule', { ...ref }, any, true)
    },
    async disableRule(ref) {
      await call('DisableRule', { ...ref }, any, true)
    },
    async deleteRule(ref) {
      try {
        await call('DeleteRule', { ...ref }, any, true)
      } catch (err) {
        // A retried delete that finds the rule gone means the first attempt worked.
        const attempts =
          err instanceof AppError ? (err.details as { attempts?: number } | undefined)?.attempts : undefined
        if (!(err instanceof AppError && err.code === 'CLOUD_NOT_FOUND' && (attempts ?? 1) > 1)) throw err
      }
    },
    listAllRules(input) {
      return collectTokenPages(async (NextToken) => {
        const d = await call(
          'ListRules',
          { ...input, Limit: 100, NextToken },
          z.object({ Rules: z.array(RuleSchema).default([]), NextToken: Str.optional(), Total: Num.optional() }),
          true,
        )
        return { items: d.Rules, nextToken: d.NextToken }
      })
    },
    putTargets(ref, targets) {
      const Targets = validate(z.array(TargetInputSchema).min(1), targets, 'PutTargets')
      return call('PutTargets', { ...ref, Targets }, ErrorEntries, true)
    },
    listAllTargets(ref) {
      return collectTokenPages(async (NextToken) => {
        const d = await call(
          'ListTargets',
          { ...ref, Limit: 100, NextToken },
          z.object({ Targets: z.array(TargetSchema).default([]), NextToken: Str.optional(), Total: Num.optional() }),
          true,
        )
        return { items: d.Targets, nextToken: d.NextToken }
      })
    },
    deleteTargets(ref, targetIds) {
      return call('DeleteTargets', { ...ref, TargetIds: targetIds }, ErrorEntries, true)
    },
  }
  return client
}
