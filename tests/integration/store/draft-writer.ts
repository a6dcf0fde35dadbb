// A stream of draft edits for the crash test (D1): opens the store in the given data dir, then saves
// edits as fast as it can, printing "committed <key> <n>" after each save has returned (committed).
// The test SIGKILLs this process mid-stream. Run: node --import tsx draft-writer.ts <dataDir> <start>
import { z } from 'zod'
import { openStore } from '../../../core/store'

const [dataDir, startArg] = process.argv.slice(2)
if (!dataDir) throw new Error('usage: draft-writer.ts <dataDir> [start]')
const store = openStore({ dataDir })
const keys = ['ws-1', 'ws-2', 'local-3'] as const
const edits: Record<string, number[]> = {}
for (const key of keys) {
  const d = store.drafts.get(null, key, z.object({ edits: z.array(z.number()) }))
  const prior = d?.draft.ok ? d.draft.value.edits : []
  edits[key] = [...prior]
}
process.stdout.write('ready\n')
for (let n = Number(startArg ?? 0); ; n++) {
  const key = keys[n % keys.length]!
  const list = edits[key]!
  list.push(n)
  // Large enough that one save spans several pages.
  store.drafts.save({ profileId: null, workspaceKey: key, draft: { key, edits: list, note: 'x'.repeat(3000) } })
  process.stdout.write(`committed ${key} ${n}\n`)
}
