import type { Channel, RequestOf, ResponseOf } from '@shared/ipc/contract'
import type { Locale } from '@shared/locale'
import type { Core } from '../core/core'
import { resolveDataDir } from '../core/paths'
import { CliError } from './exit-codes'
import { createOut, type Out, type OutputMode } from './output'

/** Options every command takes (set on the program). */
export interface GlobalOptions {
  dataDir?: string
  output: OutputMode
  lang?: string
}

/** The CLI's language: --lang, else PAI_ADMIN_LANG, else the environment's LANG (Chinese or English). */
export function cliLocale(lang: string | undefined, env: NodeJS.ProcessEnv = process.env): Locale {
  const raw = lang ?? env.PAI_ADMIN_LANG ?? env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG ?? ''
  return raw.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en'
}

/**
 * What a command runs with: output, language, and the core, opened on first use only (so `--help`,
 * `validate` without a profile and usage errors never load SQLite or the keychain).
 */
export class Session {
  readonly out: Out
  readonly locale: Locale
  readonly dataDir: string
  private core: Core | undefined

  constructor(readonly opts: GlobalOptions) {
    this.out = createOut(opts.output)
    this.locale = cliLocale(opts.lang)
    this.dataDir = resolveDataDir(opts.dataDir)
  }

  async getCore(): Promise<Core> {
    if (!this.core) {
      const { createCore } = await import('../core/core')
      // No worker until this command queues or retries work (an apply): a read never re-queues or claims ops,
      // and an apply while the desktop app sends leaves its ops to the app (docs/cli.md).
      this.core = createCore({ dataDir: this.dataDir, runtime: 'cli', syncWorker: 'when-needed' })
    }
    return this.core
  }

  /** A call through the contract; an error answer becomes a CliError with the core's code. */
  async call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
    const core = await this.getCore()
    const res = await core.invoke(channel, request, { locale: this.locale, transport: 'cli' })
    if (!res.ok) throw new CoreCallError(res.error.code, res.error.message, res.error.ruleId, res.error.details)
    return res.value
  }

  /** The profile ID for a name (or an ID). */
  async profileId(nameOrId: string): Promise<string> {
    const { profiles } = await this.call('profiles.list', {})
    const p = profiles.find((x) => x.name === nameOrId) ?? profiles.find((x) => x.id === nameOrId)
    if (!p) throw new CliError('BUNDLE_PROFILE_UNKNOWN', { profile: nameOrId })
    return p.id
  }

  async close(): Promise<void> {
    if (this.core) await this.core.close()
    this.core = undefined
  }
}

/** An error answer of the core, already in the caller's language. */
export class CoreCallError extends Error {
  constructor(
    readonly code: string,
    readonly userMessage: string,
    readonly ruleId: string | undefined,
    readonly details: unknown,
  ) {
    super(code)
    this.name = 'CoreCallError'
  }
}

export function requireOption<T>(value: T | undefined, flag: string): T {
  if (value === undefined || value === '') throw new CliError('CLI_USAGE', { detail: `${flag} is required` })
  return value
}
