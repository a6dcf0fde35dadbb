import { z } from 'zod'
import { WorkspaceConfigSchema } from './model'

/** Who is acting: the main account [主账号] (A2) or a RAM user [RAM用户] (A3). */
export const IdentitySchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('main'),
    /** Alibaba Cloud UID. */
    userId: z.string(),
    userName: z.string().optional(),
  }),
  z.object({
    kind: z.literal('ram'),
    /** The RAM user's UID. */
    userId: z.string(),
    userName: z.string().optional(),
    /** Whether the RAM user holds the policy `AliyunPAIFullAccess` (A3). */
    hasPaiFullAccess: z.boolean(),
  }),
])
export type Identity = z.infer<typeof IdentitySchema>

/** A workspace name seen in the cache, from PAI or from DataWorks (they share one namespace, W4). */
export const KnownWorkspaceSchema = z.object({
  name: z.string(),
  source: z.enum(['pai', 'dataworks']),
  workspaceId: z.string().optional(),
})
export type KnownWorkspace = z.infer<typeof KnownWorkspaceSchema>

/** What offline validation needs besides the configuration itself. */
export const ValidationContextSchema = z.object({
  /** Region ID of the workspace, e.g. `cn-hangzhou` (E5). */
  region: z.string(),
  /** The acting identity (A1-A3). */
  identity: IdentitySchema,
  /** The identity's roles in this workspace, from the cache; empty for a workspace being created. */
  identityRoles: z.array(z.string()).default([]),
  /** Every workspace name known in the cache, PAI and DataWorks (W4). */
  knownWorkspaces: z.array(KnownWorkspaceSchema).default([]),
  /** The last known cloud state; absent when the workspace is being created (immutability, C2, M6). */
  previous: WorkspaceConfigSchema.optional(),
  /** Whether EventBridge is activated and PAI authorized [一键授权] (E1); unknown when absent. */
  eventBridgeAuthorized: z.boolean().optional(),
  /** Accept DingTalk webhooks on 127.0.0.1 / localhost (the local emulator; tests only). */
  allowLoopbackWebhooks: z.boolean().default(false),
})
export type ValidationContext = z.infer<typeof ValidationContextSchema>
export type ValidationContextInput = z.input<typeof ValidationContextSchema>

/** One problem found by validation. */
export const ProblemSchema = z.object({
  /** The rule of rules.md this problem enforces, e.g. `M5`. */
  ruleId: z.string(),
  /** JSON pointer (RFC 6901) to the field, e.g. `/members/3/roles`; `` for the whole configuration. */
  pointer: z.string(),
  /** An error blocks saving to the cloud; a warning is advice. */
  severity: z.enum(['error', 'warning']),
  /** Stable code with a zh-CN and an English message in `shared/messages/domain.ts`. */
  code: z.string(),
  /** Message parameters. */
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.array(z.string())])),
})
export type Problem = z.infer<typeof ProblemSchema>
export type ProblemParams = Problem['params']

/** What validate() returns. */
export const ValidationResultSchema = z.object({
  /** True when no problem is an error. */
  ok: z.boolean(),
  /** Every problem, errors and warnings: context and permission first, then shape, then rules by area. */
  problems: z.array(ProblemSchema),
  /** How many individual checks ran (for the benchmark). */
  checks: z.number(),
})
export type ValidationResult = z.infer<typeof ValidationResultSchema>
