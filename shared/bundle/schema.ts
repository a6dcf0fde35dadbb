import { z } from 'zod'
import { WorkspaceConfigSchema } from '../domain/model'

/**
 * A config bundle: one or more workspaces' whole configuration in one YAML or JSON file (D4).
 * The workspace body is the domain's `WorkspaceConfig`; secrets are never in it (only keychain
 * references, `secretRef`), and may travel only encrypted, in `secrets`.
 */

/** The current format. */
export const BUNDLE_API_VERSION = 'pai-admin.aliyun.com/v1'
/** The one older format this app still reads (migrated on import, see migrate.ts). */
export const BUNDLE_API_VERSION_V1ALPHA1 = 'pai-admin.aliyun.com/v1alpha1'
export const BUNDLE_KIND = 'WorkspaceBundle'

/** Hard limits: a file beyond them is refused before it is parsed. */
export const BUNDLE_LIMITS = {
  /** Bytes of the whole file (a bundle of 20 workspaces with 5,000 members is about 0.5 MB). */
  maxBytes: 16 * 1024 * 1024,
  /** Nesting of objects and lists (a bundle needs about 9). */
  maxDepth: 64,
  /** YAML aliases resolved while reading (anchors bombs). */
  maxAliasCount: 100,
  /** Workspaces in one bundle. */
  maxWorkspaces: 500,
  /** Problems reported for one file (then a note says how many there were). */
  maxProblems: 1000,
} as const

/** The encrypted secrets header's format name and version: a newer version is refused, never guessed. */
export const SECRETS_FORMAT = 'pai-admin-secrets'
export const SECRETS_VERSION = 1

/** scrypt parameters accepted when decrypting (a hostile file cannot ask for gigabytes of memory). */
export const SCRYPT_BOUNDS = { maxLogN: 18, maxR: 16, maxP: 4 } as const

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64')

/**
 * DingTalk signing secrets [加签], encrypted with a passphrase: scrypt derives a 256-bit key, AES-256-GCM
 * encrypts the JSON map `{ secretRef: secret }`; the header (everything but `data` and `tag`) is the
 * authenticated additional data, so a changed parameter fails decryption.
 */
export const EncryptedSecretsSchema = z.strictObject({
  format: z.literal(SECRETS_FORMAT),
  /** Version of this header; 1 is the only one. */
  version: z.number().int(),
  kdf: z.strictObject({
    name: z.literal('scrypt'),
    /** log2 of the scrypt cost N (15 = 32,768). */
    logN: z.number().int(),
    r: z.number().int(),
    p: z.number().int(),
    /** 16 random bytes, base64. */
    salt: base64,
  }),
  cipher: z.literal('aes-256-gcm'),
  /** 12 random bytes, base64. */
  iv: base64,
  /** The 16-byte GCM authentication tag, base64. */
  tag: base64,
  /** The ciphertext, base64. */
  data: base64,
})
export type EncryptedSecrets = z.infer<typeof EncryptedSecretsSchema>

/** A workspace in a bundle: which one (name, and optionally the profile and region it belongs to) and its configuration. */
export const BundleWorkspaceSchema = z.strictObject({
  /** The profile [账号配置] name this workspace belongs to; the command's `--profile` or the active profile when absent. */
  profile: z
    .string()
    .min(1)
    .max(64)
    .optional()
    .describe("Profile name; the command's --profile or the active profile when absent."),
  /** Region ID, e.g. `cn-hangzhou`; checked against the profile's region when both are known. */
  region: z
    .string()
    .min(1)
    .max(64)
    .optional()
    .describe("Region ID, e.g. cn-hangzhou; must match the profile's region."),
  /** The workspace name (`WorkspaceName`); must equal `config.basic.name`. */
  name: z.string().describe('Workspace name (WorkspaceName); equals config.basic.name.'),
  /** The whole configuration (every area of rules.md). */
  config: WorkspaceConfigSchema.describe('The whole workspace configuration; see docs/bundles.md for every field.'),
})

/** Free-form facts about a bundle, kept as they are (no timestamps are written by the app). */
export const BundleMetadataSchema = z.strictObject({
  /** A note for people reading the file. */
  description: z.string().max(2000).optional(),
})

/** The bundle file. */
export const BundleSchema = z.strictObject({
  apiVersion: z
    .literal(BUNDLE_API_VERSION)
    .describe('The bundle format version. Older known versions are migrated on import; unknown ones are refused.'),
  kind: z.literal(BUNDLE_KIND).describe('Always WorkspaceBundle.'),
  metadata: BundleMetadataSchema.optional().describe(
    'Notes for people reading the file; the app writes no timestamps.',
  ),
  /** One or more workspaces; names are unique per profile. */
  workspaces: z
    .array(BundleWorkspaceSchema)
    .min(1)
    .max(BUNDLE_LIMITS.maxWorkspaces)
    .describe('One or more workspaces, each with its whole configuration.'),
  /** DingTalk signing secrets, encrypted with a passphrase; only when the export asked for it. */
  secrets: EncryptedSecretsSchema.optional().describe(
    'DingTalk signing secrets encrypted with a passphrase (scrypt + AES-256-GCM); written by `export --encrypt-secrets` only.',
  ),
})
export type Bundle = z.infer<typeof BundleSchema>

/** The envelope alone: the configurations are checked by the domain's `validate`, one by one. */
export const BundleEnvelopeSchema = BundleSchema.extend({
  workspaces: z
    .array(BundleWorkspaceSchema.extend({ config: z.unknown() }))
    .min(1)
    .max(BUNDLE_LIMITS.maxWorkspaces),
})
export type BundleEnvelope = z.infer<typeof BundleEnvelopeSchema>

export const BUNDLE_FORMATS = ['yaml', 'json'] as const
export const BundleFormatSchema = z.enum(BUNDLE_FORMATS)
export type BundleFormat = z.infer<typeof BundleFormatSchema>

/** The format of a file, by its extension; undefined for any other extension. */
export function formatOfFileName(fileName: string): BundleFormat | undefined {
  const lower = fileName.toLowerCase()
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'yaml'
  if (lower.endsWith('.json')) return 'json'
  return undefined
}

/** One problem of a bundle, where it is, which rule it enforces, and how to fix it. */
export const BundleProblemSchema = z.object({
  /** The file name as given. */
  file: z.string(),
  /** 1-based line and column; 0 when the problem concerns the whole file. */
  line: z.number().int().nonnegative(),
  column: z.number().int().nonnegative(),
  /** JSON pointer into the file, e.g. `/workspaces/0/config/members/3/roles`. */
  pointer: z.string(),
  /** The rule of rules.md, e.g. `M5`; `D4` for problems of the file itself. */
  ruleId: z.string(),
  severity: z.enum(['error', 'warning']),
  code: z.string(),
  params: z.record(z.string(), z.unknown()),
  /** The index of the workspace in the file, when the problem is in one. */
  workspace: z.number().int().nonnegative().optional(),
  /** In the caller's language. */
  message: z.string(),
  /** How to fix it, in the caller's language. */
  hint: z.string(),
})
export type BundleProblem = z.infer<typeof BundleProblemSchema>
