import { z } from 'zod'
import { $OpenApiUtil } from '@alicloud/openapi-core'
import Sts from '@alicloud/sts20150401'
import * as $dara from '@darabonba/typescript'
import type { AcsTransport, Timeouts } from './acs-send'
import { parseJson, runOp, type RetryContext } from './caller'
import type { CredentialSource } from './credentials'
import type { CloudProfile } from './profile'

/** STS 2015-04-01 GetCallerIdentity: who the AccessKey belongs to (rules A2, A3). */
export const CallerIdentitySchema = z
  .object({
    RequestId: z.string().optional(),
    AccountId: z.string(),
    UserId: z.string().optional(),
    PrincipalId: z.string().optional(),
    Arn: z.string().optional(),
    /** `Account` (main account), `RAMUser`, `AssumedRoleUser`. */
    IdentityType: z.string().optional(),
    RoleId: z.string().optional(),
  })
  .transform((v) => ({
    ...v,
    /** main = the Alibaba Cloud account itself (A2); ram-user needs AliyunPAIFullAccess (A3). */
    kind:
      v.IdentityType === 'Account'
        ? ('main' as const)
        : v.IdentityType === 'RAMUser'
          ? ('ram-user' as const)
          : v.IdentityType === 'AssumedRoleUser'
            ? ('ram-role' as const)
            : ('other' as const),
  }))
export type CallerIdentity = z.infer<typeof CallerIdentitySchema>

export interface StsClient {
  readonly endpoint: string
  getCallerIdentity(): Promise<CallerIdentity>
}

/**
 * Direct connections use the generated `@alicloud/sts20150401` client; behind a proxy the same RPC call
 * goes through AcsTransport (openapi-core's transport cannot use a proxy).
 */
export function createStsClient(
  profile: CloudProfile,
  t: AcsTransport,
  ctx: RetryContext,
  timeouts: Timeouts,
  credentials: CredentialSource,
): StsClient {
  const sdk = new Sts(
    new $OpenApiUtil.Config({
      credential: credentials.credential,
      regionId: profile.region,
      endpoint: t.endpoint,
      protocol: profile.protocol,
      readTimeout: timeouts.readTimeoutMs,
      connectTimeout: timeouts.connectTimeoutMs,
    }),
  )
  const op = { service: 'sts', action: 'GetCallerIdentity', endpoint: t.endpoint, idempotent: true }
  return {
    endpoint: t.endpoint,
    getCallerIdentity() {
      return runOp(
        ctx,
        op,
        async () => {
          if (t.proxied)
            return t.send({
              service: 'sts',
              action: 'GetCallerIdentity',
              version: '2015-04-01',
              style: 'RPC',
              method: 'POST',
              pathname: '/',
            })
          const res = await sdk.getCallerIdentityWithOptions(
            new $dara.RuntimeOptions({
              readTimeout: timeouts.readTimeoutMs,
              connectTimeout: timeouts.connectTimeoutMs,
            }),
          )
          return {
            status: res.statusCode ?? 200,
            headers: res.headers ?? {},
            body: JSON.stringify(res.body?.toMap() ?? {}),
          }
        },
        (res) => parseJson(CallerIdentitySchema, res, op),
      )
    },
  }
}
