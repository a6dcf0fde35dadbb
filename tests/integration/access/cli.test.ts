import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator, type RunningEmulator } from '../../../tools/emulator'
import { ensureBuilt, runCli, type CliRun } from '../cli/support'
import { requireKeychain } from '../vault/keychain'
import { ACCOUNTS, ALICE, BOB, DAVE, PROFILES, seedFleet } from './support'

/**
 * pai-admin access end to end: the built CLI in child processes, both profiles' secrets in the real keychain
 * (run inside a D-Bus session), real SQLite, the real refresh and apply against the emulator.
 */

let emu: RunningEmulator
let dataDir: string
let ids: Record<string, string>

const cli = (args: string[], input?: string): Promise<CliRun> =>
  runCli(['--data-dir', dataDir, ...args], input === undefined ? {} : { input })

beforeAll(async () => {
  await requireKeychain()
  ensureBuilt()
  emu = await startEmulator({ accounts: ACCOUNTS, asyncDelayMs: 0 })
  ids = seedFleet(emu)
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pai-access-cli-'))
  for (const p of PROFILES) {
    const r = await cli(
      [
        'profile',
        'add',
        p.name,
        '--region',
        p.region,
        '--access-key-id',
        p.account.accessKeyId,
        '--endpoint',
        emu.endpoint,
        '--protocol',
        'http',
      ],
      p.account.accessKeySecret + '\n',
    )
    expect(r.code, r.stderr).toBe(0)
  }
}, 240_000)

afterAll(async () => {
  for (const p of PROFILES) await cli(['profile', 'remove', p.name])
  await emu?.close()
})

describe('pai-admin access against the emulator', { timeout: 240_000 }, () => {
  it('access list: every profile refreshed, as table, JSON and CSV (parsed back)', async () => {
    const json = await cli(['access', 'list', '--all-profiles', '--user', 'alice', '--output', 'json'])
    expect(json.code, json.stderr).toBe(0)
    const rows = JSON.parse(json.stdout).rows as Array<{
      userId: string
      workspace: string
      profile: string
      owner: boolean
    }>
    expect(rows.map((r) => `${r.profile}/${r.workspace}/${r.owner}`).sort()).toEqual([
      'lab-sh/lab_vision/false',
      'prod-hz/fraud_model/true',
      'prod-hz/rec_sys/false',
    ])
    const csv = await cli(['access', 'list', '--offline', '--role', 'ops-team', '--output', 'csv'])
    expect(csv.code, csv.stderr).toBe(0)
    const records = parse(csv.stdout) as string[][]
    expect(records[0]).toEqual([
      'User',
      'UserId',
      'Workspace',
      'WorkspaceId',
      'Profile',
      'Region',
      'Roles',
      'Owner',
      'Last refreshed',
    ])
    expect(records.slice(1).map((r) => [r[1], r[2], r[6]])).toEqual([[BOB, 'rec_sys', 'ops-team']])
    const table = await cli(['access', 'list', '--offline', '--profile', 'lab-sh'])
    expect(table.code).toBe(0)
    expect(table.stdout).toMatch(/lab_vision/)
    expect(table.stdout).not.toMatch(/rec_sys/)
    const none = await cli(['access', 'list', '--offline', '--user', 'nobody-at-all'])
    expect(none.stdout).toMatch(/No membership matches/)
    const badRole = await cli(['access', 'list', '--offline', '--role', 'no-such-role'])
    expect(badRole.code).toBe(1)
    expect(badRole.stderr).toMatch(/no-such-role/)
  })

  it('M6: access offboard prints the combined plan with the owner refused; --yes applies the rest (exit 1: refused)', async () => {
    const plan = await cli(['access', 'offboard', '--user', ALICE, '--offline'])
    expect(plan.code).toBe(1)
    expect(plan.stdout).toMatch(/fraud_model.*\[M6\]/)
    expect(plan.stdout).toMatch(/Total: 2 to apply, 1 refused/)
    const applied = await cli(['access', 'offboard', '--user', ALICE, '--yes', '--output', 'json'])
    expect(applied.code, applied.stderr).toBe(1)
    const out = JSON.parse(applied.stdout)
    expect(out.progress).toMatchObject({ done: 2, total: 2, failed: 0, finished: true })
    expect(
      emu.core.tenant(ACCOUNTS[0]!.uid).workspaces[ids.rec_sys!]!.members[`${ids.rec_sys}-${ALICE}`],
    ).toBeUndefined()
    expect(
      emu.core.tenant(ACCOUNTS[1]!.uid).workspaces[ids.lab_vision!]!.members[`${ids.lab_vision}-${ALICE}`],
    ).toBeUndefined()
  })

  it('access grant and copy with --yes; unknown user refused with its name', async () => {
    const grant = await cli([
      'access',
      'grant',
      '--user',
      DAVE,
      '--role',
      'PAI.AlgoDeveloper',
      '--workspace',
      'lab_vision',
      '--yes',
    ])
    expect(grant.stdout + grant.stderr).toMatch(/Applied: 1\/1 done/)
    expect(grant.code, grant.stdout + grant.stderr).toBe(0)
    expect(grant.stdout).toMatch(/Applied: 1\/1 done, 0 failed/)
    expect(
      emu.core.tenant(ACCOUNTS[1]!.uid).workspaces[ids.lab_vision!]!.members[`${ids.lab_vision}-${DAVE}`]!.Roles,
    ).toEqual(['PAI.AlgoDeveloper'])
    const copy = await cli(['access', 'copy', '--from', 'rec_sys', '--to', 'fraud_model', '--offline'])
    expect(copy.stdout).toMatch(/fraud_model/)
    expect(copy.stdout).toMatch(/Total: \d+ to apply/)
    const unknown = await cli(['access', 'offboard', '--user', '2900000000009999', '--offline'])
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toMatch(/2900000000009999/)
  })

  it('access pending lists a change not applied; access discard <changeId> takes its edits out, sends nothing; a second discard and an unknown id exit 1', async () => {
    const cloudRoles = (): string[] | undefined =>
      emu.core.tenant(ACCOUNTS[0]!.uid).workspaces[ids.rec_sys!]!.members[`${ids.rec_sys}-${DAVE}`]?.Roles
    const before = cloudRoles()
    expect(before ?? []).not.toContain('PAI.LabelManager')
    const planned = await cli([
      'access',
      'grant',
      '--user',
      DAVE,
      '--role',
      'PAI.LabelManager',
      '--workspace',
      'rec_sys',
      '--output',
      'json',
    ])
    expect(planned.code, planned.stderr).toBe(0)
    const changeId = JSON.parse(planned.stdout).plan.changeId as string
    const pending = await cli(['access', 'pending', '--output', 'json'])
    expect(pending.code, pending.stderr).toBe(0)
    const listed = JSON.parse(pending.stdout).changes as Array<{ changeId: string; kind: string; workspaces: string[] }>
    expect(listed.find((c) => c.changeId === changeId)).toMatchObject({ kind: 'grant', workspaces: ['rec_sys'] })
    const asTable = await cli(['access', 'pending'])
    expect(asTable.stdout).toMatch(new RegExp(`${changeId}\\s+grant`))
    const discarded = await cli(['access', 'discard', changeId])
    expect(discarded.code, discarded.stderr).toBe(0)
    expect(discarded.stdout).toMatch(new RegExp(`Discarded ${changeId}: \\d draft\\(s\\) removed, \\d reverted`))
    const after = JSON.parse((await cli(['access', 'pending', '--output', 'json'])).stdout).changes as Array<{
      changeId: string
    }>
    expect(after.map((c) => c.changeId)).not.toContain(changeId)
    // nothing was sent: DAVE's roles in rec_sys are the cloud's, as before the change
    expect(cloudRoles()).toEqual(before)
    const again = await cli(['access', 'discard', changeId])
    expect(again.code).toBe(1)
    expect(again.stderr).toContain(changeId)
    const unknown = await cli(['access', 'discard', '01JUNKNOWNCHANGE0000000000'])
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toMatch(/01JUNKNOWNCHANGE0000000000/)
  })
})
