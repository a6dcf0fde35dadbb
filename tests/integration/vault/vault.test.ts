import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Entry } from '@napi-rs/keyring'
import { beforeAll, describe, expect, it } from 'vitest'
import { Vault, dingtalkKind } from '../../../core/vault'
import { accountFor, parseAccount } from '../../../core/vault/accounts'
import { keychainEntries, requireKeychain } from './keychain'

const ROOT = path.resolve(__dirname, '../../..')
// A service of its own per run, so the test never touches real entries of the app.
const SERVICE = `pai-workspace-admin-test-${randomBytes(4).toString('hex')}`

beforeAll(requireKeychain)

describe('keychain vault (real Secret Service)', () => {
  it('D2: sets, gets, lists (names only) and deletes secrets as <profileId>:<kind> entries', async () => {
    const seen: string[] = []
    const v = new Vault({ service: SERVICE, onSecret: (s) => seen.push(s) })
    const sk = `sk-${randomBytes(12).toString('base64url')}`
    const ding = `SEC${randomBytes(20).toString('hex')}`
    await v.set('p1', 'accessKeySecret', sk)
    await v.set('p1', dingtalkKind('ops-robot'), ding)
    await v.set('p2', 'bundlePassphrase', 'correct horse battery staple')

    // Stored as real OS credential entries under the service, with the documented account names.
    const entries = keychainEntries(SERVICE)
      .map((c) => c.account)
      .sort()
    expect(entries).toEqual(['p1:accessKeySecret', 'p1:dingtalkSecret:ops-robot', 'p2:bundlePassphrase'])
    expect(new Entry(SERVICE, 'p1:accessKeySecret').getPassword()).toBe(sk)

    expect(await v.get('p1', 'accessKeySecret')).toBe(sk)
    expect(await v.get('p1', 'bundlePassphrase')).toBeNull()
    expect(await v.list('p1')).toEqual([
      { profileId: 'p1', kind: 'accessKeySecret' },
      { profileId: 'p1', kind: 'dingtalkSecret:ops-robot', ref: 'ops-robot' },
    ])
    expect(JSON.stringify(await v.list())).not.toContain(sk)
    expect(await v.has('p2', 'bundlePassphrase')).toBe(true)
    // Every secret read or written was handed to the log redactor.
    expect(seen).toEqual(expect.arrayContaining([sk, ding, 'correct horse battery staple']))

    // Replacing overwrites in place.
    await v.set('p1', 'accessKeySecret', 'replaced-secret')
    expect(await v.get('p1', 'accessKeySecret')).toBe('replaced-secret')

    expect(await v.delete('p1', dingtalkKind('ops-robot'))).toBe(true)
    expect(await v.delete('p1', dingtalkKind('ops-robot'))).toBe(false)
    expect(await v.deleteAll('p1')).toBe(1)
    expect(await v.deleteAll('p2')).toBe(1)
    expect(keychainEntries(SERVICE)).toEqual([])
  })

  it('ignores entries of the service it did not write', async () => {
    new Entry(SERVICE, 'not-ours').setPassword('x1234')
    const v = new Vault({ service: SERVICE })
    expect(await v.list()).toEqual([])
    new Entry(SERVICE, 'not-ours').deleteCredential()
  })

  it('validated account names', () => {
    expect(accountFor('01ABC', dingtalkKind('robot.1'))).toBe('01ABC:dingtalkSecret:robot.1')
    expect(() => accountFor('a:b', 'accessKeySecret')).toThrow()
    expect(() => accountFor('p', dingtalkKind('bad ref'))).toThrow()
    expect(parseAccount('p:bundlePassphrase')).toEqual({ profileId: 'p', kind: 'bundlePassphrase' })
    expect(parseAccount('p:other')).toBeNull()
  })

  it('D2: with no Secret Service reachable, every call fails with KEYCHAIN_UNAVAILABLE and an install hint; nothing falls back to a file', () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'pai-nobus-'))
    const out = execFileSync(
      process.execPath,
      ['--import', 'tsx', path.join(__dirname, 'no-keychain-child.ts'), path.join(home, 'data-dir')],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          TSX_TSCONFIG_PATH: path.join(ROOT, 'tsconfig.node.json'),
          DBUS_SESSION_BUS_ADDRESS: `unix:path=${path.join(home, 'no-such-bus')}`,
          HOME: home,
          XDG_DATA_HOME: path.join(home, 'data'),
          XDG_CONFIG_HOME: path.join(home, 'config'),
        },
        encoding: 'utf8',
      },
    )
    const res = JSON.parse(out) as Record<string, { ok: boolean; code?: string; ruleId?: string; en?: string }> & {
      addWithSecret: { ok: boolean; error?: { code: string } }
      addWithout: { ok: boolean; value?: { hasSecret: boolean } }
      listProfiles: {
        ok: boolean
        value?: { profiles: unknown[]; keychainError: { code: string; message: string } | null }
      }
      profileNames: string[]
    }
    for (const op of ['set', 'get', 'list', 'delete']) {
      expect(res[op], op).toMatchObject({ ok: false, code: 'KEYCHAIN_UNAVAILABLE', ruleId: 'D2' })
      expect(res[op]!.en).toMatch(/gnome-keyring/)
      expect(res[op]!.en).toMatch(/never in plain text/)
    }
    // Through the IPC contract: a profile whose secret cannot be stored is not added at all ...
    expect(res.addWithSecret).toMatchObject({ ok: false, error: { code: 'KEYCHAIN_UNAVAILABLE' } })
    // ... one without a secret is, and the list still works and says why secrets are unknown.
    expect(res.addWithout).toMatchObject({ ok: true, value: { hasSecret: false } })
    expect(res.listProfiles.value?.profiles).toHaveLength(1)
    expect(res.listProfiles.value?.keychainError).toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE' })
    expect(res.listProfiles.value?.keychainError?.message).toMatch(/install and unlock a Secret Service/)
    expect(res.profileNames).toEqual(['without'])
    // No file anywhere under the fake home holds the would-be secret.
    const files: string[] = []
    const walk = (d: string): void => {
      for (const e of fs.readdirSync(d, { withFileTypes: true }))
        (e.isDirectory() ? walk : (f: string) => files.push(f))(path.join(d, e.name))
    }
    walk(home)
    expect(files.filter((f) => fs.readFileSync(f).includes('would-be-secret'))).toEqual([])
  })
})
