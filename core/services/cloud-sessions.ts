import crypto from 'node:crypto'
import { resolveEndpoint } from '@shared/cloud-endpoints'
import type { CallerInfo } from '@shared/ipc/channels/profiles'
import { AppError } from '@shared/ipc/errors'
import type { Identity } from '@shared/domain'
import {
  createCloudClients,
  createCredentialSource,
  type CloudClientOptions,
  type CloudClients,
  type CredentialSpec,
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

const DEFAULT_NET_TIMEOUTS = { connectTimeoutMs: 5_000, readTimeoutMs: 10_000 }

/**
 * Cloud clients per profile, built on demand. Long-lived secrets are read from the keychain just before
 * and handed to the credential source only (D2); temporary credentials (AssumeRole, OIDC, ECS) live in
 * that source, in memory, and are refreshed before they expire. Clients are rebuilt when the profile or
 * its secrets change.
 */
export class CloudSessions {
  private readonly cache = new Map<string, { stamp: string; updatedAt: string; clients: CloudClients }>()

  constructor(
    private readonly store: Store,
    private readonly vault: Vault,
    private readonly opts: CloudClientOptions = {},
    private readonly testOnly: TestOnlyRoutes = {},
    /** Every secret a credential source obtains goes here (the logger redacts them). */
    private readonly onSecret: (value: string) => void = () => {},
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {}

  profile(profileId: string): ProfileRecord {
    const p = this.store.profiles.get(profileId)
    if (!p) throw new AppError('NOT_FOUND', { params: { what: `profile ${profileId}` } })
    return p
  }

  async clientsFor(profileId: string): Promise<CloudClients> {
    const p = this.profile(profileId)
    const { spec, stamp } = await this.specOf(p, 0)
    const hit = this.cache.get(profileId)
    if (hit && hit.stamp === stamp) return hit.clients
    const endpoints = Object.fromEntries(Object.entries(p.endpoints).filter(([, v]) => v)) as Record<string, string>
    const settings = {
      region: p.region,
      protocol: p.protocol,
      proxy: proxySettingOf(p.proxy),
      endpoints,
      ...(p.endpoint ? { endpoint: p.endpoint } : {}),
    }
    const credentials = createCredentialSource(
      spec,
      {
        stsEndpoint: resolveEndpoint(p, 'sts'),
        protocol: p.protocol,
        proxy: settings.proxy,
        ...DEFAULT_NET_TIMEOUTS,
        ...(this.testOnly.ecsMetadataOrigin ? { metadataOrigin: this.testOnly.ecsMetadataOrigin } : {}),
      },
      this.env,
      this.onSecret,
    )
    const clients = createCloudClients(settings, { ...this.opts, credentials })
    this.cache.set(profileId, { stamp, updatedAt: p.updatedAt, clients })
    return clients
  }

  /** The profile's credentials as a spec for the source, and a fingerprint that changes with them. */
  private async specOf(p: ProfileRecord, depth: number): Promise<{ spec: CredentialSpec; stamp: string }> {
    if (depth > 5)
      throw new AppError('PROFILE_BASE_INVALID', { params: { detail: 'the source profiles form a cycle' } })
    const stampOf = (...parts: unknown[]): string =>
      crypto
        .createHash('sha256')
        .update(JSON.stringify([p.id, p.updatedAt, ...parts]))
        .digest('hex')
    const secret = async (): Promise<string> => {
      const s = await this.vault.get(p.id, 'accessKeySecret')
      if (!s) throw new AppError('PROFILE_NO_SECRET', { params: { name: p.name } })
      return s
    }
    const opt = <T>(v: T | null): T | undefined => v ?? undefined
    switch (p.kind) {
      case 'access-key': {
        const s = await secret()
        return { spec: { kind: 'access-key', accessKeyId: p.accessKeyId ?? '', accessKeySecret: s }, stamp: stampOf(s) }
      }
      case 'sts-token': {
        const s = await secret()
        const token = await this.vault.get(p.id, 'securityToken')
        if (!token) throw new AppError('PROFILE_NO_SECRET', { params: { name: p.name } })
        const spec: CredentialSpec = {
          kind: 'sts-token',
          accessKeyId: p.accessKeyId ?? '',
          accessKeySecret: s,
          securityToken: token,
        }
        if (p.stsExpiration) spec.expiresAt = p.stsExpiration
        return { spec, stamp: stampOf(s, token) }
      }
      case 'ram-role-arn': {
        const base = p.baseProfileId
          ? await this.specOf(this.profile(p.baseProfileId), depth + 1)
          : await secret().then((s) => ({
              spec: { kind: 'access-key' as const, accessKeyId: p.accessKeyId ?? '', accessKeySecret: s },
              stamp: stampOf(s),
            }))
        const spec: CredentialSpec = {
          kind: 'ram-role-arn',
          base: base.spec,
          roleArn: p.roleArn ?? '',
          roleSessionName: opt(p.roleSessionName),
          durationSeconds: opt(p.durationSeconds),
          externalId: opt(p.externalId),
          policy: opt(p.policy),
        }
        return { spec, stamp: stampOf(base.stamp) }
      }
      case 'oidc-role':
        return {
          spec: {
            kind: 'oidc-role',
            roleArn: p.roleArn ?? '',
            oidcProviderArn: p.oidcProviderArn ?? '',
            oidcTokenFile: p.oidcTokenFile ?? '',
            roleSessionName: opt(p.roleSessionName),
            durationSeconds: opt(p.durationSeconds),
            policy: opt(p.policy),
          },
          stamp: stampOf(),
        }
      case 'ecs-ram-role':
        return { spec: { kind: 'ecs-ram-role', roleName: opt(p.ecsRoleName) }, stamp: stampOf() }
      case 'env':
        return { spec: { kind: 'env' }, stamp: stampOf() }
    }
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

  /** STS GetCallerIdentity as the domain's identity (A2 main account, A3 RAM user) and as the profile's caller. */
  async identity(
    profileId: string,
  ): Promise<{ identity: Identity; accountId: string; identityType: string; caller: CallerInfo }> {
    const clients = await this.clientsFor(profileId)
    const who = await clients.sts.getCallerIdentity()
    // An assumed role acts as the role: workspace members and owners name the role's ID (AccountType 6),
    // not the session (PrincipalId is `<RoleId>:<session name>`).
    const roleId = who.RoleId ?? who.PrincipalId?.split(':')[0]
    const userId = who.kind === 'ram-role' && roleId ? roleId : (who.UserId ?? who.PrincipalId ?? who.AccountId)
    const identity: Identity =
      who.kind === 'main'
        ? { kind: 'main', userId: who.AccountId }
        : // Whether the RAM user holds AliyunPAIFullAccess cannot be read with its own key; assume yes and
          // let a refused call (CLOUD_PERMISSION, A3) correct it.
          { kind: 'ram', userId, hasPaiFullAccess: true }
    // …:user/<name>, or …:assumed-role/<role name>/<session name>.
    const arn = who.Arn?.split('/') ?? []
    const name = who.kind === 'ram-role' ? arn[1] : arn.pop()
    if (name && who.kind !== 'main') identity.userName = name
    const caller: CallerInfo = {
      accountId: who.AccountId,
      identityType: who.IdentityType ?? 'unknown',
      checkedAt: new Date().toISOString(),
    }
    if (who.Arn) caller.arn = who.Arn
    if (who.PrincipalId) caller.principalId = who.PrincipalId
    const expiresAt = clients.credentials.expiresAt()
    if (expiresAt) caller.expiresAt = expiresAt
    return { identity, accountId: who.AccountId, identityType: who.IdentityType ?? 'unknown', caller }
  }

  /**
   * When the temporary credentials this profile's live source holds now expire (the source renews them
   * itself), or undefined when no source was built for the profile as it is (`updatedAt`) or it knows none.
   */
  liveExpiry(profileId: string, updatedAt: string): string | undefined {
    const hit = this.cache.get(profileId)
    return hit && hit.updatedAt === updatedAt ? hit.clients.credentials.expiresAt() : undefined
  }

  forget(profileId: string): void {
    this.cache.delete(profileId)
  }
}
