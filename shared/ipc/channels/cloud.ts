import { z } from 'zod'
import { channel } from '../channel'
import { IdentitySchema, ProblemSchema } from '../../domain'
import { CallerInfoSchema } from './profiles'

const ProfileRef = z.object({ profileId: z.string().min(1).max(100) })

/** Calls that ask the cloud something right now (online only): identity, DingTalk test, SLS pickers. */
export const cloudChannels = {
  /** Tests a profile: STS GetCallerIdentity; main account (A2) or RAM user (A3, with the policy warning). */
  'profiles.test': channel(
    z.object({ id: z.string().min(1).max(100) }).strict(),
    z.object({
      identity: IdentitySchema,
      accountId: z.string(),
      identityType: z.string(),
      /** Who the credentials are (ARN) and when the temporary ones expire; also kept on the profile. */
      caller: CallerInfoSchema,
      /** Advice to show, e.g. the A3 warning for RAM users. */
      warnings: z.array(z.object({ code: z.string(), ruleId: z.string().optional(), message: z.string() })),
    }),
  ),
  /** E7: sends a signed test message to a DingTalk robot and reports its answer. */
  'dingtalk.test': channel(
    z
      .object({
        profileId: z.string().min(1).max(100).nullable().optional(),
        webhook: z.string().min(1).max(2000),
        /** A keychain reference of the profile's DingTalk secrets, or a secret typed just now (never stored by this call). */
        secretRef: z.string().max(64).optional(),
        secret: z.string().max(200).optional(),
      })
      .strict(),
    z.object({
      ok: z.boolean(),
      code: z.string(),
      message: z.string(),
      errcode: z.number().optional(),
      errmsg: z.string().optional(),
    }),
  ),
  /**
   * W4 while the user types a new workspace's name (debounced by the renderer): online, `ListWorkspaces
   * Option=CheckWorkspaceExists`; offline (or when the cloud cannot be asked), the cached PAI and DataWorks names.
   */
  'workspaces.checkName': channel(
    ProfileRef.extend({ name: z.string().max(100) }).strict(),
    z.object({
      name: z.string(),
      source: z.enum(['cloud', 'cache']),
      taken: z.boolean(),
      problem: ProblemSchema.optional(),
      cloudError: z.string().optional(),
    }),
  ),
  /** L1: the SLS projects of the profile's region, for the picker. */
  'sls.projects': channel(
    ProfileRef.strict(),
    z.object({ projects: z.array(z.object({ name: z.string(), description: z.string().optional() })) }),
  ),
  /** L1: the logstores of one SLS project. */
  'sls.logstores': channel(
    ProfileRef.extend({ project: z.string().min(1).max(100) }).strict(),
    z.object({ logstores: z.array(z.string()) }),
  ),
} as const
