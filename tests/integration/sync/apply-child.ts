/**
 * A process that applies a draft (mode "apply") or just resumes the outbox (mode "resume") and exits
 * when every run is settled. The crash test kills it with SIGKILL at random points.
 */
import { openEngine } from './harness'

interface Args {
  dataDir: string
  endpoint: string
  mode: 'apply' | 'resume'
  key?: string
}

async function main(): Promise<void> {
  const args = JSON.parse(process.env.SYNC_CHILD_ARGS ?? '{}') as Args
  const e = openEngine({ dataDir: args.dataDir, endpoint: args.endpoint })
  process.stdout.write('STARTED\n')
  if (args.mode === 'apply' && args.key) {
    const plan = e.sync.plan(args.key)
    const { runId } = e.sync.apply(args.key, plan.fingerprint)
    process.stdout.write(`QUEUED ${runId}\n`)
  }
  for (;;) {
    const s = e.sync.status({})
    if (s.finished && s.settled) break
    await new Promise((r) => setTimeout(r, 25))
  }
  await e.close()
  process.stdout.write('DONE\n')
}

main().catch((err: unknown) => {
  process.stderr.write(`child failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`)
  process.exit(1)
})
