import { Option, type Command } from 'commander'
import type { Act } from './act'
import { credentialsOption } from './options'

/** `pai-admin export` and `pai-admin validate`: config bundles (YAML or JSON). */
export function registerBundleCommands(program: Command, act: Act): void {
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
        ) => (await import('../commands/bundle')).exportCommand(s, { ...o, output: o.out }),
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
        (await import('../commands/bundle')).validateCommand(s, files, o),
      ),
    )
}
