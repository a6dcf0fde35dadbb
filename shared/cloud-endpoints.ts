/**
 * Where each Alibaba Cloud service of a profile is reached, as pure functions (the core uses them to
 * connect, the profile form to show presets). DingTalk is not among them: its robot is always
 * https://oapi.dingtalk.com, whatever endpoints a profile has.
 */

export type CloudService = 'pai' | 'eventBridge' | 'sts' | 'sls'
export const CLOUD_SERVICES: readonly CloudService[] = ['pai', 'eventBridge', 'sts', 'sls']

export type ServiceEndpoints = Record<CloudService, string | null>

/** The public endpoint of each service in a region (the generated SDKs' `regional` rule; docs/architecture.md). */
export function publicEndpoint(service: CloudService, region: string): string {
  switch (service) {
    case 'pai':
      return `aiworkspace.${region}.aliyuncs.com`
    case 'eventBridge':
      return `eventbridge-console.${region}.aliyuncs.com`
    case 'sts':
      return `sts.${region}.aliyuncs.com`
    case 'sls':
      return `${region}.log.aliyuncs.com`
  }
}

/**
 * The VPC (intranet) endpoint of each service in a region: `aiworkspace-vpc.{r}` (the SDKs' endpoint rule
 * for network "vpc"), `sts-vpc.{r}` (what @alicloud/credentials uses with ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED),
 * `{r}-intranet.log` (SLS's intranet endpoint). EventBridge's `eventbridge-console-vpc.{r}` follows the same
 * SDK rule but is not listed in its endpoint map: the form shows it as a preset the user can correct.
 */
export function vpcEndpoint(service: CloudService, region: string): string {
  switch (service) {
    case 'pai':
      return `aiworkspace-vpc.${region}.aliyuncs.com`
    case 'eventBridge':
      return `eventbridge-console-vpc.${region}.aliyuncs.com`
    case 'sts':
      return `sts-vpc.${region}.aliyuncs.com`
    case 'sls':
      return `${region}-intranet.log.aliyuncs.com`
  }
}

export function vpcEndpoints(region: string): ServiceEndpoints {
  return {
    pai: vpcEndpoint('pai', region),
    eventBridge: vpcEndpoint('eventBridge', region),
    sts: vpcEndpoint('sts', region),
    sls: vpcEndpoint('sls', region),
  }
}

/**
 * The endpoint a service is reached at: its own override, else the profile's one endpoint for every
 * cloud service (e.g. the local emulator), else the public endpoint of the region.
 */
export function resolveEndpoint(
  p: { region: string; endpoint?: string | null; endpoints?: Partial<ServiceEndpoints> | null },
  service: CloudService,
): string {
  return p.endpoints?.[service] || p.endpoint || publicEndpoint(service, p.region)
}
