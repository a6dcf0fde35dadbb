import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Envelope } from '@shared/ipc/api'
import type { ProfileView } from '@shared/ipc/channels/profiles'
import type { Core } from '../../../core/core'
import { testCore } from '../../helpers/core'
import type { RunningEmulator } from '../../../tools/emulator'
import { startTestEmulator } from '../emulator/support'
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
} from '../cloud/sts-fixtures'
import { requireKeychain } from './keychain'

/** Issue 15: every profile kind through the IPC contract (real SQLite, real keychain, the emulator's STS). */

function value<T>(env: Envelope<unknown>): T {
  if (!env.ok) throw new Error(`expected ok, got ${JSON.stringify(env.error)}`)
  return env.value as T
}
function errorOf(env: Envelope<unknown>): { code: string; message: string; details?: unknown } {
  if (env.ok) throw new Error(`expected an error, got ${JSON.stringify(env.value)}`)
  return env.error
}

describe('profile kinds', () => {
  let emu: RunningEmulator
  let core: Core
  let dataDir: string
  const at = () => ({ region: 'cn-hangzhou', endpoint: emu.endpoint, protocol: 'http' as const, proxy: null })
  const call = (channel: string, payload: unknown, locale: 'en' | 'zh-CN' = 'en') =>
    core.call(channel, payload, { locale })
  const add = async (payload: Record<string, unknown>): Promise<ProfileView> =>
    value<ProfileView>(await call('profiles.add', { ...at(), ...payload }))

  beforeAll(async () => {
    await requireKeychain()
    emu = await startTestEmulator({
      accounts: STS_ACCOUNTS,
      roles: ROLES,
      oidcProviders: [OIDC_PROVIDER],
      ecsRole: ECS_ROLE.roleName,
    })
  })
  afterAll(() => emu.close())
  beforeEach(() => {
    emu.reset()
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pai-kinds-'))
    core = testCore({ dataDir, syncWorker: 'never', testOnly: { ecsMetadataOrigin: emu.url } })
  })
  afterEach(async () => {
    for (const p of core.services.store.profiles.list()) await core.services.vault.deleteAll(p.id)
    await core.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  it('a RAM role ARN profile assumes the role with its source profile; the test shows who it is and when it expires', async () => {
    const base = await add({
      name: 'deployer',
      accessKeyId: DEPLOYER.accessKeyId,
      accessKeySecret: DEPLOYER.accessKeySecret,
    })
    const role = await add({
      name: 'other-account',
      kind: 'ram-role-arn',
      baseProfileId: base.id,
      roleArn: arnOf(ADMIN_ROLE),
      externalId: 'ext-4711',
      roleSessionName: 'pai-admin-test',
    })
    expect(role).toMatchObject({
      kind: 'ram-role-arn',
      accessKeyId: null,
      hasSecret: true,
      needsSecret: false,
      caller: null,
    })
    const tested = value<{ caller: { arn: string; accountId: string; expiresAt: string } }>(
      await call('profiles.test', { id: role.id }),
    )
    expect(tested.caller).toMatchObject({
      accountId: OTHER.uid,
      arn: `acs:ram::${OTHER.uid}:assumed-role/pai-admin/pai-admin-test`,
      identityType: 'AssumedRoleUser',
    })
    expect(Date.parse(tested.caller.expiresAt)).toBeGreaterThan(Date.now())
    const listed = value<{ profiles: ProfileView[] }>(await call('profiles.list', {})).profiles
    expect(listed.find((p) => p.id === role.id)?.caller).toMatchObject({
      accountId: OTHER.uid,
      identityType: 'AssumedRoleUser',
    })
    // The temporary credentials are nowhere in the database (D2): only the ARN and the expiry are.
    const secrets = emu.core.sts.issued().flatMap((a) => [a.accessKeySecret, a.session!.securityToken])
    const db = fs.readFileSync(path.join(dataDir, 'pai-admin.db'))
    const wal = fs.readFileSync(path.join(dataDir, 'pai-admin.db-wal'))
    expect(secrets.filter((s) => db.includes(s) || wal.includes(s))).toEqual([])

    // A chain: a second role assumed with the first one's session.
    const chained = await add({
      name: 'readonly',
      kind: 'ram-role-arn',
      baseProfileId: role.id,
      roleArn: arnOf(CHAINED_ROLE),
    })
    expect(value<{ caller: { arn: string } }>(await call('profiles.test', { id: chained.id })).caller.arn).toContain(
      'assumed-role/pai-readonly/',
    )
  })

  it('bad input leaves profiles as they were: a wrong external ID, a source in use, a cycle, a secret the kind does not keep', async () => {
    const base = await add({
      name: 'deployer',
      accessKeyId: DEPLOYER.accessKeyId,
      accessKeySecret: DEPLOYER.accessKeySecret,
    })
    const role = await add({ name: 'other', kind: 'ram-role-arn', baseProfileId: base.id, roleArn: arnOf(ADMIN_ROLE) })
    // No external ID: refused by the role's trust policy, in the user's language, naming the role.
    const denied = errorOf(await call('profiles.test', { id: role.id }, 'zh-CN'))
    expect(denied.code).toBe('CREDENTIALS_ROLE_DENIED')
    expect(denied.message).toContain(arnOf(ADMIN_ROLE))
    expect(denied.message).toContain('外部 ID')
    expect(denied.message).toContain('本配置未发送外部 ID')
    expect(core.services.store.profiles.get(role.id)?.caller).toBeNull()
    // A wrong external ID: STS says only NoPermission, so the message names the ID this profile sent.
    value(await call('profiles.update', { id: role.id, externalId: 'ext-wrong-1' }))
    const mismatch = errorOf(await call('profiles.test', { id: role.id }, 'zh-CN'))
    expect(mismatch).toMatchObject({ code: 'CREDENTIALS_ROLE_DENIED', details: { cloudCode: 'NoPermission' } })
    expect(mismatch.message).toContain('本配置发送的外部 ID 为“ext-wrong-1”')
    expect(errorOf(await call('profiles.test', { id: role.id }, 'en')).message).toContain(
      'This profile sent the external ID "ext-wrong-1"',
    )
    value(await call('profiles.update', { id: role.id, externalId: null }))

    expect(errorOf(await call('profiles.remove', { id: base.id })).code).toBe('PROFILE_IN_USE')
    expect(core.services.store.profiles.get(base.id)).toBeDefined()
    expect(await core.services.vault.get(base.id, 'accessKeySecret')).toBe(DEPLOYER.accessKeySecret)

    const second = await add({
      name: 'second',
      kind: 'ram-role-arn',
      baseProfileId: role.id,
      roleArn: arnOf(CHAINED_ROLE),
    })
    expect(errorOf(await call('profiles.update', { id: role.id, baseProfileId: second.id })).code).toBe(
      'PROFILE_BASE_INVALID',
    )
    expect(core.services.store.profiles.get(role.id)?.baseProfileId).toBe(base.id)

    expect(
      errorOf(await call('profiles.add', { ...at(), name: 'x', kind: 'ram-role-arn', roleArn: 'acs:ram::1:user/bob' }))
        .code,
    ).toBe('VALIDATION')
    expect(
      errorOf(await call('profiles.add', { ...at(), name: 'y', kind: 'oidc-role', roleArn: arnOf(CI_ROLE) })).code,
    ).toBe('VALIDATION')
    expect(
      errorOf(await call('profiles.update', { id: base.id, securityToken: 'CAIS-not-for-an-accesskey' })).code,
    ).toBe('VALIDATION')
    expect(await core.services.vault.get(base.id, 'securityToken')).toBeNull()
  })

  it('an STS token profile keeps the secret and the security token in the keychain and shows its expiry', async () => {
    const base = await add({
      name: 'deployer',
      accessKeyId: DEPLOYER.accessKeyId,
      accessKeySecret: DEPLOYER.accessKeySecret,
    })
    const role = await add({
      name: 'r',
      kind: 'ram-role-arn',
      baseProfileId: base.id,
      roleArn: arnOf(ADMIN_ROLE),
      externalId: 'ext-4711',
    })
    value(await call('profiles.test', { id: role.id }))
    const issued = emu.core.sts.issued()[0]!
    const expiration = new Date(issued.session!.expiresAt).toISOString()
    const token = await add({
      name: 'pasted-token',
      kind: 'sts-token',
      accessKeyId: issued.accessKeyId,
      accessKeySecret: issued.accessKeySecret,
      securityToken: issued.session!.securityToken,
      stsExpiration: expiration,
    })
    expect(token).toMatchObject({ hasSecret: true, hasSecurityToken: true, stsExpiration: expiration })
    expect(await core.services.vault.get(token.id, 'securityToken')).toBe(issued.session!.securityToken)
    const who = value<{ caller: { identityType: string; expiresAt: string } }>(
      await call('profiles.test', { id: token.id }),
    )
    expect(who.caller).toMatchObject({ identityType: 'AssumedRoleUser', expiresAt: expiration })
    // Without its security token it cannot be used, and says which profile lacks a secret.
    await core.services.vault.delete(token.id, 'securityToken')
    const view = value<{ profiles: ProfileView[] }>(await call('profiles.list', {})).profiles.find(
      (x) => x.id === token.id,
    )
    expect(view).toMatchObject({ hasSecret: false, hasSecurityToken: false })
    core.services.cloud.forget(token.id)
    expect(errorOf(await call('profiles.test', { id: token.id })).code).toBe('PROFILE_NO_SECRET')
  })

  it('an OIDC role profile and an ECS RAM role profile need no secret at all', async () => {
    const file = path.join(dataDir, 'token')
    fs.writeFileSync(file, oidcToken())
    const oidc = await add({
      name: 'ci',
      kind: 'oidc-role',
      roleArn: arnOf(CI_ROLE),
      oidcProviderArn: OIDC_PROVIDER.arn,
      oidcTokenFile: file,
    })
    expect(oidc).toMatchObject({ hasSecret: true, needsSecret: false })
    expect(value<{ accountId: string }>(await call('profiles.test', { id: oidc.id })).accountId).toBe(OTHER.uid)
    const ecs = await add({ name: 'on-ecs', kind: 'ecs-ram-role' })
    expect(value<{ caller: { arn: string } }>(await call('profiles.test', { id: ecs.id })).caller.arn).toContain(
      'assumed-role/ecspairole/',
    )
    await expect(core.services.vault.list(oidc.id)).resolves.toEqual([])
  })

  it('per-service endpoints: STS goes to its own endpoint, not the one for every service', async () => {
    const p = await add({
      name: 'split',
      accessKeyId: DEPLOYER.accessKeyId,
      accessKeySecret: DEPLOYER.accessKeySecret,
      // Nothing listens on port 9: only STS, which has its own endpoint, can answer.
      endpoint: '127.0.0.1:9',
      endpoints: { pai: null, eventBridge: null, sts: emu.endpoint, sls: null },
    })
    expect(value<{ identityType: string }>(await call('profiles.test', { id: p.id })).identityType).toBe('RAMUser')
    expect(errorOf(await call('sls.projects', { profileId: p.id })).code).toBe('CLOUD_NETWORK')
  })
})
