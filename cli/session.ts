import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Channel, RequestOf, ResponseOf } from '@shared/ipc/contract'
import type { Locale } from '@shared/locale'
import type { Core } from '../core/core'
import { resolveDataDir, resolveKeychainService } from '../core/paths'
import { CliError } from './exit-codes'
import { createOut, type Out, type OutputMode } from './output'

/** Options every command takes (set on the program), and the credential options of the cloud commands. */
export interface GlobalOptions {
  dataDir?: string
  output: OutputMode
  lang?: string
  /** `env`: the default credential chain of a pipeline, with a throw-away data directory and no keychain. */
  credentials?: 'keychain' | 'env'
  region?: string
  endpoint?: string
  protocol?: 'http' | 'https'
}

/** The name of the one profile of a `--credentials env` run. */
const ENV_PROFILE = 'env'

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
  /** `--credentials env`: the throw-away data directory, removed at close. */
  private readonly throwAway: string | undefined
  private envProfileId: string | undefined

  constructor(readonly opts: GlobalOptions) {
    this.out = createOut(opts.output)
    this.locale = cliLocale(opts.lang)
    if (opts.credentials === 'env') {
      if (opts.dataDir)
        throw new CliError('CLI_USAGE', {
          detail: '--credentials env uses a throw-away data directory: drop --data-dir',
        })
      if (!opts.region) throw new CliError('CLI_USAGE', { detail: '--credentials env needs --region' })
      this.throwAway = fs.mkdtempSync(path.join(os.tmpdir(), 'pai-admin-env-'))
      this.dataDir = this.throwAway
    } else this.dataDir = resolveDataDir(opts.dataDir)
  }

  async getCore(): Promise<Core> {
    if (!this.core) {
      const { createCore } = await import('../core/core')
      const keychainService = resolveKeychainService()
      const { testOnlyRoutesFromEnv } = await import('../core/services/cloud-sessions')
      this.core = createCore({
        dataDir: this.dataDir,
        runtime: 'cli',
        testOnly: testOnlyRoutesFromEnv(),
        // No keychain in a pipeline: secrets (e.g. a bundle's encrypted DingTalk secrets) stay in memory.
        vault: this.throwAway ? 'memory' : 'os',
        ...(keychainService ? { keychainService } : {}),
        // No worker until this command queues or retries work (an apply): a read never re-queues or claims ops,
        // and an apply while the desktop app sends leaves its ops to the app (docs/cli.md).
        syncWorker: 'when-needed',
      })
      if (this.throwAway) this.envProfileId = (await this.addEnvProfile()).id
    }
    return this.core
  }

  /** The profile of a `--credentials env` run: credentials from the environment, nothing stored. */
  private async addEnvProfile(): Promise<{ id: string }> {
    const res = await this.core!.invoke(
      'profiles.add',
      {
        name: ENV_PROFILE,
        kind: 'env',
        region: this.opts.region!,
        endpoint: this.opts.endpoint ?? null,
        protocol: this.opts.protocol ?? 'https',
      },
      { locale: this.locale, transport: 'cli' },
    )
    if (!res.ok) throw new CoreCallError(res.error.code, res.error.message, res.error.ruleId, res.error.details)
    return res.value
  }

  /** A call through the contract; an error answer becomes a CliError with the core's code. */
  async call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
    const core = await this.getCore()
    const res = await core.invoke(channel, request, { locale: this.locale, transport: 'cli' })
    if (!res.ok) throw new CoreCallError(res.error.code, res.error.message, res.error.ruleId, res.error.details)
    return res.value
  }

  /** The profile ID for a name (or an ID); with `--credentials env`, the environment's profile. */
  async profileId(nameOrId: string | undefined): Promise<string> {
    if (this.throwAway) {
      if (nameOrId) throw new CliError('CLI_USAGE', { detail: 'use either --profile or --credentials env' })
      await this.getCore()
      return this.envProfileId!
    }
    if (!nameOrId) throw new CliError('CLI_USAGE', { detail: '--profile (or --credentials env) is required' })
    const { profiles } = await this.call('profiles.list', {})
    const p = profiles.find((x) => x.name === nameOrId) ?? profiles.find((x) => x.id === nameOrId)
    if (!p) throw new CliError('BUNDLE_PROFILE_UNKNOWN', { profile: nameOrId })
    return p.id
  }

  async close(): Promise<void> {
    if (this.core) await this.core.close()
    this.core = undefined
    if (this.throwAway) fs.rmSync(this.throwAway, { recursive: true, force: true })
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
