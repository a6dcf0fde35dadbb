import { Option, type Command } from 'commander'
import type { Act } from './act'

/** `pai-admin profile …`: add (every credential kind), list, import, test, remove. */
export function registerProfileCommands(program: Command, act: Act): void {
  const profile = program.command('profile').description('Profiles [账号配置]: how to reach an Alibaba Cloud account')
  profile
    .command('add <name>')
    .description(
      'Add a profile; secrets are read from stdin (or a hidden prompt) into the OS keychain, never from arguments',
    )
    .requiredOption('--region <region>', 'region ID, e.g. cn-hangzhou')
    .addOption(
      new Option('--kind <kind>', 'how the profile gets its credentials')
        .choices(['access-key', 'sts-token', 'ram-role-arn', 'ecs-ram-role', 'oidc-role'])
        .default('access-key'),
    )
    .option('--access-key-id <id>', 'AccessKey ID (access-key, sts-token, ram-role-arn without --source-profile)')
    .option('--source-profile <name>', 'ram-role-arn: the profile whose credentials assume the role')
    .option('--role-arn <arn>', 'ram-role-arn, oidc-role: acs:ram::<account ID>:role/<name>')
    .option('--role-session-name <name>', 'session name shown in the audit log (default pai-workspace-admin)')
    .option('--duration <seconds>', 'session duration, 900-43200 (default 3600)')
    .option('--external-id <id>', "ram-role-arn: the role trust policy's sts:ExternalId")
    .option('--policy-file <file>', 'an inline policy (JSON) that narrows the session')
    .option('--oidc-provider-arn <arn>', 'oidc-role: acs:ram::<account ID>:oidc-provider/<name>')
    .option('--oidc-token-file <file>', 'oidc-role: the file the OIDC token is read from at every refresh')
    .option('--ecs-role-name <name>', 'ecs-ram-role: the instance RAM role (default: asked from the metadata service)')
    .option('--sts-expiration <time>', 'sts-token: when the token expires (ISO 8601), shown in profile list')
    .option('--endpoint <host:port>', 'one endpoint for every cloud service, e.g. 127.0.0.1:8080 for the emulator')
    .option('--vpc', "use the region's VPC endpoints (AIWorkSpace, EventBridge, STS, SLS)")
    .option('--endpoint-pai <host>', 'AIWorkSpace endpoint')
    .option('--endpoint-eventbridge <host>', 'EventBridge endpoint')
    .option('--endpoint-sts <host>', 'STS endpoint')
    .option('--endpoint-sls <host>', 'SLS endpoint')
    .addOption(new Option('--protocol <protocol>', 'protocol for the endpoint').choices(['http', 'https']))
    .option('--proxy <url>', 'HTTP(S) proxy URL (also used for DingTalk)')
    .addHelpText(
      'after',
      `
Examples:
  printf %s "$AK_SECRET" | pai-admin profile add prod --region cn-hangzhou --access-key-id LTAI5t...
  pai-admin profile add dev --region cn-shanghai --access-key-id LTAI5t...   (prompts for the secret)
  pai-admin profile add team-b --region cn-hangzhou --kind ram-role-arn --source-profile prod \\
      --role-arn acs:ram::1234567890123456:role/pai-admin --external-id abc123
  printf '%s\\n%s' "$STS_SECRET" "$STS_TOKEN" | pai-admin profile add temp --region cn-hangzhou --kind sts-token --access-key-id STS.NU...
  pai-admin profile add ci --region cn-hangzhou --kind oidc-role --role-arn acs:ram::123:role/ci \\
      --oidc-provider-arn acs:ram::123:oidc-provider/github --oidc-token-file /var/run/oidc/token
  printf %s test-secret | pai-admin profile add emu --region cn-hangzhou --access-key-id AK1 --endpoint 127.0.0.1:8080 --protocol http

Secrets are never accepted as arguments (shell history, process list) and never printed. Temporary
credentials obtained by assuming a role (or from OIDC, or ECS) are kept in memory only.`,
    )
    .action(
      act(async (s, name: string, o: import('../commands/profile').ProfileAddOptions) =>
        (await import('../commands/profile')).profileAdd(s, name, o),
      ),
    )
  profile
    .command('list')
    .description(
      'List profiles: kind, who they are (from the last check) and when their credentials expire; never secrets',
    )
    .option('--check', 'ask STS who each profile is now (GetCallerIdentity); exit 3 if one fails')
    .addHelpText(
      'after',
      '\nExamples:\n  pai-admin profile list\n  pai-admin profile list --check\n  pai-admin profile list --output json',
    )
    .action(act(async (s, o: { check?: boolean }) => (await import('../commands/profile')).profileList(s, o)))
  profile
    .command('import')
    .description(
      "Import the aliyun CLI's profiles or ~/.alibabacloud/credentials (shown first; the files are only read)",
    )
    .addOption(
      new Option('--from <source>', 'what to import').choices(['aliyun-cli', 'alibabacloud']).default('aliyun-cli'),
    )
    .option('--file <file>', 'another file than ~/.aliyun/config.json or ~/.alibabacloud/credentials')
    .option('--select <names>', 'comma-separated profile names in the file (default: every importable one)', (v) =>
      v
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .option('--default-region <region>', 'region for entries without one (default cn-hangzhou)')
    .option('--yes', 'do not ask for confirmation (needed when not on a terminal)')
    .addHelpText(
      'after',
      '\nExamples:\n  pai-admin profile import\n  pai-admin profile import --select prod,team-b --yes\n  pai-admin profile import --from alibabacloud --default-region cn-shanghai',
    )
    .action(
      act(async (s, o: import('../commands/profile').ProfileImportOptions) =>
        (await import('../commands/profile')).profileImport(s, o),
      ),
    )
  profile
    .command('remove <name>')
    .description('Remove a profile, its keychain entries, cache and drafts')
    .addHelpText('after', '\nExamples:\n  pai-admin profile remove dev')
    .action(act(async (s, name: string) => (await import('../commands/profile')).profileRemove(s, name)))
}
