import { z } from 'zod'
import { channel } from '../channel'
import { ErrorPayloadSchema } from '../errors'
import { ProfileKindSchema } from './profiles'
import { WorkspaceRowSchema } from './workspaces'

/**
 * Many accounts at once (issue 15 item 5): the workspace list and its search across every profile,
 * each row saying whose it is, and a refresh of every profile. No active-profile switch is needed.
 */

const AllWorkspaceRowSchema = WorkspaceRowSchema.extend({
  profileId: z.string(),
  profileName: z.string(),
  profileKind: ProfileKindSchema,
  region: z.string(),
  /** The Alibaba Cloud account, from the profile's last check (GetCallerIdentity); null before it. */
  accountId: z.string().nullable(),
})
export type AllWorkspaceRow = z.infer<typeof AllWorkspaceRowSchema>

/** One RAM user of the account (RAM ListUsers); `userId` is the UID a member carries. */
const RamUserSchema = z.object({
  userId: z.string(),
  userName: z.string(),
  displayName: z.string().nullable(),
  comments: z.string().nullable(),
  createDate: z.string().nullable(),
})
export type RamUserRow = z.infer<typeof RamUserSchema>

export const accountsChannels = {
  'workspaces.listAll': channel(
    z
      .object({
        query: z.string().max(200).optional(),
        status: z.string().max(40).optional(),
        draftsOnly: z.boolean().optional(),
        sortBy: z.enum(['name', 'displayName', 'status', 'updated', 'fetched']).default('name'),
        order: z.enum(['asc', 'desc']).default('asc'),
        offset: z.number().int().nonnegative().max(100_000).default(0),
        limit: z.number().int().min(1).max(1000).default(50),
      })
      .strict(),
    z.object({
      total: z.number().int(),
      rows: z.array(AllWorkspaceRowSchema),
      /** How many rows each profile has under the filter. */
      profiles: z.array(z.object({ id: z.string(), name: z.string(), total: z.number().int() })),
    }),
  ),
  /** Refreshes every profile (two at a time); one profile failing does not stop the others. */
  'sync.refreshAll': channel(
    z.object({}).strict(),
    z.object({
      results: z.array(
        z.object({
          profileId: z.string(),
          name: z.string(),
          ok: z.boolean(),
          workspaces: z.number().int().optional(),
          /** Workspaces whose details could not be fetched. */
          failedWorkspaces: z.number().int().optional(),
          error: ErrorPayloadSchema.optional(),
        }),
      ),
    }),
  ),
  /**
   * The account's RAM users from the cache (issue 18: the member picker), searched by name, display name or UID;
   * `error` says why the last read of RAM failed (no permission to read RAM, offline), `readAt` null: never read.
   */
  'accounts.ramUsers': channel(
    z
      .object({
        profileId: z.string().min(1),
        search: z.string().max(200).optional(),
        limit: z.number().int().min(1).max(500).default(50),
      })
      .strict(),
    z.object({
      users: z.array(RamUserSchema),
      total: z.number().int(),
      readAt: z.string().nullable(),
      error: ErrorPayloadSchema.nullable(),
    }),
  ),
  /**
   * Reads the profile's RAM users from RAM (ListUsers, every page) and the policies of those who are members
   * (A3: AliyunPAIFullAccess directly or through a group), and of the members that are RAM roles
   * (ListPoliciesForRole), for the access overview's filter. `members`: the users and roles whose policies were read.
   */
  'accounts.refreshRam': channel(
    z.object({ profileId: z.string().min(1) }).strict(),
    z.object({
      users: z.number().int(),
      members: z.number().int(),
      withoutPaiFullAccess: z.number().int(),
    }),
  ),
} as const
