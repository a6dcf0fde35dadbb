import { describe, expect, it } from 'vitest'
import { parseMemberCsv } from '../../../renderer/src/components/config/member-csv'

const roles: Record<string, string> = {
  'pai.algodeveloper': 'PAI.AlgoDeveloper',
  'pai.workspaceguest': 'PAI.WorkspaceGuest',
  'pai.workspaceowner': 'PAI.WorkspaceOwner',
  算法开发: 'PAI.AlgoDeveloper',
  访客: 'PAI.WorkspaceGuest',
}
const resolve = (t: string): string | undefined => roles[t.toLowerCase()]

describe('member CSV paste', () => {
  it('M1: one line gives a member several roles, separated by ; or |', () => {
    const rows = parseMemberCsv(
      'userId,roles\n200,PAI.AlgoDeveloper;访客\n300,"算法开发|PAI.WorkspaceGuest"\n',
      new Set(),
      resolve,
    )
    expect(rows).toEqual([
      {
        line: 2,
        userId: '200',
        ok: true,
        member: { userId: '200', roles: ['PAI.AlgoDeveloper', 'PAI.WorkspaceGuest'] },
      },
      {
        line: 3,
        userId: '300',
        ok: true,
        member: { userId: '300', roles: ['PAI.AlgoDeveloper', 'PAI.WorkspaceGuest'] },
      },
    ])
  })

  it('M6: refuses a line granting the owner role, and (M5) one without roles, with the reason per line', () => {
    const rows = parseMemberCsv(
      '400,\n500,PAI.WorkspaceOwner\n600,Nope\nbad line\n700 x,访客\n100,访客\n800,访客\n800,访客',
      new Set(['100']),
      resolve,
    )
    expect(rows.map((r) => [r.line, r.ok ? 'added' : r.refusal.key])).toEqual([
      [1, 'noRoles'],
      [2, 'ownerRole'],
      [3, 'unknownRole'],
      [4, 'format'],
      [5, 'userId'],
      [6, 'exists'],
      [7, 'added'],
      [8, 'duplicateRow'],
    ])
  })

  it('M1: a user-name column (userId,userName,roles) is kept for display; two columns still read as userId,roles', () => {
    const rows = parseMemberCsv(
      'userId,userName,roles\n900,carol,算法开发;访客\n901,访客\n902,"dave",PAI.AlgoDeveloper',
      new Set(),
      resolve,
    )
    expect(rows).toEqual([
      {
        line: 2,
        userId: '900',
        ok: true,
        member: { userId: '900', userName: 'carol', roles: ['PAI.AlgoDeveloper', 'PAI.WorkspaceGuest'] },
      },
      { line: 3, userId: '901', ok: true, member: { userId: '901', roles: ['PAI.WorkspaceGuest'] } },
      { line: 4, userId: '902', ok: true, member: { userId: '902', userName: 'dave', roles: ['PAI.AlgoDeveloper'] } },
    ])
  })
})
