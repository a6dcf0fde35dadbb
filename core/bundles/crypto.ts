import { createCipheriv, createDecipheriv, randomBytes, scrypt as scryptCb, type ScryptOptions } from 'node:crypto'
import { z } from 'zod'
import { SCRYPT_BOUNDS, SECRETS_FORMAT, SECRETS_VERSION, type EncryptedSecrets } from '@shared/bundle'
import { AppError } from '@shared/ipc/errors'

/**
 * Secrets carried in a bundle, only ever encrypted (D2, D4): scrypt (memory-hard) derives a 256-bit key
 * from the passphrase, AES-256-GCM encrypts the JSON map `{ secretRef: secret }`. The header fields are the
 * GCM additional data, so changing any of them (or the ciphertext) fails decryption.
 */

export const PASSPHRASE_MIN = 8
/** Defaults: N = 2^15, r = 8, p = 1 (32 MiB, about 0.1 s). */
export const DEFAULT_SCRYPT = { logN: 15, r: 8, p: 1 } as const

const SecretMapSchema = z.record(z.string(), z.string())
export type SecretMap = z.infer<typeof SecretMapSchema>

function deriveKey(passphrase: string, salt: Buffer, kdf: { logN: number; r: number; p: number }): Promise<Buffer> {
  const N = 2 ** kdf.logN
  const opts: ScryptOptions = { N, r: kdf.r, p: kdf.p, maxmem: 256 * N * kdf.r + 1024 * 1024 }
  return new Promise((resolve, reject) =>
    scryptCb(passphrase.normalize('NFC'), salt, 32, opts, (err, key) => (err ? reject(err) : resolve(key))),
  )
}

/** The authenticated header: every field except the tag and the data, in a fixed order. */
function aad(h: Omit<EncryptedSecrets, 'tag' | 'data'>): Buffer {
  return Buffer.from(
    JSON.stringify([h.format, h.version, h.kdf.name, h.kdf.logN, h.kdf.r, h.kdf.p, h.kdf.salt, h.cipher, h.iv]),
    'utf8',
  )
}

export async function encryptSecrets(
  secrets: SecretMap,
  passphrase: string,
  kdf: { logN: number; r: number; p: number } = DEFAULT_SCRYPT,
): Promise<EncryptedSecrets> {
  if (passphrase.length < PASSPHRASE_MIN)
    throw new AppError('BUNDLE_PASSPHRASE_SHORT', { ruleId: 'D2', params: { min: PASSPHRASE_MIN } })
  const salt = randomBytes(16)
  const iv = randomBytes(12)
  const header: Omit<EncryptedSecrets, 'tag' | 'data'> = {
    format: SECRETS_FORMAT,
    version: SECRETS_VERSION,
    kdf: { name: 'scrypt', logN: kdf.logN, r: kdf.r, p: kdf.p, salt: salt.toString('base64') },
    cipher: 'aes-256-gcm',
    iv: iv.toString('base64'),
  }
  const key = await deriveKey(passphrase, salt, kdf)
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  cipher.setAAD(aad(header))
  // Sorted keys: the plaintext does not depend on the order the secrets were read in.
  const sorted = Object.fromEntries(Object.entries(secrets).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
  const data = Buffer.concat([cipher.update(JSON.stringify(sorted), 'utf8'), cipher.final()])
  return { ...header, tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') }
}

export async function decryptSecrets(box: EncryptedSecrets, passphrase: string): Promise<SecretMap> {
  if (box.version !== SECRETS_VERSION)
    throw new AppError('BUNDLE_SECRETS_VERSION', {
      ruleId: 'D4',
      params: { found: box.version, supported: SECRETS_VERSION },
    })
  const { logN, r, p } = box.kdf
  if (logN < 10 || logN > SCRYPT_BOUNDS.maxLogN || r < 1 || r > SCRYPT_BOUNDS.maxR || p < 1 || p > SCRYPT_BOUNDS.maxP)
    throw new AppError('BUNDLE_SECRETS_PARAMS', { ruleId: 'D4', params: { detail: `logN=${logN} r=${r} p=${p}` } })
  const salt = Buffer.from(box.kdf.salt, 'base64')
  const iv = Buffer.from(box.iv, 'base64')
  const tag = Buffer.from(box.tag, 'base64')
  if (salt.length < 16 || iv.length !== 12 || tag.length !== 16)
    throw new AppError('BUNDLE_SECRETS_PARAMS', { ruleId: 'D4', params: { detail: 'salt, iv or tag length' } })
  const key = await deriveKey(passphrase, salt, box.kdf)
  let plain: string
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: 16 })
    decipher.setAAD(aad(box))
    decipher.setAuthTag(tag)
    plain = Buffer.concat([decipher.update(Buffer.from(box.data, 'base64')), decipher.final()]).toString('utf8')
  } catch {
    throw new AppError('BUNDLE_PASSPHRASE_WRONG', { ruleId: 'D2' })
  }
  const parsed = SecretMapSchema.safeParse(safeJson(plain))
  if (!parsed.success) throw new AppError('BUNDLE_PASSPHRASE_WRONG', { ruleId: 'D2' })
  return parsed.data
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s)
  } catch {
    return undefined
  }
}
