import { describe, expect, it } from 'vitest'
import {
  CLOUD_SERVICES,
  publicEndpoint,
  resolveEndpoint,
  vpcEndpoint,
  vpcEndpoints,
  type CloudService,
} from '@shared/cloud-endpoints'
import { CloudProfileSchema, endpointFor, ramEndpoint } from '../../../core/cloud/profile'

/**
 * Issue 11 item 4: endpoints are per service (AIWorkSpace, EventBridge, STS, SLS), with public and VPC presets per
 * region. `endpointFor` is what every client of the core connects to (core/cloud/acs-send.ts, sls.ts, index.ts); the
 * presets are what `profile add --vpc`, a VPC profile imported from the aliyun CLI and the profile form fill in.
 * The hosts follow the SDKs' "regional" endpoint rule (`{product}[-{network}].{region}.aliyuncs.com`) and SLS's
 * `{region}[-intranet].log.aliyuncs.com`.
 */

const REGIONS = ['cn-hangzhou', 'ap-southeast-1'] as const

const PUBLIC: Record<CloudService, (r: string) => string> = {
  pai: (r) => `aiworkspace.${r}.aliyuncs.com`,
  eventBridge: (r) => `eventbridge-console.${r}.aliyuncs.com`,
  sts: (r) => `sts.${r}.aliyuncs.com`,
  sls: (r) => `${r}.log.aliyuncs.com`,
}
const VPC: Record<CloudService, (r: string) => string> = {
  pai: (r) => `aiworkspace-vpc.${r}.aliyuncs.com`,
  eventBridge: (r) => `eventbridge-console-vpc.${r}.aliyuncs.com`,
  sts: (r) => `sts-vpc.${r}.aliyuncs.com`,
  sls: (r) => `${r}-intranet.log.aliyuncs.com`,
}

const profile = (p: Record<string, unknown>) => CloudProfileSchema.parse({ region: 'cn-hangzhou', ...p })

describe('cloud endpoints per service', () => {
  it('the four services, in that order; DingTalk is not one of them', () => {
    expect(CLOUD_SERVICES).toEqual(['pai', 'eventBridge', 'sts', 'sls'])
  })

  for (const region of REGIONS)
    it(`public and VPC presets of every service in ${region}`, () => {
      for (const s of CLOUD_SERVICES) {
        expect(publicEndpoint(s, region), s).toBe(PUBLIC[s](region))
        expect(vpcEndpoint(s, region), s).toBe(VPC[s](region))
      }
      expect(vpcEndpoints(region)).toEqual(Object.fromEntries(CLOUD_SERVICES.map((s) => [s, VPC[s](region)])))
    })

  it('a profile with no endpoint reaches each service at its public endpoint in its region', () => {
    for (const region of REGIONS)
      for (const s of CLOUD_SERVICES) expect(endpointFor(profile({ region }), s), s).toBe(PUBLIC[s](region))
    expect(ramEndpoint(profile({}))).toBe('ram.aliyuncs.com')
  })

  it('a VPC profile (the presets as its per-service endpoints) reaches every service in the VPC', () => {
    const p = profile({ region: 'ap-southeast-1', endpoints: vpcEndpoints('ap-southeast-1') })
    for (const s of CLOUD_SERVICES) expect(endpointFor(p, s), s).toBe(VPC[s]('ap-southeast-1'))
    // RAM has one central endpoint and no override
    expect(ramEndpoint(p)).toBe('ram.aliyuncs.com')
  })

  it("order: a service's own endpoint, else the profile's one endpoint, else the public one", () => {
    const one = '127.0.0.1:9123'
    const p = profile({ endpoint: one, endpoints: { sts: 'sts-vpc.cn-hangzhou.aliyuncs.com', sls: null } })
    expect(endpointFor(p, 'sts')).toBe('sts-vpc.cn-hangzhou.aliyuncs.com')
    for (const s of ['pai', 'eventBridge', 'sls'] as const) expect(endpointFor(p, s), s).toBe(one)
    expect(ramEndpoint(p)).toBe(one)
    // each service on its own: one override changes that service only
    for (const s of CLOUD_SERVICES) {
      const own = profile({ endpoints: { [s]: `own-${s}.example.com:8443` } })
      for (const t of CLOUD_SERVICES)
        expect(endpointFor(own, t), `${s} → ${t}`).toBe(
          t === s ? `own-${s}.example.com:8443` : PUBLIC[t]('cn-hangzhou'),
        )
    }
    // empty or unset overrides fall through, as stored profiles hold null for "none"
    expect(resolveEndpoint({ region: 'cn-beijing', endpoint: '', endpoints: { pai: '' } }, 'pai')).toBe(
      'aiworkspace.cn-beijing.aliyuncs.com',
    )
    expect(resolveEndpoint({ region: 'cn-beijing', endpoint: null, endpoints: null }, 'sls')).toBe(
      'cn-beijing.log.aliyuncs.com',
    )
  })
})
