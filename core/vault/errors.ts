import { AppError } from '@shared/ipc/errors'

/**
 * A search found an item that another process (the CLI, a second window, another test) deleted before
 * its attributes or secret were read. gnome-keyring then answers "Object does not exist", UnknownObject,
 * or UnknownMethod "No such interface … on object at path …/collection/login/N" (the object is gone, so
 * none of its interfaces is there). Searching again is safe; this is not an unreachable keychain.
 */
export function isVanishedItem(err: unknown): boolean {
  const msg = err instanceof Error ? err.message : String(err)
  return /does not exist|UnknownObject|UnknownMethod.*No such interface/is.test(msg)
}

/**
 * Turns a keyring failure into an AppError. "No keychain reachable" (no D-Bus session, no Secret
 * Service, a locked collection, "Couldn't access platform storage", "Platform failure") becomes
 * KEYCHAIN_UNAVAILABLE, whose message says what to install or unlock. There is no plaintext fallback.
 */
export function keychainError(err: unknown): AppError {
  if (err instanceof AppError) return err
  const detail = (err instanceof Error ? err.message : String(err)).split('\n')[0]!.slice(0, 300)
  // An item deleted under a search, again and again: the keychain is there but busy, not unreachable.
  if (isVanishedItem(err)) return new AppError('KEYCHAIN_ERROR', { ruleId: 'D2', params: { detail }, cause: err })
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
