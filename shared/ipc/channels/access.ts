import { z } from 'zod'
import { channel } from '../channel'
import { ProblemSchema } from '../../domain'
import { PlanActionSchema } from './sync'

/**
 * Access across the fleet (issue 16): who holds which roles in which workspace, from the cache of every
 * profile, and bulk changes (grant, revoke, offboard, copy, replace) as drafts planned by the sync engine.
 */

const Id = z.string().min(1).max(200)
const UserId = z.string().min(1).max(64)

/** The overview's filters; every term narrows the memberships that count. */
const AccessQuerySchema = z
  .object({
    /** Part of a user's name or UserId. */
    user: z.string().max(200).optional(),
    /** Built-in role IDs (`PAI.*`) or custom role names; a membership holding any of them counts. */
    roles: z.array(z.string().min(1).max(200)).max(50).optional(),
    /** Part of a workspace's name or display name. */
    workspace: z.string().max(200).optional(),
    profileIds: z.array(Id).max(200).optional(),
    adminsOnly: z.boolean().optional(),
    /** Users in at least this many (matching) workspaces. */
    minWorkspaces: z.number().int().min(1).max(100_000).optional(),
    /** RAM users that RAM said hold no AliyunPAIFullAccess (A3). */
    withoutPaiFullAccess: z.boolean().optional(),
    /** Only workspaces not refreshed for this many days (or never). */
    notRefreshedDays: z.number().min(0).max(36_500).optional(),
    sort: z.enum(['name', 'workspaces']).default('name'),
    offset: z.number().int().nonnegative().default(0),
    limit: z.number().int().min(1).max(1000).default(100),
    /** false: the answer leaves the columns (`workspaces`) out, for a later page of a view whose first page had them. */
    columns: z.boolean().optional(),
    /** At most this many columns, the first ones (`totalWorkspaces` counts them all): a first page paints sooner. */
    columnLimit: z.number().int().min(1).max(100_000).optional(),
  })
  .strict()
export type AccessQuery = z.input<typeof AccessQuerySchema>

const AccessUserSchema = z.object({
  userId: z.string(),
  name: z.string(),
  displayName: z.string().nullable(),
  accountName: z.string().nullable(),
  accountType: z.string().nullable(),
  /** Workspaces (memberships that count under the filter). */
  workspaces: z.number().int(),
})
export type AccessUser = z.infer<typeof AccessUserSchema>

const AccessWorkspaceSchema = z.object({
  /** The draft key (`<profileId>:<WorkspaceId>`), as the workspace screens take it. */
  key: z.string(),
  profileId: z.string(),
  profileName: z.string(),
  region: z.string(),
  workspaceId: z.string(),
  name: z.string(),
  displayName: z.string().nullable(),
  ownerUserId: z.string().nullable(),
  /** When its configuration was last read (null: never). */
  fetchedAt: z.string().nullable(),
})
export type AccessWorkspace = z.infer<typeof AccessWorkspaceSchema>

/** A role as a cell shows it: built-in roles by ID, custom roles by name. */
const AccessRoleSchema = z.object({ id: z.string(), name: z.string(), custom: z.boolean() })
export type AccessRole = z.infer<typeof AccessRoleSchema>

const AccessCellSchema = z.object({
  userId: z.string(),
  /** The workspace's key (as in AccessWorkspace). */
  key: z.string(),
  roles: z.array(AccessRoleSchema),
  owner: z.boolean(),
})

const AccessOverviewSchema = z.object({
  totalUsers: z.number().int(),
  totalMemberships: z.number().int(),
  users: z.array(AccessUserSchema),
  /** The columns: every workspace a listed (matching) membership is in, or every allowed one (none if `columns: false`). */
  workspaces: z.array(AccessWorkspaceSchema),
  /** How many columns there are, also when `columns` or `columnLimit` left some out. */
  totalWorkspaces: z.number().int(),
  cells: z.array(AccessCellSchema),
  /** Every custom role name in the cache (the role filter's choices). */
  customRoleNames: z.array(z.string()),
})
export type AccessOverview = z.infer<typeof AccessOverviewSchema>

const AccessMembershipSchema = z.object({
  workspace: AccessWorkspaceSchema,
  memberId: z.string(),
  roles: z.array(AccessRoleSchema),
  owner: z.boolean(),
})
export type AccessMembership = z.infer<typeof AccessMembershipSchema>

const WorkspaceRef = z.object({ profileId: Id, workspaceId: z.string().min(1).max(64) }).strict()

/** A bulk change. Roles are built-in role IDs or custom role names (resolved per workspace). */
export const AccessChangeRequestSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('grant'),
      userIds: z.array(UserId).min(1).max(1000),
      roles: z.array(z.string().min(1).max(200)).min(1).max(20),
      workspaces: z.array(WorkspaceRef).min(1).max(10_000),
    })
    .strict(),
  z
    .object({
      kind: z.literal('revoke'),
      userIds: z.array(UserId).min(1).max(1000),
      roles: z.array(z.string().min(1).max(200)).min(1).max(20),
      workspaces: z.array(WorkspaceRef).max(10_000).optional(),
    })
    .strict(),
  z.object({ kind: z.literal('offboard'), userId: UserId }).strict(),
  z
    .object({
      kind: z.literal('copy'),
      from: WorkspaceRef,
      to: z.array(WorkspaceRef).min(1).max(10_000),
    })
    .strict(),
  z
    .object({
      kind: z.literal('replace'),
      role: z.string().min(1).max(200),
      with: z.string().min(1).max(200),
      workspaces: z.array(WorkspaceRef).max(10_000).optional(),
    })
    .strict(),
])
export type AccessChangeRequest = z.infer<typeof AccessChangeRequestSchema>

/** A step of a bulk change the rules refuse, with what to do instead. */
const AccessRefusalSchema = z.object({
  userId: z.string(),
  /** What was asked, e.g. `delete`, `removeRole:PAI.AlgoDeveloper`, `addRole:ops-team`. */
  verb: z.string(),
  ruleId: z.string().optional(),
  code: z.string(),
  message: z.string(),
  instead: z.string(),
})

/** One workspace's share of a bulk change: its draft's plan (from the sync planner) and what was refused. */
const AccessPartSchema = z.object({
  key: z.string(),
  profileId: z.string(),
  workspaceId: z.string(),
  workspaceName: z.string(),
  /** Whether the change wrote a draft here (false: everything asked here was refused). */
  drafted: z.boolean(),
  /** The draft's plan fingerprint ('' without a draft). */
  fingerprint: z.string(),
  counts: z.object({ apply: z.number(), manual: z.number(), refused: z.number(), conflict: z.number() }),
  /** The plan's actions (the whole draft's: other edits waiting on it are shown too). */
  actions: z.array(PlanActionSchema),
  refused: z.array(AccessRefusalSchema),
  /** The draft's validation errors (a part with any is not applied until they are fixed). */
  problems: z.array(ProblemSchema),
  /** How old the cached copy the change was planned on is. */
  fetchedAt: z.string().nullable(),
  cacheAgeMs: z.number().nullable(),
})
export type AccessPart = z.infer<typeof AccessPartSchema>

const AccessChangePlanSchema = z.object({
  changeId: z.string(),
  kind: z.string(),
  parts: z.array(AccessPartSchema),
  counts: z.object({ apply: z.number(), manual: z.number(), refused: z.number(), conflict: z.number() }),
  /** The oldest cache among the parts (ms), so the plan says how stale it is. */
  oldestCacheAgeMs: z.number().nullable(),
  /** Hash of every part's fingerprint: `access.apply` refuses a stale one (SYNC_PLAN_STALE). */
  fingerprint: z.string(),
  status: z.enum(['drafted', 'queued', 'discarded']),
})
export type AccessChangePlan = z.infer<typeof AccessChangePlanSchema>

const AccessProgressSchema = z.object({
  changeId: z.string(),
  runs: z.array(z.object({ key: z.string(), runId: z.string() })),
  done: z.number(),
  total: z.number(),
  failed: z.number(),
  finished: z.boolean(),
})
export type AccessProgress = z.infer<typeof AccessProgressSchema>

const AccessExportSchema = z.object({
  fileName: z.string(),
  mime: z.string(),
  /** The file's bytes. */
  base64: z.string(),
  rows: z.number().int(),
})
export type AccessExport = z.infer<typeof AccessExportSchema>

const AccessPendingChangeSchema = z.object({
  changeId: z.string(),
  kind: z.string(),
  createdAt: z.string(),
  workspaces: z.array(z.string()),
})
export type AccessPendingChange = z.infer<typeof AccessPendingChangeSchema>

/** What discarding a bulk change did: drafts deleted (nothing else left), drafts reverted (other edits kept), parts already queued. */
const AccessDiscardResultSchema = z.object({
  removed: z.number().int(),
  reverted: z.number().int(),
  queued: z.number().int(),
})
export type AccessDiscardResult = z.infer<typeof AccessDiscardResultSchema>

export const accessChannels = {
  /** A page of users by workspaces, with counts, from the cache of every profile. */
  'access.overview': channel(AccessQuerySchema, AccessOverviewSchema),
  /** The filtered overview (every page) as a CSV or XLSX file, one row per membership. */
  'access.export': channel(
    z.object({ query: AccessQuerySchema, format: z.enum(['csv', 'xlsx']) }).strict(),
    AccessExportSchema,
  ),
  /** A user's page: every workspace the user belongs to, with roles, owner mark and last refresh. */
  'access.user': channel(
    z.object({ userId: UserId }).strict(),
    z.object({ user: AccessUserSchema, memberships: z.array(AccessMembershipSchema) }),
  ),
  /** Writes a bulk change as drafts on the affected workspaces and returns the combined plan. */
  'access.change': channel(AccessChangeRequestSchema, AccessChangePlanSchema),
  /** Bulk changes whose drafts wait on 待同步变更 (not applied yet). */
  'access.pending': channel(z.object({}).strict(), z.object({ changes: z.array(AccessPendingChangeSchema) })),
  /** The combined plan of a bulk change, planned again. */
  'access.plan': channel(z.object({ changeId: Id }).strict(), AccessChangePlanSchema),
  /** One Apply across every workspace of the change (each part's fingerprint must still hold). */
  'access.apply': channel(
    z.object({ changeId: Id, fingerprint: z.string().min(1).max(200) }).strict(),
    AccessProgressSchema,
  ),
  /** Discards a bulk change not applied yet: its edits leave the drafts (other edits stay). */
  'access.discard': channel(z.object({ changeId: Id }).strict(), AccessDiscardResultSchema),
  /** Progress across every run of an applied change. */
  'access.progress': channel(z.object({ changeId: Id }).strict(), AccessProgressSchema),
} as const
