// npm run emulator -- --port 9123 --access-key-id ID --access-key-secret SECRET [--accounts FILE] ...
import { Command, InvalidArgumentError } from 'commander'
import { startEmulator } from './index'
import { readAccountsFile } from './options'

function num(v: string): number {
  const n = Number(v)
  if (!Number.isFinite(n)) throw new InvalidArgumentError('not a number')
  return n
}

async function main(): Promise<void> {
  const program = new Command()
    .name('pai-emulator')
    .description(
      'A local emulator of the PAI AIWorkSpace, EventBridge, STS, SLS and DingTalk robot APIs (tests and benchmarks only).',
    )
    .option('--port <n>', 'port on 127.0.0.1 (0 = any free port)', num, 0)
    .option('--access-key-id <id>', 'AccessKey ID of the one main account')
    .option('--access-key-secret <secret>', 'its AccessKey secret')
    .option(
      '--accounts <file>',
      'JSON file {"accounts":[{accessKeyId, accessKeySecret, type: main|ram, policies, ...}]}',
    )
    .option(
      '--dataworks-names <a,b>',
      'DataWorks workspace names that PAI names clash with (W4)',
      (v) =>
        v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      [],
    )
    .option('--latency-ms <n>', 'added latency per request', num, 0)
    .option('--throttle-qps <n>', 'requests per second above which answers are Throttling.User (0 = off)', num, 0)
    .option('--fault-rate <r>', 'share of requests answered with a 500 or a dropped connection, 0..1', num, 0)
    .option('--state <file>', 'load the state from and save it to this JSON file')
    .option('--seed <n>', 'seed of the fault injection', num, 1)
    .option('--control-token <token>', 'token of the test-only control path (default: random, printed)')
    .parse()
  const o = program.opts<{
    port: number
    accessKeyId?: string
    accessKeySecret?: string
    accounts?: string
    dataworksNames: string[]
    latencyMs: number
    throttleQps: number
    faultRate: number
    state?: string
    seed: number
    controlToken?: string
  }>()
  const emu = await startEmulator({
    port: o.port,
    accessKeyId: o.accessKeyId,
    accessKeySecret: o.accessKeySecret,
    accounts: o.accounts ? readAccountsFile(o.accounts) : undefined,
    dataworksNames: o.dataworksNames,
    latencyMs: o.latencyMs,
    throttleQps: o.throttleQps,
    faultRate: o.faultRate,
    stateFile: o.state,
    seed: o.seed,
    controlToken: o.controlToken,
  })
  process.stdout.write(`PAI emulator listening on ${emu.url}\n`)
  process.stderr.write(`control token: ${emu.controlToken} (header x-emulator-token, paths /__emulator/*)\n`)
  const stop = (): void => {
    void emu.close().then(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((err: unknown) => {
  process.stderr.write(`pai-emulator: ${err instanceof Error ? err.message : String(err)}\n`)
  process.exit(1)
})
