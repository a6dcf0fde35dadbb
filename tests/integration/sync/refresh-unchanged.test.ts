import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { WorkspaceConfigSchema, type WorkspaceConfig } from '@shared/domain'
import { startEmulator, type RunningEmulator, type SeedInput } from '../../../tools/emulator'
import { MAIN, USERS, openEngine, type Engine } from './harness'

/**
 * Issue 17: a refresh where nothing changed sends no GetWorkspace for a workspace whose listing shows the same
 * GmtModifiedTime (docs/sync.md "Refresh where nothing changed"). It must not hide a change: whatever is changed
 * behind the app's back, in every area a refresh reads, without the workspace's GmtModifiedTime moving (the
 * emulator moves it only on UpdateWorkspace), is in the cache after the next refresh, exactly as a full refresh
 * from an empty cache reads it. Real SQLite, real HTTP to the emulator; the changes are made in the emulator's state.
 */

let emu: RunningEmulator
const engines: Engine[] = []
const [u1, u2, u3] = [USERS[0]!.UserId, USERS[1]!.UserId, USERS[2]!.UserId]

beforeAll(async () => {
  emu = await startEmulator({ accounts: [MAIN], asyncDelayMs: 0 })
})
afterAll(() => emu.close())
afterEach(async () => {
  emu.clearFaults()
  while (engines.length) await engines.pop()!.close()
})

function workspace(name: string): NonNullable<SeedInput['workspaces']>[number] {
  return {
    WorkspaceName: name,
    Description: 'refresh',
    EnvTypes: ['dev', 'prod'],
    members: [
      { UserId: u1, Roles: ['PAI.AlgoDeveloper'] },
      { UserId: u2, Roles: ['PAI.WorkspaceAdmin'] },
    ],
    configs: [
      { CategoryName: '', ConfigKey: 'modelExportPath', ConfigValue: 'oss://bkt/a/' },
      { CategoryName: 'DLCAutoRecycle', ConfigKey: 'isAutoRecycle', ConfigValue: 'true' },
    ],
    resources: [{ Name: `${name}_pool`, EnvType: 'prod', ResourceType: 'MaxCompute', Spec: {} }],
    roles: [{ RoleName: 'ops', ModulePermissions: [{ ModuleName: 'DSW', PermissionType: 'ReadOnly' }] }],
    rules: [
      {
        RuleName: 'console-rule',
        FilterPattern: '{"source":["acs.pai"]}',
        Targets: [{ Id: 't1', Type: 'http', Endpoint: 'https://hooks.example.com/a' }],
      },
    ],
  }
}

function engine(): Engine {
  const e = openEngine({ endpoint: emu.endpoint, start: false })
  engines.push(e)
  return e
}

const configOf = (e: Engine, id: string): WorkspaceConfig => {
  const got = e.store.workspaces.getConfig(e.profileId, id, WorkspaceConfigSchema)
  if (!got?.config.ok) throw new Error(`no cached configuration for ${id}`)
  return got.config.value
}

/** The workspaces each cloud action was sent for, during `run`. */
async function sent(run: () => Promise<unknown>): Promise<Record<string, string[]>> {
  emu.clearRequests()
  await run()
  const out: Record<string, string[]> = {}
  for (const r of emu.requests()) {
    const q = r.sent?.query ?? {}
    const id = /\/workspaces\/([^/?]+)/.exec(r.sent?.path ?? '')?.[1] ?? q.WorkspaceId ?? q.EventBusName ?? ''
    ;(out[r.action] ??= []).push(decodeURIComponent(id))
  }
  return out
}

describe('issue 17: a refresh where nothing changed costs less and hides nothing', () => {
  it('no GetWorkspace when GmtModifiedTime did not move; every other area is still read and changes are picked up', async () => {
    const { workspaces } = emu.seed({ users: USERS, workspaces: [workspace('rfA'), workspace('rfB')] })
    const [a, b] = workspaces.map((w) => w.WorkspaceId) as [string, string]
    const e = engine()
    const first = await sent(() => e.sync.refresh(e.profileId))
    expect(first.GetWorkspace).toEqual(expect.arrayContaining([a, b]))
    const before = { a: configOf(e, a), b: configOf(e, b) }

    // Nothing changed: no GetWorkspace, everything else read, the same configurations.
    const quiet = await sent(() => e.sync.refresh(e.profileId))
    expect(quiet.GetWorkspace ?? []).toEqual([])
    for (const action of ['ListMembers', 'ListWorkspaceRoles', 'ListResources', 'ListConfigs'])
      expect(quiet[action], action).toEqual(expect.arrayContaining([a, b]))
    expect(quiet.ListRules).toEqual(expect.arrayContaining(['pai-system-rfA', 'pai-system-rfB']))
    expect(configOf(e, a)).toEqual(before.a)
    expect(configOf(e, b)).toEqual(before.b)

    // Behind the app's back: B changes in every area a refresh reads, its GmtModifiedTime untouched; A's own fields
    // change as UpdateWorkspace changes them (GmtModifiedTime moves).
    const t = emu.core.tenant(MAIN.uid)
    const wsA = t.workspaces[a]!
    const wsB = t.workspaces[b]!
    const gmtB = wsB.GmtModifiedTime
    wsA.DisplayName = 'renamed in the console'
    wsA.GmtModifiedTime = new Date(Date.now() + 1000).toISOString()
    wsB.members[`${b}-${u1}`]!.Roles = ['PAI.AlgoDeveloper', 'PAI.MaxComputeDeveloper']
    wsB.members[`${b}-${u3}`] = {
      MemberId: `${b}-${u3}`,
      UserId: u3,
      Roles: ['PAI.WorkspaceGuest'],
      GmtCreateTime: gmtB,
    }
    Object.values(wsB.roles)[0]!.RoleName = 'ops-renamed'
    Object.values(wsB.resources)[0]!.Name = 'rfB_pool_renamed'
    wsB.configs['/modelExportPath']!.ConfigValue = 'oss://bkt/changed/'
    const rule = t.buses['pai-system-rfB']!.rules['console-rule']!
    rule.FilterPattern = '{"source":["acs.pai.dlc"]}'
    expect(wsB.GmtModifiedTime).toBe(gmtB)

    const next = await sent(() => e.sync.refresh(e.profileId))
    expect(next.GetWorkspace).toEqual([a])
    const after = { a: configOf(e, a), b: configOf(e, b) }
    expect(after.a.basic.displayName).toBe('renamed in the console')
    // Every area of B moved...
    expect(after.b.members).not.toEqual(before.b.members)
    expect(after.b.members.find((m) => m.userId === u3)?.roles).toEqual(['PAI.WorkspaceGuest'])
    expect(after.b.customRoles).not.toEqual(before.b.customRoles)
    expect(after.b.resources).not.toEqual(before.b.resources)
    expect(after.b.storage).not.toEqual(before.b.storage)
    expect(after.b.notifications).not.toEqual(before.b.notifications)
    // ...to exactly what a full refresh from an empty cache reads.
    const fresh = engine()
    await fresh.sync.refresh(fresh.profileId)
    expect(after.a).toEqual(configOf(fresh, a))
    expect(after.b).toEqual(configOf(fresh, b))
  })

  it('a workspace whose last detail read failed is read in full again, although its GmtModifiedTime is cached', async () => {
    const { workspaces } = emu.seed({ users: USERS, workspaces: [workspace('rfC')] })
    const c = workspaces[0]!.WorkspaceId
    const e = engine()
    await e.sync.refresh(e.profileId)
    // The console renames it; the next refresh lists the new GmtModifiedTime but cannot read the members.
    const ws = emu.core.tenant(MAIN.uid).workspaces[c]!
    ws.Description = 'changed while a read failed'
    ws.GmtModifiedTime = new Date(Date.now() + 2000).toISOString()
    emu.faults({ inject: [{ kind: '500', action: 'ListMembers', count: 1000 }] })
    const failed = await e.sync.refresh(e.profileId)
    expect(failed.failed.map((f) => f.workspaceId)).toContain(c)
    expect(configOf(e, c).basic.description).toBe('refresh')
    emu.clearFaults()
    const again = await sent(() => e.sync.refresh(e.profileId))
    expect(again.GetWorkspace).toContain(c)
    expect(configOf(e, c).basic.description).toBe('changed while a read failed')
    // Read in full once, it is trusted again.
    const quiet = await sent(() => e.sync.refresh(e.profileId))
    expect(quiet.GetWorkspace ?? []).not.toContain(c)
  })
})
