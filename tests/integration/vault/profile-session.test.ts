import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Envelope } from '@shared/ipc/api'
import type { ProfileView } from '@shared/ipc/channels/profiles'
import { profileExpiry } from '@shared/profile-expiry'
import type { Core } from '../../../core/core'
import { testCore } from '../../helpers/core'
import type { RunningEmulator } from '../../../tools/emulator'
import { startTestEmulator } from '../emulator/support'
import { ADMIN_ROLE, arnOf, DEPLOYER, OIDC_PROVIDER, ROLES, STS_ACCOUNTS } from '../cloud/sts-fixtures'
import { requireKeychain } from './keychain'

/**
 * Issue 15: a RAM role profile's session as the product holds it: the expiry shown follows the live
 * credential source (which renews itself), and the role's inline policy and session duration reach STS.
 */

function value<T>(env: Envelope<unknown>): T {
  if (!env.ok) throw new Error(`expected ok, got ${JSON.stringify(env.error)}`)
  return env.value as T
}

describe('a RAM role profile session', () => {
  let emu: RunningEmulator
  let core: Core
  let dataDir: string
  const at = () => ({ region: 'cn-hangzhou', endpoint: emu.endpoint, protocol: 'http' as const, proxy: null })
  const call = (channel: string, payload: unknown) => core.call(channel, payload, { locale: 'en' })
  const add = async (payload: Record<string, unknown>): Promise<ProfileView> =>
    value<ProfileView>(await call('profiles.add', { ...at(), ...payload }))
  const listed = async (id: string): Promise<ProfileView> =>
    value<{ profiles: ProfileView[] }>(await call('profiles.list', {})).profiles.find((p) => p.id === id)!
  const role = async (over: Record<string, unknown> = {}): Promise<ProfileView> => {
    const base = await add({
      name: 'deployer',
      accessKeyId: DEPLOYER.accessKeyId,
      accessKeySecret: DEPLOYER.accessKeySecret,
    })
    return add({
      name: 'other',
      kind: 'ram-role-arn',
      baseProfileId: base.id,
      roleArn: arnOf(ADMIN_ROLE),
      externalId: 'ext-4711',
      ...over,
    })
  }

  beforeAll(async () => {
    await requireKeychain()
    // The emulator reads the clock at each request: faked time (vi.setSystemTime) moves both sides alike.
    emu = await startTestEmulator(
      { accounts: STS_ACCOUNTS, roles: ROLES, oidcProviders: [OIDC_PROVIDER] },
      { clock: () => Date.now() },
    )
  })
  afterAll(() => emu.close())
  beforeEach(() => {
    emu.reset()
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pai-session-'))
    core = testCore({ dataDir, syncWorker: 'never' })
  })
  afterEach(async () => {
    vi.useRealTimers()
    for (const p of core.services.store.profiles.list()) await core.services.vault.deleteAll(p.id)
    await core.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  it('an hour after its test a role profile is not called expired; the expiry shown is the live source one', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const t0 = Date.now()
    const r = await role()
    const first = value<{ caller: { expiresAt: string } }>(await call('profiles.test', { id: r.id })).caller.expiresAt
    expect(profileExpiry(await listed(r.id))).toEqual({ state: 'expires', at: first })
    // A pasted STS token issued with it, expiring at the same time.
    const issued = emu.core.sts.issued()[0]!
    const token = await add({
      name: 'pasted',
      kind: 'sts-token',
      accessKeyId: issued.accessKeyId,
      accessKeySecret: issued.accessKeySecret,
      securityToken: issued.session!.securityToken,
      stsExpiration: first,
    })

    vi.setSystemTime(t0 + 70 * 60_000)
    // Nothing was called since: the role's credentials renew on the next call; the pasted token is expired.
    expect(profileExpiry(await listed(r.id)).state).toBe('renews')
    expect(profileExpiry(await listed(token.id)).state).toBe('expired')

    // Any cloud call through the profile's session (here GetCallerIdentity, as a plan or apply would sign
    // with it) renews the role's credentials; the list shows their new expiry, not the last test's.
    await (await core.services.cloud.clientsFor(r.id)).sts.getCallerIdentity()
    expect(emu.state().calls.AssumeRole).toBe(2)
    const live = core.services.cloud.liveExpiry(r.id, core.services.store.profiles.get(r.id)!.updatedAt)!
    expect(Date.parse(live)).toBeGreaterThan(Date.now())
    expect(core.services.store.profiles.get(r.id)?.caller?.expiresAt).toBe(first)
    const view = await listed(r.id)
    expect(view.caller?.expiresAt).toBe(live)
    expect(profileExpiry(view)).toEqual({ state: 'expires', at: live })
    expect(profileExpiry(await listed(token.id)).state).toBe('expired')

    // Another session setting: the old session is not this profile's any more, its expiry is not shown.
    value(await call('profiles.update', { id: r.id, durationSeconds: 1800 }))
    expect((await listed(r.id)).caller?.expiresAt).toBe(first)
  })

  it("the role's inline policy and session duration are sent with AssumeRole, and STS keeps to them", async () => {
    const policy = JSON.stringify({
      Version: '1',
      Statement: [{ Effect: 'Allow', Action: ['paiworkspace:*'], Resource: '*' }],
    })
    const r = await role({ durationSeconds: 900, policy, roleSessionName: 'short-one' })
    const before = Date.now()
    const tested = value<{ caller: { expiresAt: string; arn: string } }>(await call('profiles.test', { id: r.id }))
    const after = Date.now()
    expect(tested.caller.arn).toContain('assumed-role/pai-admin/short-one')
    // 15 minutes, not the default hour (STS answers the expiry to the second), counted from some moment of the
    // call: the upper bound is from its end (a call taking longer than the second's rest went over it before)
    const expires = Date.parse(tested.caller.expiresAt)
    expect(expires - before).toBeGreaterThan(895_000)
    expect(expires - after).toBeLessThanOrEqual(900_000)
    const assume = emu.requests().filter((q) => q.action === 'AssumeRole')
    expect(assume).toHaveLength(1)
    const form = new URLSearchParams(String(assume[0]!.sent?.body))
    expect(form.get('DurationSeconds')).toBe('900')
    expect(form.get('Policy')).toBe(policy)
    expect(form.get('ExternalId')).toBe('ext-4711')
    expect(form.get('RoleSessionName')).toBe('short-one')

    // Longer than the role allows (its maximum session duration is an hour): STS refuses it, and says so.
    value(await call('profiles.update', { id: r.id, durationSeconds: 7200 }))
    const refused = await call('profiles.test', { id: r.id })
    expect(refused.ok).toBe(false)
    if (!refused.ok) expect(refused.error.details).toMatchObject({ cloudCode: 'InvalidParameter.DurationSeconds' })
    expect(new URLSearchParams(String(emu.requests().at(-1)?.sent?.body)).get('DurationSeconds')).toBe('7200')
  })
})
