import type { Caller, EmulatorCore } from './core'
import { EmuError, int, type Incoming } from './http'
import type { RamRec, TenantRec, UserRec } from './model'
import { rpcParams } from './sts'

/**
 * RAM 2015-05-01 (RPC): ListUsers (paged with Marker / IsTruncated / MaxItems), ListPoliciesForUser,
 * ListGroupsForUser, ListPoliciesForGroup, ListPoliciesForRole (docs/pai-api-facts.md §10; docs/emulator.md says
 * what is assumed). The RAM users of a tenant are its users of AccountType "5" (the seeded ones and the RAM
 * AccessKeys); their policies are the seeded ones plus, for a RAM AccessKey, the policies the account was given.
 * Its RAM roles are its users of AccountType "6", by UserName as RoleName, with the policies seeded for them.
 */

export function ramOf(t: TenantRec): RamRec {
  t.ram ??= { userPolicies: {}, rolePolicies: {}, userGroups: {}, groups: {}, created: {} }
  return t.ram
}

/** What a few system policies say of themselves (the description is not read by the app). */
const DESCRIPTIONS: Record<string, string> = {
  AliyunPAIFullAccess: '管理人工智能平台(PAI)的权限',
  AdministratorAccess: '管理所有阿里云资源的权限',
  AliyunRAMReadOnlyAccess: '只读访问访问控制(RAM)的权限',
}

const DENIED = 'You are not authorized to do this action. You should be authorized by RAM.'

function ramUsers(t: TenantRec): UserRec[] {
  return Object.values(t.users)
    .filter((u) => u.AccountType === '5')
    .sort((a, b) => (a.UserName < b.UserName ? -1 : a.UserName > b.UserName ? 1 : 0))
}

function userByName(t: TenantRec, name: string | undefined): UserRec {
  if (!name) throw new EmuError(400, 'MissingUserName', 'UserName is mandatory for this action.')
  const u = ramUsers(t).find((x) => x.UserName === name)
  if (!u) throw new EmuError(404, 'EntityNotExist.User', `The user does not exist: ${name}.`)
  return u
}

function policiesAnswer(names: string[], at: string): unknown {
  return {
    Policies: {
      Policy: [...new Set(names)].map((n) => ({
        PolicyName: n,
        PolicyType: 'System',
        Description: DESCRIPTIONS[n] ?? n,
        DefaultVersion: 'v1',
        AttachDate: at,
      })),
    },
  }
}

const encodeMarker = (name: string): string => Buffer.from(name, 'utf8').toString('base64url')
const decodeMarker = (m: string): string => Buffer.from(m, 'base64url').toString('utf8')

export function handleRam(core: EmulatorCore, inc: Incoming, caller: Caller, action: string): unknown {
  // Reading RAM needs ram:List* (AliyunRAMReadOnlyAccess, AliyunRAMFullAccess, AdministratorAccess) or the main account.
  if (!core.hasPolicy(caller, 'AliyunRAMReadOnlyAccess', 'AliyunRAMFullAccess'))
    throw new EmuError(403, 'NoPermission', DENIED)
  const p = rpcParams(inc)
  const t = caller.tenant
  const ram = ramOf(t)
  const dateOf = (name: string): string => ram.created[name] ?? '2024-01-01T00:00:00Z'
  switch (action) {
    case 'ListUsers': {
      const max = int(p.MaxItems, 'MaxItems', 100, 1, 1000)
      const all = ramUsers(t)
      const after = p.Marker ? decodeMarker(p.Marker) : undefined
      const from = after === undefined ? 0 : all.findIndex((u) => u.UserName > after)
      const rest = from < 0 ? [] : all.slice(from)
      const page = rest.slice(0, max)
      const truncated = rest.length > max
      return {
        IsTruncated: truncated,
        ...(truncated ? { Marker: encodeMarker(page[page.length - 1]!.UserName) } : {}),
        Users: {
          User: page.map((u) => ({
            UserId: u.UserId,
            UserName: u.UserName,
            DisplayName: u.DisplayName,
            Comments: '',
            CreateDate: dateOf(u.UserName),
            UpdateDate: dateOf(u.UserName),
          })),
        },
      }
    }
    case 'ListPoliciesForUser': {
      const u = userByName(t, p.UserName)
      const key = [...core.accounts.values()].find((a) => a.uid === u.UserId && a.type === 'ram')
      return policiesAnswer([...(key?.policies ?? []), ...(ram.userPolicies[u.UserName] ?? [])], dateOf(u.UserName))
    }
    case 'ListGroupsForUser': {
      const u = userByName(t, p.UserName)
      const groups = (ram.userGroups[u.UserName] ?? []).flatMap((g) => (ram.groups[g] ? [ram.groups[g]] : []))
      return {
        Groups: {
          Group: groups.map((g) => ({
            GroupName: g.GroupName,
            GroupId: g.GroupId,
            Comments: g.Comments,
            JoinDate: dateOf(u.UserName),
          })),
        },
      }
    }
    case 'ListPoliciesForGroup': {
      if (!p.GroupName) throw new EmuError(400, 'MissingGroupName', 'GroupName is mandatory for this action.')
      const g = ram.groups[p.GroupName]
      if (!g) throw new EmuError(404, 'EntityNotExist.Group', `The group does not exist: ${p.GroupName}.`)
      return policiesAnswer(g.policies, '2024-01-01T00:00:00Z')
    }
    case 'ListPoliciesForRole': {
      if (!p.RoleName) throw new EmuError(400, 'MissingRoleName', 'RoleName is mandatory for this action.')
      const role = Object.values(t.users).find((u) => u.AccountType === '6' && u.UserName === p.RoleName)
      if (!role) throw new EmuError(404, 'EntityNotExist.Role', `The role does not exist: ${p.RoleName}.`)
      return policiesAnswer(ram.rolePolicies[role.UserName] ?? [], dateOf(role.UserName))
    }
    default:
      throw new EmuError(404, 'InvalidAction.NotFound', `Specified api ${action} is not found.`)
  }
}
