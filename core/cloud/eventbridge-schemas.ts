import { z } from 'zod'

/**
 * EventBridge 2020-04-01's answers and inputs as zod schemas: buses, rules, targets (kept loose, every field the
 * cloud sends), the answer envelope and per-target errors (docs/pai-api-facts.md §5). The client is ./eventbridge.
 */

const Str = z.string()
const Num = z.coerce.number()

export const ParamSchema = z.looseObject({
  ResourceKey: Str,
  Form: Str,
  Value: Str.optional(),
  Template: Str.optional(),
})
/** Targets and rules keep every field the cloud sends (loose): a rule the app cannot map is kept as it is. */
export const TargetSchema = z.looseObject({
  Id: Str,
  Type: Str,
  Endpoint: Str.optional(),
  PushRetryStrategy: Str.optional(),
  ErrorsTolerance: Str.optional(),
  DeadLetterQueue: z.object({ Arn: Str.optional() }).optional(),
  ParamList: z.array(ParamSchema).optional(),
  PushSelector: Str.optional(),
  DetailMap: z.record(Str, z.unknown()).optional(),
  EventBusName: Str.optional(),
  RuleName: Str.optional(),
})
export type EventTarget = z.infer<typeof TargetSchema>

export const RuleSchema = z.looseObject({
  RuleName: Str,
  EventBusName: Str.optional(),
  Description: Str.optional(),
  FilterPattern: Str.optional(),
  /** `ENABLE` / `DISABLE`. */
  Status: Str.optional(),
  RuleARN: Str.optional(),
  CreatedTimestamp: Num.optional(),
  Targets: z.array(TargetSchema).optional(),
  DetailMap: z.record(Str, z.unknown()).optional(),
})
export type EventRule = z.infer<typeof RuleSchema>

export const BusSchema = z.object({
  EventBusName: Str,
  Description: Str.optional(),
  EventBusARN: Str.optional(),
  CreateTimestamp: Num.optional(),
})
export type EventBus = z.infer<typeof BusSchema>

export const ErrorEntries = z.object({
  ErrorEntriesCount: Num.default(0),
  ErrorEntries: z
    .array(z.object({ EntryId: Str.optional(), ErrorCode: Str.optional(), ErrorMessage: Str.optional() }))
    .default([]),
})
export type TargetErrors = z.infer<typeof ErrorEntries>

export const Envelope = z.object({
  RequestId: Str.optional(),
  Code: z.union([Str, z.number().transform(String)]).optional(),
  Message: Str.optional(),
  Success: z.boolean().optional(),
  Data: z.unknown(),
})

export const TargetInputSchema = z.object({
  Id: Str.min(1),
  Type: Str.min(1),
  Endpoint: Str.min(1),
  PushRetryStrategy: z.enum(['BACKOFF_RETRY', 'EXPONENTIAL_DECAY_RETRY']).optional(),
  ErrorsTolerance: z.enum(['ALL', 'NONE']).optional(),
  ParamList: z.array(ParamSchema).optional(),
})
export type TargetInput = z.infer<typeof TargetInputSchema>

export const CreateRuleInput = z.object({
  EventBusName: Str.min(1),
  RuleName: Str.min(1).max(127),
  /** JSON text of the event pattern (docs/pai-api-facts.md §5.3). */
  FilterPattern: Str.min(2),
  Description: Str.optional(),
  Status: z.enum(['ENABLE', 'DISABLE']).optional(),
  EventTargets: z.array(TargetInputSchema).optional(),
})
export type CreateRuleInput = z.infer<typeof CreateRuleInput>

export const UpdateRuleInput = z.object({
  EventBusName: Str.min(1),
  RuleName: Str.min(1),
  FilterPattern: Str.min(2),
  Description: Str.optional(),
  Status: z.enum(['ENABLE', 'DISABLE']).optional(),
})
export type UpdateRuleInput = z.infer<typeof UpdateRuleInput>

export interface RuleRef {
  EventBusName: string
  RuleName: string
}
