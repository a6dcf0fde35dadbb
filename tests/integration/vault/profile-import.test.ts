import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Envelope } from '@shared/ipc/api'
import type { ImportCandidate } from '@shared/ipc/channels/profile-import'
import type { ProfileView } from '@shared/ipc/channels/profiles'
import type { Core } from '../../../core/core'
import { TEST_KEYCHAIN_SERVICE, testCore } from '../../helpers/core'
import type { RunningEmulator } from '../../../tools/emulator'
import { startTestEmulator } from '../emulator/support'
import { ADMIN_ROLE, arnOf, DEPLOYER, OTHER, ROLES, STS_ACCOUNTS } from '../cloud/sts-fixtures'
import { keychainEntries, requireKeychain } from './keychain'

/** Issue 15 item 3: importing the aliyun CLI's profiles and ~/.alibabacloud/credentials. */

function value<T>(env: Envelope<unknown>): T {
  if (!env.ok) throw new Error(`expected ok, got ${JSON.stringify(env.error)}`)
  return env.value as T
}
function errorOf(env: Envelope<unknown>): { code: string; message: string } {
  if (env.ok) throw new Error(`expected an error, got ${JSON.stringify(env.value)}`)
  return env.error
}

const CLI_SECRET = 'cli-ak-secret-Zq81'
const CLI_TOKEN = 'CAIScli-sts-token-7Hh2'

/** A config.json as `aliyun configure` writes it (aliyun-cli config/profile.go field names). */
const cliConfig = {
  current: 'deployer',
  profiles: [
    {
      name: 'deployer',
      mode: 'AK',
      access_key_id: DEPLOYER.accessKeyId,
      access_key_secret: DEPLOYER.accessKeySecret,
      region_id: 'cn-hangzhou',
      output_format: 'json',
      language: 'zh',
    },
    {
      name: 'other-admin',
      mode: 'ChainableRamRoleArn',
      source_profile: 'deployer',
      ram_role_arn: arnOf(ADMIN_ROLE),
      ram_session_name: 'from-cli',
      external_id: 'ext-4711',
      expired_seconds: 1800,
      region_id: 'cn-hangzhou',
    },
    {
      name: 'temp',
      mode: 'StsToken',
      access_key_id: 'STS.cliTemp01',
      access_key_secret: CLI_SECRET,
      sts_token: CLI_TOKEN,
      region_id: 'cn-shanghai',
    },
    {
      name: 'own-key-role',
      mode: 'RamRoleArn',
      access_key_id: 'TESTAK5tOwnKey001',
      access_key_secret: CLI_SECRET,
      ram_role_arn: 'acs:ram::1800000000000002:role/ops',
      ram_session_name: 's1',
      region_id: 'cn-beijing',
      endpoint_type: 'vpc',
    },
    { name: 'on-ecs', mode: 'EcsRamRole', ram_role_name: 'EcsPaiRole', region_id: 'cn-hangzhou' },
    {
      name: 'ci-oidc',
      mode: 'OIDC',
      ram_role_arn: 'acs:ram::1800000000000002:role/ci-deploy',
      oidc_provider_arn: 'acs:ram::1800000000000002:oidc-provider/gitlab',
      oidc_token_file: '/var/run/secrets/tokens/oidc-token',
      ram_session_name: 'ci',
      region_id: 'cn-hangzhou',
    },
    {
      name: 'oidc-no-file',
      mode: 'OIDC',
      ram_role_arn: 'acs:ram::1800000000000002:role/ci-deploy',
      region_id: 'cn-hangzhou',
    },
    { name: 'sso', mode: 'CloudSSO', cloud_sso_sign_in_url: 'https://signin.example', region_id: 'cn-hangzhou' },
    { name: 'broken', mode: 'AK', access_key_id: 'TESTAK5tNoSecret', region_id: 'cn-hangzhou' },
  ],
  meta_path: '',
}

const INI_SECRET = 'ini-ak-secret-Pp42'
const credentialsIni = `[default]
type = access_key
access_key_id = TESTAK5tIniKey0001
access_key_secret = ${INI_SECRET}

[ops]
type = ram_role_arn
access_key_id = TESTAK5tIniKey0002
access_key_secret = ${INI_SECRET}
role_arn = acs:ram::1800000000000002:role/ops
role_session_name = ini-session

[ecs]
type = ecs_ram_role
role_name = EcsPaiRole

[weird]
type = rsa_key_pair
`

describe('import existing profiles', () => {
  let emu: RunningEmulator
  let core: Core
  let dir: string
  let cliFile: string
  let iniFile: string
  const call = (channel: string, payload: unknown, locale: 'en' | 'zh-CN' = 'en') =>
    core.call(channel, payload, { locale })

  beforeAll(async () => {
    await requireKeychain()
    emu = await startTestEmulator({ accounts: STS_ACCOUNTS, roles: ROLES })
  })
  afterAll(() => emu.close())
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pai-import-'))
    cliFile = path.join(dir, 'config.json')
    iniFile = path.join(dir, 'credentials')
    fs.writeFileSync(cliFile, JSON.stringify(cliConfig, null, '\t'), { mode: 0o600 })
    fs.writeFileSync(iniFile, credentialsIni, { mode: 0o600 })
    core = testCore({ dataDir: path.join(dir, 'data'), syncWorker: 'never' })
  })
  afterEach(async () => {
    for (const p of core.services.store.profiles.list()) await core.services.vault.deleteAll(p.id)
    await core.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('the preview shows every aliyun CLI profile (what comes with it, what is missing), never a secret', async () => {
    const raw = await call('profiles.importPreview', { source: 'aliyun-cli', file: cliFile })
    const preview = value<{ fingerprint: string; candidates: ImportCandidate[] }>(raw)
    const by = Object.fromEntries(preview.candidates.map((c) => [c.sourceName, c]))
    expect(by.deployer).toMatchObject({
      kind: 'access-key',
      accessKeyId: DEPLOYER.accessKeyId,
      importable: true,
      current: true,
      secrets: { accessKeySecret: true, securityToken: false },
    })
    expect(by['other-admin']).toMatchObject({
      kind: 'ram-role-arn',
      baseSourceName: 'deployer',
      roleArn: arnOf(ADMIN_ROLE),
      importable: true,
    })
    expect(by.temp).toMatchObject({
      kind: 'sts-token',
      region: 'cn-shanghai',
      secrets: { accessKeySecret: true, securityToken: true },
    })
    // endpoint_type vpc: the VPC endpoints of the region.
    expect(by['own-key-role']).toMatchObject({
      kind: 'ram-role-arn',
      endpoints: { pai: 'aiworkspace-vpc.cn-beijing.aliyuncs.com', sts: 'sts-vpc.cn-beijing.aliyuncs.com' },
    })
    expect(by['on-ecs']).toMatchObject({ kind: 'ecs-ram-role', importable: true })
    // OIDC: the role, the provider and the token file's path (never the token) come along.
    expect(by['ci-oidc']).toMatchObject({
      kind: 'oidc-role',
      roleArn: 'acs:ram::1800000000000002:role/ci-deploy',
      oidcProviderArn: 'acs:ram::1800000000000002:oidc-provider/gitlab',
      oidcTokenFile: '/var/run/secrets/tokens/oidc-token',
      importable: true,
    })
    expect(by['oidc-no-file']).toMatchObject({
      kind: 'oidc-role',
      importable: false,
      problems: expect.arrayContaining([
        expect.stringContaining('oidc_provider_arn'),
        expect.stringContaining('oidc_token_file'),
      ]),
    })
    expect(by.sso).toMatchObject({ kind: null, unsupported: 'CloudSSO', importable: false })
    expect(by.broken).toMatchObject({
      importable: false,
      problems: expect.arrayContaining(['missing access_key_secret']),
    })
    for (const s of [DEPLOYER.accessKeySecret, CLI_SECRET, CLI_TOKEN]) expect(JSON.stringify(raw)).not.toContain(s)
  })

  it('imports what the user selected: secrets into the keychain only, the file untouched; the imported role works', async () => {
    const before = fs.statSync(cliFile)
    const bytes = fs.readFileSync(cliFile)
    const { fingerprint } = value<{ fingerprint: string }>(
      await call('profiles.importPreview', { source: 'aliyun-cli', file: cliFile }),
    )
    const res = value<{ created: ProfileView[] }>(
      await call('profiles.import', {
        source: 'aliyun-cli',
        file: cliFile,
        fingerprint,
        // The chained role first: its source is imported before it all the same.
        select: [
          { sourceName: 'other-admin' },
          { sourceName: 'deployer', name: 'cli-deployer' },
          { sourceName: 'temp' },
        ],
      }),
    )
    expect(res.created.map((p) => p.name)).toEqual(['cli-deployer', 'other-admin', 'temp'])
    const [deployer, role, temp] = res.created
    expect(role).toMatchObject({
      baseProfileId: deployer!.id,
      externalId: 'ext-4711',
      durationSeconds: 1800,
      importedFrom: 'aliyun CLI: other-admin',
    })
    expect(await core.services.vault.get(deployer!.id, 'accessKeySecret')).toBe(DEPLOYER.accessKeySecret)
    expect(await core.services.vault.get(temp!.id, 'securityToken')).toBe(CLI_TOKEN)
    // Nothing changed in the CLI's file.
    expect(fs.readFileSync(cliFile).equals(bytes)).toBe(true)
    expect(fs.statSync(cliFile).mtimeMs).toBe(before.mtimeMs)
    // Nor is any imported secret in the database.
    const db = Buffer.concat(
      ['pai-admin.db', 'pai-admin.db-wal'].map((f) => fs.readFileSync(path.join(dir, 'data', f))),
    )
    for (const s of [DEPLOYER.accessKeySecret, CLI_SECRET, CLI_TOKEN]) expect(db.includes(Buffer.from(s))).toBe(false)
    // Pointed at the emulator, the imported chain assumes the role in the other account.
    for (const p of [deployer!, role!])
      value(await call('profiles.update', { id: p.id, endpoint: emu.endpoint, protocol: 'http' }))
    expect(
      value<{ accountId: string; identityType: string }>(await call('profiles.test', { id: role!.id })),
    ).toMatchObject({
      accountId: OTHER.uid,
      identityType: 'AssumedRoleUser',
    })
  })

  it('imports ~/.alibabacloud/credentials (access_key, ram_role_arn, ecs_ram_role) with the region the user picks', async () => {
    const preview = value<{ fingerprint: string; candidates: ImportCandidate[] }>(
      await call('profiles.importPreview', { source: 'alibabacloud', file: iniFile, defaultRegion: 'cn-shenzhen' }),
    )
    expect(preview.candidates.map((c) => [c.sourceName, c.kind, c.importable])).toEqual([
      ['default', 'access-key', true],
      ['ops', 'ram-role-arn', true],
      ['ecs', 'ecs-ram-role', true],
      ['weird', null, false],
    ])
    expect(preview.candidates[0]!.problems).toEqual(['missing region_id'])
    const res = value<{ created: ProfileView[] }>(
      await call('profiles.import', {
        source: 'alibabacloud',
        file: iniFile,
        defaultRegion: 'cn-shenzhen',
        fingerprint: preview.fingerprint,
        select: [{ sourceName: 'default' }, { sourceName: 'ops', region: 'cn-shanghai' }],
      }),
    )
    expect(res.created.map((p) => [p.name, p.region])).toEqual([
      ['default', 'cn-shenzhen'],
      ['ops', 'cn-shanghai'],
    ])
    expect(await core.services.vault.get(res.created[1]!.id, 'accessKeySecret')).toBe(INI_SECRET)
  })

  it('bad input changes nothing: a file changed since the preview, an entry that cannot be imported, a chain without its source, an unreadable file', async () => {
    const { fingerprint } = value<{ fingerprint: string }>(
      await call('profiles.importPreview', { source: 'aliyun-cli', file: cliFile }),
    )
    fs.appendFileSync(cliFile, '\n')
    expect(
      errorOf(
        await call('profiles.import', {
          source: 'aliyun-cli',
          file: cliFile,
          fingerprint,
          select: [{ sourceName: 'deployer' }],
        }),
      ).code,
    ).toBe('IMPORT_CHANGED')
    const fresh = value<{ fingerprint: string }>(
      await call('profiles.importPreview', { source: 'aliyun-cli', file: cliFile }),
    ).fingerprint
    // 'temp' would be fine, 'broken' has no secret: the whole import is refused and 'temp' is not kept,
    // nor its secrets in the keychain.
    const partial = errorOf(
      await call('profiles.import', {
        source: 'aliyun-cli',
        file: cliFile,
        fingerprint: fresh,
        select: [{ sourceName: 'temp' }, { sourceName: 'broken' }],
      }),
    )
    expect(partial.code).toBe('VALIDATION')
    expect(
      keychainEntries(TEST_KEYCHAIN_SERVICE).filter((c) => c.password === CLI_TOKEN || c.password === CLI_SECRET),
    ).toEqual([])
    const chain = errorOf(
      await call(
        'profiles.import',
        { source: 'aliyun-cli', file: cliFile, fingerprint: fresh, select: [{ sourceName: 'other-admin' }] },
        'zh-CN',
      ),
    )
    expect(chain.code).toBe('PROFILE_BASE_INVALID')
    expect(chain.message).toContain('deployer')
    expect(core.services.store.profiles.list()).toEqual([])
    const missing = errorOf(
      await call('profiles.importPreview', { source: 'aliyun-cli', file: path.join(dir, 'nope.json') }, 'zh-CN'),
    )
    expect(missing.code).toBe('IMPORT_FILE_UNREADABLE')
    expect(missing.message).toContain('nope.json')
    // A file that is not JSON: the error never quotes its text (it may hold a secret).
    fs.writeFileSync(cliFile, `access_key_secret=${CLI_SECRET}`)
    const notJson = errorOf(await call('profiles.importPreview', { source: 'aliyun-cli', file: cliFile }))
    expect(notJson.code).toBe('IMPORT_FILE_INVALID')
    expect(JSON.stringify(notJson)).not.toContain(CLI_SECRET)
  })
})
