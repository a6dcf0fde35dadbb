import Credential, {
  ECSRAMRoleCredentialsProvider,
  OIDCRoleArnCredentialsProvider,
  RAMRoleARNCredentialsProvider,
  StaticAKCredentialsProvider,
  StaticSTSCredentialsProvider,
  type CredentialsProvider,
} from '@alicloud/credentials'
import { AppError } from '@shared/ipc/errors'
import { FIELD_HINTS } from '@shared/credential-hints'
import { credentialsSender, type CredentialNet } from './credentials-http'
import type { Env } from './proxy'

/**
 * Every kind of credential a profile can hold, as providers of the official `@alicloud/credentials`
 * package: it signs AssumeRole, reads the OIDC token file and the ECS metadata service, and keeps
 * temporary (STS) credentials in memory, refreshing them before they expire (15 minutes before, as
 * the package does). Nothing here writes a credential anywhere.
 */

export type CredentialSpec =
  | { kind: 'access-key'; accessKeyId: string; accessKeySecret: string }
  | { kind: 'sts-token'; accessKeyId: string; accessKeySecret: string; securityToken: string; expiresAt?: string }
  | {
      kind: 'ram-role-arn'
      /** Whose credentials call AssumeRole: another profile's (a chain) or an AccessKey of its own. */
      base: CredentialSpec
      roleArn: string
      roleSessionName?: string
      durationSeconds?: number
      externalId?: string
      /** An inline policy (JSON) that narrows the role's permissions for this session. */
      policy?: string
    }
  | { kind: 'ecs-ram-role'; roleName?: string }
  | {
      kind: 'oidc-role'
      roleArn: string
      oidcProviderArn: string
      oidcTokenFile: string
      roleSessionName?: string
      durationSeconds?: number
      policy?: string
    }
  /** The default chain of a pipeline: AccessKey/STS variables, then the OIDC variables, then ECS metadata. */
  | { kind: 'env' }

type CredentialKind = CredentialSpec['kind']

export interface CurrentCredentials {
  accessKeyId: string
  accessKeySecret: string
  securityToken?: string
  providerName: string
}

/** What the cloud clients sign with. */
export interface CredentialSource {
  readonly kind: CredentialKind
  /** For openapi-core and the generated SDKs (`Config.credential`). */
  readonly credential: Credential
  /** The current credentials, refreshed when they are about to expire. */
  get(): Promise<CurrentCredentials>
  /** When the current temporary credentials expire (ISO 8601), when known. */
  expiresAt(): string | undefined
}

const ROLE_ARN = /^acs:ram::\d{1,20}:role\/[A-Za-z0-9._@+=,-]{1,64}$/
const OIDC_PROVIDER_ARN = /^acs:ram::\d{1,20}:oidc-provider\/[A-Za-z0-9._-]{1,128}$/
const SESSION_NAME = /^[A-Za-z0-9.@_-]{2,64}$/

/** Checks what can be checked before anything is sent; throws a localized AppError naming the field. */
function checkSpec(spec: CredentialSpec): void {
  const bad = (field: keyof typeof FIELD_HINTS, value: string): never => {
    throw new AppError('CREDENTIALS_FIELD_INVALID', { params: { field, value, hint: FIELD_HINTS[field] } })
  }
  if (spec.kind === 'ram-role-arn' || spec.kind === 'oidc-role') {
    if (!ROLE_ARN.test(spec.roleArn)) bad('roleArn', spec.roleArn)
    if (spec.roleSessionName !== undefined && !SESSION_NAME.test(spec.roleSessionName))
      bad('roleSessionName', spec.roleSessionName)
    if (spec.durationSeconds !== undefined && !(spec.durationSeconds >= 900 && spec.durationSeconds <= 43200))
      bad('durationSeconds', String(spec.durationSeconds))
    if (spec.policy !== undefined) {
      try {
        JSON.parse(spec.policy)
      } catch {
        bad('policy', spec.policy.slice(0, 40))
      }
    }
  }
  if (spec.kind === 'oidc-role' && !OIDC_PROVIDER_ARN.test(spec.oidcProviderArn))
    bad('oidcProviderArn', spec.oidcProviderArn)
  if (spec.kind === 'ram-role-arn') checkSpec(spec.base)
}

/** The session name sent with AssumeRole when the profile names none (audit logs show it). */
const DEFAULT_SESSION_NAME = 'pai-workspace-admin'

/** Builds the source of one profile's credentials. `env` is read now (the `env` kind's variables). */
export function createCredentialSource(
  spec: CredentialSpec,
  net: CredentialNet,
  env: Env = process.env,
  /** Hears every temporary secret STS or the metadata service issues (the logger's redaction list). */
  onSecret: (value: string) => void = () => {},
): CredentialSource {
  checkSpec(spec)
  let expiration: string | undefined = spec.kind === 'sts-token' ? spec.expiresAt : undefined
  const provider = guard(
    buildProvider(spec, net, env, (iso) => (expiration = iso), onSecret),
    spec,
  )
  const credential = new Credential(null, provider)
  return {
    kind: spec.kind,
    credential,
    async get() {
      const c = await provider.getCredentials()
      const out: CurrentCredentials = {
        accessKeyId: c.accessKeyId,
        accessKeySecret: c.accessKeySecret,
        providerName: c.providerName,
      }
      if (c.securityToken) out.securityToken = c.securityToken
      return out
    },
    expiresAt: () => expiration,
  }
}

type Seamed = { doRequest: unknown }

/** Puts our sender into a session provider (see credentials-http.ts); fails loudly if the package changed. */
function seam<P extends object>(p: P, send: ReturnType<typeof credentialsSender>): P {
  const s = p as unknown as Seamed
  if (typeof s.doRequest !== 'function')
    throw new Error('@alicloud/credentials has no doRequest on its session providers any more: see credentials-http.ts')
  s.doRequest = send
  return p
}

function buildProvider(
  spec: CredentialSpec,
  net: CredentialNet,
  env: Env,
  onExpiration: (iso: string) => void,
  onSecret: (value: string) => void,
): CredentialsProvider {
  const send = credentialsSender(net, onExpiration, onSecret)
  switch (spec.kind) {
    case 'access-key':
      return StaticAKCredentialsProvider.builder()
        .withAccessKeyId(spec.accessKeyId)
        .withAccessKeySecret(spec.accessKeySecret)
        .build()
    case 'sts-token':
      return StaticSTSCredentialsProvider.builder()
        .withAccessKeyId(spec.accessKeyId)
        .withAccessKeySecret(spec.accessKeySecret)
        .withSecurityToken(spec.securityToken)
        .build()
    case 'ram-role-arn': {
      // The base's temporary credentials (a chain) are refreshed by its own provider; its expiry is not ours.
      const base = buildProvider(spec.base, net, env, () => {}, onSecret)
      const b = RAMRoleARNCredentialsProvider.builder()
        .withCredentialsProvider(base)
        .withRoleArn(spec.roleArn)
        .withRoleSessionName(spec.roleSessionName ?? DEFAULT_SESSION_NAME)
        .withStsEndpoint(net.stsEndpoint)
        .withConnectTimeout(net.connectTimeoutMs)
        .withReadTimeout(net.readTimeoutMs)
      if (spec.durationSeconds) b.withDurationSeconds(spec.durationSeconds)
      if (spec.externalId) b.withExternalId(spec.externalId)
      if (spec.policy) b.withPolicy(spec.policy)
      return seam(b.build(), send)
    }
    case 'oidc-role': {
      const b = OIDCRoleArnCredentialsProvider.builder()
        .withRoleArn(spec.roleArn)
        .withOIDCProviderArn(spec.oidcProviderArn)
        .withOIDCTokenFilePath(spec.oidcTokenFile)
        .withRoleSessionName(spec.roleSessionName ?? DEFAULT_SESSION_NAME)
        .withStsEndpoint(net.stsEndpoint)
        .withConnectTimeout(net.connectTimeoutMs)
        .withReadTimeout(net.readTimeoutMs)
      if (spec.durationSeconds) b.withDurationSeconds(spec.durationSeconds)
      if (spec.policy) b.withPolicy(spec.policy)
      return seam(b.build(), send)
    }
    case 'ecs-ram-role': {
      const b = ECSRAMRoleCredentialsProvider.builder()
      if (spec.roleName) b.withRoleName(spec.roleName)
      return seam(b.build(), send)
    }
    case 'env':
      return envProvider(net, env, onExpiration, onSecret)
  }
}

const ENV_AK = ['ALIBABA_CLOUD_ACCESS_KEY_ID', 'ALIBABA_CLOUD_ACCESS_KEY_SECRET'] as const
const ENV_OIDC = ['ALIBABA_CLOUD_ROLE_ARN', 'ALIBABA_CLOUD_OIDC_PROVIDER_ARN', 'ALIBABA_CLOUD_OIDC_TOKEN_FILE'] as const

const set = (env: Env, name: string): boolean => (env[name] ?? '').trim() !== ''

/**
 * The default chain for pipelines, from variables only: an AccessKey (and STS token), else an OIDC role,
 * else the ECS instance's RAM role. Unlike the package's DefaultCredentialsProvider it never reads
 * ~/.aliyun/config.json or ~/.alibabacloud/credentials (a pipeline must not pick up a developer's files;
 * the package's CLI-profile provider may also write to config.json).
 */
function envProvider(
  net: CredentialNet,
  env: Env,
  onExpiration: (iso: string) => void,
  onSecret: (value: string) => void,
): CredentialsProvider {
  const missing = (names: readonly string[]): never => {
    throw new AppError('CREDENTIALS_ENV_MISSING', { params: { names: names.filter((n) => !set(env, n)) } })
  }
  if (ENV_AK.some((n) => set(env, n))) {
    if (!ENV_AK.every((n) => set(env, n))) missing(ENV_AK)
    const id = env.ALIBABA_CLOUD_ACCESS_KEY_ID!.trim()
    const secret = env.ALIBABA_CLOUD_ACCESS_KEY_SECRET!
    const token = env.ALIBABA_CLOUD_SECURITY_TOKEN
    return buildProvider(
      token
        ? { kind: 'sts-token', accessKeyId: id, accessKeySecret: secret, securityToken: token }
        : { kind: 'access-key', accessKeyId: id, accessKeySecret: secret },
      net,
      env,
      onExpiration,
      onSecret,
    )
  }
  if (ENV_OIDC.some((n) => set(env, n))) {
    if (!ENV_OIDC.every((n) => set(env, n))) missing(ENV_OIDC)
    const spec: CredentialSpec = {
      kind: 'oidc-role',
      roleArn: env.ALIBABA_CLOUD_ROLE_ARN!.trim(),
      oidcProviderArn: env.ALIBABA_CLOUD_OIDC_PROVIDER_ARN!.trim(),
      oidcTokenFile: env.ALIBABA_CLOUD_OIDC_TOKEN_FILE!.trim(),
    }
    if (set(env, 'ALIBABA_CLOUD_ROLE_SESSION_NAME')) spec.roleSessionName = env.ALIBABA_CLOUD_ROLE_SESSION_NAME!.trim()
    checkSpec(spec)
    return buildProvider(spec, net, env, onExpiration, onSecret)
  }
  if ((env.ALIBABA_CLOUD_ECS_METADATA_DISABLED ?? '').toLowerCase() === 'true') missing([...ENV_AK, ...ENV_OIDC])
  const ecs = buildProvider(
    { kind: 'ecs-ram-role', roleName: env.ALIBABA_CLOUD_ECS_METADATA },
    net,
    env,
    onExpiration,
    onSecret,
  )
  return {
    getProviderName: () => ecs.getProviderName(),
    async getCredentials() {
      try {
        return await ecs.getCredentials()
      } catch (err) {
        // Not on ECS either: say which variables were looked for.
        if (err instanceof AppError && err.code !== 'CREDENTIALS_ECS_METADATA') throw err
        throw new AppError('CREDENTIALS_ENV_MISSING', { params: { names: [...ENV_AK, ...ENV_OIDC] }, cause: err })
      }
    },
  }
}

/** Turns the package's plain errors into localized AppErrors; AppErrors (STS answers) pass as they are. */
function guard(p: CredentialsProvider, spec: CredentialSpec): CredentialsProvider {
  return {
    getProviderName: () => p.getProviderName(),
    async getCredentials() {
      try {
        return await p.getCredentials()
      } catch (err) {
        throw credentialFailure(err, spec)
      }
    },
  }
}

function credentialFailure(err: unknown, spec: CredentialSpec): AppError {
  if (err instanceof AppError) return err
  const e = err as NodeJS.ErrnoException
  const detail = (e?.message ?? String(err)).split('\n')[0]!.slice(0, 200)
  if (spec.kind === 'oidc-role' && (e?.code === 'ENOENT' || e?.code === 'EACCES' || e?.code === 'EISDIR'))
    return new AppError('CREDENTIALS_OIDC_TOKEN_FILE', {
      params: { file: spec.oidcTokenFile, detail: e.code },
      cause: err,
    })
  if (spec.kind === 'ecs-ram-role' || spec.kind === 'env')
    return new AppError('CREDENTIALS_ECS_METADATA', { params: { detail }, cause: err })
  return new AppError('CREDENTIALS_FAILED', { params: { kind: spec.kind, detail }, cause: err })
}
