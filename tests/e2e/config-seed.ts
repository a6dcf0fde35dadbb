/**
 * Seeds a data folder before the harness opens it (run with tsx, reads a `Seed` as JSON on stdin):
 * a profile, what a refresh would have learned about its identity (profile facts), and cached cloud
 * workspaces with their configuration. The real store code writes it; nothing is mocked.
 */
import fs from 'node:fs'
import { WorkspaceConfigSchema } from '@shared/domain'
import { openStore } from '../../core/store'
import { writeProfileFacts } from '../../core/model/profile-facts'
import type { Seed } from './config-fixtures'

const dir = process.argv[2]
if (!dir) throw new Error('usage: config-seed.ts DATA_DIR < seed.json')
const seed = JSON.parse(fs.readFileSync(0, 'utf8')) as Seed
const store = openStore({ dataDir: dir })
try {
  const p = seed.profile
  store.profiles.insert(
    { name: p.name, region: p.region, endpoint: null, protocol: 'https', accessKeyId: p.accessKeyId, proxy: null },
    p.id,
  )
  if (seed.facts) writeProfileFacts(store, p.id, seed.facts)
  for (const w of seed.workspaces ?? []) {
    const config = WorkspaceConfigSchema.parse(w.config)
    store.workspaces.upsertMany(p.id, [
      {
        workspaceId: w.workspaceId,
        name: config.basic.name,
        displayName: config.basic.displayName,
        status: 'ENABLED',
        mode: config.basic.mode,
        owner: config.owner?.userName ?? null,
      },
    ])
    store.workspaces.saveConfig(p.id, w.workspaceId, config)
  }
} finally {
  store.close({ backup: false })
}
