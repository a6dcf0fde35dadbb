import type { Command } from 'commander'
import type { Act } from './act'

/** `pai-admin status`, `cancel` and `retry`: the runs of this data folder (cli/commands/runs.ts). */
export function registerRunCommands(program: Command, act: Act): void {
  program
    .command('status')
    .description('Runs of this data folder: ops not done, who sends them, and ops held back after a restore')
    .option('--run <id>', 'one run only')
    .option('--offline', 'do not refresh the workspaces of held-back runs (plans against the local cache)')
    .addHelpText('after', '\nExamples:\n  pai-admin status\n  pai-admin status --run 01J... --output json')
    .action(
      act(async (s, o: { run?: string; offline?: boolean }) => (await import('../commands/runs')).statusCommand(s, o)),
    )
  program
    .command('cancel <id>')
    .description('Cancel a run (every op not sent yet) or one op (with what depends on it); sent ops cannot be')
    .addHelpText('after', '\nExamples:\n  pai-admin cancel 01J...   (a run ID or an op ID, from pai-admin status)')
    .action(act(async (s, id: string) => (await import('../commands/runs')).cancelCommand(s, id)))
  program
    .command('retry <op>')
    .description('Send a failed, blocked or cancelled op again (looked up in the cloud first), and follow its run')
    .option('--timeout <seconds>', 'give up waiting for the run after this many seconds', '600')
    .addHelpText('after', '\nExamples:\n  pai-admin retry 01J...   (an op ID from pai-admin status)')
    .action(
      act(async (s, op: string, o: { timeout?: string }) => (await import('../commands/runs')).retryCommand(s, op, o)),
    )
}
