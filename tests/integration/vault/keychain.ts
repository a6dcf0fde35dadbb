import { findCredentials } from '@napi-rs/keyring'
import { AppError } from '@shared/ipc/errors'
import { Vault } from '../../../core/vault'
import { isVanishedItem } from '../../../core/vault/errors'
import { TEST_KEYCHAIN_SERVICE } from '../../helpers/core'

/**
 * These tests need the real OS keychain (gnome-keyring in a D-Bus session on Linux). When it is not
 * reachable they FAIL with the install hint, never skip. Run them inside a private session:
 *   bash scripts/keyring/session.sh npx vitest run tests/integration/vault
 */
export async function requireKeychain(): Promise<void> {
  try {
    await new Vault({ service: TEST_KEYCHAIN_SERVICE }).probe()
  } catch (err) {
    const msg = err instanceof AppError ? err.toPayload('en').message : String(err)
    throw new Error(`The keychain tests need a reachable OS keychain. ${msg}`)
  }
}

/**
 * Every entry of a service, read straight from the Secret Service. Test files run in parallel on one
 * keyring, so an item found by the search may be deleted by another file before it is read: search again,
 * as the Vault does.
 */
export function keychainEntries(service: string): Array<{ account: string; password: string }> {
  for (let attempt = 1; ; attempt++) {
    try {
      return findCredentials(service)
    } catch (err) {
      if (!isVanishedItem(err) || attempt >= 10) throw err
    }
  }
}
