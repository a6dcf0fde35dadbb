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

/** The stored, non-secret fields of a profile. */
export const ProfileFieldsSchema = z.object({
  name: z.string().trim().min(1).max(64),
  region: z
    .string()
    .trim()
    .regex(/^[a-z]{2,}(-[a-z0-9]+)+$/, 'region id such as cn-hangzhou'),
  /** Overrides the API endpoint (host[:port]), e.g. for a VPC endpoint or the local emulator. */
  endpoint: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9.-]+(:\d{1,5})?$/, 'endpoint is host[:port], without a scheme')
    .max(255)
    .nullable(),
  protocol: z.enum(['http', 'https']),
  accessKeyId: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9._-]{1,128}$/, 'AccessKey ID: letters, digits, ".", "_" or "-"'),
  proxy: ProxySchema.nullable(),
})
export type ProfileFields = z.infer<typeof ProfileFieldsSchema>

/** What the renderer sees: never a secret. */
export const ProfileViewSchema = ProfileFieldsSchema.extend({
  id: ProfileIdSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  hasSecret: z.boolean(),
  active: z.boolean(),
  /** Local drafts that belong to this profile (removing the profile deletes them). */
  draftCount: z.number().int().nonnegative(),
})
export type ProfileView = z.infer<typeof ProfileViewSchema>

export const ProfileAddSchema = ProfileFieldsSchema.extend({
  endpoint: ProfileFieldsSchema.shape.endpoint.default(null),
  protocol: ProfileFieldsSchema.shape.protocol.default('https'),
  proxy: ProfileFieldsSchema.shape.proxy.default(null),
  accessKeySecret: SecretValueSchema.optional(),
}).strict()
export type ProfileAdd = z.infer<typeof ProfileAddSchema>

export const ProfileUpdateSchema = ProfileFieldsSchema.partial()
  .extend({ id: ProfileIdSchema, accessKeySecret: SecretValueSchema.optional() })
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
  'profiles.get': channel(byId, ProfileViewSchema),
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
    z.object({ id: ProfileIdSchema, accessKeySecret: SecretValueSchema }).strict(),
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
