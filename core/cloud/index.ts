import { AppError, summarizeIssues } from '@shared/ipc/errors'
import { AcsTransport, type Timeouts } from './acs-send'
import type { CloudHooks, RetryContext } from './caller'
import { createCredentialSource, type CredentialSource } from './credentials'
import { createEventBridgeClient, type EventBridgeClient } from './eventbridge'
import { LimiterRegistry, sharedLimiters, type ConcurrencyLimiter } from './limiter'
import { createPaiClient, type PaiClient } from './pai/client'
import { CloudProfileSchema, endpointFor, type CloudProfile, type CloudProfileInput as ProfileInput } from './profile'
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry'
import { createRamClient, type RamClient } from './ram'
import { createSlsClient, type SlsClient } from './sls'
import { createStsClient, type StsClient } from './sts'

export type { CloudHooks } from './caller'
export type { PaiClient, Page } from './pai/client'
export type { EventBridgeClient } from './eventbridge'
export type { EventRule, EventTarget, TargetInput } from './eventbridge-schemas'
export type { StsClient } from './sts'
export type { SlsClient } from './sls'
export type { RamClient, RamPolicy } from './ram'
export type { ProxySetting } from './profile'
export { createCredentialSource, type CredentialSource, type CredentialSpec } from './credentials'
export type { RetryPolicy } from './retry'
export type { Timeouts } from './acs-send'
export { ConcurrencyLimiter, DEFAULT_MAX_CONCURRENT_PER_ENDPOINT, LimiterRegistry } from './limiter'
export { testDingTalkRobot } from './dingtalk'
export * as paiSchemas from './pai/schemas'

export interface CloudClientOptions {
  retry?: Partial<RetryPolicy>
  timeouts?: Partial<Timeouts>
  /** Limiters per endpoint; default: one registry shared by the whole process. */
  limiters?: LimiterRegistry
  hooks?: CloudHooks
  /** Randomness for backoff jitter (tests pass a fixed one). */
  random?: () => number
  /**
   * What the calls are signed with (credentials.ts). Without it the profile input must carry a static
   * AccessKey pair (`accessKeyId`/`accessKeySecret`, optionally `securityToken`), as tests and tools pass.
   */
  credentials?: CredentialSource
}

/** A static AccessKey (or STS token) given with the profile: for tests and tools. */
export interface StaticKeyInput {
  accessKeyId?: string
  accessKeySecret?: string
  securityToken?: string
}

/** What createCloudClients takes: the connection settings, and a static key when no credential source is given. */
export type CloudProfileInput = ProfileInput & StaticKeyInput

export interface CloudClients {
  pai: PaiClient
  eventBridge: EventBridgeClient
  sts: StsClient
  sls: SlsClient
  /** RAM users, groups and policies (the member picker, A3). */
  ram: RamClient
  /** What the calls are signed with (and when its temporary credentials expire). */
  credentials: CredentialSource
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
 * Builds the clients of one profile, signing with `opts.credentials` (or a static key given with the
 * profile). Credentials are handed to the Alibaba Cloud libraries and never logged, stored or returned.
 */
export function createCloudClients(profileInput: CloudProfileInput, opts: CloudClientOptions = {}): CloudClients {
  const { accessKeyId, accessKeySecret, securityToken, ...rest } = profileInput
  const parsed = CloudProfileSchema.safeParse(rest)
  if (!parsed.success) throw new AppError('VALIDATION', { params: { summary: summarizeIssues(parsed.error.issues) } })
  const profile: CloudProfile = parsed.data
  const timeouts: Timeouts = { ...DEFAULT_TIMEOUTS, ...opts.timeouts }
  const credentials =
    opts.credentials ?? staticSource(profile, timeouts, { accessKeyId, accessKeySecret, securityToken })
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...opts.retry }
  const limiters = opts.limiters ?? sharedLimiters
  const hooks = opts.hooks ?? {}
  const random = opts.random ?? Math.random

  const transports = {
    pai: new AcsTransport(profile, 'pai', timeouts, credentials),
    eventBridge: new AcsTransport(profile, 'eventBridge', timeouts, credentials),
    sts: new AcsTransport(profile, 'sts', timeouts, credentials),
    ram: new AcsTransport(profile, 'ram', timeouts, credentials),
  }
  const keyOf = (endpoint: string): string => `${profile.protocol}://${endpoint}`
  const ctxFor = (endpoint: string): RetryContext => ({
    policy,
    limiter: limiters.forEndpoint(keyOf(endpoint)),
    hooks,
    random,
  })

  const sls = createSlsClient(profile, ctxFor(endpointFor(profile, 'sls')), timeouts, credentials)
  return {
    pai: createPaiClient(transports.pai, ctxFor(transports.pai.endpoint)),
    eventBridge: createEventBridgeClient(transports.eventBridge, ctxFor(transports.eventBridge.endpoint)),
    sts: createStsClient(profile, transports.sts, ctxFor(transports.sts.endpoint), timeouts, credentials),
    ram: createRamClient(profile, transports.ram, ctxFor(transports.ram.endpoint), timeouts, credentials),
    credentials,
    sls,
    limiterFor(service) {
      const endpoint = service === 'sls' ? sls.endpoint : transports[service].endpoint
      return limiters.forEndpoint(keyOf(endpoint))
    },
  }
}

function staticSource(profile: CloudProfile, timeouts: Timeouts, key: StaticKeyInput): CredentialSource {
  if (!key.accessKeyId || !key.accessKeySecret)
    throw new AppError('VALIDATION', {
      params: { summary: 'credentials: a credential source or an AccessKey is required' },
    })
  const net = {
    stsEndpoint: endpointFor(profile, 'sts'),
    protocol: profile.protocol,
    proxy: profile.proxy,
    ...timeouts,
  }
  return createCredentialSource(
    key.securityToken
      ? {
          kind: 'sts-token',
          accessKeyId: key.accessKeyId,
          accessKeySecret: key.accessKeySecret,
          securityToken: key.securityToken,
        }
      : { kind: 'access-key', accessKeyId: key.accessKeyId, accessKeySecret: key.accessKeySecret },
    net,
  )
}
