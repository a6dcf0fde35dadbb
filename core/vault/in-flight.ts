/**
 * The keychain calls this process has in flight, across every Vault. The core's close waits for them
 * (keychainSettled): the app's quit, the harness's stop and the end of each CLI command close the core, so a secret
 * being saved or deleted then is written, not cut off half way; nothing else holds the process up for them.
 */
const inFlight = new Set<Promise<unknown>>()

/** Runs one keychain call, counted as in flight until it settles. */
export function tracked<T>(call: Promise<T>): Promise<T> {
  inFlight.add(call)
  const done = (): void => void inFlight.delete(call)
  call.then(done, done)
  return call
}

/**
 * Resolves once no keychain call is in flight (calls started meanwhile are waited for too), or after `timeoutMs`
 * (a keychain that never answers does not hold the exit up for ever). Answers whether everything settled.
 */
export async function keychainSettled(timeoutMs = 3000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs
  while (inFlight.size > 0) {
    const left = deadline - Date.now()
    if (left <= 0) return false
    let timer: NodeJS.Timeout | undefined
    await Promise.race([Promise.allSettled([...inFlight]), new Promise((r) => (timer = setTimeout(r, left)))])
    clearTimeout(timer)
  }
  return true
}
