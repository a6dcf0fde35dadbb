import { z } from 'zod'
import { channel } from '../channel'
import { ProfileEndpointsSchema, ProfileKindSchema, ProfileViewSchema } from './profiles'

/**
 * Importing the profiles users already have: the aliyun CLI's ~/.aliyun/config.json and the SDKs'
 * ~/.alibabacloud/credentials. The preview shows what would be imported (never a secret: only whether
 * one comes with it); the import re-reads the file, refuses it if it changed, and puts the secrets in
 * the keychain. Neither ever writes to those files.
 */

const ImportSourceSchema = z.enum(['aliyun-cli', 'alibabacloud'])

const Region = z
  .string()
  .trim()
  .regex(/^[a-z]{2,}(-[a-z0-9]+)+$/, 'region id such as cn-hangzhou')

const FileRequest = z.object({
  source: ImportSourceSchema,
  /** Another file than the default (~/.aliyun/config.json, ~/.alibabacloud/credentials). */
  file: z.string().min(1).max(4096).optional(),
  /** For entries without a region (the credentials file has none). */
  defaultRegion: Region.default('cn-hangzhou'),
})

const ImportCandidateSchema = z.object({
  sourceName: z.string(),
  /** The profile name it would get (the file's name, made unique). */
  name: z.string(),
  kind: ProfileKindSchema.nullable(),
  /** The file's mode or type when the app cannot use it (CloudSSO, OAuth, External, ...). */
  unsupported: z.string().nullable(),
  region: z.string(),
  endpoints: ProfileEndpointsSchema,
  accessKeyId: z.string().nullable(),
  roleArn: z.string().nullable(),
  /** OIDC: the provider's ARN and the token file's path (the token itself is read only when used). */
  oidcProviderArn: z.string().nullable(),
  oidcTokenFile: z.string().nullable(),
  /** EcsRamRole: the instance's role name. */
  ecsRoleName: z.string().nullable(),
  /** ChainableRamRoleArn: the file's profile whose credentials assume the role (imported with it). */
  baseSourceName: z.string().nullable(),
  /** Which secrets come with it into the keychain (never their values). */
  secrets: z.object({ accessKeySecret: z.boolean(), securityToken: z.boolean() }),
  /** What is missing or wrong; an entry with problems is not importable. */
  problems: z.array(z.string()),
  importable: z.boolean(),
  /** The CLI's current profile. */
  current: z.boolean(),
})
export type ImportCandidate = z.infer<typeof ImportCandidateSchema>

export const profileImportChannels = {
  'profiles.importPreview': channel(
    FileRequest.strict(),
    z.object({ file: z.string(), fingerprint: z.string(), candidates: z.array(ImportCandidateSchema) }),
  ),
  'profiles.import': channel(
    FileRequest.extend({
      /** The preview's fingerprint: a file changed since is refused (IMPORT_CHANGED). */
      fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
      select: z
        .array(
          z
            .object({
              sourceName: z.string().min(1).max(200),
              name: z.string().trim().min(1).max(64).optional(),
              region: Region.optional(),
            })
            .strict(),
        )
        .max(200),
    }).strict(),
    z.object({ created: z.array(ProfileViewSchema) }),
  ),
} as const
