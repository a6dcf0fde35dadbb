import { CLOUD_SERVICES, vpcEndpoints, type CloudService } from '@shared/cloud-endpoints'
import {
  kindFieldProblems,
  NO_ENDPOINTS,
  ProfileFieldsSchema,
  type ProfileFields,
  type ProfileKind,
  type ProfileView,
} from '@shared/ipc/channels/profiles'

/** The profile form's state: strings as typed; `toFields` turns it into what the core takes. */
export interface ProfileForm {
  name: string
  region: string
  kind: ProfileKind
  endpointMode: 'public' | 'vpc' | 'custom'
  endpoint: string
  endpoints: Record<CloudService, string>
  protocol: 'http' | 'https'
  accessKeyId: string
  /** '' = the profile's own AccessKey (ram-role-arn). */
  baseProfileId: string
  roleArn: string
  roleSessionName: string
  durationSeconds: string
  externalId: string
  policy: string
  oidcProviderArn: string
  oidcTokenFile: string
  ecsRoleName: string
  stsExpiration: string
  proxy: string
  /** Write-only, sent once. */
  secret: string
  securityToken: string
}

/** Kinds the form offers (`env` belongs to the CLI's --credentials env). */
export const FORM_KINDS: ProfileKind[] = ['access-key', 'ram-role-arn', 'sts-token', 'oidc-role', 'ecs-ram-role']

const text = (v: string | null | undefined): string => v ?? ''

export function emptyForm(): ProfileForm {
  return fromProfile(null)
}

export function fromProfile(p: ProfileView | null): ProfileForm {
  const eps = p?.endpoints ?? NO_ENDPOINTS
  const custom = Boolean(p?.endpoint) || CLOUD_SERVICES.some((s) => eps[s])
  const vpc = p && !p.endpoint && CLOUD_SERVICES.every((s) => eps[s] === vpcEndpoints(p.region)[s])
  return {
    name: text(p?.name),
    region: p?.region ?? 'cn-hangzhou',
    kind: p?.kind ?? 'access-key',
    endpointMode: vpc ? 'vpc' : custom ? 'custom' : 'public',
    endpoint: text(p?.endpoint),
    endpoints: { pai: text(eps.pai), eventBridge: text(eps.eventBridge), sts: text(eps.sts), sls: text(eps.sls) },
    protocol: p?.protocol ?? 'https',
    accessKeyId: text(p?.accessKeyId),
    baseProfileId: text(p?.baseProfileId),
    roleArn: text(p?.roleArn),
    roleSessionName: text(p?.roleSessionName),
    durationSeconds: p?.durationSeconds ? String(p.durationSeconds) : '',
    externalId: text(p?.externalId),
    policy: text(p?.policy),
    oidcProviderArn: text(p?.oidcProviderArn),
    oidcTokenFile: text(p?.oidcTokenFile),
    ecsRoleName: text(p?.ecsRoleName),
    stsExpiration: text(p?.stsExpiration),
    proxy: text(p?.proxy),
    secret: '',
    securityToken: '',
  }
}

/** Which of the kind's fields the form shows. */
export function shown(f: ProfileForm): Set<keyof ProfileForm> {
  const s = new Set<keyof ProfileForm>()
  const add = (...k: Array<keyof ProfileForm>) => k.forEach((x) => s.add(x))
  if (f.kind === 'access-key') add('accessKeyId', 'secret')
  if (f.kind === 'sts-token') add('accessKeyId', 'secret', 'securityToken', 'stsExpiration')
  if (f.kind === 'ram-role-arn') {
    add('baseProfileId', 'roleArn', 'roleSessionName', 'durationSeconds', 'externalId', 'policy')
    if (!f.baseProfileId) add('accessKeyId', 'secret')
  }
  if (f.kind === 'oidc-role')
    add('roleArn', 'oidcProviderArn', 'oidcTokenFile', 'roleSessionName', 'durationSeconds', 'policy')
  if (f.kind === 'ecs-ram-role') add('ecsRoleName')
  return s
}

/** The non-secret fields for profiles.add / profiles.update; fields the kind does not use are cleared. */
export function toFields(f: ProfileForm, importedFrom: string | null = null): ProfileFields {
  const on = shown(f)
  const v = (k: keyof ProfileForm): string | null => {
    const x = f[k]
    return on.has(k) && typeof x === 'string' && x.trim() !== '' ? x.trim() : null
  }
  const endpoints =
    f.endpointMode === 'vpc'
      ? vpcEndpoints(f.region)
      : f.endpointMode === 'custom'
        ? {
            pai: f.endpoints.pai.trim() || null,
            eventBridge: f.endpoints.eventBridge.trim() || null,
            sts: f.endpoints.sts.trim() || null,
            sls: f.endpoints.sls.trim() || null,
          }
        : { ...NO_ENDPOINTS }
  const duration = v('durationSeconds')
  return {
    name: f.name,
    region: f.region,
    kind: f.kind,
    endpoint: f.endpointMode === 'custom' && f.endpoint.trim() !== '' ? f.endpoint.trim() : null,
    endpoints,
    // Public and VPC endpoints are HTTPS; HTTP only for a custom endpoint (the local emulator).
    protocol: f.endpointMode === 'custom' ? f.protocol : 'https',
    accessKeyId: v('accessKeyId'),
    baseProfileId: v('baseProfileId'),
    roleArn: v('roleArn'),
    roleSessionName: v('roleSessionName'),
    durationSeconds: duration === null ? null : Number(duration),
    externalId: v('externalId'),
    policy: f.policy.trim() !== '' && on.has('policy') ? f.policy : null,
    oidcProviderArn: v('oidcProviderArn'),
    oidcTokenFile: v('oidcTokenFile'),
    ecsRoleName: v('ecsRoleName'),
    stsExpiration: v('stsExpiration'),
    proxy: f.proxy.trim() === '' ? null : f.proxy,
    importedFrom,
  }
}

/** i18n keys of each field's "invalid" message. */
const MESSAGES: Record<string, string> = {
  name: 'profiles.invalidName',
  region: 'profiles.invalidRegion',
  endpoint: 'profiles.invalidEndpoint',
  endpoints: 'profiles.invalidEndpoint',
  accessKeyId: 'profiles.invalidAccessKeyId',
  proxy: 'profiles.invalidProxy',
  roleArn: 'creds.invalidRoleArn',
  roleSessionName: 'creds.invalidSessionName',
  durationSeconds: 'creds.invalidDuration',
  externalId: 'creds.invalidExternalId',
  policy: 'creds.invalidPolicy',
  oidcProviderArn: 'creds.invalidOidcProviderArn',
  oidcTokenFile: 'profiles.required',
  ecsRoleName: 'creds.invalidEcsRoleName',
  stsExpiration: 'creds.invalidTime',
}

/**
 * Problems per form field (`endpoints.pai` for a per-service endpoint), from the same zod schema the
 * core checks requests with, plus the fields the kind needs that are empty.
 */
export function formProblems(f: ProfileForm, t: (key: string) => string): Record<string, string> {
  const fields = toFields(f)
  const out: Record<string, string> = {}
  const res = ProfileFieldsSchema.safeParse(fields)
  if (!res.success)
    for (const issue of res.error.issues) {
      const [head, sub] = issue.path
      if (typeof head !== 'string' || !(head in MESSAGES)) continue
      out[head === 'endpoints' && typeof sub === 'string' ? `endpoints.${sub}` : head] = t(MESSAGES[head]!)
    }
  for (const missing of kindFieldProblems(fields)) out[missing] ??= t('profiles.required')
  return out
}
