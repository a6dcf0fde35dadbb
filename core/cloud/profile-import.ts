import crypto from 'node:crypto'
import { parse as parseIni } from 'ini'
import { z } from 'zod'
import { vpcEndpoints, publicEndpoint } from '@shared/cloud-endpoints'
import { NO_ENDPOINTS, type ProfileFields } from '@shared/ipc/channels/profiles'

/**
 * Reads the profiles people already have: the aliyun CLI's `~/.aliyun/config.json` (format of
 * aliyun-cli `config/profile.go`: `{current, profiles: [{name, mode, access_key_id, …}]}`) and the
 * SDKs' shared `~/.alibabacloud/credentials` (INI, read with the same `ini` parser @alicloud/credentials
 * uses; types access_key, ecs_ram_role, ram_role_arn). Pure: bytes in, entries out. Entries carry
 * their secrets for the importer only; what leaves for a preview is `ImportCandidate`, without them.
 */

export type ImportSource = 'aliyun-cli' | 'alibabacloud'

export interface ImportEntry {
  /** The profile's name in the file. */
  sourceName: string
  /** Set when the app cannot use this kind of profile (CloudSSO, OAuth, External, …): the reason. */
  unsupported?: string
  fields: Partial<ProfileFields>
  secrets: { accessKeySecret?: string; securityToken?: string }
  /** ChainableRamRoleArn: the file's profile whose credentials assume the role. */
  baseSourceName?: string
  /** Problems the user should see (a missing region, a missing key). */
  problems: string[]
}

export interface ParsedImport {
  source: ImportSource
  /** SHA-256 of the file's bytes: the import refuses a file that changed since its preview. */
  fingerprint: string
  /** The CLI's current profile, if any. */
  current?: string
  entries: ImportEntry[]
}

export class ImportFormatError extends Error {}

const MAX_IMPORT_BYTES = 1 << 20

const str = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined),
  z.string().optional(),
)
const int = z.preprocess(
  (v) => (typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : undefined),
  z.number().optional(),
)

const CliProfile = z.looseObject({
  name: str,
  mode: str,
  access_key_id: str,
  access_key_secret: z.string().optional().catch(undefined),
  sts_token: z.string().optional().catch(undefined),
  sts_region: str,
  sts_endpoint: str,
  ram_role_name: str,
  ram_role_arn: str,
  ram_session_name: str,
  external_id: str,
  source_profile: str,
  expired_seconds: int,
  duration_seconds: int,
  region_id: str,
  oidc_provider_arn: str,
  oidc_token_file: str,
  endpoint_type: str,
})
const CliConfig = z.looseObject({ current: str, profiles: z.array(z.unknown()).default([]) })

function fingerprintOf(bytes: Buffer): string {
  return crypto.createHash('sha256').update(bytes).digest('hex')
}

/** The fields every imported profile shares: region and endpoints (a VPC endpoint type, an STS region). */
function where(region: string | undefined, endpointType?: string, stsRegion?: string, stsEndpoint?: string) {
  const r = region ?? ''
  const endpoints = endpointType?.toLowerCase() === 'vpc' && r ? vpcEndpoints(r) : { ...NO_ENDPOINTS }
  if (stsEndpoint) endpoints.sts = stsEndpoint
  else if (stsRegion && stsRegion !== r) endpoints.sts = publicEndpoint('sts', stsRegion)
  return { region: r, endpoints }
}

function fromCli(raw: unknown): ImportEntry | undefined {
  const parsed = CliProfile.safeParse(raw)
  if (!parsed.success || !parsed.data.name) return undefined
  const p = parsed.data
  const e: ImportEntry = {
    sourceName: p.name!,
    fields: {
      ...where(p.region_id, p.endpoint_type, p.sts_region, p.sts_endpoint),
      importedFrom: `aliyun CLI: ${p.name}`,
    },
    secrets: {},
    problems: p.region_id ? [] : ['region_id'],
  }
  const ak = (): void => {
    e.fields.accessKeyId = p.access_key_id ?? null
    if (p.access_key_secret) e.secrets.accessKeySecret = p.access_key_secret
    if (!p.access_key_id) e.problems.push('access_key_id')
    if (!p.access_key_secret) e.problems.push('access_key_secret')
  }
  const role = (): void => {
    e.fields.roleArn = p.ram_role_arn ?? null
    e.fields.roleSessionName = p.ram_session_name ?? null
    e.fields.durationSeconds = p.duration_seconds ?? p.expired_seconds ?? null
    e.fields.externalId = p.external_id ?? null
    if (!p.ram_role_arn) e.problems.push('ram_role_arn')
  }
  switch (p.mode ?? 'AK') {
    case 'AK':
      e.fields.kind = 'access-key'
      ak()
      break
    case 'StsToken':
      e.fields.kind = 'sts-token'
      ak()
      if (p.sts_token) e.secrets.securityToken = p.sts_token
      else e.problems.push('sts_token')
      break
    case 'RamRoleArn':
      e.fields.kind = 'ram-role-arn'
      ak()
      role()
      break
    case 'ChainableRamRoleArn':
      e.fields.kind = 'ram-role-arn'
      role()
      if (p.source_profile) e.baseSourceName = p.source_profile
      else e.problems.push('source_profile')
      break
    case 'EcsRamRole':
      e.fields.kind = 'ecs-ram-role'
      e.fields.ecsRoleName = p.ram_role_name ?? null
      break
    case 'OIDC':
      e.fields.kind = 'oidc-role'
      role()
      e.fields.oidcProviderArn = p.oidc_provider_arn ?? null
      e.fields.oidcTokenFile = p.oidc_token_file ?? null
      if (!p.oidc_provider_arn) e.problems.push('oidc_provider_arn')
      if (!p.oidc_token_file) e.problems.push('oidc_token_file')
      break
    default:
      e.unsupported = p.mode!
  }
  return e
}

function fromIni(section: string, raw: unknown): ImportEntry | undefined {
  if (!raw || typeof raw !== 'object') return undefined
  const v = raw as Record<string, unknown>
  const s = (k: string): string | undefined =>
    typeof v[k] === 'string' && v[k].trim() !== '' ? v[k].trim() : undefined
  const region = s('region_id') ?? s('region')
  const e: ImportEntry = {
    sourceName: section,
    fields: { ...where(region), importedFrom: `~/.alibabacloud/credentials: ${section}` },
    secrets: {},
    problems: region ? [] : ['region_id'],
  }
  const ak = (): void => {
    e.fields.accessKeyId = s('access_key_id') ?? null
    const secret = typeof v.access_key_secret === 'string' ? v.access_key_secret : undefined
    if (secret) e.secrets.accessKeySecret = secret
    if (!s('access_key_id')) e.problems.push('access_key_id')
    if (!secret) e.problems.push('access_key_secret')
  }
  switch (s('type')) {
    case 'access_key':
      e.fields.kind = 'access-key'
      ak()
      break
    case 'ram_role_arn':
      e.fields.kind = 'ram-role-arn'
      ak()
      e.fields.roleArn = s('role_arn') ?? null
      e.fields.roleSessionName = s('role_session_name') ?? null
      e.fields.policy = s('policy') ?? null
      if (!s('role_arn')) e.problems.push('role_arn')
      break
    case 'ecs_ram_role':
      e.fields.kind = 'ecs-ram-role'
      e.fields.ecsRoleName = s('role_name') ?? null
      break
    default:
      e.unsupported = s('type') ?? '(no type)'
  }
  return e
}

/** Parses a file's bytes; ImportFormatError (never echoing the file's text) when it cannot be read. */
export function parseImport(source: ImportSource, bytes: Buffer): ParsedImport {
  if (bytes.length > MAX_IMPORT_BYTES) throw new ImportFormatError(`larger than ${MAX_IMPORT_BYTES} bytes`)
  const text = bytes.toString('utf8')
  const fingerprint = fingerprintOf(bytes)
  if (source === 'aliyun-cli') {
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch {
      // JSON.parse's message quotes the text (and so, possibly, a secret): only say what it is not.
      throw new ImportFormatError('not JSON')
    }
    const conf = CliConfig.safeParse(json)
    if (!conf.success) throw new ImportFormatError('no "profiles" list')
    const entries = conf.data.profiles.flatMap((p) => fromCli(p) ?? [])
    return { source, fingerprint, current: conf.data.current, entries }
  }
  let ini: Record<string, unknown>
  try {
    ini = parseIni(text) as Record<string, unknown>
  } catch {
    throw new ImportFormatError('not an INI file')
  }
  const entries = Object.entries(ini).flatMap(([section, v]) => fromIni(section, v) ?? [])
  return { source, fingerprint, entries }
}
