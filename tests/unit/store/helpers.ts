import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openStore, type Store } from '../../../core/store'

export function tempDir(prefix = 'pai-store-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix))
}

/** A store on a real file in a fresh temp dir, with a controllable clock. */
export function freshStore(start = Date.parse('2026-01-01T00:00:00.000Z')): {
  store: Store
  dataDir: string
  tick(ms?: number): void
} {
  const dataDir = tempDir()
  let t = start
  const store = openStore({ dataDir, now: () => new Date(t) })
  return { store, dataDir, tick: (ms = 1) => void (t += ms) }
}

export const profileFields = {
  name: 'prod',
  region: 'cn-hangzhou',
  endpoint: null,
  protocol: 'https' as const,
  accessKeyId: 'TESTAK5tExampleKeyId01',
  proxy: null,
}
