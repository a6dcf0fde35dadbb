import fs from 'node:fs'
import { z } from 'zod'

/** One AccessKey pair the emulator accepts: a main account, or a RAM user of a main account. */
export const AccountSchema = z.object({
  accessKeyId: z.string().min(1),
  accessKeySecret: z.string().min(1),
  type: z.enum(['main', 'ram']).default('main'),
  /** The identity's UID. Default: derived from the key ID. */
  uid: z
    .string()
    .regex(/^\d{4,20}$/)
    .optional(),
  name: z.string().min(1).optional(),
  /** For a RAM user: the UID of its main account. Default: the first main account. */
  parentUid: z.string().optional(),
  /** RAM policies attached to a RAM user (main accounts need none, rule A2). */
  policies: z.array(z.string()).default([]),
  /** A main account: whether EventBridge is activated for it (rule E1). */
  eventBridge: z.boolean().default(true),
  disabled: z.boolean().default(false),
})
export type AccountInput = z.input<typeof AccountSchema>

export const AccountsFileSchema = z.object({ accounts: z.array(AccountSchema).min(1) })

/** A RAM role that AssumeRole / AssumeRoleWithOIDC / an ECS instance can take (see sts.ts). */
export const RoleSchema = z.object({
  roleName: z.string().regex(/^[A-Za-z0-9.-]{1,64}$/),
  /** The main account that owns the role; default: the first main account. */
  accountUid: z.string().optional(),
  roleId: z.string().optional(),
  /** What a session of the role may do (the same names as AccountSchema.policies). */
  policies: z.array(z.string()).default([]),
  maxSessionDuration: z.number().int().min(900).max(43200).default(3600),
  /** The trust policy: who may assume the role. */
  trust: z
    .object({
      /** `acs:ram::<uid>:root` (any RAM identity of that account), `acs:ram::<uid>:user/<name>`, `acs:ram::<uid>:role/<name>`. */
      principals: z.array(z.string()).default([]),
      /** Condition `sts:ExternalId`. */
      externalId: z.string().optional(),
      /** OIDC provider ARNs trusted for AssumeRoleWithOIDC. */
      oidcProviders: z.array(z.string()).default([]),
    })
    .default({ principals: [], oidcProviders: [] }),
})
export type RoleInput = z.input<typeof RoleSchema>

/**
 * An OIDC identity provider registered in RAM. Real STS checks the token's RS256 signature against the
 * issuer's published keys; the emulator checks an HS256 signature with `signingKey` instead (assumption).
 */
export const OidcProviderSchema = z.object({
  arn: z.string().regex(/^acs:ram::\d+:oidc-provider\/.+$/),
  issuerUrl: z.string().min(1),
  clientIds: z.array(z.string()).min(1),
  signingKey: z.string().min(8),
})
export type OidcProviderInput = z.input<typeof OidcProviderSchema>

export const EmulatorOptionsSchema = z.object({
  /** 0 picks a free port. */
  port: z.number().int().min(0).max(65535).default(0),
  accessKeyId: z.string().min(1).optional(),
  accessKeySecret: z.string().min(1).optional(),
  accounts: z.array(AccountSchema).optional(),
  /** DataWorks workspace names that PAI names clash with (rule W4). */
  dataworksNames: z.array(z.string()).default([]),
  latencyMs: z.number().min(0).default(0),
  /** Requests per second above which answers are Throttling.User (0 = unlimited). */
  throttleQps: z.number().min(0).default(0),
  /** Share of cloud requests answered with a 500 or a dropped connection, in [0, 1]. */
  faultRate: z.number().min(0).max(1).default(0),
  /** JSON file the state is loaded from and saved to. */
  stateFile: z.string().optional(),
  seed: z.number().int().default(1),
  region: z.string().default('cn-hangzhou'),
  /** The control path's token; default: random. */
  controlToken: z.string().min(16).optional(),
  /** How long CreateWorkspace stays INITIALIZING and role jobs stay Running (ms). */
  asyncDelayMs: z.number().min(0).default(30),
  /** Allowed skew of x-acs-date / SLS Date (ms). */
  clockSkewMs: z
    .number()
    .min(0)
    .default(15 * 60_000),
  /** Targets per EventBridge rule (rule E6 default quota). */
  ruleTargetQuota: z.number().int().min(1).default(5),
  /** DingTalk robot messages per minute per robot. */
  robotPerMinute: z.number().int().min(1).default(20),
  /** Skip the request log (benchmarks). */
  quiet: z.boolean().default(false),
  /** RAM roles (STS AssumeRole, AssumeRoleWithOIDC). */
  roles: z.array(RoleSchema).default([]),
  oidcProviders: z.array(OidcProviderSchema).default([]),
  /** The role of "this ECS instance", served at /latest/meta-data/ram/security-credentials/ (none: 404). */
  ecsRole: z.string().optional(),
  /**
   * Whether CreateMember / AddMemberRole give a member a custom role (`role-…` ID). Unknown for the real cloud
   * (docs/emulator.md): `grant` (default) gives it; `ignore` answers success and gives nothing, as PAI update
   * calls are known to do with what they do not take.
   */
  customRoleGrants: z.enum(['grant', 'ignore']).default('grant'),
  /**
   * Config keys UpdateConfigs / UpdateConfig accept and answer as success but never store, as a PAI update call
   * is reported to do with a key it does not take (docs/emulator.md): a fault for the read-back of guessed writes.
   */
  ignoreConfigKeys: z.array(z.string()).default([]),
})
export type EmulatorOptionsInput = z.input<typeof EmulatorOptionsSchema>
export type EmulatorOptions = z.infer<typeof EmulatorOptionsSchema>

/** A temporary identity STS issued (AssumeRole, AssumeRoleWithOIDC, an ECS instance role). */
export interface StsSessionInfo {
  securityToken: string
  /** Epoch ms. */
  expiresAt: number
  roleName: string
  roleId: string
  sessionName: string
}

export type Account = z.infer<typeof AccountSchema> & {
  uid: string
  name: string
  parentUid: string
  /** Set for temporary credentials: requests must carry this security token until it expires. */
  session?: StsSessionInfo
}

/** The accounts the options describe, with defaults filled; `--access-key-*` alone is one main account. */
export function resolveAccounts(o: EmulatorOptions): Account[] {
  const list = [...(o.accounts ?? [])]
  if (o.accessKeyId && o.accessKeySecret)
    list.unshift(AccountSchema.parse({ accessKeyId: o.accessKeyId, accessKeySecret: o.accessKeySecret, type: 'main' }))
  if (list.length === 0)
    throw new Error('the emulator needs --access-key-id and --access-key-secret, or --accounts FILE')
  const seen = new Set<string>()
  const out: Account[] = []
  let n = 0
  for (const a of list) {
    if (seen.has(a.accessKeyId)) throw new Error(`duplicate AccessKey ID ${a.accessKeyId}`)
    seen.add(a.accessKeyId)
    n++
    const uid = a.uid ?? (a.type === 'main' ? `1${String(n).padStart(15, '0')}` : `2${String(n).padStart(15, '0')}`)
    out.push({
      ...a,
      uid,
      name: a.name ?? (a.type === 'main' ? `account${n}` : `ramuser${n}`),
      parentUid: a.parentUid ?? '',
    })
  }
  const firstMain = out.find((a) => a.type === 'main')
  for (const a of out) {
    if (a.type === 'main') a.parentUid = a.uid
    else if (!a.parentUid) {
      if (!firstMain) throw new Error(`RAM user ${a.accessKeyId} has no parentUid and there is no main account`)
      a.parentUid = firstMain.uid
    }
  }
  return out
}

export function readAccountsFile(file: string): z.infer<typeof AccountSchema>[] {
  return AccountsFileSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8'))).accounts
}
