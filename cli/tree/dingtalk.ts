import type { Command } from 'commander'
import type { Act } from './act'

/** `pai-admin dingtalk …`: DingTalk robots [钉钉通知]. */
export function registerDingtalkCommands(program: Command, act: Act): void {
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
        (await import('../commands/dingtalk')).dingtalkTest(s, o),
      ),
    )
}
