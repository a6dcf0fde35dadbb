import { AppError, summarizeIssues } from '@shared/ipc/errors'
import { AcsTransport, type Timeouts } from './acs-send'
import type { CloudHooks, RetryContext } from './caller'
import { createEventBridgeClient, type EventBridgeClient } from './eventbridge'
import { LimiterRegistry, sharedLimiters, type ConcurrencyLimiter } from './limiter'
import { createPaiClient, type PaiClient } from './pai/client'
import { CloudProfileSchema, endpointFor, type CloudProfile, type CloudProfileInput } from './profile'
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry'
import { createSlsClient, type SlsClient } from './sls'
import { createStsClient, type StsClient } from './sts'

export type { CloudHooks, CallOptions } from './caller'
export type { PaiClient, CreatedMember, Page } from './pai/client'
export type {
  EventBridgeClient,
  EventRule,
  EventTarget,
  EventBus,
  TargetInput,
  RuleRef,
  TargetErrors,
} from './eventbridge'
export type { StsClient, CallerIdentity } from './sts'
export type { SlsClient, SlsProject } from './sls'
export type { CloudProfile, CloudProfileInput, ProxySetting } from './profile'
export type { RetryPolicy } from './retry'
export type { Timeouts } from './acs-send'
export type { CloudErrorDetails, Outcome } from './errors'
export { isAnswerLost, requestIdOf } from './errors'
export { ConcurrencyLimiter, LimiterRegistry, sharedLimiters, DEFAULT_MAX_CONCURRENT_PER_ENDPOINT } from './limiter'
export { DEFAULT_RETRY_POLICY } from './retry'
export {
  dingTalkSign,
  signedDingTalkUrl,
  testDingTalkRobot,
  isDingTalkWebhook,
  describeDingTalkAnswer,
  type DingTalkTestResult,
} from './dingtalk'
export * as paiSchemas from './pai/schemas'

export interface CloudClientOptions {
  retry?: Partial<RetryPolicy>
  timeouts?: Partial<Timeouts>
  /** Limiters per endpoint; default: one registry shared by the whole process. */
  limiters?: LimiterRegistry
  hooks?: CloudHooks
  /** Randomness for backoff jitter (tests pass a fixed one). */
  random?: () => number
}

export interface CloudClients {
  pai: PaiClient
  eventBridge: EventBridgeClient
  sts: StsClient
  sls: SlsClient
  /** The limiter of each service's endpoint (several services share one when they share an endpoint). */
  limiterFor(service: 'pai' | 'eventBridge' | 'sts' | 'sls'): ConcurrencyLimiter
}

/** Connect 5 s; an answer within 20 s, or 60 s for a create (PAI's creates can be slow to answer). */
export const DEFAULT_TIMEOUTS: Timeouts = {
  connectTimeoutMs: 5_000,
  readTimeoutMs: 20_000,
  createReadTimeoutMs: 60_000,
}

/**
 * Builds the clients of one profile. The AccessKey secret is the caller's (read from the keychain);
 * it is handed to the Alibaba Cloud libraries and never logged, stored or returned.
 */
export function createCloudClients(profileInput: CloudProfileInput, opts: CloudClientOptions = {}): CloudClients {
  const parsed = CloudProfileSchema.safeParse(profileInput)
  if (!parsed.success)
    throw new AppError('VALIDATION', {
      params: {
        summary: summarizeIssues(parsed.error.issues).replace(profileInput.accessKeySecret || '\u0000', '***'),
      },
    })
  const profile: CloudProfile = parsed.data
  const timeouts: Timeouts = { ...DEFAULT_TIMEOUTS, ...opts.timeouts }
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...opts.retry }
  const limiters = opts.limiters ?? sharedLimiters
  const hooks = opts.hooks ?? {}
  const random = opts.random ?? Math.random

  const transports = {
    pai: new AcsTransport(profile, 'pai', timeouts),
    eventBridge: new AcsTransport(profile, 'eventBridge', timeouts),
    sts: new AcsTransport(profile, 'sts', timeouts),
  }
  const keyOf = (endpoint: string): string => `${profile.protocol}://${endpoint}`
  const ctxFor = (endpoint: string): RetryContext => ({
    policy,
    limiter: limiters.forEndpoint(keyOf(endpoint)),
    hooks,
    random,
  })

  const sls = createSlsClient(profile, ctxFor(endpointFor(profile, 'sls')), timeouts)
  return {
    pai: createPaiClient(transports.pai, ctxFor(transports.pai.endpoint)),
    eventBridge: createEventBridgeClient(transports.eventBridge, ctxFor(transports.eventBridge.endpoint)),
    sts: createStsClient(profile, transports.sts, ctxFor(transports.sts.endpoint), timeouts),
    sls,
    limiterFor(service) {
      const endpoint = service === 'sls' ? sls.endpoint : transports[service].endpoint
      return limiters.forEndpoint(keyOf(endpoint))
    },
  }
}
