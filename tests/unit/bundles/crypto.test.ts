import { describe, expect, it } from 'vitest'
import { AppError } from '@shared/ipc/errors'
import { ExportSecretsSchema } from '@shared/ipc/channels/bundles'
import { buildBundle, serializeBundle } from '../../../core/bundles/serialize'
import { decryptSecrets, encryptSecrets } from '../../../core/bundles/crypto'
import { assertNoClearSecrets } from '../../../core/bundles/secrets'
import { WorkspaceConfigSchema } from '@shared/domain'

const SECRET = 'SEC' + 'a1b2c3d4'.repeat(8)
const FAST = { logN: 10, r: 8, p: 1 }

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p
    return 'no error'
  } catch (err) {
    return err instanceof AppError ? err.code : String(err)
  }
}

describe('encrypted secrets', () => {
  it('D2: secrets round-trip with the passphrase, and are not in the ciphertext or the file', async () => {
    const box = await encryptSecrets({ 'ops-robot': SECRET }, 'correct horse battery', FAST)
    expect(box).toMatchObject({
      format: 'pai-admin-secrets',
      version: 1,
      cipher: 'aes-256-gcm',
      kdf: { name: 'scrypt' },
    })
    expect(await decryptSecrets(box, 'correct horse battery')).toEqual({ 'ops-robot': SECRET })
    const cfg = WorkspaceConfigSchema.parse({ basic: { name: 'team_a', description: 'x' } })
    const text = serializeBundle(buildBundle([{ name: 'team_a', config: cfg }], box), 'yaml')
    expect(text).not.toContain(SECRET)
    expect(text).not.toContain('correct horse battery')
    expect(text).toContain('aes-256-gcm')
  })

  it('D2: the default scrypt cost is memory-hard (N = 2^15, r = 8)', async () => {
    const box = await encryptSecrets({ a: 'b' }, 'passphrase!')
    expect(box.kdf).toMatchObject({ logN: 15, r: 8, p: 1 })
    expect(Buffer.from(box.kdf.salt, 'base64')).toHaveLength(16)
    expect(Buffer.from(box.iv, 'base64')).toHaveLength(12)
  })

  it('D2: a wrong passphrase, a changed header or changed data fail to decrypt', async () => {
    const box = await encryptSecrets({ r: SECRET }, 'right passphrase', FAST)
    expect(await code(decryptSecrets(box, 'wrong passphrase'))).toBe('BUNDLE_PASSPHRASE_WRONG')
    expect(await code(decryptSecrets({ ...box, kdf: { ...box.kdf, r: 9 } }, 'right passphrase'))).toBe(
      'BUNDLE_PASSPHRASE_WRONG',
    )
    const data = Buffer.from(box.data, 'base64')
    data[0] = data[0]! ^ 1
    expect(await code(decryptSecrets({ ...box, data: data.toString('base64') }, 'right passphrase'))).toBe(
      'BUNDLE_PASSPHRASE_WRONG',
    )
  })

  it('D4: an unknown header version and a hostile scrypt cost are refused before deriving a key', async () => {
    const box = await encryptSecrets({ r: SECRET }, 'right passphrase', FAST)
    expect(await code(decryptSecrets({ ...box, version: 2 }, 'right passphrase'))).toBe('BUNDLE_SECRETS_VERSION')
    const t0 = performance.now()
    expect(await code(decryptSecrets({ ...box, kdf: { ...box.kdf, logN: 30 } }, 'right passphrase'))).toBe(
      'BUNDLE_SECRETS_PARAMS',
    )
    expect(performance.now() - t0).toBeLessThan(100)
  })

  it('D2: a short passphrase is refused', async () => {
    expect(await code(encryptSecrets({ r: SECRET }, 'short', FAST))).toBe('BUNDLE_PASSPHRASE_SHORT')
  })

  it('D2: exporting secrets in clear is impossible: no such mode, and the last gate refuses one in the text', () => {
    expect(ExportSecretsSchema.safeParse({ mode: 'clear' }).success).toBe(false)
    expect(ExportSecretsSchema.safeParse({ mode: 'refs', passphrase: 'x' }).success).toBe(false)
    expect(ExportSecretsSchema.safeParse({ mode: 'encrypted', passphrase: 'long enough' }).success).toBe(true)
    expect(() => assertNoClearSecrets(`secretRef: ${SECRET}\n`, [], undefined)).toThrow(AppError)
    expect(() => assertNoClearSecrets('note: my-known-secret-value\n', ['my-known-secret-value'], undefined)).toThrow(
      AppError,
    )
    expect(() => assertNoClearSecrets('secretRef: ops-robot\n', ['my-known-secret-value'], undefined)).not.toThrow()
  })
})
