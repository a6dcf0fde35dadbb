import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator, type RunningEmulator } from '../../../tools/emulator'
import { requireKeychain } from '../vault/keychain'
import {
  ADMIN_ROLE,
  arnOf,
  CI_ROLE,
  DEPLOYER,
  OIDC_PROVIDER,
  oidcToken,
  OTHER,
  ROLES,
  STS_ACCOUNTS,
} from '../cloud/sts-fixtures'
import { ensureBuilt, runCli, type CliRun } from './support'

/**
 * Issue 15 from the command line: profile kinds, `profile list` with who each profile is, `profile import`,
 * and `--credentials env` for pipelines: no keychain, no D-Bus, a throw-away data directory.
 */

const NO_KEYCHAIN = { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus' }

let emu: RunningEmulator
let dir: string
let dataDir: string
const outputs: CliRun[] = []

async function cli(args: string[], input?: string, env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  const r = await runCli(['--data-dir', dataDir, ...args], { ...(input === undefined ? {} : { input }), env })
  outputs.push(r)
  return r
}
async function envCli(args: string[], env: NodeJS.ProcessEnv, input?: string): Promise<CliRun> {
  const r = await runCli(args, { ...(input === undefined ? {} : { input }), env: { ...NO_KEYCHAIN, ...env } })
  outputs.push(r)
  return r
}

/** `workspace list` on the environment's credentials, against the emulator. */
const envList = (): string[] => [
  'workspace',
  'list',
  '--credentials',
  'env',
  '--region',
  'cn-hangzhou',
  '--endpoint',
  emu.endpoint,
  '--protocol',
  'http',
]

const bundle = `apiVersion: pai-admin.aliyun.com/v1
kind: WorkspaceBundle
workspaces:
  - name: team_ci
    config:
      basic:
        name: team_ci
        description: applied from CI with OIDC
`

beforeAll(async () => {
  await requireKeychain()
  ensureBuilt()
  emu = await startEmulator({ accounts: STS_ACCOUNTS, roles: ROLES, oidcProviders: [OIDC_PROVIDER], asyncDelayMs: 0 })
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pai-cli-creds-'))
  dataDir = path.join(dir, 'data')
}, 180_000)

afterAll(async () => {
  for (const name of ['team-b', 'deployer', 'imported'])
    await runCli(['--data-dir', dataDir, 'profile', 'remove', name]).catch(() => undefined)
  await emu?.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('pai-admin credentials', { timeout: 180_000 }, () => {
  it('a RAM role profile from a source profile; profile list --check shows who it is and when it expires', async () => {
    const at = ['--region', 'cn-hangzhou', '--endpoint', emu.endpoint, '--protocol', 'http']
    expect(
      (
        await cli(
          ['profile', 'add', 'deployer', ...at, '--access-key-id', DEPLOYER.accessKeyId],
          DEPLOYER.accessKeySecret,
        )
      ).code,
    ).toBe(0)
    const role = await cli([
      'profile',
      'add',
      'team-b',
      ...at,
      '--kind',
      'ram-role-arn',
      '--source-profile',
      'deployer',
      '--role-arn',
      arnOf(ADMIN_ROLE),
      '--external-id',
      'ext-4711',
    ])
    expect(role.code, role.stderr).toBe(0)
    const listed = await cli(['profile', 'list', '--check'])
    expect(listed.code, listed.stderr).toBe(0)
    expect(listed.stdout).toMatch(/team-b\s+ram-role-arn\s+cn-hangzhou/)
    expect(listed.stdout).toContain(`acs:ram::${OTHER.uid}:assumed-role/pai-admin/pai-workspace-admin`)
    expect(listed.stdout).toMatch(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/)
    const json = JSON.parse((await cli(['--output', 'json', 'profile', 'list'])).stdout) as {
      profiles: Array<{ name: string; caller: { identityType: string } | null }>
    }
    expect(json.profiles.find((p) => p.name === 'team-b')?.caller?.identityType).toBe('AssumedRoleUser')
    // A wrong external ID: --check names the problem and exits 3.
    const bad = await cli([
      'profile',
      'add',
      'bad-ext',
      ...at,
      '--kind',
      'ram-role-arn',
      '--source-profile',
      'deployer',
      '--role-arn',
      arnOf(ADMIN_ROLE),
      '--external-id',
      'nope',
    ])
    expect(bad.code).toBe(0)
    const checked = await cli(['profile', 'list', '--check'])
    expect(checked.code).toBe(3)
    expect(checked.stderr).toContain('bad-ext')
    expect(checked.stderr).toContain('external ID')
    // Every profile's workspaces at once, each row saying whose; deployer cannot list (A3): exit 3, said so.
    emu.seed({ tenant: OTHER.uid, workspaces: [{ WorkspaceName: 'other_ws' }] })
    const all = await cli(['workspace', 'list', '--all-profiles'])
    expect(all.code, all.stderr).toBe(3)
    expect(all.stdout).toMatch(new RegExp(`team-b\\s+${OTHER.uid}\\s+cn-hangzhou\\s+other_ws`))
    expect(all.stderr).toContain('deployer')
    expect((await cli(['profile', 'remove', 'deployer'])).code).toBe(1)
    expect((await cli(['profile', 'remove', 'bad-ext'])).code).toBe(0)
  })

  it('profile list without --check: a role checked long ago renews, only a pasted STS token is expired', async () => {
    // As if the first test's --check was an hour and a half ago: the role's credentials then expired 30 min ago.
    const db = new Database(path.join(dataDir, 'pai-admin.db'))
    const old = new Date(Date.now() - 30 * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z')
    const rows = db.prepare("SELECT id, caller_json FROM profiles WHERE name = 'team-b'").all() as Array<{
      id: string
      caller_json: string
    }>
    expect(rows).toHaveLength(1)
    const caller = { ...(JSON.parse(rows[0]!.caller_json) as object), expiresAt: old }
    db.prepare('UPDATE profiles SET caller_json = ? WHERE id = ?').run(JSON.stringify(caller), rows[0]!.id)
    db.close()
    const at = ['--region', 'cn-hangzhou', '--endpoint', emu.endpoint, '--protocol', 'http']
    const pasted = await cli(
      [
        'profile',
        'add',
        'pasted',
        ...at,
        '--kind',
        'sts-token',
        '--access-key-id',
        'STS.pasted',
        '--sts-expiration',
        old,
      ],
      'pasted-secret\nCAIS-pasted-token',
    )
    expect(pasted.code, pasted.stderr).toBe(0)
    const listed = await cli(['profile', 'list'])
    expect(listed.code, listed.stderr).toBe(0)
    const line = (name: string) => listed.stdout.split('\n').find((l) => l.startsWith(`${name} `)) ?? ''
    expect(line('team-b')).toContain('renews automatically')
    expect(line('team-b')).not.toContain(old)
    expect(line('pasted')).toContain(`expired ${old}`)
    expect((await cli(['profile', 'remove', 'pasted'])).code).toBe(0)
  })

  it('a malformed role ARN names the option and its form in the user language (CREDENTIALS_FIELD_INVALID)', async () => {
    const args = ['profile', 'add', 'bad-arn', '--region', 'cn-hangzhou', '--kind', 'ram-role-arn']
    const typed = [...args, '--source-profile', 'deployer', '--role-arn', 'acs:ram::1:user/bob']
    const zh = await cli(typed, undefined, { PAI_ADMIN_LANG: 'zh-CN' })
    expect(zh.code).toBe(2)
    expect(zh.stderr).toContain(
      '账号配置中的 --role-arn 无效:“acs:ram::1:user/bob”,应为 acs:ram::<账号 ID>:role/<角色名称>',
    )
    expect(zh.stderr).not.toContain('请求参数无效')
    const en = await cli(typed)
    expect(en.code).toBe(2)
    expect(en.stderr).toContain('The profile field --role-arn is invalid: "acs:ram::1:user/bob"')
    expect(en.stderr).toContain('acs:ram::<account ID>:role/<role name>')
    const duration = await cli([...typed.slice(0, -1), arnOf(ADMIN_ROLE), '--duration', '60'])
    expect(duration.stderr).toContain('--duration')
    expect((await cli(['profile', 'list'])).stdout).not.toContain('bad-arn')
  })

  it('profile import shows the file first, needs --yes off a terminal, and leaves the file as it was', async () => {
    const file = path.join(dir, 'config.json')
    const text = JSON.stringify({
      current: 'imported',
      profiles: [
        {
          name: 'imported',
          mode: 'AK',
          access_key_id: DEPLOYER.accessKeyId,
          access_key_secret: DEPLOYER.accessKeySecret,
          region_id: 'cn-hangzhou',
        },
        { name: 'sso', mode: 'CloudSSO' },
      ],
    })
    fs.writeFileSync(file, text)
    const noYes = await cli(['profile', 'import', '--file', file])
    expect(noYes.code).toBe(1)
    expect(noYes.stderr).toMatch(/imported \*\s+imported\s+access-key/)
    expect(noYes.stderr).toContain('(CloudSSO)')
    const ok = await cli(['profile', 'import', '--file', file, '--yes'])
    expect(ok.code, ok.stderr).toBe(0)
    expect(ok.stdout).toMatch(/imported\s+access-key\s+cn-hangzhou/)
    expect(fs.readFileSync(file, 'utf8')).toBe(text)
  })

  it('--credentials env: an AccessKey from the environment, without a keychain or D-Bus, leaving no data directory', async () => {
    emu.seed({ workspaces: [{ WorkspaceName: 'env_ws' }] })
    const unused = path.join(dir, 'default-data-dir')
    const env = {
      ALIBABA_CLOUD_ACCESS_KEY_ID: DEPLOYER.accessKeyId,
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: DEPLOYER.accessKeySecret,
      PAI_ADMIN_DATA_DIR: unused,
    }
    const r = await envCli(envList(), env)
    // DEPLOYER has no PAI policy: the cloud refuses (A3) — but the call was made with the environment's key.
    expect(r.code, r.stdout + r.stderr).toBe(3)
    expect(r.stderr).toContain('AliyunPAIFullAccess')
    expect(fs.existsSync(unused)).toBe(false)
    const missing = await envCli(['workspace', 'list', '--credentials', 'env', '--region', 'cn-hangzhou'], {
      ALIBABA_CLOUD_ACCESS_KEY_ID: 'x',
    })
    expect(missing.code).toBe(3)
    expect(missing.stderr).toContain('ALIBABA_CLOUD_ACCESS_KEY_SECRET')
    const noRegion = await envCli(['workspace', 'list', '--credentials', 'env'], env)
    expect(noRegion.code).toBe(2)
    expect(noRegion.stderr).toContain('--region')
  })

  it("docs/cli.md GitOps: apply from CI with OIDC to a RAM role, no keychain; the workspace lands in the role's account", async () => {
    const tokenFile = path.join(dir, 'oidc-token')
    fs.writeFileSync(tokenFile, oidcToken())
    const file = path.join(dir, 'team_ci.yaml')
    fs.writeFileSync(file, bundle)
    const env = {
      ALIBABA_CLOUD_ROLE_ARN: arnOf(CI_ROLE),
      ALIBABA_CLOUD_OIDC_PROVIDER_ARN: OIDC_PROVIDER.arn,
      ALIBABA_CLOUD_OIDC_TOKEN_FILE: tokenFile,
    }
    const args = ['--credentials', 'env', '--region', 'cn-hangzhou', '--endpoint', emu.endpoint, '--protocol', 'http']
    const apply = await envCli(['apply', file, ...args, '--yes'], env)
    expect(apply.code, apply.stdout + apply.stderr).toBe(0)
    const tenant = emu.state().tenants[OTHER.uid!]!
    expect(Object.values(tenant.workspaces).map((w) => w.WorkspaceName)).toContain('team_ci')
    const again = await envCli(['plan', file, ...args, '--output', 'json'], env)
    expect(again.code, again.stdout + again.stderr).toBe(0)
    expect((JSON.parse(again.stdout) as { totals: { apply: number } }).totals.apply).toBe(0)
    // An expired OIDC token: a clear error, exit 3.
    fs.writeFileSync(tokenFile, oidcToken({ exp: Math.floor(Date.now() / 1000) - 60 }))
    const expired = await envCli(['plan', file, ...args], env)
    expect(expired.code).toBe(3)
    expect(expired.stderr).toContain('OIDC')
  })

  it('--credentials env with ALIBABA_CLOUD_SECURITY_TOKEN: requests are signed with the STS token; a wrong token is a clear error', async () => {
    const role = emu.core.sts.role(arnOf(ADMIN_ROLE))!
    const sts = emu.core.sts.issue(role, 'pipeline', 900, Date.now())
    emu.seed({ tenant: OTHER.uid, workspaces: [{ WorkspaceName: 'sts_env_ws', Description: 'via STS' }] })
    const args = envList()
    const env = {
      ALIBABA_CLOUD_ACCESS_KEY_ID: sts.accessKeyId,
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: sts.accessKeySecret,
      ALIBABA_CLOUD_SECURITY_TOKEN: sts.session!.securityToken,
    }
    const ok = await envCli(args, env)
    expect(ok.code, ok.stdout + ok.stderr).toBe(0)
    expect(ok.stdout).toContain('sts_env_ws')
    // The same key with another token: the cloud refuses the signature, and the CLI says so (exit 3).
    const wrong = await envCli(args, { ...env, ALIBABA_CLOUD_SECURITY_TOKEN: 'CAISnot-the-token' })
    expect(wrong.code, wrong.stdout + wrong.stderr).toBe(3)
    expect(wrong.stderr).toContain('InvalidSecurityToken.MismatchWithAccessKey')
    expect(wrong.stdout).not.toContain('sts_env_ws')
  })

  it('D2: no CLI output carries a secret or a temporary credential', () => {
    const secrets = [
      DEPLOYER.accessKeySecret,
      ...emu.core.sts.issued().flatMap((a) => [a.accessKeySecret, a.session!.securityToken]),
    ]
    expect(secrets.length).toBeGreaterThan(3)
    const leaks = outputs.filter((o) => secrets.some((s) => o.stdout.includes(s) || o.stderr.includes(s)))
    expect(leaks).toEqual([])
  })
})
