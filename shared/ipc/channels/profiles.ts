import { z } from 'zod'
import { channel } from '../channel'
import { ErrorPayloadSchema } from '../errors'

/**
 * Profiles [账号配置]: how to reach one Alibaba Cloud account. Everything here is stored in SQLite except
 * the AccessKey secret, which lives only in the OS keychain (D2): requests may carry it (write-only),
 * responses only say `hasSecret`.
 */

export const ProfileIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'invalid profile id')
/** A DingTalk signing secret is referenced by a short name, e.g. the robot's name or an event-rule id. */
export const SecretRefSchema = z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'use 1-64 letters, digits, "_", "." or "-"')
/** A secret travelling inward only. Never trimmed: it is used exactly as typed. */
export const SecretValueSchema = z.string().min(1).max(1024)

const ProxySchema = z
  .string()
  .trim()
  .max(2048)
  .refine((v) => {
    try {
      const u = new URL(v)
      return ['http:', 'https:', 'socks5:', 'socks5h:'].includes(u.protocol) && u.hostname !== ''
    } catch {
      return false
    }
  }, 'proxy must be a URL such as http://proxy.example:3128')
  .refine((v) => {
    try {
      const u = new URL(v)
      return u.username === '' && u.password === ''
    } catch {
      return true
    }
  }, 'a proxy URL must not contain a user name or password (secrets live only in the keychain)')

const Host = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9.-]+(:\d{1,5})?$/, 'endpoint is host[:port], without a scheme')
  .max(255)

/** How a profile gets its credentials (see core/cloud/credentials.ts). */
const PROFILE_KINDS = ['access-key', 'sts-token', 'ram-role-arn', 'ecs-ram-role', 'oidc-role', 'env'] as const
export const ProfileKindSchema = z.enum(PROFILE_KINDS)
export type ProfileKind = z.infer<typeof ProfileKindSchema>

/** Per-service endpoints (AIWorkSpace, EventBridge, STS, SLS); null: `endpoint`, else the public one. */
export const ProfileEndpointsSchema = z.object({
  pai: Host.nullable(),
  eventBridge: Host.nullable(),
  sts: Host.nullable(),
  sls: Host.nullable(),
})
export type ProfileEndpoints = z.infer<typeof ProfileEndpointsSchema>
export const NO_ENDPOINTS: ProfileEndpoints = { pai: null, eventBridge: null, sts: null, sls: null }

const opt = <T extends z.ZodType>(t: T) => t.nullable()

/** The stored, non-secret fields of a profile. Which of them a kind needs: `kindFieldProblems`. */
export const ProfileFieldsSchema = z.object({
  name: z.string().trim().min(1).max(64),
  region: z
    .string()
    .trim()
    .regex(/^[a-z]{2,}(-[a-z0-9]+)+$/, 'region id such as cn-hangzhou'),
  kind: ProfileKindSchema,
  /** One endpoint (host[:port]) for every cloud service, e.g. the local emulator. Never used for DingTalk. */
  endpoint: Host.nullable(),
  endpoints: ProfileEndpointsSchema,
  protocol: z.enum(['http', 'https']),
  /** access-key, sts-token; ram-role-arn without a source profile. */
  accessKeyId: opt(
    z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9._-]{1,128}$/, 'AccessKey ID: letters, digits, ".", "_" or "-"'),
  ),
  /** ram-role-arn: the profile whose credentials assume the role (null: an AccessKey of its own). */
  baseProfileId: opt(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/)),
  roleArn: opt(
    z
      .string()
      .trim()
      .regex(/^acs:ram::\d{1,20}:role\/[A-Za-z0-9._@+=,-]{1,64}$/, 'role ARN: acs:ram::<account ID>:role/<role name>'),
  ),
  roleSessionName: opt(
    z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9.@_-]{2,64}$/, 'session name: 2-64 letters, digits, ".", "@", "_" or "-"'),
  ),
  durationSeconds: opt(z.number().int().min(900).max(43200)),
  /** The role trust policy's sts:ExternalId (an identifier, not a secret). */
  externalId: opt(z.string().trim().min(2).max(96)),
  /** An inline policy that narrows the session's permissions (JSON). */
  policy: opt(
    z
      .string()
      .max(2048)
      .refine((v) => {
        try {
          return typeof JSON.parse(v) === 'object'
        } catch {
          return false
        }
      }, 'policy must be a JSON policy document'),
  ),
  oidcProviderArn: opt(
    z
      .string()
      .trim()
      .regex(/^acs:ram::\d{1,20}:oidc-provider\/[A-Za-z0-9._-]{1,128}$/, 'acs:ram::<account ID>:oidc-provider/<name>'),
  ),
  oidcTokenFile: opt(z.string().trim().min(1).max(1024)),
  ecsRoleName: opt(
    z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9.-]{1,64}$/),
  ),
  /** sts-token: when the token expires, as STS said (shown; the cloud refuses it after). */
  stsExpiration: opt(z.iso.datetime({ offset: true })),
  proxy: ProxySchema.nullable(),
  /** Where the profile was imported from (e.g. `aliyun CLI: prod`), for the user's information. */
  importedFrom: opt(z.string().max(200)),
})
export type ProfileFields = z.infer<typeof ProfileFieldsSchema>

/** The fields a kind needs that are missing (names of ProfileFields); [] when complete. */
export function kindFieldProblems(f: Partial<ProfileFields>): string[] {
  const need = (...names: Array<keyof ProfileFields>) => names.filter((n) => f[n] === null || f[n] === undefined)
  switch (f.kind) {
    case 'access-key':
    case 'sts-token':
      return need('accessKeyId')
    case 'ram-role-arn':
      return [...need('roleArn'), ...(f.baseProfileId ? [] : need('accessKeyId'))]
    case 'oidc-role':
      return need('roleArn', 'oidcProviderArn', 'oidcTokenFile')
    default:
      return []
  }
}

/** Which keychain secrets a kind needs: an AccessKey secret, and for sts-token also the security token. */
export function secretsOfKind(
  f: Pick<ProfileFields, 'kind' | 'baseProfileId'>,
): Array<'accessKeySecret' | 'securityToken'> {
  if (f.kind === 'access-key') return ['accessKeySecret']
  if (f.kind === 'sts-token') return ['accessKeySecret', 'securityToken']
  if (f.kind === 'ram-role-arn' && !f.baseProfileId) return ['accessKeySecret']
  return []
}

/** Who the credentials are, from the last GetCallerIdentity (never a secret). */
export const CallerInfoSchema = z.object({
  accountId: z.string(),
  arn: z.string().optional(),
  identityType: z.string(),
  principalId: z.string().optional(),
  checkedAt: z.string(),
  /** When the temporary credentials used for that call expire (STS token, assumed role, ECS, OIDC). */
  expiresAt: z.string().optional(),
})
export type CallerInfo = z.infer<typeof CallerInfoSchema>

/** What the renderer sees: never a secret. */
export const ProfileViewSchema = ProfileFieldsSchema.extend({
  id: ProfileIdSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Every keychain secret the kind needs is stored (true for kinds that need none). */
  hasSecret: z.boolean(),
  /** Whether the kind keeps secrets in the keychain at all. */
  needsSecret: z.boolean(),
  /** sts-token: whether the security token is stored. */
  hasSecurityToken: z.boolean(),
  active: z.boolean(),
  /** Local drafts that belong to this profile (removing the profile deletes them). */
  draftCount: z.number().int().nonnegative(),
  caller: CallerInfoSchema.nullable(),
})
export type ProfileView = z.infer<typeof ProfileViewSchema>

const addDefaults = {
  kind: ProfileKindSchema.default('access-key'),
  endpoint: ProfileFieldsSchema.shape.endpoint.default(null),
  endpoints: ProfileEndpointsSchema.default(NO_ENDPOINTS),
  protocol: ProfileFieldsSchema.shape.protocol.default('https'),
  accessKeyId: ProfileFieldsSchema.shape.accessKeyId.default(null),
  baseProfileId: ProfileFieldsSchema.shape.baseProfileId.default(null),
  roleArn: ProfileFieldsSchema.shape.roleArn.default(null),
  roleSessionName: ProfileFieldsSchema.shape.roleSessionName.default(null),
  durationSeconds: ProfileFieldsSchema.shape.durationSeconds.default(null),
  externalId: ProfileFieldsSchema.shape.externalId.default(null),
  policy: ProfileFieldsSchema.shape.policy.default(null),
  oidcProviderArn: ProfileFieldsSchema.shape.oidcProviderArn.default(null),
  oidcTokenFile: ProfileFieldsSchema.shape.oidcTokenFile.default(null),
  ecsRoleName: ProfileFieldsSchema.shape.ecsRoleName.default(null),
  stsExpiration: ProfileFieldsSchema.shape.stsExpiration.default(null),
  proxy: ProfileFieldsSchema.shape.proxy.default(null),
  importedFrom: ProfileFieldsSchema.shape.importedFrom.default(null),
}

/** Secrets travel inward only (write-only): the AccessKey secret, and an STS token's security token. */
const secrets = {
  accessKeySecret: SecretValueSchema.optional(),
  securityToken: z.string().min(1).max(8192).optional(),
}

export const ProfileAddSchema = ProfileFieldsSchema.extend({ ...addDefaults, ...secrets })
  .strict()
  .superRefine((v, ctx) => {
    const missing = kindFieldProblems(v)
    if (missing.length)
      ctx.addIssue({ code: 'custom', path: [missing[0]!], message: `${v.kind} needs ${missing.join(', ')}` })
  })
export type ProfileAdd = z.infer<typeof ProfileAddSchema>

export const ProfileUpdateSchema = ProfileFieldsSchema.partial()
  .extend({ id: ProfileIdSchema, ...secrets })
  .strict()
export type ProfileUpdate = z.infer<typeof ProfileUpdateSchema>

/** What happened when the local database was found damaged at open (null when it opened cleanly). */
export const StoreRecoverySchema = z.object({
  at: z.string(),
  /** `wal-damaged`: after an unclean shutdown, committed changes in the write-ahead log could not be read. */
  reason: z.enum(['not-a-database', 'corrupt', 'empty', 'wal-damaged']),
  detail: z.string(),
  /** Where the damaged database file (and its -wal/-shm companions) now are: kept, never deleted. */
  damagedFiles: z.array(z.string()),
  /** The backup the database was restored from, or null when none was usable (a new empty database). */
  restoredFrom: z.string().nullable(),
  restoredBackupAt: z.string().nullable(),
  /** Outbox ops that were open in the restored or damaged database: held back, never sent on their own. */
  heldOps: z.number().optional(),
})
export type StoreRecovery = z.infer<typeof StoreRecoverySchema>

const byId = z.object({ id: ProfileIdSchema }).strict()

export const profilesChannels = {
  'profiles.list': channel(
    z.object({}).strict(),
    z.object({
      profiles: z.array(ProfileViewSchema),
      activeProfileId: z.string().nullable(),
      /** Set when the keychain could not be read: `hasSecret` is then false for every profile. */
      keychainError: ErrorPayloadSchema.nullable(),
    }),
  ),
  'profiles.add': channel(ProfileAddSchema, ProfileViewSchema),
  'profiles.update': channel(ProfileUpdateSchema, ProfileViewSchema),
  'profiles.remove': channel(
    byId,
    z.object({ removed: z.literal(true), deletedDrafts: z.number().int(), deletedSecrets: z.number().int() }),
  ),
  'profiles.setActive': channel(
    z.object({ id: ProfileIdSchema.nullable() }).strict(),
    z.object({ activeProfileId: z.string().nullable() }),
  ),
  'profiles.setSecret': channel(
    z
      .object({ id: ProfileIdSchema, accessKeySecret: SecretValueSchema, securityToken: secrets.securityToken })
      .strict(),
    z.object({ id: z.string(), hasSecret: z.boolean() }),
  ),
  'profiles.deleteSecret': channel(byId, z.object({ id: z.string(), hasSecret: z.boolean() })),
  'secrets.setDingtalk': channel(
    z.object({ profileId: ProfileIdSchema, ref: SecretRefSchema, secret: SecretValueSchema }).strict(),
    z.object({ ref: z.string(), hasSecret: z.boolean() }),
  ),
  'secrets.deleteDingtalk': channel(
    z.object({ profileId: ProfileIdSchema, ref: SecretRefSchema }).strict(),
    z.object({ ref: z.string(), deleted: z.boolean() }),
  ),
  'secrets.listDingtalk': channel(
    z.object({ profileId: ProfileIdSchema }).strict(),
    z.object({ refs: z.array(z.string()) }),
  ),
  /** The store's recovery report from this start (the UI shows it once, with where the damaged file is). */
  'store.recovery': channel(
    z.object({}).strict(),
    z.object({ recovery: StoreRecoverySchema.extend({ code: z.string(), message: z.string() }).nullable() }),
  ),
} as const
