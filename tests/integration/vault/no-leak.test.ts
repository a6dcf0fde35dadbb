import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Envelope } from '@shared/ipc/api'
import type { ProfileView } from '@shared/ipc/channels/profiles'
import { testCore } from '../../helpers/core'
import { listBackups } from '../../../core/store/backup'
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
    await call('profiles.get', { id })
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
})
