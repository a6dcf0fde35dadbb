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
  /**
   * Whether CreateMember / AddMemberRole give a member a custom role (`role-…` ID). Unknown for the real cloud
   * (docs/emulator.md): `grant` (default) gives it; `ignore` answers success and gives nothing, as PAI update
   * calls are known to do with what they do not take.
   */
  customRoleGrants: z.enum(['grant', 'ignore']).default('grant'),
})
export type EmulatorOptionsInput = z.input<typeof EmulatorOptionsSchema>
export type EmulatorOptions = z.infer<typeof EmulatorOptionsSchema>

export type Account = z.infer<typeof AccountSchema> & { uid: string; name: string; parentUid: string }

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
