import { z } from 'zod'
import { channel } from '../channel'
import { BUNDLE_LIMITS, BundleFormatSchema, BundleProblemSchema } from '../../bundle/schema'
import { ConfigChangeSchema } from '../../bundle/diff'
import { DraftKeySchema } from './workspaces'

/**
 * Config bundles (D4): export to and import from file content. The channels carry the file's text, never
 * a path: Electron main reads/writes files through its dialog, the browser harness uploads/downloads.
 * Import is preview first (problems with file/line/column/rule/hint, and the difference from the draft and
 * the cloud cache), then commit, which only creates or updates local drafts: nothing is sent to the cloud.
 */

/** A passphrase travels inward only, to encrypt or decrypt the secrets a bundle carries. */
const PassphraseSchema = z.string().min(1).max(1024)

/**
 * How secrets leave: as keychain references only (the default), or additionally encrypted with a
 * passphrase. There is no mode that writes a secret in clear.
 */
export const ExportSecretsSchema = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('refs') }),
  z.strictObject({ mode: z.literal('encrypted'), passphrase: PassphraseSchema }),
])
export type ExportSecrets = z.infer<typeof ExportSecretsSchema>

const ContentSchema = z.string().max(BUNDLE_LIMITS.maxBytes)
const FileNameSchema = z.string().min(1).max(255)
/** Which profile the bundle's workspaces go to: a profile ID; absent = each workspace's `profile`, else the active profile; null = offline drafts. */
const TargetProfileSchema = z.string().min(1).max(100).nullable().optional()

export const BundleExportRequestSchema = z.strictObject({
  /** Draft keys of the workspaces (see workspaces.list). */
  keys: z.array(DraftKeySchema).min(1).max(BUNDLE_LIMITS.maxWorkspaces),
  format: BundleFormatSchema.default('yaml'),
  /** `draft`: the local draft when there is one, else the cached cloud state; `cloud`: the cached cloud state. */
  source: z.enum(['draft', 'cloud']).default('draft'),
  secrets: ExportSecretsSchema.default({ mode: 'refs' }),
  description: z.string().max(2000).optional(),
})

export const BundleExportResponseSchema = z.object({
  fileName: z.string(),
  content: z.string(),
  workspaces: z.number().int(),
  /** How many DingTalk signing secrets the file carries, encrypted (0 in `refs` mode). */
  encryptedSecrets: z.number().int(),
})

export const BundleImportRequestSchema = z.strictObject({
  fileName: FileNameSchema,
  content: ContentSchema,
  passphrase: PassphraseSchema.optional(),
  profileId: TargetProfileSchema,
})

/** One workspace of a previewed bundle and what importing it would do. */
export const BundlePreviewWorkspaceSchema = z.object({
  index: z.number().int(),
  name: z.string(),
  profileId: z.string().nullable(),
  profileName: z.string().nullable(),
  /** The draft key it becomes (absent when a new local key will be made). */
  key: DraftKeySchema.optional(),
  /** The cloud workspace, when the cache knows one of that name. */
  workspaceId: z.string().optional(),
  action: z.enum(['create-draft', 'update-draft']),
  /** The revision of the existing draft it replaces (commit refuses if it changed: BUNDLE_STALE). */
  draftRevision: z.number().int().optional(),
  changesFromDraft: z.array(ConfigChangeSchema),
  changesFromCloud: z.array(ConfigChangeSchema),
  /** Whether the cloud copy is unknown (new workspace, or not cached). */
  newInCloud: z.boolean(),
})
export type BundlePreviewWorkspace = z.infer<typeof BundlePreviewWorkspaceSchema>

export const BundlePreviewResponseSchema = z.object({
  ok: z.boolean(),
  format: BundleFormatSchema.optional(),
  migratedFrom: z.string().optional(),
  errorCount: z.number().int(),
  warningCount: z.number().int(),
  problems: z.array(BundleProblemSchema),
  workspaces: z.array(BundlePreviewWorkspaceSchema),
  /** Encrypted secrets in the file: how many, and whether the passphrase opened them. */
  secrets: z.object({ present: z.boolean(), count: z.number().int(), decrypted: z.boolean() }),
})
export type BundlePreview = z.infer<typeof BundlePreviewResponseSchema>

export const bundlesChannels = {
  /** Exports workspaces as one bundle file's content (YAML or JSON, deterministic). */
  'bundles.export': channel(BundleExportRequestSchema, BundleExportResponseSchema),
  /** Validates a bundle and shows what importing it would change; changes nothing. */
  'bundles.preview': channel(BundleImportRequestSchema, BundlePreviewResponseSchema),
  /** Imports a valid bundle as local drafts (and its encrypted secrets into the keychain); sends nothing. */
  'bundles.import': channel(
    BundleImportRequestSchema.extend({
      /** Draft revisions seen in the preview, by draft key: a draft changed since then is not overwritten. */
      expectRevisions: z.record(DraftKeySchema, z.number().int().nonnegative()).optional(),
    }),
    z.object({
      drafts: z.array(
        z.object({ key: DraftKeySchema, name: z.string(), revision: z.number().int(), created: z.boolean() }),
      ),
      secretsStored: z.number().int(),
      warningCount: z.number().int(),
    }),
  ),
} as const
