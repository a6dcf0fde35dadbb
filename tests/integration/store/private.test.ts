import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { testCore } from '../../helpers/core'

/**
 * D2, issue 11 item 7: the data folder holds AccessKey IDs, webhook tokens, drafts and logs, so it is its owner's
 * only: folders 0700 and files 0600 whatever the umask, and a folder made looser is tightened at the next open.
 * POSIX modes (Windows keeps the data under the user's profile, whose ACL is the user's own).
 */

const mode = (p: string): string => (fs.statSync(p).mode & 0o777).toString(8)

/** Every folder and file under `dir` with its mode. */
function modes(dir: string): Record<string, string> {
  const out: Record<string, string> = { '.': mode(dir) }
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name)
      out[path.relative(dir, p)] = mode(p)
      if (e.isDirectory()) walk(p)
    }
  }
  walk(dir)
  return out
}

const privateOnly = (m: Record<string, string>, dirs: string[]): string[] =>
  Object.entries(m)
    .filter(([p, v]) => v !== (dirs.includes(p) ? '700' : '600'))
    .map(([p, v]) => `${p}=${v}`)

describe.skipIf(process.platform === 'win32')('a private data folder', () => {
  it('D2: created 0700/0600 under umask 000: folder, database, WAL, shared memory, locks, logs, backups', async () => {
    const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pai-private-')), 'data')
    const old = process.umask(0)
    try {
      const core = testCore({ dataDir })
      core.services.store.settings.set('probe', 1)
      core.services.log.info('a line')
      const open = modes(dataDir)
      expect(Object.keys(open)).toEqual(
        expect.arrayContaining(['pai-admin.db', 'pai-admin.db-wal', 'pai-admin.db-shm', 'logs', 'logs/app.log']),
      )
      expect(privateOnly(open, ['.', 'logs'])).toEqual([])
      await core.close()
      const closed = modes(dataDir)
      expect(Object.keys(closed).some((p) => p.startsWith('backups/pai-admin-'))).toBe(true)
      expect(privateOnly(closed, ['.', 'logs', 'backups'])).toEqual([])
    } finally {
      process.umask(old)
    }
  })

  it('D2: a data folder made readable by others is tightened when it is opened again', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pai-private-'))
    const first = testCore({ dataDir })
    await first.close()
    for (const [p] of Object.entries(modes(dataDir)))
      fs.chmodSync(path.join(dataDir, p), fs.statSync(path.join(dataDir, p)).isDirectory() ? 0o755 : 0o644)
    const again = testCore({ dataDir })
    try {
      expect(privateOnly(modes(dataDir), ['.', 'logs', 'backups'])).toEqual([])
    } finally {
      await again.close()
    }
  })
})
