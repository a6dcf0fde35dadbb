import { z } from 'zod'
import { resolveEndpoint, type CloudService } from '@shared/cloud-endpoints'

/**
 * How the clients reach the cloud: region, endpoints, protocol, proxy. Credentials are not part of it:
 * the clients take a credential source (credentials.ts), built by the caller from the keychain or the
 * environment. No secret is stored, logged or returned by anything in this folder.
 */
export const ProxySettingSchema = z.union([
  /** HTTPS_PROXY / HTTP_PROXY / NO_PROXY from the environment (the default). */
  z.literal('env'),
  /** Always connect directly. */
  z.literal('none'),
  /** This proxy, with its own bypass list (same syntax as NO_PROXY). */
  z.object({ url: z.url({ protocol: /^https?$/ }), noProxy: z.string().optional() }),
])
export type ProxySetting = z.infer<typeof ProxySettingSchema>

const Host = z.string().min(1)

export const CloudProfileSchema = z.object({
  region: z.string().regex(/^[a-z]{2,}(-[a-z0-9]+)+$/, 'a region ID such as cn-hangzhou'),
  /**
   * One endpoint (`host[:port]`) for every cloud service, e.g. the local emulator `127.0.0.1:9123`.
   * Never used for DingTalk. Unset: each service's public endpoint in `region`.
   */
  endpoint: Host.optional(),
  /** Per-service endpoints (AIWorkSpace, EventBridge, STS, SLS); each wins over `endpoint`. */
  endpoints: z
    .object({
      pai: Host.nullish(),
      eventBridge: Host.nullish(),
      sts: Host.nullish(),
      sls: Host.nullish(),
    })
    .optional(),
  protocol: z.enum(['https', 'http']).default('https'),
  proxy: ProxySettingSchema.default('env'),
})
export type CloudProfileInput = z.input<typeof CloudProfileSchema>
export type CloudProfile = z.infer<typeof CloudProfileSchema>

export type ServiceName = CloudService

/** The `host[:port]` each service is reached at. */
export function endpointFor(profile: CloudProfile, service: ServiceName): string {
  return resolveEndpoint(profile, service)
}

/**
 * RAM's one endpoint, `ram.aliyuncs.com` (its SDK's endpoint rule is "central": docs/pai-api-facts.md §10.1),
 * or the profile's one endpoint for every cloud service (the emulator). RAM has no per-service override.
 */
export function ramEndpoint(profile: CloudProfile): string {
  return profile.endpoint || 'ram.aliyuncs.com'
}
