// npm run soak [-- runs [seed]]: the round-trip property (tests/integration/sync/property.test.ts) with many
// more generated sequences than CI runs, against the in-process emulator. Prints the seed first (a failure
// reproduces with the same seed, and `PAI_PROPERTY_PATH` from the report replays just the failing case) and
// the test's figures at the end (sequences, syncs, ops, retries, conflicts, refusals, syncs per second).
import { spawnSync } from 'node:child_process'

const runs = Number(process.argv[2] ?? process.env.PAI_PROPERTY_RUNS ?? 2000)
const seed = Number(process.argv[3] ?? process.env.PAI_PROPERTY_SEED ?? Math.floor(Math.random() * 2 ** 31))
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed)) {
  console.error('usage: npm run soak -- [runs] [seed]')
  process.exit(2)
}
console.log(`soak: ${runs} sequences, seed ${seed}`)
const res = spawnSync('npx', ['vitest', 'run', '--reporter=verbose', 'tests/integration/sync/property.test.ts'], {
  stdio: 'inherit',
  env: {
    ...process.env,
    PAI_PROPERTY_RUNS: String(runs),
    PAI_PROPERTY_SEED: String(seed),
    // about 2 s per sequence on a busy 2-core machine, with room to spare
    PAI_PROPERTY_TIMEOUT_MS: String(Math.max(120_000, runs * 4_000)),
  },
})
process.exit(res.status ?? 1)
