import { AppError } from '@shared/ipc/errors'

/**
 * Turns a keyring failure into an AppError. "No keychain reachable" (no D-Bus session, no Secret
 * Service, a locked collection, "Couldn't access platform storage", "Platform failure") becomes
 * KEYCHAIN_UNAVAILABLE, whose message says what to install or unlock. There is no plaintext fallback.
 */
export function keychainError(err: unknown): AppError {
  if (err instanceof AppError) return err
  const detail = (err instanceof Error ? err.message : String(err)).split('\n')[0]!.slice(0, 300)
  const unavailable =
    /platform storage|platform failure|no storage access|d-?bus|zbus|secret service|locked|prompt|autolaunch|not available/i
  if (unavailable.test(detail)) {
    return new AppError('KEYCHAIN_UNAVAILABLE', {
      ruleId: 'D2',
      params: { detail, platform: process.platform },
      cause: err,
    })
  }
  return new AppError('KEYCHAIN_ERROR', { ruleId: 'D2', params: { detail }, cause: err })
}
