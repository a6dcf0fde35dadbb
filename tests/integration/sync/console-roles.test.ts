import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator, type RunningEmulator } from '../../../tools/emulator'
import { appOf } from './app'
import { cloudOf, consoleWorkspace, ids, sync, writes } from './console-kit'
import { MAIN, type Engine } from './harness'

/**
 * Issue 13: a custom role made in the console may hold explicit permission points (`CustomPermissions`), which
 * the app does not model. They are kept as the cloud sent them, shown read-only, sent back unchanged with any
 * update of the role, and a draft that sets such a module is refused. Real SQLite, real HTTP to the emulator
 * seeded with a console-made workspace (tools/emulator/seeds/console.ts, role `console_ops`).
 */

let emu: RunningEmulator
const engines: Engine[] = []

beforeAll(async () => {
  emu = await startEmulator({ accounts: [MAIN], asyncDelayMs: 10 })
})
afterAll(() => emu.close())
afterEach(async () => {
  while (engines.length) await engines.pop()!.close()
})

type RoleRec = { RoleName: string; ModulePermissions: Array<Record<string, unknown>> }
const roleOf = (name: string): RoleRec =>
  Object.values(cloudOf(emu.state(), name).ws.roles as Record<string, RoleRec>).find(
    (r) => r.RoleName === 'console_ops',
  )!

describe('issue 13: console-made custom roles keep their permission points', () => {
  it('M4: the permission points are kept read-only; an update of another module sends them back unchanged; plan again is empty', async () => {
    const { e, key } = await consoleWorkspace(emu, engines, 'consoleRoles')
    const app = appOf(e)
    const seeded = structuredClone(roleOf('consoleRoles'))
    const dlc = seeded.ModulePermissions.find((m) => m.ModuleName === 'DLC')!
    expect(dlc.PermissionType).toBe('CustomPermissions')

    const role = app.open(key).config.customRoles.find((r) => r.name === 'console_ops')!
    expect(role.permissions).toEqual({ DSW: 'ReadWrite' })
    expect(role.keptModules).toEqual([dlc])
    expect(ids(e.sync.plan(key))).toEqual([])

    app.edit(key, (c) => {
      c.customRoles.find((r) => r.name === 'console_ops')!.permissions.DSW = 'ReadOnly'
    })
    emu.clearRequests()
    const { plan, status } = await sync(e, key)
    expect(ids(plan)).toEqual(['apply:customRole:console_ops:update'])
    expect(status.ops.map((o) => `${o.kind}:${o.status}`)).toEqual(['role.update:done'])
    const sent = writes(emu)
    expect(sent.map((w) => w.action)).toEqual(['UpdateWorkspaceRole'])
    expect((sent[0]!.body as RoleRec).ModulePermissions).toEqual([
      { ModuleName: 'DSW', PermissionType: 'ReadOnly' },
      dlc,
    ])
    // The cloud's role equals the seed but for the one module edited; the points are byte for byte the console's.
    const after = roleOf('consoleRoles')
    expect(JSON.stringify(after.ModulePermissions.find((m) => m.ModuleName === 'DLC'))).toBe(JSON.stringify(dlc))
    expect(after.ModulePermissions.find((m) => m.ModuleName === 'DSW')).toEqual({
      ModuleName: 'DSW',
      PermissionType: 'ReadOnly',
    })

    // Refreshed and reopened: the role reads as before but for the edit, and there is nothing to do.
    await e.sync.refresh(e.profileId)
    const reread = app.open(key).config.customRoles.find((r) => r.name === 'console_ops')!
    expect(reread).toMatchObject({ permissions: { DSW: 'ReadOnly' }, keptModules: [dlc] })
    expect(ids(e.sync.plan(key))).toEqual([])

    // Export and import carry the kept module; the imported draft plans nothing.
    const out = await app.bundles.export({ keys: [key], format: 'yaml', source: 'cloud', secrets: { mode: 'refs' } })
    expect(out.content).toContain('keptModules:')
    expect(out.content).toContain('PaiDLC:GetJob')
    const imported = await app.bundles.import({ fileName: out.fileName, content: out.content, profileId: e.profileId })
    const again = e.sync.plan(imported.drafts[0]!.key)
    expect(ids(again)).toEqual([])
    expect(again.problems.filter((p) => p.severity === 'error')).toEqual([])
  }, 90_000)

  it('M4: a level set on a module the console holds as permission points is refused, and nothing is sent', async () => {
    const { e, key } = await consoleWorkspace(emu, engines, 'consoleRolesRefused')
    const app = appOf(e)
    const seeded = structuredClone(roleOf('consoleRolesRefused'))
    app.edit(key, (c) => {
      c.customRoles.find((r) => r.name === 'console_ops')!.permissions.DLC = 'FullAccess'
    })
    const plan = e.sync.plan(key)
    expect(plan.actions).toEqual([
      expect.objectContaining({
        kind: 'refused',
        area: 'customRole',
        target: 'console_ops',
        ruleId: 'M4',
        code: 'SYNC_ROLE_MODULE_READ_ONLY',
        params: { role: 'console_ops', modules: 'DLC', moduleCount: 1 },
      }),
    ])
    emu.clearRequests()
    const { status } = await sync(e, key)
    expect(status.ops).toEqual([])
    expect(writes(emu)).toEqual([])
    expect(roleOf('consoleRolesRefused')).toEqual(seeded)
  }, 90_000)
})
