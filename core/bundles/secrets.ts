import type { EncryptedSecrets } from '@shared/bundle'
import { AppError } from '@shared/ipc/errors'

/** Shapes of secrets that must never be in a bundle in clear: DingTalk signing secrets [加签]. */
const SECRET_SHAPES = [/\bSEC[0-9a-fA-F]{32,}\b/]

/** Whether a value is shaped like a DingTalk signing secret. */
export function looksLikeSecret(value: string): boolean {
  return SECRET_SHAPES.some((shape) => shape.test(value))
}

/**
 * The export's last gate (D2): the text may not contain, in clear, any secret value the export read from
 * the keychain, nor anything shaped like a signing secret. The encrypted block's base64 is excluded.
 */
export function assertNoClearSecrets(
  content: string,
  known: readonly string[],
  box: EncryptedSecrets | undefined,
): void {
  let text = content
  if (box) for (const v of [box.data, box.tag, box.iv, box.kdf.salt]) text = text.split(v).join('')
  for (const secret of known)
    if (secret.length >= 4 && text.includes(secret))
      throw new AppError('BUNDLE_SECRET_IN_CLEAR', { ruleId: 'D2', params: { where: 'keychain value' } })
  for (const shape of SECRET_SHAPES)
    if (shape.test(text))
      throw new AppError('BUNDLE_SECRET_IN_CLEAR', { ruleId: 'D2', params: { where: 'DingTalk secret pattern' } })
}
