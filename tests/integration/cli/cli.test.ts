import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parse } from 'yaml'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WorkspaceConfigSchema } from '@shared/domain'
import { testCore } from '../../helpers/core'
import { startEmulator, type RunningEmulator } from '../../../tools/emulator'
import { requireKeychain } from '../vault/keychain'
import { ensureBuilt, runCli, type CliRun } from './support'

/**
 * pai-admin end to end: the built CLI in child processes, the real keychain (run inside a D-Bus session),
 * real SQLite, real HTTP to the emulator. Every exit code is reached.
 */

const AK = 'TESTAK5tMainAccount0001'
const AK_SECRET = 'main-secret-0001-do-not-leak'
const ROBOT_SECRET = 'SEC' + '7a6b5c4d'.repeat(8)
const ALICE = '2700000000000001'
const BOB = '2700000000000002'
const PASSPHRASE = 'correct horse battery staple'

let emu: RunningEmulator
let dataDir: string
const outputs: CliRun[] = []

async function cli(args: string[], input?: string, dir = dataDir): Promise<CliRun> {
  const r = await runCli(['--data-dir', dir, ...args], input === undefined ? {} : { input })
  outputs.push(r)
  return r
}

const bundle = (description: string, members: Array<[string, string]>) => `apiVersion: pai-admin.aliyun.com/v1
kind: WorkspaceBundle
workspaces:
  - name: team_cli
    config:
      basic:
        name: team_cli
        description: ${description}
      members:
${members.map(([id, role]) => `        - userId: "${id}"\n          roles: [${role}]`).join('\n')}
      storage:
        defaultPath: oss://team-bucket/pai/
`

beforeAll(async () => {
  await requireKeychain()
  ensureBuilt()
  emu = await startEmulator({
    accounts: [{ accessKeyId: AK, accessKeySecret: AK_SECRET, type: 'main', uid: '1700000000000001', name: 'acme' }],
    asyncDelayMs: 0,
  })
  emu.seed({
    users: [
      { UserId: ALICE, UserName: 'alice' },
      { UserId: BOB, UserName: 'bob' },
    ],
    robots: [{ token: 'robot1', secret: ROBOT_SECRET }],
  })
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pai-cli-'))
}, 180_000)

afterAll(async () => {
  // Leave no keychain entries behind.
  for (const dir of [dataDir, `${dataDir}-other`])
    if (fs.existsSync(dir)) await runCli(['--data-dir', dir, 'profile', 'remove', 'emu'])
  await emu?.close()
})

// Each step spawns the CLI several times (a cold Node process each); generous on a loaded machine.
describe('pai-admin end to end against the emulator', { timeout: 180_000 }, () => {
  it('exit 2: usage errors (unknown command, missing option)', async () => {
    expect((await cli(['bogus'])).code).toBe(2)
    const r = await cli(['profile', 'add', 'x', '--access-key-id', AK], AK_SECRET)
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/--region/)
  })

  it('--help on every command, with examples, exit 0', async () => {
    for (const args of [
      [],
      ['profile', 'add'],
      ['profile', 'list'],
      ['workspace', 'list'],
      ['export'],
      ['validate'],
      ['plan'],
      ['apply'],
      ['dingtalk', 'test'],
      ['secret', 'set'],
      ['secret', 'list'],
      ['secret', 'delete'],
    ]) {
      const r = await runCli([...args, '--help'])
      expect(r.code, args.join(' ')).toBe(0)
      expect(r.stdout, args.join(' ')).toMatch(/Examples:/)
    }
  })

  it('D2: profile add reads the secret from stdin into the keychain; profile list never shows it', async () => {
    const add = await cli(
      [
        'profile',
        'add',
        'emu',
        '--region',
        'cn-hangzhou',
        '--access-key-id',
        AK,
        '--endpoint',
        emu.endpoint,
        '--protocol',
        'http',
        '--output',
        'json',
      ],
      AK_SECRET + '\n',
    )
    expect(add.code, add.stderr).toBe(0)
    expect(JSON.parse(add.stdout)).toMatchObject({ name: 'emu', hasSecret: true })
    const list = await cli(['profile', 'list'])
    expect(list.code).toBe(0)
    expect(list.stdout).toMatch(/emu\s+access-key\s+cn-hangzhou\s+127\.0\.0\.1:\d+\s+TESTAK5tMainAccount0001\s+yes/)
    expect((await cli(['profile', 'add', 'nosecret', '--region', 'cn-hangzhou', '--access-key-id', AK], '')).code).toBe(
      1,
    )
  })

  it('exit 1: validate reports each problem with file:line:column, rule ID and hint', async () => {
    const file = path.join(dataDir, 'bad.yaml')
    fs.writeFileSync(file, bundle('Team', [[ALICE, '[]']]).replace('roles: [[]]', 'roles: []'))
    const r = await cli(['validate', file])
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: error \\[M5\\]`))
    expect(r.stdout).toMatch(/hint: /)
    const json = await cli(['validate', file, '--output', 'json'])
    expect(json.code).toBe(1)
    expect(JSON.parse(json.stdout).problems[0]).toMatchObject({ ruleId: 'M5', severity: 'error' })
  })

  it('plan prints each action in words, grouped by area, with the summary line, in English and in Chinese', async () => {
    const file = path.join(dataDir, 'team.yaml')
    fs.writeFileSync(file, bundle('Created by the CLI', [[ALICE, 'PAI.AlgoDeveloper']]))
    const en = await cli(['plan', file, '--profile', 'emu'])
    expect(en.code, en.stderr).toBe(0)
    expect(en.stdout).toContain(
      [
        'team_cli (new workspace):',
        '  Workspace',
        '    + create workspace team_cli (simple mode)',
        '  Members and roles',
        `    + add member ${ALICE} as Algorithm developer`,
        '  Storage paths',
        '    ~ set default storage (none) → oss://team-bucket/pai/',
        'Plan: 2 to add, 1 to change, 0 to remove',
      ].join('\n'),
    )
    expect(en.stdout).not.toMatch(/member\s+create|PAI\.AlgoDeveloper|modelExportPath/)
    const zh = await runCli(['--data-dir', dataDir, 'plan', file, '--profile', 'emu'], {
      env: { PAI_ADMIN_LANG: 'zh-CN' },
    })
    expect(zh.code, zh.stderr).toBe(0)
    expect(zh.stdout).toContain(`    + 添加成员 ${ALICE},角色 算法开发`)
    expect(zh.stdout).toContain('    ~ 修改工作空间默认存储路径:(未设置) → oss://team-bucket/pai/')
    expect(zh.stdout).toContain('计划:新增 2 项,修改 1 项,删除 0 项')
  })

  it('D5: plan, apply, then plan again shows nothing to do', async () => {
    const file = path.join(dataDir, 'team.yaml')
    fs.writeFileSync(file, bundle('Created by the CLI', [[ALICE, 'PAI.AlgoDeveloper']]))
    expect((await cli(['validate', file])).code).toBe(0)
    const plan = await cli(['plan', file, '--profile', 'emu', '--output', 'json'])
    expect(plan.code, plan.stderr).toBe(0)
    const p = JSON.parse(plan.stdout) as { totals: { apply: number } }
    expect(p.totals.apply).toBeGreaterThanOrEqual(2)
    // Not on a terminal, apply needs --yes (exit 1) and sends nothing.
    const noYes = await cli(['apply', file, '--profile', 'emu'])
    expect(noYes.code).toBe(1)
    expect(JSON.stringify(emu.state())).not.toContain('team_cli')
    const apply = await cli(['apply', file, '--profile', 'emu', '--yes'])
    expect(apply.code, apply.stdout + apply.stderr).toBe(0)
    expect(JSON.stringify(emu.state())).toContain('team_cli')
    const again = await cli(['plan', file, '--profile', 'emu'])
    expect(again.code, again.stdout + again.stderr).toBe(0)
    expect(again.stdout).toMatch(/team_cli: no changes\./)
  })

  it('D4: export, edit the file, plan, apply, plan again shows nothing', async () => {
    const file = path.join(dataDir, 'exported.yaml')
    const exp = await cli(['export', '--profile', 'emu', '--workspace', 'team_cli', '-o', file])
    expect(exp.code, exp.stderr).toBe(0)
    const doc = parse(fs.readFileSync(file, 'utf8')) as {
      workspaces: Array<{
        config: { basic: { description: string }; members: Array<{ userId: string; roles: string[] }> }
      }>
    }
    expect(doc.workspaces[0]!.config.members.map((m) => m.userId)).toContain(ALICE)
    // Edit: a new description, and Bob joins as a guest.
    const edited = fs
      .readFileSync(file, 'utf8')
      .replace('description: Created by the CLI', 'description: Edited in Git')
      .replace(
        '      customRoles:',
        `        - userId: "${BOB}"\n          roles:\n            - PAI.WorkspaceGuest\n      customRoles:`,
      )
    fs.writeFileSync(file, edited)
    const plan = await cli(['plan', file, '--profile', 'emu'])
    expect(plan.code, plan.stderr).toBe(0)
    expect(plan.stdout).toMatch(/\+ add member (bob \()?2700000000000002\)? as Guest/)
    const apply = await cli(['apply', file, '--profile', 'emu', '--yes'])
    expect(apply.code, apply.stdout + apply.stderr).toBe(0)
    const again = await cli(['plan', file, '--profile', 'emu'])
    expect(again.code).toBe(0)
    expect(again.stdout).toMatch(/no changes/)
    // The export of the applied state has the edits.
    const reexport = await cli(['export', '--profile', 'emu', '--workspace', 'team_cli'])
    expect(reexport.stdout).toContain('description: Edited in Git')
    expect(reexport.stdout).toContain(`userId: "${BOB}"`)
  })

  it('exit 4: a change made in the cloud meanwhile to the same field is a conflict', async () => {
    const file = path.join(dataDir, 'exported.yaml')
    const mine = fs.readFileSync(file, 'utf8').replace('description: Edited in Git', 'description: Mine')
    fs.writeFileSync(file, mine)
    // The draft is made from the cloud state as it is now...
    const first = await cli(['plan', file, '--profile', 'emu'])
    expect(first.code, first.stdout + first.stderr).toBe(0)
    // ...then someone else changes the same field, from another machine.
    const other = `${dataDir}-other`
    expect(
      (
        await cli(
          [
            'profile',
            'add',
            'emu',
            '--region',
            'cn-hangzhou',
            '--access-key-id',
            AK,
            '--endpoint',
            emu.endpoint,
            '--protocol',
            'http',
          ],
          AK_SECRET,
          other,
        )
      ).code,
    ).toBe(0)
    const theirs = path.join(dataDir, 'theirs.yaml')
    fs.writeFileSync(theirs, mine.replace('description: Mine', 'description: Theirs'))
    const applied = await cli(['apply', theirs, '--profile', 'emu', '--yes'], undefined, other)
    expect(applied.code, applied.stdout + applied.stderr).toBe(0)
    const conflict = await cli(['plan', file, '--profile', 'emu'])
    expect(conflict.code, conflict.stdout + conflict.stderr).toBe(4)
    expect((await cli(['apply', file, '--profile', 'emu', '--yes'])).code).toBe(4)
  })

  it('exit 3: a wrong AccessKey secret is an authentication error', async () => {
    expect(
      (
        await cli(
          [
            'profile',
            'add',
            'wrong',
            '--region',
            'cn-hangzhou',
            '--access-key-id',
            AK,
            '--endpoint',
            emu.endpoint,
            '--protocol',
            'http',
          ],
          'not-the-secret',
        )
      ).code,
    ).toBe(0)
    const r = await cli(['workspace', 'list', '--profile', 'wrong'])
    expect(r.code, r.stderr).toBe(3)
    expect((await cli(['profile', 'remove', 'wrong'])).code).toBe(0)
  })

  it('E7: dingtalk test signs with the secret from stdin (exit 0), a wrong secret is exit 3', async () => {
    const webhook = 'https://oapi.dingtalk.com/robot/send?access_token=robot1'
    // The robot is reached only through the test-only route, never through the profile's endpoint.
    const env = { PAI_ADMIN_TEST_DINGTALK_ORIGIN: emu.url }
    const args = ['--data-dir', dataDir, 'dingtalk', 'test', '--webhook', webhook, '--profile', 'emu']
    const good = await runCli(args, { input: ROBOT_SECRET, env })
    expect(good.code, good.stdout + good.stderr).toBe(0)
    const bad = await runCli(args, { input: 'SEC' + '0'.repeat(64), env })
    outputs.push(good, bad)
    expect(bad.code).toBe(3)
  })

  it('D2: plan and apply refuse a bundle whose secretRef is not in the keychain, before anything is sent; secret set|list|delete', async () => {
    const file = path.join(dataDir, 'robot.yaml')
    fs.writeFileSync(
      file,
      bundle('Needs a robot', [[ALICE, 'PAI.AlgoDeveloper']]).replaceAll('team_cli', 'team_robot') +
        `      notifications:
        rules:
          - name: cli-ops
            eventTypes: [dlc.other]
            targets:
              - type: dingtalk
                webhook: https://oapi.dingtalk.com/robot/send?access_token=robot1
                secretRef: cli-robot
`,
    )
    // validate against the profile: a warning names the missing secret; offline it cannot know.
    const warned = await cli(['validate', file, '--profile', 'emu'])
    expect(warned.code, warned.stdout + warned.stderr).toBe(0)
    expect(warned.stdout).toMatch(/warning \[D2\] .*cli-robot/)
    for (const verb of [['plan'], ['apply', '--yes']]) {
      const r = await cli([...verb, file, '--profile', 'emu'])
      expect(r.code, r.stdout + r.stderr).toBe(1)
      expect(r.stderr).toMatch(
        /\[D2\] The keychain of profile "emu" lacks 1 DingTalk signing secret that .*: cli-robot/,
      )
      expect(r.stderr).toContain('pai-admin secret set')
    }
    expect(JSON.stringify(emu.state())).not.toContain('team_robot')
    const json = await cli(['plan', file, '--profile', 'emu', '--output', 'json'])
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, error: { code: 'SECRET_REFS_MISSING', ruleId: 'D2' } })
    // Nothing was imported: no draft of team_robot.
    const core = testCore({ dataDir, syncWorker: 'never' })
    const emuId = core.services.store.profiles.getByName('emu')!.id
    const names = core.services.store.drafts
      .list({ profileId: emuId })
      .map((d) => core.services.store.drafts.get(emuId, d.workspaceKey, WorkspaceConfigSchema)?.draft)
    await core.close()
    expect(JSON.stringify(names)).not.toContain('team_robot')

    // The secret: only from stdin, never as an argument, never printed.
    expect((await cli(['secret', 'set', 'cli-robot', ROBOT_SECRET, '--profile', 'emu'])).code).toBe(2)
    const set = await cli(['secret', 'set', 'cli-robot', '--profile', 'emu'], ROBOT_SECRET)
    expect(set.code, set.stderr).toBe(0)
    expect(set.stdout).toMatch(/Stored the signing secret "cli-robot"/)
    expect((await cli(['secret', 'set', 'cli-robot', '--profile', 'emu'], '')).code).toBe(1)
    const list = await cli(['secret', 'list', '--profile', 'emu', '--output', 'json'])
    expect(list.code).toBe(0)
    expect(JSON.parse(list.stdout)).toEqual({ profile: 'emu', refs: ['cli-robot'] })
    expect((await cli(['secret', 'list', '--profile', 'emu'])).stdout).toMatch(/SECRET REF\s+cli-robot/)

    // Now the plan goes through (nothing refused for want of the secret).
    const planned = await cli(['plan', file, '--profile', 'emu'])
    expect(planned.code, planned.stdout + planned.stderr).toBe(0)
    expect(planned.stdout).toMatch(/team_robot \(new workspace\)/)

    const del = await cli(['secret', 'delete', 'cli-robot', '--profile', 'emu'])
    expect(del.code, del.stderr).toBe(0)
    const again = await cli(['secret', 'delete', 'cli-robot', '--profile', 'emu'])
    expect(again.code).toBe(1)
    expect(again.stderr).toMatch(/holds no signing secret "cli-robot"/)
    expect((await cli(['secret', 'list', '--profile', 'emu'])).stdout).toMatch(/holds no DingTalk signing secret/)
  })

  it('D2: export --encrypt-secrets carries the DingTalk secret encrypted; plan with the passphrase puts it in the other keychain', async () => {
    // The robot's secret is in this machine's keychain (as the app's DingTalk screen stores it).
    const core = testCore({ dataDir })
    const emuId = core.services.store.profiles.getByName('emu')!.id
    await core.services.vault.set(emuId, 'dingtalkSecret:ops-robot', ROBOT_SECRET)
    await core.close()
    const file = path.join(dataDir, 'with-robot.yaml')
    const withRule =
      bundle('With a robot', [[ALICE, 'PAI.AlgoDeveloper']]) +
      `      notifications:
        rules:
          - name: ops
            eventTypes: [dlc.other]
            targets:
              - type: dingtalk
                webhook: https://oapi.dingtalk.com/robot/send?access_token=robot1
                secretRef: ops-robot
`
    fs.writeFileSync(file, withRule)
    // The bundle becomes the draft (the plan itself is a conflict here: the description changed on both sides above).
    const planned0 = await cli(['plan', file, '--profile', 'emu'])
    expect([0, 4], planned0.stdout + planned0.stderr).toContain(planned0.code)
    const enc = path.join(dataDir, 'encrypted.yaml')
    const exp = await cli(
      ['export', '--profile', 'emu', '--workspace', 'team_cli', '--from', 'draft', '--encrypt-secrets', '-o', enc],
      PASSPHRASE,
    )
    expect(exp.code, exp.stderr).toBe(0)
    const text = fs.readFileSync(enc, 'utf8')
    expect(text).toContain('cipher: aes-256-gcm')
    expect(text).not.toContain(ROBOT_SECRET)
    expect((await cli(['validate', enc, '--passphrase-stdin'], PASSPHRASE)).code).toBe(0)
    const wrong = await cli(['validate', enc, '--passphrase-stdin'], 'not the passphrase')
    expect(wrong.code).toBe(1)
    expect(wrong.stdout).toMatch(/\[D2\]/)
    const other = `${dataDir}-other`
    const planned = await cli(['plan', enc, '--profile', 'emu', '--passphrase-stdin'], PASSPHRASE, other)
    expect([0, 4], planned.stdout + planned.stderr).toContain(planned.code)
    const otherCore = testCore({ dataDir: other })
    const otherId = otherCore.services.store.profiles.getByName('emu')!.id
    expect(await otherCore.services.vault.get(otherId, 'dingtalkSecret:ops-robot')).toBe(ROBOT_SECRET)
    await otherCore.close()
  })

  it('D2: the secrets given to the CLI appear in no output, file or log', () => {
    for (const r of outputs)
      for (const secret of [AK_SECRET, ROBOT_SECRET, PASSPHRASE]) {
        expect(r.stdout).not.toContain(secret)
        expect(r.stderr).not.toContain(secret)
      }
    const walk = (d: string): string[] =>
      fs
        .readdirSync(d, { withFileTypes: true })
        .flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]))
    for (const dir of [dataDir, `${dataDir}-other`]) {
      for (const f of walk(dir)) {
        const bytes = fs.readFileSync(f)
        expect(bytes.includes(Buffer.from(AK_SECRET)), f).toBe(false)
        expect(bytes.includes(Buffer.from(ROBOT_SECRET)), f).toBe(false)
        expect(bytes.includes(Buffer.from(PASSPHRASE)), f).toBe(false)
      }
    }
  })
})
