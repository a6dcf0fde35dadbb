import { unknownKeys } from '@shared/bundle'
import { WorkspaceConfigSchema } from '@shared/domain'
import type { RawProblem } from './problems'
import { looksLikeSecret } from './secrets'

/** Field names that hold a secret: a bundle never carries one in clear (D2). */
const SECRET_NAME = /secret|passw|token|sign/i

/**
 * Fields of a workspace configuration that the schema does not know. A typo (`memebrs:`) is D4; a field that
 * holds a secret in clear (`secret: SEC…` on a DingTalk target) is D2, whatever its name: secrets go into the
 * keychain and are named by `secretRef`, or travel in an encrypted export.
 */
export function unknownKeyProblems(config: unknown, base: string): RawProblem[] {
  return unknownKeys(WorkspaceConfigSchema, config, base).map((u) => {
    const key = u.key.slice(0, 80)
    const secret = SECRET_NAME.test(u.key) || (typeof u.value === 'string' && looksLikeSecret(u.value))
    return secret
      ? { pointer: u.pointer, ruleId: 'D2', severity: 'error', code: 'BUNDLE_SECRET_IN_BUNDLE', params: { key } }
      : { pointer: u.pointer, ruleId: 'D4', severity: 'error', code: 'BUNDLE_UNKNOWN_KEY', params: { key } }
  })
}
