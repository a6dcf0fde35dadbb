import type { Command } from 'commander'
import type { Act } from './act'

/** `pai-admin secret …`: DingTalk signing secrets [加签] in a profile's keychain. */
export function registerSecretCommands(program: Command, act: Act): void {
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
      act(async (s, ref: string, o: { profile: string }) => (await import('../commands/secret')).secretSet(s, ref, o)),
    )
  secret
    .command('list')
    .description("List the refs of a profile's signing secrets (never their values)")
    .requiredOption('--profile <name>', 'profile name')
    .addHelpText(
      'after',
      '\nExamples:\n  pai-admin secret list --profile prod\n  pai-admin secret list --profile prod --output json',
    )
    .action(act(async (s, o: { profile: string }) => (await import('../commands/secret')).secretList(s, o)))
  secret
    .command('delete <ref>')
    .description("Delete a signing secret from the profile's keychain")
    .requiredOption('--profile <name>', 'profile name')
    .addHelpText('after', '\nExamples:\n  pai-admin secret delete ops-robot --profile prod')
    .action(
      act(async (s, ref: string, o: { profile: string }) =>
        (await import('../commands/secret')).secretDelete(s, ref, o),
      ),
    )
}
