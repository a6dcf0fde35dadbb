import { AppError, toErrorPayload, type ErrorPayload } from '@shared/ipc/errors'
import type { Locale } from '@shared/locale'
import type { CloudClients, RamClient, RamPolicy } from '../cloud'
import type { Store } from '../store'
import type { RamUserRow } from '../store/repos/ram-users'
import { rolePolicies } from './ram-roles'

/** The policy a RAM user needs for PAI (rule A3). */
export const PAI_FULL_ACCESS = 'AliyunPAIFullAccess'

/** How many members' policies are read at the same time (the endpoint's limiter paces them further). */
const POLICY_READS_AT_ONCE = 4

export interface RamUsersAnswer {
  users: RamUserRow[]
  /** Users matching the search (more than `users` when the limit cut it). */
  total: number
  /** When RAM was last read for this profile; null: never. */
  readAt: string | null
  /** Why the last read failed (no RAM permission, offline), in the caller's language; null when it worked. */
  error: ErrorPayload | null
}

export interface RamRefreshAnswer {
  users: number
  /** Member RAM users whose policies were checked (A3). */
  members: number
  /** Of those, how many hold no AliyunPAIFullAccess, directly or through a group. */
  withoutPaiFullAccess: number
}

/**
 * The account's RAM users (issue 18: the member picker) and, for the RAM users who are members of a cached
 * workspace, whether they hold AliyunPAIFullAccess (issue 16's filter, rule A3). Reads RAM 2015-05-01
 * (core/cloud/ram.ts); the answer is cached per profile, so the picker works offline from the last read.
 */
export class RamUsersService {
  constructor(
    private readonly store: Store,
    private readonly clientsFor: (profileId: string) => Promise<CloudClients>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  list(q: { profileId: string; search?: string; limit: number }, locale: Locale): RamUsersAnswer {
    this.profile(q.profileId)
    const found = this.store.ramUsers.search(q.profileId, q.search ?? '', q.limit)
    const read = this.store.ramUsers.lastRead(q.profileId)
    const error =
      read?.error && !read.ok
        ? toErrorPayload(
            new AppError(read.error.code, {
              ruleId: read.error.ruleId,
              params: read.error.params,
              details: read.error.details,
            }),
            locale,
          )
        : null
    return { ...found, readAt: read?.readAt ?? null, error }
  }

  /**
   * Reads every RAM user (ListUsers, page by page) into the cache, then the policies of each one who is a member
   * (ListPoliciesForUser, ListGroupsForUser, ListPoliciesForGroup once per group), and of each member that is a
   * RAM role (ListPoliciesForRole, ram-roles.ts). A failed read of the users is remembered, so the picker can say
   * why it is empty, and thrown.
   */
  async refresh(profileId: string): Promise<RamRefreshAnswer> {
    this.profile(profileId)
    const at = this.now().toISOString()
    let ram: RamClient
    try {
      ram = (await this.clientsFor(profileId)).ram
      const users = await ram.listAllUsers()
      this.store.ramUsers.replace(
        profileId,
        users.map((u) => ({
          userId: u.UserId,
          userName: u.UserName,
          displayName: u.DisplayName ?? null,
          comments: u.Comments ?? null,
          createDate: u.CreateDate ?? null,
        })),
        at,
      )
    } catch (err) {
      const e =
        err instanceof AppError
          ? err
          : new AppError('INTERNAL', {
              params: { detail: err instanceof Error ? err.message : String(err) },
              cause: err,
            })
      this.store.ramUsers.recordFailure(profileId, at, {
        code: e.code,
        ruleId: e.ruleId,
        params: e.params,
        details: e.details,
      })
      throw e
    }
    const members = this.store.ramUsers.members(profileId)
    const roles = this.store.ramPolicies.roleMembers(profileId)
    const facts = [
      ...(await this.policiesOf(ram, members, profileId, at)),
      ...(await rolePolicies(ram, roles, profileId, at, PAI_FULL_ACCESS)),
    ]
    this.store.ramPolicies.replaceProfile(profileId, facts)
    this.store.activity.add({
      profileId,
      action: 'ram.refresh',
      result: 'ok',
      details: {
        users: this.store.ramUsers.lastRead(profileId)?.users ?? 0,
        members: members.length,
        roles: roles.length,
      },
    })
    return {
      users: this.store.ramUsers.lastRead(profileId)?.users ?? 0,
      members: facts.length,
      withoutPaiFullAccess: facts.filter((f) => !f.hasPaiFullAccess).length,
    }
  }

  private async policiesOf(ram: RamClient, members: RamUserRow[], profileId: string, at: string) {
    const groupPolicies = new Map<string, Promise<RamPolicy[]>>()
    const ofGroup = (g: string): Promise<RamPolicy[]> => {
      let p = groupPolicies.get(g)
      if (!p) groupPolicies.set(g, (p = ram.listPoliciesForGroup(g)))
      return p
    }
    const out: Array<{
      profileId: string
      userId: string
      userName: string
      hasPaiFullAccess: boolean
      policies: string[]
      checkedAt: string
    }> = []
    let next = 0
    const worker = async (): Promise<void> => {
      for (let i = next++; i < members.length; i = next++) {
        const u = members[i]!
        const [own, groups] = await Promise.all([
          ram.listPoliciesForUser(u.userName),
          ram.listGroupsForUser(u.userName),
        ])
        const viaGroups = await Promise.all(groups.map(async (g) => ({ g, list: await ofGroup(g) })))
        // Direct policies by name; a group's as "name (group g)" so the user's page can say where it comes from.
        const policies = [
          ...own.map((p) => p.PolicyName),
          ...viaGroups.flatMap(({ g, list }) => list.map((p) => `${p.PolicyName} (group ${g})`)),
        ]
        const has =
          own.some((p) => p.PolicyName === PAI_FULL_ACCESS) ||
          viaGroups.some(({ list }) => list.some((p) => p.PolicyName === PAI_FULL_ACCESS))
        out.push({ profileId, userId: u.userId, userName: u.userName, hasPaiFullAccess: has, policies, checkedAt: at })
      }
    }
    await Promise.all(Array.from({ length: Math.min(POLICY_READS_AT_ONCE, members.length) }, worker))
    return out
  }

  private profile(profileId: string): void {
    if (!this.store.profiles.get(profileId))
      throw new AppError('NOT_FOUND', { params: { what: `profile ${profileId}` } })
  }
}
