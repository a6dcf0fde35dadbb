import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Core } from '../../../core/core'
import { testCore } from '../../helpers/core'
import { BundleChecker } from '../../../core/bundles/worker/checker'
import { offlineContext } from '../../../core/model/validation-context'

/**
 * Bundles are read off the core's thread (a worker thread): in Electron the core runs in the main process,
 * so a parse that blocked it would freeze the whole app. No keychain needed (offline drafts only).
 */

const cores: Core[] = []
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close()
})
function newCore(): Core {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pai-bundles-thread-'))
  const core = testCore({ dataDir, syncWorker: 'never' })
  cores.push(core)
  return core
}

describe('bundles are parsed off the core thread', { timeout: 120_000 }, () => {
  it('D4: the core answers other calls while it parses a 256 KiB line of escaped quotes', async () => {
    const core = newCore()
    const content = `apiVersion: "${'\\"'.repeat(128 * 1024)}\nkind: WorkspaceBundle\n`
    let settled = false
    const preview = core
      .invoke('bundles.preview', { fileName: 'quotes.yaml', content, profileId: null })
      .finally(() => (settled = true))
    // Each call starts from a timer: it can only run while the core's thread is free. A parse on this
    // thread (as before) ran to its end first, and no call was answered while it was pending.
    let answered = 0
    while (!settled) {
      await new Promise((r) => setTimeout(r, 2))
      if (settled) break
      const info = await core.invoke('app.info', {})
      expect(info.ok).toBe(true)
      if (!settled) answered++
    }
    expect(answered).toBeGreaterThan(0)
    const res = await preview
    expect(res.ok).toBe(true)
    if (res.ok) {
      expect(res.value.ok).toBe(false)
      expect(res.value.problems[0]!.code).toBe('BUNDLE_SYNTAX')
    }
  })

  it('D4: two previews at once are both answered, each with its own problems', async () => {
    const core = newCore()
    const good = fs.readFileSync(path.resolve(__dirname, '../../fixtures/bundles/valid.yaml'), 'utf8')
    const bad = fs.readFileSync(path.resolve(__dirname, '../../fixtures/bundles/M5-member-no-role.yaml'), 'utf8')
    const [a, b] = await Promise.all([
      core.invoke('bundles.preview', { fileName: 'valid.yaml', content: good, profileId: null }),
      core.invoke('bundles.preview', { fileName: 'm5.yaml', content: bad, profileId: null }),
    ])
    expect(a.ok && a.value.ok).toBe(true)
    // Exactly the fixture's rule, each preview its own: M5 leaking into `a` or another rule into `b` fails.
    expect(b.ok && [...new Set(b.value.problems.filter((p) => p.severity === 'error').map((p) => p.ruleId))]).toEqual([
      'M5',
    ])
    expect(a.ok && a.value.problems.filter((p) => p.severity === 'error')).toEqual([])
  })

  it('D4: a file that takes longer than the time bound is refused (BUNDLE_TOO_COMPLEX); the next one is read', async () => {
    const checker = new BundleChecker()
    try {
      let text = 'x: &a 1\nm:\n'
      for (let i = 0; i < 400_000; i++) text += `  k${i}: 1\n`
      const targetOf = (ws: { region?: string }) => ({ context: offlineContext(ws.region) })
      // A bound of 1 ms for this file: no machine parses 5 MB of YAML that fast.
      await expect(checker.check('big.yaml', text, { targetOf, timeoutMs: 1 })).rejects.toMatchObject({
        code: 'BUNDLE_TOO_COMPLEX',
      })
      // The same checker: the worker that ran out of time is gone, a fresh one reads the next file.
      const valid = fs.readFileSync(path.resolve(__dirname, '../../fixtures/bundles/valid.yaml'), 'utf8')
      const r = await checker.check('valid.yaml', valid, { targetOf })
      expect(r.ok).toBe(true)
      expect(r.workspaces.map((w) => w.name)).toEqual(['team_a'])
    } finally {
      await checker.close()
    }
  })
})
