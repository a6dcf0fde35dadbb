import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startEmulator, type RunningEmulator } from '../../../tools/emulator'
import { readAccountsFile } from '../../../tools/emulator/options'
import { ALICE, BOB, CAROL, LIBS, MAIN, failure, type Caller } from './support'

/** The rules the real service enforces, as the emulator enforces them (rules.md A, W, M). */

type Creds = { accessKeyId: string; accessKeySecret: string }
const creds = (a: { accessKeyId: string; accessKeySecret: string }): Creds => ({
  accessKeyId: a.accessKeyId,
  accessKeySecret: a.accessKeySecret,
})

describe.each(LIBS)('rules through %s', (_lib, make) => {
  let emu: RunningEmulator
  let dir: string
  let main: Caller
  let alice: Caller
  let bob: Caller
  let carol: Caller
  beforeAll(async () => {
    // The accounts come from a file, as `--accounts FILE` reads it.
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pai-emu-accounts-'))
    const file = path.join(dir, 'accounts.json')
    fs.writeFileSync(file, JSON.stringify({ accounts: [MAIN, ALICE, BOB, CAROL] }))
    emu = await startEmulator({
      accounts: readAccountsFile(file),
      dataworksNames: ['dw_sales', 'DW_Finance'],
      asyncDelayMs: 0,
    })
    main = make(emu, creds(MAIN))
    alice = make(emu, creds(ALICE))
    bob = make(emu, creds(BOB))
    carol = make(emu, creds(CAROL))
  })
  afterAll(async () => {
    await emu.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })
  beforeEach(() => emu.reset())

  const create = (c: Caller, name: string): Promise<{ statusCode: number; body: Record<string, unknown> }> =>
    c.roa('CreateWorkspace', 'POST', '/api/v1/workspaces', undefined, {
      WorkspaceName: name,
      Description: 'd',
      EnvTypes: ['prod'],
    })

  it('W4: a name already used by a PAI workspace is refused with WorkspaceNameAlreadyExists', async () => {
    await create(main, 'ws_taken')
    expect(await failure(create(main, 'ws_taken'))).toMatchObject({ status: 400, code: 'WorkspaceNameAlreadyExists' })
    expect(await failure(create(main, 'WS_TAKEN'))).toMatchObject({ code: 'WorkspaceNameAlreadyExists' })
  })

  it('W4: a name held by a DataWorks workspace (--dataworks-names) is refused the same way', async () => {
    expect(await failure(create(main, 'dw_sales'))).toMatchObject({ status: 400, code: 'WorkspaceNameAlreadyExists' })
    expect(await failure(create(main, 'dw_finance'))).toMatchObject({ code: 'WorkspaceNameAlreadyExists' })
    emu.seed({ dataworksNames: ['dw_seeded'] })
    expect(await failure(create(main, 'dw_seeded'))).toMatchObject({ code: 'WorkspaceNameAlreadyExists' })
    expect((await create(main, 'dw_free')).statusCode).toBe(200)
  })

  it('W4: the name format is 3-23 letters, digits or underscores starting with a letter', async () => {
    for (const bad of ['ab', 'a'.repeat(24), '9lives', 'has-dash', 'has space', '名字'])
      expect(await failure(create(main, bad))).toMatchObject({ code: 'InvalidParameter.WorkspaceName' })
    for (const good of ['abc', 'A'.repeat(23), 'x_1_y']) expect((await create(main, good)).statusCode).toBe(200)
  })

  it('A4: the creator becomes the owner: the main account, and a RAM user too', async () => {
    const byMain = String((await create(main, 'ws_main')).body.WorkspaceId)
    const byAlice = String((await create(alice, 'ws_alice')).body.WorkspaceId)
    const owners = async (id: string): Promise<string[]> =>
      (
        (await main.roa('ListMembers', 'GET', `/api/v1/workspaces/${id}/members`, { Roles: 'PAI.WorkspaceOwner' })).body
          .Members as Array<{ UserId: string }>
      ).map((m) => m.UserId)
    expect(await owners(byMain)).toEqual([MAIN.uid])
    expect(await owners(byAlice)).toEqual([ALICE.uid])
    const ws = await main.roa('GetWorkspace', 'GET', `/api/v1/workspaces/${byAlice}`, { Verbose: true })
    expect(ws.body).toMatchObject({ Creator: ALICE.uid, Owner: { UserId: ALICE.uid, UserName: 'alice' } })
    // As owner, alice may change what she created (A4 rights).
    expect(
      (await alice.roa('UpdateWorkspace', 'PUT', `/api/v1/workspaces/${byAlice}`, undefined, { Description: 'mine' }))
        .statusCode,
    ).toBe(200)
  })

  it('M6: the owner cannot be removed, nor lose the owner role; nobody can be given it', async () => {
    const id = String((await create(main, 'ws_m6')).body.WorkspaceId)
    const ownerId = `${id}-${MAIN.uid}`
    // DeleteMembers answers a 200 whose body carries the code (as the SDK's example of its answer does).
    expect(
      (await main.roa('DeleteMembers', 'DELETE', `/api/v1/workspaces/${id}/members`, { MemberIds: ownerId })).body,
    ).toMatchObject({ Code: '100600017', Message: 'Owner not allowed to delete' })
    expect(
      await failure(
        main.roa('RemoveMemberRole', 'DELETE', `/api/v1/workspaces/${id}/members/${ownerId}/roles/PAI.WorkspaceOwner`),
      ),
    ).toMatchObject({ code: '100600017' })
    await main.roa('CreateMember', 'POST', `/api/v1/workspaces/${id}/members`, undefined, {
      Members: [{ UserId: CAROL.uid, Roles: ['PAI.WorkspaceGuest'] }],
    })
    // A batch that includes the owner is refused whole: carol stays too.
    expect(
      (
        await main.roa('DeleteMembers', 'DELETE', `/api/v1/workspaces/${id}/members`, {
          MemberIds: `${id}-${CAROL.uid},${ownerId}`,
        })
      ).body,
    ).toMatchObject({ Code: '100600017' })
    expect((await main.roa('ListMembers', 'GET', `/api/v1/workspaces/${id}/members`)).body.TotalCount).toBe(2)
    expect(
      await failure(
        main.roa(
          'AddMemberRole',
          'POST',
          `/api/v1/workspaces/${id}/members/${id}-${CAROL.uid}/roles/PAI.WorkspaceOwner`,
        ),
      ),
    ).toMatchObject({ code: 'InvalidParameter.RoleName' })
  })

  it('M5: a member keeps at least one role: removing the last one is refused, removing the member is allowed', async () => {
    const id = String((await create(main, 'ws_m5')).body.WorkspaceId)
    await main.roa('CreateMember', 'POST', `/api/v1/workspaces/${id}/members`, undefined, {
      Members: [{ UserId: CAROL.uid, Roles: ['PAI.AlgoDeveloper', 'PAI.AlgoOperator'] }],
    })
    const m = `${id}-${CAROL.uid}`
    await main.roa('RemoveMemberRole', 'DELETE', `/api/v1/workspaces/${id}/members/${m}/roles/PAI.AlgoOperator`)
    expect(
      await failure(
        main.roa('RemoveMemberRole', 'DELETE', `/api/v1/workspaces/${id}/members/${m}/roles/PAI.AlgoDeveloper`),
      ),
    ).toMatchObject({ status: 400, code: 'MemberMustHaveRole' })
    expect((await main.roa('GetMember', 'GET', `/api/v1/workspaces/${id}/member`, { MemberId: m })).body.Roles).toEqual(
      ['PAI.AlgoDeveloper'],
    )
    expect(
      await failure(
        main.roa('CreateMember', 'POST', `/api/v1/workspaces/${id}/members`, undefined, {
          Members: [{ UserId: BOB.uid, Roles: [] }],
        }),
      ),
    ).toMatchObject({ code: 'MemberMustHaveRole' })
    expect(
      (await main.roa('DeleteMembers', 'DELETE', `/api/v1/workspaces/${id}/members`, { MemberIds: m })).statusCode,
    ).toBe(200)
  })

  it('M1: one member holds several roles; adding a role twice changes nothing', async () => {
    const id = String((await create(main, 'ws_m1')).body.WorkspaceId)
    await main.roa('CreateMember', 'POST', `/api/v1/workspaces/${id}/members`, undefined, {
      Members: [{ UserId: CAROL.uid, Roles: ['PAI.AlgoDeveloper', 'PAI.LabelManager', 'PAI.MaxComputeDeveloper'] }],
    })
    await main.roa(
      'AddMemberRole',
      'POST',
      `/api/v1/workspaces/${id}/members/${id}-${CAROL.uid}/roles/PAI.LabelManager`,
    )
    expect(
      (await main.roa('GetMember', 'GET', `/api/v1/workspaces/${id}/member`, { UserId: CAROL.uid })).body.Roles,
    ).toEqual(['PAI.AlgoDeveloper', 'PAI.LabelManager', 'PAI.MaxComputeDeveloper'])
  })

  it('A1: only administrators and the owner may change a workspace; other members may read', async () => {
    const id = String((await create(main, 'ws_a1')).body.WorkspaceId)
    await main.roa('CreateMember', 'POST', `/api/v1/workspaces/${id}/members`, undefined, {
      Members: [{ UserId: CAROL.uid, Roles: ['PAI.AlgoDeveloper'] }],
    })
    expect((await carol.roa('GetWorkspace', 'GET', `/api/v1/workspaces/${id}`)).statusCode).toBe(200)
    const refusals = [
      carol.roa('UpdateWorkspace', 'PUT', `/api/v1/workspaces/${id}`, undefined, { Description: 'x' }),
      carol.roa('CreateMember', 'POST', `/api/v1/workspaces/${id}/members`, undefined, {
        Members: [{ UserId: BOB.uid, Roles: ['PAI.WorkspaceGuest'] }],
      }),
      carol.roa('UpdateConfigs', 'PUT', `/api/v1/workspaces/${id}/configs`, undefined, {
        Configs: [{ ConfigKey: 'tempStoragePath', ConfigValue: 'oss://bkt/p/' }],
      }),
      carol.roa(
        'AddMemberRole',
        'POST',
        `/api/v1/workspaces/${id}/members/${id}-${CAROL.uid}/roles/PAI.WorkspaceAdmin`,
      ),
      carol.roa('DeleteWorkspace', 'DELETE', `/api/v1/workspaces/${id}`),
    ]
    for (const r of refusals) expect(await failure(r)).toMatchObject({ status: 403, code: 'NoPermission' })
    // Made an administrator, carol may.
    await main.roa(
      'AddMemberRole',
      'POST',
      `/api/v1/workspaces/${id}/members/${id}-${CAROL.uid}/roles/PAI.WorkspaceAdmin`,
    )
    expect(
      (await carol.roa('UpdateWorkspace', 'PUT', `/api/v1/workspaces/${id}`, undefined, { Description: 'by admin' }))
        .statusCode,
    ).toBe(200)
    expect(
      (
        await carol.roa('UpdateConfigs', 'PUT', `/api/v1/workspaces/${id}/configs`, undefined, {
          Configs: [{ ConfigKey: 'tempStoragePath', ConfigValue: 'oss://bkt/p/' }],
        })
      ).statusCode,
    ).toBe(200)
  })

  it('A2: the main account may change any workspace of its account without being a member', async () => {
    const id = String((await create(alice, 'ws_a2')).body.WorkspaceId)
    expect(
      (await main.roa('UpdateWorkspace', 'PUT', `/api/v1/workspaces/${id}`, undefined, { Description: 'by main' }))
        .statusCode,
    ).toBe(200)
    const who = await main.rpc('GetCallerIdentity', '2015-04-01')
    expect(who.body.IdentityType).toBe('Account')
  })

  it('A3: a RAM user without AliyunPAIFullAccess is refused with Forbidden.RAM, reads included', async () => {
    for (const call of [bob.roa('ListWorkspaces', 'GET', '/api/v1/workspaces'), create(bob, 'ws_bob')]) {
      const f = await failure(call)
      expect(f).toMatchObject({ status: 403, code: 'Forbidden.RAM' })
    }
    // STS still answers: that is how the app finds out who it is (A3 warning).
    const who = await bob.rpc('GetCallerIdentity', '2015-04-01')
    expect(who.body).toMatchObject({
      IdentityType: 'RAMUser',
      AccountId: MAIN.uid,
      UserId: BOB.uid,
      Arn: `acs:ram::${MAIN.uid}:user/bob`,
    })
    // EventBridge needs its own policy.
    expect(await failure(bob.rpc('ListEventBuses', '2020-04-01'))).toMatchObject({ status: 403, code: 'AccessDenied' })
  })

  it('accounts are isolated: another main account sees none of these workspaces', async () => {
    const other = await startEmulator({
      accounts: [
        MAIN,
        {
          accessKeyId: 'TESTAK5tOtherMain00001',
          accessKeySecret: 'other-secret',
          type: 'main',
          uid: '1800000000000001',
        },
      ],
      asyncDelayMs: 0,
    })
    try {
      const m = make(other, creds(MAIN))
      const o = make(other, { accessKeyId: 'TESTAK5tOtherMain00001', accessKeySecret: 'other-secret' })
      const id = String(
        (
          await m.roa('CreateWorkspace', 'POST', '/api/v1/workspaces', undefined, {
            WorkspaceName: 'ws_iso',
            Description: 'd',
            EnvTypes: ['prod'],
          })
        ).body.WorkspaceId,
      )
      expect((await o.roa('ListWorkspaces', 'GET', '/api/v1/workspaces')).body.TotalCount).toBe(0)
      expect(await failure(o.roa('GetWorkspace', 'GET', `/api/v1/workspaces/${id}`))).toMatchObject({
        code: '100400027',
      })
    } finally {
      await other.close()
    }
  })
})
