import { z } from 'zod'

/**
 * How the clients reach the cloud. The AccessKey secret is passed in by the caller (read from the
 * keychain just before); it is never stored, logged or returned by anything in this folder.
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

export const CloudProfileSchema = z.object({
  region: z.string().regex(/^[a-z]{2,}(-[a-z0-9]+)+$/, 'a region ID such as cn-hangzhou'),
  /**
   * One endpoint (`host[:port]`) for every service, e.g. the local emulator `127.0.0.1:9123`.
   * Unset: the public endpoint of each service in `region` (see endpoints.ts).
   */
  endpoint: z.string().min(1).optional(),
  /** Per-service endpoints; each wins over `endpoint`. */
  endpoints: z
    .object({
      pai: z.string().min(1).optional(),
      eventBridge: z.string().min(1).optional(),
      sts: z.string().min(1).optional(),
      sls: z.string().min(1).optional(),
    })
    .optional(),
  protocol: z.enum(['https', 'http']).default('https'),
  accessKeyId: z.string().min(1),
  accessKeySecret: z.string().min(1),
  proxy: ProxySettingSchema.default('env'),
})
export type CloudProfileInput = z.input<typeof CloudProfileSchema>
export type CloudProfile = z.infer<typeof CloudProfileSchema>

export type ServiceName = 'pai' | 'eventBridge' | 'sts' | 'sls'

/** The `host[:port]` each service is reached at (pai-api.md §4.1, §5, §7). */
export function endpointFor(profile: CloudProfile, service: ServiceName): string {
  const own = profile.endpoints?.[service]
  if (own) return own
  if (profile.endpoint) return profile.endpoint
  const r = profile.region
  switch (service) {
    case 'pai':
      return `aiworkspace.${r}.aliyuncs.com`
    case 'eventBridge':
      return `eventbridge-console.${r}.aliyuncs.com`
    case 'sts':
      return `sts.${r}.aliyuncs.com`
    case 'sls':
      return `${r}.log.aliyuncs.com`
  }
}
