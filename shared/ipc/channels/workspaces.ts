import { z } from 'zod'
import { channel } from '../channel'
import { ProblemSchema, ValidationContextSchema, WorkspaceConfigSchema, WorkspaceModeSchema } from '../../domain'

/**
 * A draft's key: the cloud WorkspaceId for an existing workspace (`ws:<profileId>:<WorkspaceId>`),
 * or `new:<uuid>` for a workspace being created.
 */
export const DraftKeySchema = z.string().min(1).max(200)

/** A row of the workspace list [工作空间列表]: cached cloud workspaces and drafts together. */
export const WorkspaceRowSchema = z.object({
  key: DraftKeySchema,
  profileId: z.string().nullable(),
  workspaceId: z.string().optional(),
  name: z.string(),
  displayName: z.string(),
  description: z.string(),
  /** Cloud status (ENABLED, INITIALIZING, ...) or DRAFT for a workspace not yet created. */
  status: z.string(),
  mode: WorkspaceModeSchema,
  ownerName: z.string().optional(),
  /** Whether there are local changes not yet applied. */
  hasDraft: z.boolean(),
  draftUpdatedAt: z.string().optional(),
  /** When the cloud copy was last fetched (refresh). */
  fetchedAt: z.string().optional(),
  /** When the workspace was created in the cloud (GmtCreateTime); absent for drafts and rows not refreshed since. */
  createdAt: z.string().optional(),
  /** Errors and warnings of the draft, counted. */
  errorCount: z.number().int().nonnegative(),
  warningCount: z.number().int().nonnegative(),
})
export type WorkspaceRow = z.infer<typeof WorkspaceRowSchema>

export const WorkspaceListRequestSchema = z
  .object({
    /** Whose workspaces: a profile's, or null for offline-only drafts; absent = the active profile. */
    profileId: z.string().nullable().optional(),
    /** Case-insensitive match on name or display name. */
    query: z.string().max(200).optional(),
    /** Only rows with local changes. */
    draftsOnly: z.boolean().optional(),
    status: z.string().max(40).optional(),
    sortBy: z.enum(['name', 'displayName', 'status', 'updated', 'fetched']).default('name'),
    order: z.enum(['asc', 'desc']).default('asc'),
    offset: z.number().int().nonnegative().default(0),
    limit: z.number().int().min(1).max(10_000).default(50),
  })
  .strict()

/** A draft as the renderer sees it: the configuration, its base, and what validation says. */
export const DraftViewSchema = z.object({
  key: DraftKeySchema,
  profileId: z.string().nullable(),
  workspaceId: z.string().optional(),
  config: WorkspaceConfigSchema,
  /** The cloud state the draft was based on; null for a new workspace. */
  base: WorkspaceConfigSchema.nullable(),
  /** Increases at every save; a save with an older revision is refused (DRAFT_STALE). */
  revision: z.number().int().nonnegative(),
  updatedAt: z.string(),
  problems: z.array(ProblemSchema),
  /**
   * Values of the cloud copy that no API can read: what the user said they did in the console (`console`)
   * or what this app sent (`app`: a DingTalk target's keychain binding), and when. The screens show them as
   * "last set on <date>", not as the cloud's truth.
   */
  records: z.array(z.object({ path: z.string(), source: z.enum(['console', 'app']), setAt: z.string() })).default([]),
  /** Whether the acting identity may modify this workspace (A1-A3), and why not. */
  canModify: z.object({
    allowed: z.boolean(),
    ruleId: z.string().optional(),
    code: z.string().optional(),
    message: z.string().optional(),
  }),
})
export type DraftView = z.infer<typeof DraftViewSchema>

/** Workspace list, drafts (offline editing, saved at every edit), and offline validation context. */
export const workspacesChannels = {
  'workspaces.list': channel(
    WorkspaceListRequestSchema,
    z.object({ total: z.number().int(), rows: z.array(WorkspaceRowSchema) }),
  ),
  /** The context the renderer uses to validate locally with the same rules as the core. */
  'workspaces.context': channel(
    z.object({ key: DraftKeySchema.optional(), profileId: z.string().nullable().optional() }).strict(),
    ValidationContextSchema,
  ),
  /** Opens the draft of a workspace: the existing one, or a new draft from the cached cloud state. */
  'drafts.open': channel(z.object({ key: DraftKeySchema }).strict(), DraftViewSchema),
  /** Starts a draft for a new workspace (the wizard's result). */
  'drafts.create': channel(
    z.object({ profileId: z.string().nullable().optional(), config: z.unknown() }).strict(),
    DraftViewSchema,
  ),
  /** Saves the whole draft (one transaction). A draft that breaks rules is saved too, with its problems. */
  'drafts.save': channel(
    z.object({ key: DraftKeySchema, config: z.unknown(), revision: z.number().int().nonnegative() }).strict(),
    DraftViewSchema,
  ),
  /** Drops local changes (the cloud copy stays in the cache). */
  'drafts.discard': channel(z.object({ key: DraftKeySchema }).strict(), z.object({ discarded: z.boolean() })),
} as const
