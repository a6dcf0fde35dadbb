import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { AppError } from '@shared/ipc/errors'
import { formatMessage } from '@shared/messages'
import {
  createCloudClients,
  createCredentialSource,
  LimiterRegistry,
  type CloudClients,
  type CredentialSpec,
} from '../../../core/cloud'
import type { RunningEmulator } from '../../../tools/emulator'
import { MAIN, startTestEmulator } from '../emulator/support'
import {
  ADMIN_ROLE,
  arnOf,
  CHAINED_ROLE,
  CI_ROLE,
  DEPLOYER,
  ECS_ROLE,
  OIDC_PROVIDER,
  oidcToken,
  OTHER,
  ROLES,
  STS_ACCOUNTS,
} from './sts-fixtures'

/** Issue 15: every credential kind, through @alicloud/credentials, against the emulator's STS over real HTTP. */

async function appError(p: Promise<unknown>): Promise<AppError> {
  try {
    await p
  } catch (err) {
    if (err instanceof AppError) return err
    throw err
  }
  throw new Error('expected an AppError')
}

const deployer = (): CredentialSpec => ({
  kind: 'access-key',
  accessKeyId: DEPLOYER.accessKeyId,
  accessKeySecret: DEPLOYER.accessKeySecret,
})
const adminRole = (over: Partial<Extract<CredentialSpec, { kind: 'ram-role-arn' }>> = {}): CredentialSpec => ({
  kind: 'ram-role-arn',
  base: deployer(),
  roleArn: arnOf(ADMIN_ROLE),
  externalId: 'ext-4711',
  roleSessionName: 'alice-laptop',
  ...over,
})

describe('credential kinds against the emulator STS', () => {
  let emu: RunningEmulator
  let dir: string
  const net = () => ({
    stsEndpoint: emu.endpoint,
    protocol: 'http' as const,
    proxy: 'none' as const,
    connectTimeoutMs: 2000,
    readTimeoutMs: 5000,
    metadataOrigin: emu.url,
  })
  const clients = (spec: CredentialSpec, env: NodeJS.ProcessEnv = {}): CloudClients =>
    createCloudClients(
      { region: 'cn-hangzhou', endpoint: emu.endpoint, protocol: 'http', proxy: 'none' },
      {
        credentials: createCredentialSource(spec, net(), env),
        retry: { baseDelayMs: 5, maxDelayMs: 20 },
        limiters: new LimiterRegistry(),
      },
    )
  const calls = (action: string): number => emu.state().calls[action] ?? 0

  beforeAll(async () => {
    emu = await startTestEmulator(
      { accounts: STS_ACCOUNTS, roles: ROLES, oidcProviders: [OIDC_PROVIDER], ecsRole: ECS_ROLE.roleName },
      // Read the clock at each request, so that faked time (vi.setSystemTime) moves both sides alike.
      { clock: () => Date.now() },
    )
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pai-creds-'))
  })
  afterAll(async () => {
    await emu.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })
  beforeEach(() => emu.reset())
  afterEach(() => vi.useRealTimers())

  it('A RAM role ARN: AssumeRole from a base AccessKey reaches the other account; every call carries the security token', async () => {
    emu.seed({ tenant: OTHER.uid, workspaces: [{ WorkspaceName: 'other_ws' }] })
    const c = clients(adminRole())
    const who = await c.sts.getCallerIdentity()
    expect(who).toMatchObject({
      AccountId: OTHER.uid,
      IdentityType: 'AssumedRoleUser',
      Arn: `acs:ram::${OTHER.uid}:assumed-role/pai-admin/alice-laptop`,
      kind: 'ram-role',
    })
    expect((await c.pai.listAllWorkspaces()).map((w) => w.WorkspaceName)).toEqual(['other_ws'])
    // One AssumeRole for both calls: the temporary credentials are kept in memory until they go stale.
    expect(calls('AssumeRole')).toBe(1)
    expect(c.credentials.expiresAt()).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
  })

  it('A role chain: a role session assumes a second role (ChainableRamRoleArn)', async () => {
    const c = clients({ kind: 'ram-role-arn', base: adminRole(), roleArn: arnOf(CHAINED_ROLE) })
    expect((await c.sts.getCallerIdentity()).Arn).toBe(
      `acs:ram::${OTHER.uid}:assumed-role/pai-readonly/pai-workspace-admin`,
    )
    expect(calls('AssumeRole')).toBe(2)
  })

  it('bad input: a wrong external ID, an unknown role, a root base key and a malformed ARN each get their own message', async () => {
    const denied = await appError(clients(adminRole({ externalId: 'wrong' })).sts.getCallerIdentity())
    expect(denied.code).toBe('CREDENTIALS_ROLE_DENIED')
    expect(denied.params.roleArn).toBe(arnOf(ADMIN_ROLE))
    expect(formatMessage('zh-CN', denied.code, denied.params)).toContain('外部 ID')
    expect(formatMessage('en', denied.code, denied.params)).toContain(arnOf(ADMIN_ROLE))
    const missing = await appError(
      clients(adminRole({ roleArn: `acs:ram::${OTHER.uid}:role/no-such-role` })).sts.getCallerIdentity(),
    )
    expect(missing).toMatchObject({ code: 'CREDENTIALS_ROLE_NOT_FOUND', details: { cloudCode: 'EntityNotExist.Role' } })
    const root = await appError(
      clients(
        adminRole({
          base: { kind: 'access-key', accessKeyId: MAIN.accessKeyId, accessKeySecret: MAIN.accessKeySecret },
        }),
      ).sts.getCallerIdentity(),
    )
    expect(root).toMatchObject({ code: 'CREDENTIALS_ROLE_DENIED', details: { cloudCode: 'NoPermission' } })
    const before = calls('AssumeRole')
    expect(() => clients(adminRole({ roleArn: 'acs:ram::x:user/alice' }))).toThrow(
      expect.objectContaining({
        code: 'CREDENTIALS_FIELD_INVALID',
        params: expect.objectContaining({ field: 'roleArn' }),
      }),
    )
    // Nothing was sent for the malformed ARN.
    expect(calls('AssumeRole')).toBe(before)
  })

  it('temporary credentials are refreshed before they expire (15 minutes before, as @alicloud/credentials does)', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const t0 = Date.now()
    const c = clients(adminRole())
    await c.sts.getCallerIdentity()
    const firstExpiry = c.credentials.expiresAt()
    vi.setSystemTime(t0 + 30 * 60_000)
    await c.sts.getCallerIdentity()
    expect(calls('AssumeRole')).toBe(1)
    vi.setSystemTime(t0 + 50 * 60_000)
    await c.sts.getCallerIdentity()
    expect(calls('AssumeRole')).toBe(2)
    expect(c.credentials.expiresAt()).not.toBe(firstExpiry)
    // Past the first token's expiry: the refreshed one is used, nothing fails.
    vi.setSystemTime(t0 + 70 * 60_000)
    expect((await c.sts.getCallerIdentity()).IdentityType).toBe('AssumedRoleUser')
    expect(calls('AssumeRole')).toBe(2)
  })

  it('an STS token past its expiry is refused with the real error code (InvalidSecurityToken.Expired)', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const t0 = Date.now()
    // A token issued by STS (as a user pastes it from `aliyun sts AssumeRole`).
    const issuer = clients(adminRole())
    await issuer.sts.getCallerIdentity()
    const issued = emu.core.sts.issued()[0]!
    const token: CredentialSpec = {
      kind: 'sts-token',
      accessKeyId: issued.accessKeyId,
      accessKeySecret: issued.accessKeySecret,
      securityToken: issued.session!.securityToken,
    }
    expect((await clients(token).sts.getCallerIdentity()).IdentityType).toBe('AssumedRoleUser')
    emu.seed({ tenant: OTHER.uid, workspaces: [{ WorkspaceName: 'late_ws' }] })
    vi.setSystemTime(t0 + 61 * 60_000)
    const expired = await appError(clients(token).pai.listAllWorkspaces())
    expect(expired).toMatchObject({
      code: 'CLOUD_TOKEN_EXPIRED',
      details: { cloudCode: 'InvalidSecurityToken.Expired' },
    })
    expect(formatMessage('zh-CN', expired.code, expired.params)).toContain('过期')
    // A token used without its security token is refused too.
    const noToken = await appError(
      clients({
        kind: 'access-key',
        accessKeyId: token.accessKeyId,
        accessKeySecret: token.accessKeySecret,
      }).pai.listAllWorkspaces(),
    )
    expect(noToken.code).toBe('CLOUD_AUTH')
  })

  it('an OIDC role: the token file is read at every refresh and checked by STS (issuer, audience, expiry, trust)', async () => {
    const file = path.join(dir, 'oidc-token')
    fs.writeFileSync(file, oidcToken())
    const spec: CredentialSpec = {
      kind: 'oidc-role',
      roleArn: arnOf(CI_ROLE),
      oidcProviderArn: OIDC_PROVIDER.arn,
      oidcTokenFile: file,
    }
    expect((await clients(spec).sts.getCallerIdentity()).Arn).toBe(
      `acs:ram::${OTHER.uid}:assumed-role/ci-deploy/pai-workspace-admin`,
    )
    fs.writeFileSync(file, oidcToken({ exp: Math.floor(Date.now() / 1000) - 10 }))
    expect((await appError(clients(spec).sts.getCallerIdentity())).code).toBe('CREDENTIALS_OIDC_TOKEN_EXPIRED')
    fs.writeFileSync(file, oidcToken({ aud: 'someone-else' }))
    const aud = await appError(clients(spec).sts.getCallerIdentity())
    expect(aud).toMatchObject({
      code: 'CREDENTIALS_OIDC_TOKEN_REJECTED',
      details: { cloudCode: 'AuthenticationFail.OIDCToken.AudienceNotMatch' },
    })
    fs.writeFileSync(file, oidcToken({}, 'not-the-providers-key'))
    expect((await appError(clients(spec).sts.getCallerIdentity())).code).toBe('CREDENTIALS_OIDC_TOKEN_REJECTED')
    fs.writeFileSync(file, oidcToken())
    const untrusted = await appError(clients({ ...spec, roleArn: arnOf(ADMIN_ROLE) }).sts.getCallerIdentity())
    expect(untrusted.code).toBe('CREDENTIALS_ROLE_DENIED')
    const noFile = await appError(
      clients({ ...spec, oidcTokenFile: path.join(dir, 'missing') }).sts.getCallerIdentity(),
    )
    expect(noFile).toMatchObject({ code: 'CREDENTIALS_OIDC_TOKEN_FILE', params: { file: path.join(dir, 'missing') } })
  })

  it("an ECS RAM role: the instance role's credentials from the metadata service (IMDSv2 token first)", async () => {
    const c = clients({ kind: 'ecs-ram-role' })
    expect((await c.sts.getCallerIdentity()).Arn).toMatch(/assumed-role\/ecspairole\//)
    expect(c.credentials.expiresAt()).toBeDefined()
    const wrong = await appError(clients({ kind: 'ecs-ram-role', roleName: 'NotThisRole' }).sts.getCallerIdentity())
    expect(wrong.code).toBe('CREDENTIALS_ECS_METADATA')
  })

  it('the environment chain: AccessKey variables, then the OIDC variables; a partial set names what is missing', async () => {
    const file = path.join(dir, 'ci-token')
    fs.writeFileSync(file, oidcToken())
    const ak = {
      ALIBABA_CLOUD_ACCESS_KEY_ID: DEPLOYER.accessKeyId,
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: DEPLOYER.accessKeySecret,
    }
    expect((await clients({ kind: 'env' }, ak).sts.getCallerIdentity()).IdentityType).toBe('RAMUser')
    const oidc = {
      ALIBABA_CLOUD_ROLE_ARN: arnOf(CI_ROLE),
      ALIBABA_CLOUD_OIDC_PROVIDER_ARN: OIDC_PROVIDER.arn,
      ALIBABA_CLOUD_OIDC_TOKEN_FILE: file,
    }
    expect((await clients({ kind: 'env' }, oidc).sts.getCallerIdentity()).AccountId).toBe(OTHER.uid)
    const partial = (() => {
      try {
        clients({ kind: 'env' }, { ALIBABA_CLOUD_ACCESS_KEY_ID: DEPLOYER.accessKeyId })
      } catch (err) {
        return err as AppError
      }
      throw new Error('expected an error')
    })()
    expect(partial).toMatchObject({
      code: 'CREDENTIALS_ENV_MISSING',
      params: { names: ['ALIBABA_CLOUD_ACCESS_KEY_SECRET'] },
    })
    expect(formatMessage('en', partial.code, partial.params)).toContain('ALIBABA_CLOUD_ACCESS_KEY_SECRET')
  })

  it('SLS with temporary credentials: the security token is part of the LOG signature', async () => {
    emu.seed({ tenant: OTHER.uid, slsProjects: [{ projectName: 'other-logs', logstores: ['dsw'] }] })
    const c = clients(adminRole())
    expect((await c.sls.listAllProjects()).map((p) => p.projectName)).toEqual(['other-logs'])
    expect(await c.sls.listAllLogStores('other-logs')).toEqual(['dsw'])
  })
})
