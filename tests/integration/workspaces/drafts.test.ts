import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Core } from '../../../core/core'
import { testCore } from '../../helpers/core'
import type { DraftView, WorkspaceRow } from '@shared/ipc/channels/workspaces'

const cores: Core[] = []
function newCore(dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pai-ws-'))): Core {
  const core = testCore({ dataDir })
  cores.push(core)
  return core
}
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close()
})

async function ok<T>(
  p: Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }>,
): Promise<T> {
  const res = await p
  if (!res.ok) throw new Error(`${res.error.code}: ${res.error.message}`)
  return res.value
}

const minimal = { basic: { name: 'team_a', description: '团队 A 的工作空间', mode: 'standard' } }

describe('offline drafts through the IPC contract', () => {
  it('D1: a draft created offline is saved and survives a restart of the core', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pai-ws-'))
    const core = newCore(dataDir)
    const created = await ok(core.invoke('drafts.create', { profileId: null, config: minimal }))
    expect(created.key).toMatch(/^offline:local-/)
    expect(created.revision).toBe(1)
    const edited = { ...created.config, basic: { ...created.config.basic, displayName: '团队A' } }
    const saved = await ok(core.invoke('drafts.save', { key: created.key, config: edited, revision: 1 }))
    expect(saved.revision).toBe(2)
    await core.close()
    cores.splice(cores.indexOf(core), 1)

    const again = newCore(dataDir)
    const reopened: DraftView = await ok(again.invoke('drafts.open', { key: created.key }))
    expect(reopened.config.basic.displayName).toBe('团队A')
    expect(reopened.revision).toBe(2)
  })

  it('D1: a save based on a stale revision is refused and the newer draft is kept', async () => {
    const core = newCore()
    const created = await ok(core.invoke('drafts.create', { profileId: null, config: minimal }))
    await ok(core.invoke('drafts.save', { key: created.key, config: created.config, revision: 1 }))
    const stale = await core.invoke('drafts.save', {
      key: created.key,
      config: { basic: { name: 'zzz' } },
      revision: 1,
    })
    expect(stale.ok).toBe(false)
    if (!stale.ok) expect(stale.error.code).toBe('DRAFT_CONFLICT')
    const now = await ok(core.invoke('drafts.open', { key: created.key }))
    expect(now.config.basic.name).toBe('team_a')
  })

  it('W4: a draft whose name breaks the rules is still saved, with its problems reported', async () => {
    const core = newCore()
    const created = await ok(
      core.invoke('drafts.create', { profileId: null, config: { basic: { name: '1bad-name', description: '' } } }),
    )
    expect(created.problems.some((p) => p.pointer === '/basic/name' && p.severity === 'error')).toBe(true)
    const opened = await ok(core.invoke('drafts.open', { key: created.key }))
    expect(opened.config.basic.name).toBe('1bad-name')
  })

  it('a configuration of the wrong shape is refused with VALIDATION and nothing is written', async () => {
    const core = newCore()
    const res = await core.invoke('drafts.create', { profileId: null, config: { basic: { name: 42 } } })
    expect(res.ok).toBe(false)
    if (!res.ok) expect(res.error.code).toBe('VALIDATION')
    const list = await ok(core.invoke('workspaces.list', { profileId: null }))
    expect(list.total).toBe(0)
  })

  it('lists drafts with filter and sort, and discards one', async () => {
    const core = newCore()
    for (const name of ['beta_ws', 'alpha_ws', 'gamma_ws']) {
      await ok(core.invoke('drafts.create', { profileId: null, config: { basic: { name, description: 'x' } } }))
    }
    const all = await ok(core.invoke('workspaces.list', { profileId: null, sortBy: 'name', order: 'asc' }))
    expect(all.rows.map((r: WorkspaceRow) => r.name)).toEqual(['alpha_ws', 'beta_ws', 'gamma_ws'])
    expect(all.rows.every((r: WorkspaceRow) => r.status === 'DRAFT' && r.hasDraft)).toBe(true)
    const filtered = await ok(core.invoke('workspaces.list', { profileId: null, query: 'ALPHA' }))
    expect(filtered.rows.map((r: WorkspaceRow) => r.name)).toEqual(['alpha_ws'])
    const gone = await ok(core.invoke('drafts.discard', { key: filtered.rows[0]!.key }))
    expect(gone.discarded).toBe(true)
    expect((await ok(core.invoke('workspaces.list', { profileId: null }))).total).toBe(2)
  })

  it('an unknown or malformed draft key is a clear error', async () => {
    const core = newCore()
    const bad = await core.invoke('drafts.open', { key: 'nocolon' })
    expect(!bad.ok && bad.error.code).toBe('DRAFT_KEY_INVALID')
    const missing = await core.invoke('drafts.open', { key: 'offline:local-nothing' })
    expect(!missing.ok && missing.error.code).toBe('NOT_FOUND')
  })
})
