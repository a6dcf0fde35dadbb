import { Option, type Command } from 'commander'
import type { Act } from './act'
import { EXIT_HELP, credentialsOption } from './options'

/** `pai-admin plan` and `pai-admin apply`: a bundle planned against the cloud, then sent through the outbox. */
export function registerSyncCommands(program: Command, act: Act): void {
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
      act(async (s, file: string, o: import('../commands/sync').PlanOptions) =>
        (await import('../commands/sync')).planCommand(s, file, o),
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
      act(async (s, file: string, o: import('../commands/sync').PlanOptions & { yes?: boolean; timeout?: string }) =>
        (await import('../commands/sync')).applyCommand(s, file, o),
      ),
    )
}
