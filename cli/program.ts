import { Command, CommanderError, Option } from 'commander'
import { EXIT, type ExitCode } from './exit-codes'
import type { GlobalOptions, Session } from './session'
import { APP_VERSION } from '../core/version'
import type { Act } from './tree/act'
import { registerAccessCommands } from './tree/access'
import { registerBundleCommands } from './tree/bundle'
import { registerDingtalkCommands } from './tree/dingtalk'
import { EXIT_HELP } from './tree/options'
import { registerProfileCommands } from './tree/profile'
import { registerRamCommands } from './tree/ram'
import { registerRunCommands } from './tree/runs'
import { registerSecretCommands } from './tree/secret'
import { registerSyncCommands } from './tree/sync'
import { registerWorkspaceCommands } from './tree/workspace'

/**
 * The pai-admin command tree. This module loads only commander: every action imports its command module
 * (and through it the core, SQLite, the keychain) when it runs, so `pai-admin --help` starts fast.
 */

type Action = (s: Session) => Promise<void>

export function buildProgram(run: (action: Action, cmd: Command) => Promise<void>): Command {
  const program = new Command('pai-admin')
    .description(
      'Administer Alibaba Cloud PAI workspaces from the command line: profiles, config bundles, plan and apply.',
    )
    .version(APP_VERSION, '-V, --version')
    .option('--data-dir <dir>', 'data directory (default: $PAI_ADMIN_DATA_DIR, else the app data folder)')
    .addOption(
      new Option('--output <format>', 'output format (csv: access list only; elsewhere as table)')
        .choices(['table', 'json', 'csv'])
        .default('table'),
    )
    .addOption(new Option('--lang <locale>', 'message language').choices(['en', 'zh-CN']))
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText(
      'after',
      `
Examples:
  printf %s "$AK_SECRET" | pai-admin profile add prod --region cn-hangzhou --access-key-id LTAI...
  pai-admin workspace list --profile prod
  pai-admin export --profile prod --workspace team_a -o team_a.yaml
  pai-admin validate team_a.yaml
  pai-admin plan team_a.yaml --profile prod
  pai-admin apply team_a.yaml --profile prod --yes
  pai-admin apply team_a.yaml --credentials env --region cn-hangzhou --yes   (CI, no keychain)
  printf %s "$SEC" | pai-admin secret set ops-robot --profile prod
${EXIT_HELP}`,
    )
  program.exitOverride()

  const act: Act = (load) =>
    async function (this: Command, ...args: unknown[]) {
      await run((s) => (load as (s: Session, ...a: unknown[]) => Promise<void>)(s, ...args.slice(0, -1)), this)
    }

  registerProfileCommands(program, act)
  registerWorkspaceCommands(program, act)
  registerBundleCommands(program, act)
  registerSyncCommands(program, act)
  registerSecretCommands(program, act)
  registerRunCommands(program, act)
  registerDingtalkCommands(program, act)
  registerAccessCommands(program, act)
  registerRamCommands(program, act)

  for (const c of [program, ...program.commands, ...program.commands.flatMap((c) => c.commands)]) c.exitOverride()
  return program
}

/** Global options as the session needs them. */
export function globalOptions(cmd: Command): GlobalOptions {
  const o = cmd.optsWithGlobals<{
    dataDir?: string
    output?: 'table' | 'json' | 'csv'
    lang?: string
    credentials?: 'keychain' | 'env'
    region?: string
    endpoint?: string
    protocol?: 'http' | 'https'
  }>()
  const g: GlobalOptions = { output: o.output ?? 'table' }
  if (o.dataDir) g.dataDir = o.dataDir
  if (o.lang) g.lang = o.lang
  if (o.credentials === 'env') {
    g.credentials = 'env'
    if (o.region) g.region = o.region
    if (o.endpoint) g.endpoint = o.endpoint
    if (o.protocol) g.protocol = o.protocol
  }
  return g
}

/** The exit code for a commander error: help and version are success, anything else a usage error. */
export function commanderExit(err: CommanderError): ExitCode {
  return err.code === 'commander.helpDisplayed' ||
    err.code === 'commander.version' ||
    err.code === 'commander.help' ||
    err.exitCode === 0
    ? EXIT.ok
    : EXIT.usage
}
