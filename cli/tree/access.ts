import type { Command } from 'commander'
import type { Act } from './act'

/** `pai-admin access …`: the overview across every profile and the bulk changes (issue 16). */
export function registerAccessCommands(program: Command, act: Act): void {
  const access = program
    .command('access')
    .description('Access across the fleet [访问权限总览]: who holds which roles, in every profile; bulk changes')
  const collect = (v: string, prev: string[] = []): string[] => [...prev, v]
  access
    .command('list')
    .description('Users by workspaces from the cache (refreshed first unless --offline), one row per membership')
    .option('--user <text>', 'part of a user name or a UserId')
    .option('--role <role>', 'a built-in role (PAI.*) or a custom role name (repeatable)', collect)
    .option('--workspace <text>', 'part of a workspace name')
    .option('--profile <name>', 'one profile only')
    .option('--all-profiles', 'every profile (the default)')
    .option('--admins-only', 'administrators and owners only')
    .option('--min-workspaces <n>', 'users in at least N workspaces')
    .option('--not-refreshed-days <n>', 'only workspaces not refreshed for N days')
    .option('--offline', 'read the local cache, without refreshing')
    .addHelpText(
      'after',
      '\nExamples:\n  pai-admin access list --user alice --all-profiles\n  pai-admin access list --role PAI.WorkspaceAdmin --output csv > admins.csv',
    )
    .action(
      act(async (s, o: import('../commands/access').AccessListOptions) =>
        (await import('../commands/access')).accessList(s, o),
      ),
    )
  const changeHelp = (ex: string): string =>
    `\nPrints the combined plan (the drafts wait on 待同步变更); --yes applies it across every workspace.\nExit 1 when a step is refused (M5, M6...), also after the rest was applied.\n\nExamples:\n  ${ex}`
  const change = (name: 'grant' | 'revoke' | 'offboard' | 'copy', description: string, ex: string): Command =>
    access
      .command(name)
      .description(description)
      .option('--profile <name>', 'only workspaces of this profile')
      .option('--offline', 'plan against the local cache, without refreshing')
      .option('--yes', 'apply the plan')
      .option('--timeout <seconds>', 'give up waiting for the runs after this many seconds', '600')
      .addHelpText('after', changeHelp(ex))
      .action(
        act(async (s, o: import('../commands/access').AccessChangeOptions) =>
          (await import('../commands/access')).accessChange(s, name, o),
        ),
      )
  change(
    'grant',
    'Grant roles to users in the workspaces named',
    'pai-admin access grant --user 2800... --role PAI.AlgoDeveloper --workspace team_a --yes',
  )
    .option('--user <userId>', 'UserId (repeatable)', collect)
    .option('--role <role>', 'a built-in role or a custom role name (repeatable)', collect)
    .option('--workspace <name>', 'workspace name or ID (repeatable)', collect)
  change(
    'revoke',
    'Take roles from users (in the workspaces named, else everywhere)',
    'pai-admin access revoke --user 2800... --role PAI.WorkspaceAdmin',
  )
    .option('--user <userId>', 'UserId (repeatable)', collect)
    .option('--role <role>', 'a built-in role or a custom role name (repeatable)', collect)
    .option('--workspace <name>', 'workspace name or ID (repeatable)', collect)
  change(
    'offboard',
    'Remove a user from every workspace (the owner stays: M6)',
    'pai-admin access offboard --user 2800... --yes',
  ).option('--user <userId>', 'UserId', collect)
  change(
    'copy',
    'Copy the members of one workspace to others (custom roles by name)',
    'pai-admin access copy --from team_a --to team_b --yes',
  )
    .option('--from <name>', 'source workspace name or ID')
    .option('--to <name>', 'target workspace name or ID (repeatable)', collect)
  access
    .command('pending')
    .description('The bulk changes whose drafts wait on 待同步变更 (not applied yet), newest first')
    .action(act(async (s) => (await import('../commands/access-pending')).accessPending(s)))
  access
    .command('discard <changeId>')
    .description(
      'Discard a bulk change not applied yet: its edits leave the drafts (other edits stay); nothing is sent',
    )
    .addHelpText('after', '\nExamples:\n  pai-admin access pending\n  pai-admin access discard 01J...')
    .action(act(async (s, changeId: string) => (await import('../commands/access-pending')).accessDiscard(s, changeId)))
}
