import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { openStore } from '../../../core/store'

const ROOT = path.resolve(__dirname, '../../..')
const WRITER = path.join(__dirname, 'draft-writer.ts')
const Draft = z.object({ key: z.string(), edits: z.array(z.number()) })

/** Runs the writer until it has reported `killAfter` commits, then SIGKILLs it; returns what it reported. */
function runAndKill(
  dataDir: string,
  start: number,
  killAfter: number,
): Promise<{ committed: Array<[string, number]>; signal: string | null }> {
  return new Promise((resolve, reject) => {
    // One process (node + the tsx loader), so SIGKILL hits the writer itself, not a wrapper.
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dataDir, String(start)], {
      cwd: ROOT,
      env: { ...process.env, TSX_TSCONFIG_PATH: path.join(ROOT, 'tsconfig.node.json') },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const committed: Array<[string, number]> = []
    let buf = ''
    let stderr = ''
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
    child.stdout.on('data', (c: Buffer) => {
      buf += c.toString()
      const lines = buf.split('\n')
      buf = lines.pop() ?? '' // an incomplete last line is not a report
      for (const line of lines) {
        const m = /^committed (\S+) (\d+)$/.exec(line)
        if (m) committed.push([m[1]!, Number(m[2])])
      }
      if (committed.length >= killAfter && child.exitCode === null && !child.killed) child.kill('SIGKILL')
    })
    child.on('error', reject)
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`writer exited with ${code}/${signal}: ${stderr}`))
      else resolve({ committed, signal })
    })
  })
}

describe('crash safety', () => {
  it('D1: after a SIGKILL mid-stream, every draft edit reported as committed is there and integrity_check is ok', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pai-crash-'))
    const reported = new Map<string, Set<number>>()
    let next = 0
    for (let round = 0; round < 3; round++) {
      const killAfter = 150 + Math.floor(Math.random() * 150)
      const { committed } = await runAndKill(dataDir, next, killAfter)
      expect(committed.length).toBeGreaterThanOrEqual(killAfter)
      for (const [key, n] of committed) {
        if (!reported.has(key)) reported.set(key, new Set())
        reported.get(key)!.add(n)
        next = Math.max(next, n + 2) // skip the number that may have been in flight
      }

      const store = openStore({ dataDir })
      expect(store.recovery).toBeNull()
      expect(store.integrityCheck()).toEqual([])
      for (const [key, ns] of reported) {
        const d = store.drafts.get(null, key, Draft)
        expect(d?.draft.ok, `draft ${key} readable`).toBe(true)
        const stored = new Set(d!.draft.ok ? d!.draft.value.edits : [])
        const missing = [...ns].filter((n) => !stored.has(n))
        expect(missing, `round ${round}: committed edits missing from ${key}`).toEqual([])
      }
      store.close({ backup: false })
    }
    expect([...reported.values()].reduce((a, s) => a + s.size, 0)).toBeGreaterThanOrEqual(450)
  }, 60_000)
})
