import { Option, type Command } from 'commander'
import type { Act } from './act'
import { credentialsOption } from './options'

/** `pai-admin workspace …`: a profile's workspaces [工作空间]. */
export function registerWorkspaceCommands(program: Command, act: Act): void {
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
        (await import('../commands/workspace')).workspaceList(s, o),
      ),
    )
}
