import { Command, CommanderError, Option } from 'commander'
import { EXIT, type ExitCode } from './exit-codes'
import type { GlobalOptions, Session } from './session'
import { APP_VERSION } from '../core/version'
import type { Act } from './tree/act'
import { registerAccessCommands } from './tree/access'
import { registerProfileCommands } from './tree/profile'
import { registerRamCommands } from './tree/ram'

/**
 * The pai-admin command tree. This module loads only commander: every action imports its command module
 * (and through it the core, SQLite, the keychain) when it runs, so `pai-admin --help` starts fast.
 */

const EXIT_HELP = `
Exit codes:
  0  success
  1  invalid input, or a plan with refused actions
  2  usage error
  3  cloud, authentication, permission or keychain error
  4  conflict (the cloud or a draft changed meanwhile)

Environment:
  PAI_ADMIN_DATA_DIR  data directory shared with the desktop app (like --data-dir)
  PAI_ADMIN_LANG      message language: en or zh-CN (default: from LANG)
  ALIBABA_CLOUD_ACCESS_KEY_ID, _SECRET, _SECURITY_TOKEN, ALIBABA_CLOUD_ROLE_ARN,
  ALIBABA_CLOUD_OIDC_PROVIDER_ARN, ALIBABA_CLOUD_OIDC_TOKEN_FILE
                      read with --credentials env (never stored)`

type Action = (s: Session) => Promise<void>

/**
 * `--credentials env`: a pipeline's credentials from the default chain (ALIBABA_CLOUD_ACCESS_KEY_ID and
 * _SECRET [+ _SECURITY_TOKEN], else the OIDC variables, else the ECS instance's RAM role), with a
 * throw-away data directory and no keychain. `--region` is then required.
 */
function credentialsOption(): Option {
  return new Option(
    '--credentials <source>',
    'keychain: a stored profile (--profile); env: the environment (CI: ALIBABA_CLOUD_* variables, OIDC, ECS), no keychain',
  ).choices(['keychain', 'env'])
}

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

  // ---- workspace
  const workspace = program.command('workspace').description('Workspaces [工作空间]')
  workspace
    .command('list')
    .description("List a profile's workspaces (refreshed from the cloud unless --offline)")
    .option('--profile <name>', 'profile name (or --credentials env)')
    .addOption(credentialsOption())
    .option('--region <region>', 'with --credentials env: the region, e.g. cn-hangzhou')
    .option('--endpoint <host:port>', 'with --credentials env: one endpoint for every cloud service')
    .addOption(new Option('--protocol <protocol>', 'with --credentials env: protocol').choices(['http', 'https']))
    .option('--offline', 'use the local cache only')
    .option('--all-profiles', "every profile's workspaces, each row saying whose (refreshes all unless --offline)")
    .addHelpText(
      'after',
      '\nExamples:\n  pai-admin workspace list --profile prod\n  pai-admin workspace list --profile prod --offline --output json\n  pai-admin workspace list --all-profiles',
    )
    .action(
      act(async (s, o: { profile?: string; offline?: boolean; allProfiles?: boolean }) =>
        (await import('./commands/workspace')).workspaceList(s, o),
      ),
    )

  // ---- bundles
  program
    .command('export')
    .description('Export workspaces as one config bundle (YAML or JSON, by extension or --format)')
    .option('--profile <name>', 'profile name (or --credentials env)')
    .addOption(credentialsOption())
    .option('--region <region>', 'with --credentials env: the region, e.g. cn-hangzhou')
    .option('--endpoint <host:port>', 'with --credentials env: one endpoint for every cloud service')
    .addOption(new Option('--protocol <protocol>', 'with --credentials env: protocol').choices(['http', 'https']))
    .requiredOption('--workspace <name...>', 'workspace name(s)')
    .option('-o, --out <file>', 'write to FILE (default: stdout)')
    .addOption(new Option('--format <format>', 'file format').choices(['yaml', 'json']))
    .addOption(
      new Option('--from <source>', 'export the cloud state or the local draft')
        .choices(['cloud', 'draft'])
        .default('cloud'),
    )
    .option(
      '--encrypt-secrets',
      'also carry the DingTalk signing secrets, encrypted with a passphrase read from stdin or a prompt',
    )
    .option('--offline', 'use the local cache only')
    .addHelpText(
      'after',
      `
Examples:
  pai-admin export --profile prod --workspace team_a -o team_a.yaml
  pai-admin export --profile prod --workspace team_a team_b --format json > teams.json
  printf %s "$PASSPHRASE" | pai-admin export --profile prod --workspace team_a --encrypt-secrets -o team_a.yaml

Secrets are written as keychain references (secretRef); with --encrypt-secrets they are also carried
encrypted (scrypt + AES-256-GCM). They are never written in clear.`,
    )
    .action(
      act(
        async (
          s,
          o: {
            profile: string
            workspace: string[]
            out?: string
            format?: 'yaml' | 'json'
            from?: 'cloud' | 'draft'
            encryptSecrets?: boolean
            offline?: boolean
          },
        ) => (await import('./commands/bundle')).exportCommand(s, { ...o, output: o.out }),
      ),
    )
  program
    .command('validate <file...>')
    .description('Validate bundles: every problem at once, with file:line:column, rule ID and a fix hint')
    .option('--profile <name>', "validate against this profile's cached workspaces (else offline, as new workspaces)")
    .option('--passphrase-stdin', 'read the passphrase of encrypted secrets from stdin and check it')
    .addHelpText(
      'after',
      '\nExamples:\n  pai-admin validate team_a.yaml\n  pai-admin validate bundles/*.yaml\n  pai-admin validate bundles/*.yaml --output json\n  pai-admin validate team_a.yaml --profile prod',
    )
    .action(
      act(async (s, files: string[], o: { profile?: string; passphraseStdin?: boolean }) =>
        (await import('./commands/bundle')).validateCommand(s, files, o),
      ),
    )

  // ---- plan / apply
  const planHelp = (verb: string) => `
Examples:
  pai-admin ${verb} team_a.yaml --profile prod${verb === 'apply' ? ' --yes' : ''}
  pai-admin ${verb} team_a.yaml --profile prod --output json

The bundle becomes the local drafts of its workspaces (as an import does), then each draft is planned
against the cloud state refreshed just before.${EXIT_HELP}`
  program
    .command('plan <file>')
    .description('Show what applying a bundle would change in the cloud (creates, changes, refused actions)')
    .option('--profile <name>', 'profile name (or --credentials env)')
    .addOption(credentialsOption())
    .option('--region <region>', 'with --credentials env: the region, e.g. cn-hangzhou')
    .option('--endpoint <host:port>', 'with --credentials env: one endpoint for every cloud service')
    .addOption(new Option('--protocol <protocol>', 'with --credentials env: protocol').choices(['http', 'https']))
    .option('--offline', 'plan against the local cache, without refreshing')
    .option('--passphrase-stdin', 'read the passphrase of encrypted secrets from stdin')
    .addHelpText('after', planHelp('plan'))
    .action(
      act(async (s, file: string, o: import('./commands/sync').PlanOptions) =>
        (await import('./commands/sync')).planCommand(s, file, o),
      ),
    )
  program
    .command('apply <file>')
    .description('Apply a bundle: plan, confirm (or --yes), then send through the durable outbox')
    .option('--profile <name>', 'profile name (or --credentials env)')
    .addOption(credentialsOption())
    .option('--region <region>', 'with --credentials env: the region, e.g. cn-hangzhou')
    .option('--endpoint <host:port>', 'with --credentials env: one endpoint for every cloud service')
    .addOption(new Option('--protocol <protocol>', 'with --credentials env: protocol').choices(['http', 'https']))
    .option('--yes', 'do not ask for confirmation (needed when not on a terminal)')
    .option('--timeout <seconds>', 'give up waiting for the run after this many seconds', '600')
    .option('--passphrase-stdin', 'read the passphrase of encrypted secrets from stdin')
    .addHelpText('after', planHelp('apply'))
    .action(
      act(async (s, file: string, o: import('./commands/sync').PlanOptions & { yes?: boolean; timeout?: string }) =>
        (await import('./commands/sync')).applyCommand(s, file, o),
      ),
    )

  // ---- secret
  const secret = program
    .command('secret')
    .description("DingTalk signing secrets [加签] in a profile's keychain, named by the refs bundles use (secretRef)")
  secret
    .command('set <ref>')
    .description(
      'Store a signing secret under REF; the secret is read from stdin (or a hidden prompt), never an argument',
    )
    .requiredOption('--profile <name>', 'profile name')
    .addHelpText(
      'after',
      `
Examples:
  printf %s "$OPS_ROBOT_SECRET" | pai-admin secret set ops-robot --profile prod
  pai-admin secret set ops-robot --profile prod   (prompts for the secret)

REF is the secretRef of a DingTalk target in a bundle: 1-64 letters, digits, "_", "." or "-".
The secret is never accepted as an argument (shell history, process list) and never printed.`,
    )
    .action(
      act(async (s, ref: string, o: { profile: string }) => (await import('./commands/secret')).secretSet(s, ref, o)),
    )
  secret
    .command('list')
    .description("List the refs of a profile's signing secrets (never their values)")
    .requiredOption('--profile <name>', 'profile name')
    .addHelpText(
      'after',
      '\nExamples:\n  pai-admin secret list --profile prod\n  pai-admin secret list --profile prod --output json',
    )
    .action(act(async (s, o: { profile: string }) => (await import('./commands/secret')).secretList(s, o)))
  secret
    .command('delete <ref>')
    .description("Delete a signing secret from the profile's keychain")
    .requiredOption('--profile <name>', 'profile name')
    .addHelpText('after', '\nExamples:\n  pai-admin secret delete ops-robot --profile prod')
    .action(
      act(async (s, ref: string, o: { profile: string }) =>
        (await import('./commands/secret')).secretDelete(s, ref, o),
      ),
    )

  // ---- runs: status, cancel, retry (cli/commands/runs.ts)
  program
    .command('status')
    .description('Runs of this data folder: ops not done, who sends them, and ops held back after a restore')
    .option('--run <id>', 'one run only')
    .option('--offline', 'do not refresh the workspaces of held-back runs (plans against the local cache)')
    .addHelpText('after', '\nExamples:\n  pai-admin status\n  pai-admin status --run 01J... --output json')
    .action(
      act(async (s, o: { run?: string; offline?: boolean }) => (await import('./commands/runs')).statusCommand(s, o)),
    )
  program
    .command('cancel <id>')
    .description('Cancel a run (every op not sent yet) or one op (with what depends on it); sent ops cannot be')
    .addHelpText('after', '\nExamples:\n  pai-admin cancel 01J...   (a run ID or an op ID, from pai-admin status)')
    .action(act(async (s, id: string) => (await import('./commands/runs')).cancelCommand(s, id)))
  program
    .command('retry <op>')
    .description('Send a failed, blocked or cancelled op again (looked up in the cloud first), and follow its run')
    .option('--timeout <seconds>', 'give up waiting for the run after this many seconds', '600')
    .addHelpText('after', '\nExamples:\n  pai-admin retry 01J...   (an op ID from pai-admin status)')
    .action(
      act(async (s, op: string, o: { timeout?: string }) => (await import('./commands/runs')).retryCommand(s, op, o)),
    )

  // ---- dingtalk
  const dingtalk = program.command('dingtalk').description('DingTalk robots [钉钉通知]')
  dingtalk
    .command('test')
    .description(
      'Send a signed test message to a DingTalk robot (E7); the signing secret is read from stdin or a prompt',
    )
    .requiredOption('--webhook <url>', 'https://oapi.dingtalk.com/robot/send?access_token=...')
    .option('--profile <name>', "use the profile's proxy (the robot is always https://oapi.dingtalk.com)")
    .addHelpText(
      'after',
      '\nExamples:\n  printf %s "$SEC" | pai-admin dingtalk test --webhook "https://oapi.dingtalk.com/robot/send?access_token=abc"',
    )
    .action(
      act(async (s, o: { webhook: string; profile?: string }) =>
        (await import('./commands/dingtalk')).dingtalkTest(s, o),
      ),
    )

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
