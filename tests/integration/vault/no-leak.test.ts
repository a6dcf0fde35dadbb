import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Envelope } from '@shared/ipc/api'
import type { ProfileView } from '@shared/ipc/channels/profiles'
import { testCore } from '../../helpers/core'
import { listBackups } from '../../../core/store/backup'
import { startTestEmulator } from '../emulator/support'
import { ADMIN_ROLE, arnOf, DEPLOYER, ECS_ROLE, ROLES, STS_ACCOUNTS } from '../cloud/sts-fixtures'
import { requireKeychain } from './keychain'

beforeAll(requireKeychain)

function allFiles(dir: string): string[] {
  const out: string[] = []
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name)
    if (e.isDirectory()) out.push(...allFiles(p))
    else out.push(p)
  }
  return out
}

/** Files under `dir` whose bytes contain any of the secrets (as UTF-8 or UTF-16). */
function filesContaining(dir: string, secrets: string[]): string[] {
  const needles = secrets.flatMap((s) => [Buffer.from(s, 'utf8'), Buffer.from(s, 'utf16le')])
  return allFiles(dir).filter((f) => {
    const bytes = fs.readFileSync(f)
    return needles.some((n) => bytes.includes(n))
  })
}

describe('secrets never leave the keychain', () => {
  it('D2: after a profile with a secret, a DingTalk secret and draft edits, the secret bytes are in no file and no IPC answer', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pai-noleak-'))
    const core = testCore({ dataDir })
    const akSecret = `AkS${randomBytes(18).toString('base64url')}`
    const akSecret2 = `AkS2${randomBytes(18).toString('base64url')}`
    const dingSecret = `SEC${randomBytes(24).toString('hex')}`
    const secrets = [akSecret, akSecret2, dingSecret]
    const answers: string[] = []
    const call = async (
      channel: string,
      payload: unknown,
      locale: 'en' | 'zh-CN' = 'en',
    ): Promise<Envelope<unknown>> => {
      const res = await core.call(channel, payload, { locale })
      answers.push(JSON.stringify(res))
      return res
    }

    const added = await call('profiles.add', {
      name: 'leakcheck',
      region: 'cn-shanghai',
      accessKeyId: 'TESTAK5tLeakCheck001',
      accessKeySecret: akSecret,
    })
    expect(added.ok).toBe(true)
    const id = (added as { ok: true; value: ProfileView }).value.id
    await call('secrets.setDingtalk', { profileId: id, ref: 'alerts', secret: dingSecret })
    await call('profiles.list', {})
    await call('secrets.listDingtalk', { profileId: id })
    await call('profiles.setActive', { id })
    // Failing calls that carry a secret: duplicate name, invalid field, unknown profile.
    expect(
      (
        await call(
          'profiles.add',
          { name: 'LEAKCHECK', region: 'cn-shanghai', accessKeyId: 'TESTAK5tLeakCheck001', accessKeySecret: akSecret },
          'zh-CN',
        )
      ).ok,
    ).toBe(false)
    expect(
      (await call('profiles.add', { name: 'bad', region: '??', accessKeyId: 'LTAI5t', accessKeySecret: akSecret })).ok,
    ).toBe(false)
    expect((await call('profiles.setSecret', { id: 'nobody', accessKeySecret: akSecret })).ok).toBe(false)
    expect((await call('secrets.setDingtalk', { profileId: id, ref: 'bad ref!', secret: dingSecret })).ok).toBe(false)
    await call('profiles.update', { id, accessKeySecret: akSecret2, endpoint: '127.0.0.1:9' })
    await call('profiles.setSecret', { id, accessKeySecret: akSecret })
    await call('store.recovery', {})

    // Drafts: many edits, a cached config, an outbox batch and activity, like a real session.
    const store = core.services.store
    store.workspaces.upsertMany(id, [{ workspaceId: '100', name: 'leak_ws' }])
    store.workspaces.saveConfig(id, '100', {
      name: 'leak_ws',
      notifications: [{ type: 'dingtalk', secretRef: 'alerts' }],
    })
    for (let i = 0; i < 50; i++) {
      store.drafts.save({
        profileId: id,
        workspaceKey: '100',
        draft: {
          name: 'leak_ws',
          edit: i,
          dingtalk: { webhook: 'https://oapi.dingtalk.com/robot/send?access_token=x', secretRef: 'alerts' },
        },
      })
    }
    store.outbox.enqueue([
      { profileId: id, workspaceKey: '100', kind: 'notification.update', payload: { secretRef: 'alerts' } },
    ])
    // Something echoing a secret into the log (e.g. an error text) is redacted.
    core.services.log.warn('cloud said', { body: `signature mismatch for ${dingSecret} / ${akSecret}` })

    // The secrets are really stored (so the searches below can find them if they leaked) ...
    expect(await core.services.vault.get(id, 'accessKeySecret')).toBe(akSecret)
    expect(await core.services.vault.get(id, 'dingtalkSecret:alerts')).toBe(dingSecret)
    // ... and nowhere else: database, its WAL and SHM while open, logs.
    expect(fs.existsSync(path.join(dataDir, 'pai-admin.db-wal'))).toBe(true)
    expect(filesContaining(dataDir, secrets)).toEqual([])
    expect(answers.filter((a) => secrets.some((s) => a.includes(s)))).toEqual([])
    expect(fs.readFileSync(path.join(dataDir, 'logs', 'app.log'), 'utf8')).toContain('signature mismatch for ***')

    await core.close()
    // After the clean close: the database, the VACUUM INTO backup and the logs.
    expect(listBackups(path.join(dataDir, 'backups'))).toHaveLength(1)
    expect(filesContaining(dataDir, secrets)).toEqual([])

    // Sanity: the search does find bytes that are there.
    fs.writeFileSync(path.join(dataDir, 'probe.txt'), `x${akSecret}x`)
    expect(filesContaining(dataDir, secrets)).toEqual([path.join(dataDir, 'probe.txt')])
    await core.services.vault.deleteAll(id)
  })

  it('D2: STS tokens, temporary credentials and imported secrets are in no file, backup, log line or IPC answer', async () => {
    const emu = await startTestEmulator({ accounts: STS_ACCOUNTS, roles: ROLES, ecsRole: ECS_ROLE.roleName })
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pai-noleak-sts-'))
    const core = testCore({ dataDir, testOnly: { ecsMetadataOrigin: emu.url } })
    const answers: string[] = []
    const ids: string[] = []
    const call = async (channel: string, payload: unknown): Promise<Envelope<unknown>> => {
      const res = await core.call(channel, payload, { locale: 'zh-CN' })
      answers.push(JSON.stringify(res))
      return res
    }
    const value = <T>(e: Envelope<unknown>): T => {
      if (!e.ok) throw new Error(JSON.stringify(e.error))
      return e.value as T
    }
    try {
      const at = { region: 'cn-hangzhou', endpoint: emu.endpoint, protocol: 'http' }
      const base = value<ProfileView>(
        await call('profiles.add', {
          name: 'deployer',
          ...at,
          accessKeyId: DEPLOYER.accessKeyId,
          accessKeySecret: DEPLOYER.accessKeySecret,
        }),
      )
      const role = value<ProfileView>(
        await call('profiles.add', {
          name: 'role',
          ...at,
          kind: 'ram-role-arn',
          baseProfileId: base.id,
          roleArn: arnOf(ADMIN_ROLE),
          externalId: 'ext-4711',
        }),
      )
      // The role's temporary credentials are used (test, refresh) and refreshed in memory.
      value(await call('profiles.test', { id: role.id }))
      value(await call('sync.refresh', { profileId: role.id }))
      const ecs = value<ProfileView>(await call('profiles.add', { name: 'ecs', ...at, kind: 'ecs-ram-role' }))
      value(await call('profiles.test', { id: ecs.id }))
      // A user pastes an STS token (from `aliyun sts AssumeRole`): it goes to the keychain only.
      const issued = emu.core.sts.issued()[0]!
      const pasted = value<ProfileView>(
        await call('profiles.add', {
          name: 'pasted',
          ...at,
          kind: 'sts-token',
          accessKeyId: issued.accessKeyId,
          accessKeySecret: issued.accessKeySecret,
          securityToken: issued.session!.securityToken,
        }),
      )
      value(await call('profiles.test', { id: pasted.id }))
      // Imported from the aliyun CLI's file: secrets of an AccessKey and of an STS token.
      const importedSecret = `imp${randomBytes(18).toString('base64url')}`
      const importedToken = `CAISimp${randomBytes(30).toString('base64url')}`
      const cliFile = path.join(os.tmpdir(), `pai-noleak-cli-${randomBytes(4).toString('hex')}.json`)
      fs.writeFileSync(
        cliFile,
        JSON.stringify({
          profiles: [
            {
              name: 'imp-ak',
              mode: 'AK',
              access_key_id: 'TESTAK5tImported01',
              access_key_secret: importedSecret,
              region_id: 'cn-hangzhou',
            },
            {
              name: 'imp-sts',
              mode: 'StsToken',
              access_key_id: 'STS.imported01',
              access_key_secret: importedSecret,
              sts_token: importedToken,
              region_id: 'cn-hangzhou',
            },
          ],
        }),
      )
      const preview = value<{ fingerprint: string }>(
        await call('profiles.importPreview', { source: 'aliyun-cli', file: cliFile }),
      )
      value(
        await call('profiles.import', {
          source: 'aliyun-cli',
          file: cliFile,
          fingerprint: preview.fingerprint,
          select: [{ sourceName: 'imp-ak' }, { sourceName: 'imp-sts' }],
        }),
      )
      fs.rmSync(cliFile)
      value(await call('profiles.list', {}))
      // A cloud error text echoing a temporary secret is redacted in the log.
      const temp = emu.core.sts.issued()
      core.services.log.warn('cloud said', {
        body: `token ${temp[0]!.session!.securityToken} secret ${temp[0]!.accessKeySecret}`,
      })

      const secrets = [
        DEPLOYER.accessKeySecret,
        importedSecret,
        importedToken,
        ...temp.flatMap((a) => [a.accessKeySecret, a.session!.securityToken]),
      ]
      expect(temp.length).toBeGreaterThanOrEqual(2)
      expect(fs.existsSync(path.join(dataDir, 'pai-admin.db-wal'))).toBe(true)
      expect(filesContaining(dataDir, secrets)).toEqual([])
      expect(answers.filter((a) => secrets.some((x) => a.includes(x)))).toEqual([])
      expect(fs.readFileSync(path.join(dataDir, 'logs', 'app.log'), 'utf8')).toContain('token *** secret ***')
      ids.push(...core.services.store.profiles.list().map((p) => p.id))
      await core.close()
      expect(listBackups(path.join(dataDir, 'backups'))).toHaveLength(1)
      expect(filesContaining(dataDir, secrets)).toEqual([])
    } finally {
      for (const id of ids) await core.services.vault.deleteAll(id).catch(() => 0)
      await emu.close()
    }
  })
})
