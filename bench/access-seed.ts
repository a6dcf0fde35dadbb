import { WorkspaceConfigSchema } from '@shared/domain'
import type { Store } from '../core/store'
import { benchProfile } from './profile'

/**
 * The access bench's cache (issue 16): 1,000 workspaces of 200 members each (200,000 member rows) under one
 * profile, written through the store repositories; one user (EVERYWHERE) is a member of every workspace.
 */
const WORKSPACES = 1000
const MEMBERS = 200
const ROLES = ['PAI.AlgoDeveloper', 'PAI.AlgoOperator', 'PAI.LabelManager', 'PAI.WorkspaceGuest', 'PAI.WorkspaceAdmin']
export const EVERYWHERE = '2999999999999999'
const uid = (i: number): string => `28${String(i).padStart(14, '0')}`

export function seed(store: Store): string {
  const pid = benchProfile(store)
  const owner = '1999000000000001'
  store.transaction(() => {
    const ws = Array.from({ length: WORKSPACES }, (_, i) => ({
      workspaceId: String(500_000 + i),
      name: `team_${i}`,
      displayName: `项目 ${i}`,
      status: 'ENABLED',
      mode: 'standard',
      owner,
    }))
    store.workspaces.upsertMany(pid, ws, { replaceAll: true })
    ws.forEach((w, i) => {
      // a pool of 20,000 people, each in about 10 workspaces; one user in every workspace
      const people = Array.from({ length: MEMBERS - 1 }, (_, j) => uid((i * 37 + j * 101) % 20_000))
      const unique = [...new Set(people)]
      const members = [
        { userId: owner, roles: ['PAI.WorkspaceOwner'] },
        ...unique.map((u, j) => ({ userId: u, roles: [ROLES[j % ROLES.length]!] })),
        { userId: EVERYWHERE, roles: ['PAI.AlgoDeveloper'] },
      ]
      const config = WorkspaceConfigSchema.parse({
        basic: { name: w.name, displayName: w.displayName, description: 'bench', mode: 'standard' },
        owner: { userId: owner },
        members,
        storage: { defaultPath: 'oss://bench/pai/' },
      })
      store.workspaces.saveConfig(pid, w.workspaceId, config)
      store.members.upsertMany(
        pid,
        w.workspaceId,
        members.map((m) => ({
          memberId: `${w.workspaceId}-${m.userId}`,
          userId: m.userId,
          memberName: `user_${m.userId.slice(-5)}`,
          displayName: null,
          accountName: null,
          accountType: '5',
          roles: m.roles,
          gmtCreate: null,
        })),
        { replaceAll: true },
      )
    })
  })
  return pid
}
