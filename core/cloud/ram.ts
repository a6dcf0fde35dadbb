import { z } from 'zod'
import { $OpenApiUtil } from '@alicloud/openapi-core'
import Ram, {
  ListGroupsForUserRequest,
  ListPoliciesForGroupRequest,
  ListPoliciesForRoleRequest,
  ListPoliciesForUserRequest,
  ListUsersRequest,
} from '@alicloud/ram20150501'
import * as $dara from '@darabonba/typescript'
import type { AcsTransport, Timeouts } from './acs-send'
import { parseJson, runOp, type RetryContext } from './caller'
import type { CredentialSource } from './credentials'
import type { CloudProfile } from './profile'

/**
 * RAM 2015-05-01 (RPC, `ram.aliyuncs.com`): the account's RAM users for the member picker, and the policies
 * attached to a user directly or through its groups, or to a RAM role (A3: AliyunPAIFullAccess). docs/pai-api-facts.md §10.
 */

const VERSION = '2015-05-01'

/** ListUsers' `Users.User[]` (docs/pai-api-facts.md §10.2). */
const RamUserSchema = z.object({
  UserId: z.string(),
  UserName: z.string(),
  DisplayName: z.string().optional(),
  Comments: z.string().optional(),
  CreateDate: z.string().optional(),
  UpdateDate: z.string().optional(),
})
export type RamUser = z.infer<typeof RamUserSchema>

const ListUsersSchema = z.object({
  RequestId: z.string().optional(),
  IsTruncated: z.boolean().optional(),
  Marker: z.string().optional(),
  Users: z.object({ User: z.array(RamUserSchema).default([]) }).default({ User: [] }),
})

/** A policy attached to a user or a group (`Policies.Policy[]`). */
const RamPolicySchema = z.object({
  PolicyName: z.string(),
  /** `System` or `Custom`. */
  PolicyType: z.string().optional(),
  Description: z.string().optional(),
  AttachDate: z.string().optional(),
})
export type RamPolicy = z.infer<typeof RamPolicySchema>

const PoliciesSchema = z.object({
  RequestId: z.string().optional(),
  Policies: z.object({ Policy: z.array(RamPolicySchema).default([]) }).default({ Policy: [] }),
})

const GroupsSchema = z.object({
  RequestId: z.string().optional(),
  Groups: z
    .object({
      Group: z
        .array(z.object({ GroupName: z.string(), GroupId: z.string().optional(), Comments: z.string().optional() }))
        .default([]),
    })
    .default({ Group: [] }),
})

export interface RamUsersPage {
  users: RamUser[]
  /** Set while there are more users: pass it as the next page's marker. */
  marker?: string
}

export interface RamClient {
  readonly endpoint: string
  /** One page of ListUsers (MaxItems 1-1000, default 100; §10.2). */
  listUsers(marker?: string, maxItems?: number): Promise<RamUsersPage>
  /** Every RAM user of the account, page by page until IsTruncated is false. */
  listAllUsers(maxItems?: number): Promise<RamUser[]>
  listPoliciesForUser(userName: string): Promise<RamPolicy[]>
  listGroupsForUser(userName: string): Promise<string[]>
  listPoliciesForGroup(groupName: string): Promise<RamPolicy[]>
  /** The policies attached to a RAM role (ListPoliciesForRole, by RoleName; §10.2). */
  listPoliciesForRole(roleName: string): Promise<RamPolicy[]>
}

type Action = 'ListUsers' | 'ListPoliciesForUser' | 'ListGroupsForUser' | 'ListPoliciesForGroup' | 'ListPoliciesForRole'

/**
 * Direct connections use the generated `@alicloud/ram20150501` client; behind a proxy the same RPC call goes
 * through AcsTransport (openapi-core's transport cannot use a proxy), as sts.ts does.
 */
export function createRamClient(
  profile: CloudProfile,
  t: AcsTransport,
  ctx: RetryContext,
  timeouts: Timeouts,
  credentials: CredentialSource,
): RamClient {
  const sdk = new Ram(
    new $OpenApiUtil.Config({
      credential: credentials.credential,
      regionId: profile.region,
      endpoint: t.endpoint,
      protocol: profile.protocol,
      readTimeout: timeouts.readTimeoutMs,
      connectTimeout: timeouts.connectTimeoutMs,
    }),
  )
  const runtime = (): $dara.RuntimeOptions =>
    new $dara.RuntimeOptions({ readTimeout: timeouts.readTimeoutMs, connectTimeout: timeouts.connectTimeoutMs })

  async function call<S extends z.ZodType>(
    action: Action,
    query: Record<string, string | number | undefined>,
    viaSdk: () => Promise<{ statusCode?: number; headers?: Record<string, string>; body?: { toMap(): unknown } }>,
    schema: S,
  ): Promise<z.infer<S>> {
    const op = { service: 'ram', action, endpoint: t.endpoint, idempotent: true }
    return runOp(
      ctx,
      op,
      async () => {
        if (t.proxied)
          return t.send({
            service: 'ram',
            action,
            version: VERSION,
            style: 'RPC',
            method: 'POST',
            pathname: '/',
            query,
          })
        const res = await viaSdk()
        return {
          status: res.statusCode ?? 200,
          headers: res.headers ?? {},
          body: JSON.stringify(res.body?.toMap() ?? {}),
        }
      },
      (res) => parseJson(schema, res, op),
    )
  }

  const client: RamClient = {
    endpoint: t.endpoint,
    async listUsers(marker, maxItems) {
      const r = await call(
        'ListUsers',
        { Marker: marker, MaxItems: maxItems },
        () => sdk.listUsersWithOptions(new ListUsersRequest({ marker, maxItems }), runtime()),
        ListUsersSchema,
      )
      return { users: r.Users.User, marker: r.IsTruncated && r.Marker ? r.Marker : undefined }
    },
    async listAllUsers(maxItems = 1000) {
      const out: RamUser[] = []
      let marker: string | undefined
      const seen = new Set<string>()
      do {
        const page = await client.listUsers(marker, maxItems)
        out.push(...page.users)
        marker = page.marker
        // A marker that comes back again would loop for ever: stop (never seen from RAM, a guard only).
        if (marker !== undefined) {
          if (seen.has(marker)) break
          seen.add(marker)
        }
      } while (marker !== undefined)
      return out
    },
    async listPoliciesForUser(userName) {
      const r = await call(
        'ListPoliciesForUser',
        { UserName: userName },
        () => sdk.listPoliciesForUserWithOptions(new ListPoliciesForUserRequest({ userName }), runtime()),
        PoliciesSchema,
      )
      return r.Policies.Policy
    },
    async listGroupsForUser(userName) {
      const r = await call(
        'ListGroupsForUser',
        { UserName: userName },
        () => sdk.listGroupsForUserWithOptions(new ListGroupsForUserRequest({ userName }), runtime()),
        GroupsSchema,
      )
      return r.Groups.Group.map((g) => g.GroupName)
    },
    async listPoliciesForGroup(groupName) {
      const r = await call(
        'ListPoliciesForGroup',
        { GroupName: groupName },
        () => sdk.listPoliciesForGroupWithOptions(new ListPoliciesForGroupRequest({ groupName }), runtime()),
        PoliciesSchema,
      )
      return r.Policies.Policy
    },
    async listPoliciesForRole(roleName) {
      const r = await call(
        'ListPoliciesForRole',
        { RoleName: roleName },
        () => sdk.listPoliciesForRoleWithOptions(new ListPoliciesForRoleRequest({ roleName }), runtime()),
        PoliciesSchema,
      )
      return r.Policies.Policy
    },
  }
  return client
}
