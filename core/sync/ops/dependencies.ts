import type { OutboxOp, Store } from '../../store'

/**
 * What an op learns from the ops it waits for, done earlier in the same run: the new workspace's ID (ops queued
 * with a workspace not created yet carry none), and the cloud IDs of the custom roles created, by name (a member
 * given a role created in the same plan gets its ID without a look-up).
 */
export function fromDependencies(
  store: Store,
  op: OutboxOp,
): { workspaceId: string | undefined; roleIds: Map<string, string> } {
  let workspaceId: string | undefined
  const roleIds = new Map<string, string>()
  for (const dep of op.dependsOn) {
    const d = store.outbox.get(dep)
    if (!d || d.status !== 'done' || !d.result || typeof d.result !== 'object') continue
    const result = d.result as { workspaceId?: unknown; roleId?: unknown }
    if (d.kind === 'workspace.create' && typeof result.workspaceId === 'string') workspaceId = result.workspaceId
    const name = (d.payload as { RoleName?: unknown } | null)?.RoleName
    if (d.kind === 'role.create' && typeof result.roleId === 'string' && typeof name === 'string')
      roleIds.set(name, result.roleId)
  }
  return { workspaceId, roleIds }
}
