import type { Command } from 'commander'
import type { Act } from './act'

/** `pai-admin ram …`: the account's RAM users [RAM 用户] (issue 18: who can be made a member). */
export function registerRamCommands(program: Command, act: Act): void {
  const ram = program.command('ram').description('Resource Access Management (RAM): the RAM users of a profile')
  ram
    .command('users')
    .description('RAM users of the profile’s account, read from RAM (unless --offline), by logon name')
    .option('--profile <name>', 'the profile (its account)')
    .option('--search <text>', 'part of a logon name, a display name or a UID')
    .option('--limit <n>', 'at most this many users (1-500)', '500')
    .option('--offline', 'read the local cache, without asking RAM')
    .addHelpText(
      'after',
      '\nExamples:\n  pai-admin ram users --profile prod --search wang\n  pai-admin ram users --profile prod --output json',
    )
    .action(
      act(async (s, o: import('../commands/ram').RamUsersOptions) => (await import('../commands/ram')).ramUsers(s, o)),
    )
}
