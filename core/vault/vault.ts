import { AsyncEntry, findCredentialsAsync, type EntryOptions } from '@napi-rs/keyring'
import { AppError } from '@shared/ipc/errors'
import { accountFor, KEYCHAIN_SERVICE, parseAccount, type SecretKey, type SecretKind } from './accounts'
import { isVanishedItem, keychainError } from './errors'
import { tracked } from './in-flight'

export interface VaultOptions {
  /** Keychain service name (default `pai-workspace-admin`). */
  service?: string
  /** Called with every secret read or written, so the logger can redact it (Logger.addSecret). */
  onSecret?: (value: string) => void
  /**
   * `os` (default): the OS keychain. `memory`: this process's memory only, for a throw-away data
   * directory without a keychain (the CLI's `--credentials env`); nothing outlives the process.
   */
  backend?: 'os' | 'memory'
}

/** Where entries are kept: the OS keychain, or (throw-away runs) a map in memory. */
interface Backend {
  set(account: string, secret: string): Promise<void>
  get(account: string): Promise<string | null | undefined>
  delete(account: string): Promise<boolean>
  findAll(): Promise<Array<{ account: string; password: string }>>
}

function memoryBackend(): Backend {
  const m = new Map<string, string>()
  return {
    set: async (a, v) => void m.set(a, v),
    get: async (a) => m.get(a) ?? null,
    delete: async (a) => m.delete(a),
    findAll: async () => [...m].map(([account, password]) => ({ account, password })),
  }
}

/**
 * On Linux the entries are pinned to the Secret Service: without it the library would fall back to
 * the kernel keyring, which forgets everything at logout. We want a clear error instead.
 */
const ENTRY_OPTIONS: EntryOptions = { linux: { store: 'secret-service' } }

/**
 * Secrets (AccessKey secrets, DingTalk signing secrets, bundle passphrases) live only here, in the OS
 * keychain (D2): service `pai-workspace-admin`, account `<profileId>:<kind>`. Nothing is ever written
 * to SQLite, logs or IPC responses; when no keychain is reachable every call throws KEYCHAIN_UNAVAILABLE.
 */
export class Vault {
  readonly service: string
  readonly backend: 'os' | 'memory'
  private readonly onSecret: (value: string) => void
  private readonly store: Backend

  constructor(opts: VaultOptions = {}) {
    this.service = opts.service ?? KEYCHAIN_SERVICE
    this.onSecret = opts.onSecret ?? (() => {})
    this.backend = opts.backend ?? 'os'
    this.store = this.backend === 'memory' ? memoryBackend() : this.osBackend()
  }

  async set(profileId: string, kind: SecretKind, secret: string): Promise<void> {
    if (secret.length === 0)
      throw new AppError('KEYCHAIN_ERROR', { ruleId: 'D2', params: { detail: 'an empty secret cannot be stored' } })
    this.onSecret(secret)
    await this.call(() => this.store.set(accountFor(profileId, kind), secret))
  }

  /** The secret, or null when none is stored. */
  async get(profileId: string, kind: SecretKind): Promise<string | null> {
    const value = await this.call(() => this.store.get(accountFor(profileId, kind)))
    if (value) this.onSecret(value)
    return value ?? null
  }

  /** true when an entry was deleted, false when there was none. */
  async delete(profileId: string, kind: SecretKind): Promise<boolean> {
    return this.call(() => this.store.delete(accountFor(profileId, kind)))
  }

  /** Which secrets exist (never their values), for one profile or all. */
  async list(profileId?: string): Promise<SecretKey[]> {
    const creds = await this.call(() => this.store.findAll())
    const out: SecretKey[] = []
    for (const c of creds) {
      // The search returns the values too: they are registered for redaction and then dropped here.
      this.onSecret(c.password)
      const key = parseAccount(c.account)
      if (key && (profileId === undefined || key.profileId === profileId)) out.push(key)
    }
    return out.sort((a, b) => (a.profileId + a.kind).localeCompare(b.profileId + b.kind))
  }

  async has(profileId: string, kind: SecretKind): Promise<boolean> {
    return (await this.list(profileId)).some((k) => k.kind === kind)
  }

  /** Deletes every secret of a profile (when the profile is removed); returns how many. */
  async deleteAll(profileId: string): Promise<number> {
    let n = 0
    for (const key of await this.list(profileId)) if (await this.delete(key.profileId, key.kind)) n++
    return n
  }

  /** Throws KEYCHAIN_UNAVAILABLE when no keychain is reachable. */
  async probe(): Promise<void> {
    await this.list('probe')
  }

  /**
   * The search fetches each found item; when another process (the CLI, a second window) deletes one
   * in between, the read of that item fails (isVanishedItem). Searching again then succeeds.
   */
  private async findAll(): Promise<Array<{ account: string; password: string }>> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await findCredentialsAsync(this.service)
      } catch (err) {
        if (!isVanishedItem(err) || attempt >= 10) throw err
        await new Promise((r) => setTimeout(r, 5 * attempt))
      }
    }
  }

  private osBackend(): Backend {
    const entry = (account: string): AsyncEntry => new AsyncEntry(this.service, account, ENTRY_OPTIONS)
    return {
      set: (a, v) => tracked(entry(a).setPassword(v)),
      get: (a) => tracked(entry(a).getPassword()),
      delete: (a) => tracked(entry(a).deleteCredential()),
      findAll: () => tracked(this.findAll()),
    }
  }

  private async call<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn()
    } catch (err) {
      throw keychainError(err)
    }
  }
}
