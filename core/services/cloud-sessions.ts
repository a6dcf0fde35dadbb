import { AppError } from '@shared/ipc/errors'
import type { Identity } from '@shared/domain'
import {
  createCloudClients,
  type CloudClientOptions,
  type CloudClients,
  type CloudProfileInput,
  type ProxySetting,
} from '../cloud'
import type { Store } from '../store'
import type { ProfileRecord } from '../store/repos/profiles'
import type { Vault } from '../vault'
import { dingtalkKind } from '../vault/accounts'

/** The profile's proxy column as the clients' setting: none stored = the environment's HTTPS_PROXY/NO_PROXY. */
export function proxySettingOf(proxy: string | null): ProxySetting {
  if (!proxy) return 'env'
  if (proxy === 'none') return 'none'
  return { url: proxy }
}

/**
 * Test-only redirections, which the shipped app never sets: tests reach the emulator's DingTalk robot
 * and ECS metadata service through them. Without them the robot is always https://oapi.dingtalk.com
 * and the metadata service http://100.100.100.200.
 */
export interface TestOnlyRoutes {
  /** Replaces https://oapi.dingtalk.com (e.g. `http://127.0.0.1:9123`, the emulator). */
  dingTalkOrigin?: string
  /** Replaces http://100.100.100.200 (the ECS metadata service). */
  ecsMetadataOrigin?: string
}

/** The test-only routes from `PAI_ADMIN_TEST_DINGTALK_ORIGIN` / `PAI_ADMIN_TEST_ECS_METADATA_ORIGIN` (CLI, harness). */
export function testOnlyRoutesFromEnv(env: NodeJS.ProcessEnv = process.env): TestOnlyRoutes {
  const out: TestOnlyRoutes = {}
  if (env.PAI_ADMIN_TEST_DINGTALK_ORIGIN) out.dingTalkOrigin = env.PAI_ADMIN_TEST_DINGTALK_ORIGIN
  if (env.PAI_ADMIN_TEST_ECS_METADATA_ORIGIN) out.ecsMetadataOrigin = env.PAI_ADMIN_TEST_ECS_METADATA_ORIGIN
  return out
}

/**
 * Cloud clients per profile, built on demand: the AccessKey secret is read from the keychain just
 * before and handed to the client libraries only (D2). Clients are rebuilt when the profile changes.
 */
export class CloudSessions {
  private readonly cache = new Map<string, { stamp: string; clients: CloudClients }>()

  constructor(
    private readonly store: Store,
    private readonly vault: Vault,
    private readonly opts: CloudClientOptions = {},
    private readonly testOnly: TestOnlyRoutes = {},
  ) {}

  profile(profileId: string): ProfileRecord {
    const p = this.store.profiles.get(profileId)
    if (!p) throw new AppError('NOT_FOUND', { params: { what: `profile ${profileId}` } })
    return p
  }

  async clientsFor(profileId: string): Promise<CloudClients> {
    const p = this.profile(profileId)
    const secret = await this.vault.get(profileId, 'accessKeySecret')
    if (!secret) throw new AppError('PROFILE_NO_SECRET', { params: { name: p.name } })
    const stamp = `${p.updatedAt}|${secret.length}|${hashLite(secret)}`
    const hit = this.cache.get(profileId)
    if (hit && hit.stamp === stamp) return hit.clients
    const input: CloudProfileInput = {
      region: p.region,
      protocol: p.protocol,
      accessKeyId: p.accessKeyId,
      accessKeySecret: secret,
      proxy: proxySettingOf(p.proxy),
    }
    if (p.endpoint) input.endpoint = p.endpoint
    const clients = createCloudClients(input, this.opts)
    this.cache.set(profileId, { stamp, clients })
    return clients
  }

  /**
   * How the DingTalk robot is reached: always https://oapi.dingtalk.com (never a profile's cloud
   * endpoint, which must not see the robot's token), through the profile's proxy.
   */
  dingTalkRoute(profileId: string | null | undefined): { proxy: ProxySetting; baseUrl?: string } {
    const proxy = profileId ? proxySettingOf(this.profile(profileId).proxy) : 'env'
    return this.testOnly.dingTalkOrigin ? { proxy, baseUrl: this.testOnly.dingTalkOrigin } : { proxy }
  }

  async dingTalkSecret(profileId: string, ref: string): Promise<string | null> {
    return this.vault.get(profileId, dingtalkKind(ref))
  }

  /** STS GetCallerIdentity as the domain's identity (A2 main account, A3 RAM user). */
  async identity(profileId: string): Promise<{ identity: Identity; accountId: string; identityType: string }> {
    const clients = await this.clientsFor(profileId)
    const who = await clients.sts.getCallerIdentity()
    const userId = who.UserId ?? who.PrincipalId ?? who.AccountId
    const identity: Identity =
      who.kind === 'main'
        ? { kind: 'main', userId: who.AccountId }
        : // Whether the RAM user holds AliyunPAIFullAccess cannot be read with its own key; assume yes and
          // let a refused call (CLOUD_PERMISSION, A3) correct it.
          { kind: 'ram', userId, hasPaiFullAccess: true }
    const name = who.Arn?.split('/').pop()
    if (name && who.kind !== 'main') identity.userName = name
    return { identity, accountId: who.AccountId, identityType: who.IdentityType ?? 'unknown' }
  }

  forget(profileId: string): void {
    this.cache.delete(profileId)
  }
}

/** A cheap fingerprint so a changed secret rebuilds the clients (the secret itself is never kept as a key). */
function hashLite(s: string): number {
  let h = 2166136261
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619)
  return h >>> 0
}
