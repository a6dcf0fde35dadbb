import { randomBytes } from 'node:crypto'
import { AsyncEntry } from '@napi-rs/keyring'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Vault } from '../../../core/vault'
import { requireKeychain } from './keychain'

beforeAll(requireKeychain)

// A service of its own, so the churn below touches no other test's entries.
const SERVICE = `pai-workspace-admin-vanish-${randomBytes(4).toString('hex')}`
const entry = (account: string): AsyncEntry => new AsyncEntry(SERVICE, account, { linux: { store: 'secret-service' } })

afterAll(async () => {
  for (const c of await new Vault({ service: SERVICE }).list())
    await new Vault({ service: SERVICE }).delete(c.profileId, c.kind)
})

describe('the keychain while another process deletes entries', () => {
  it('D2: listing secrets succeeds while entries are created and deleted at the same time', async () => {
    const vault = new Vault({ service: SERVICE })
    await vault.set('keep', 'accessKeySecret', 'kept-secret-0001')
    let stop = false
    // What a second process (the CLI removing a profile, another window) does meanwhile.
    const churn = (async () => {
      for (let i = 0; !stop; i++) {
        const e = entry(`churn${i % 8}:accessKeySecret`)
        await e.setPassword(`s-${i}-${randomBytes(6).toString('hex')}`)
        await e.deleteCredential()
        await new Promise((r) => setTimeout(r, 5))
      }
    })()
    try {
      for (let i = 0; i < 100; i++) {
        const keys = await vault.list('keep')
        expect(keys).toEqual([{ profileId: 'keep', kind: 'accessKeySecret' }])
      }
    } finally {
      stop = true
      await churn
    }
  }, 120_000)
})
