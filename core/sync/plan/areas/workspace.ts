import { canChangeMode, canRename, envTypesOf, type WorkspaceConfig } from '@shared/domain'
import type { OpPayload } from '../../ops/payloads'
import { conflictOf, type Actions, type PlanContext } from '../actions'
import { merge3 } from '../merge'

/**
 * The workspace itself: CreateWorkspace for a new one; otherwise W1 (name and mode never change),
 * display name and description, and a resource group change (console only). Returns the create action.
 */
export function planWorkspace(ctx: PlanContext, root: Actions): string | undefined {
  const { mine, base, cloud, wsName } = ctx
  if (ctx.creating) {
    const payload: OpPayload<'workspace.create'> = {
      input: {
        WorkspaceName: mine.basic.name,
        Description: mine.basic.description,
        EnvTypes: envTypesOf(mine.basic.mode),
      },
    }
    if (mine.basic.displayName) payload.input.DisplayName = mine.basic.displayName
    if (mine.basic.resourceGroupId) payload.input.ResourceGroupId = mine.basic.resourceGroupId
    return root.changed(root.apply('workspace', mine.basic.name, 'create', 'workspace.create', payload), {
      fields: [{ field: 'mode', before: null, after: mine.basic.mode }],
    })
  }
  const rename = canRename(cloud.basic.name, mine.basic.name)
  if (!rename.allowed)
    root.changed(root.refused('workspace', cloud.basic.name, 'rename', rename), {
      fields: [{ field: 'name', before: cloud.basic.name, after: mine.basic.name }],
    })
  const mode = canChangeMode(cloud.basic.mode, mine.basic.mode)
  if (!mode.allowed)
    root.changed(root.refused('workspace', cloud.basic.name, 'changeMode', mode), {
      fields: [{ field: 'mode', before: cloud.basic.mode, after: mine.basic.mode }],
    })
  const dn = (c: WorkspaceConfig): string => c.basic.displayName || c.basic.name
  const mDn = merge3(dn(base), dn(mine), dn(cloud))
  const mDesc = merge3(base.basic.description, mine.basic.description, cloud.basic.description)
  const upd: OpPayload<'workspace.update'> = {}
  if (mDn.kind === 'apply') upd.DisplayName = mDn.value
  if (mDesc.kind === 'apply') upd.Description = mDesc.value
  const fields: Array<{ field: string; before: unknown; after: unknown }> = []
  if (upd.DisplayName !== undefined) fields.push({ field: 'displayName', before: dn(cloud), after: upd.DisplayName })
  if (upd.Description !== undefined)
    fields.push({ field: 'description', before: cloud.basic.description, after: upd.Description })
  if (fields.length) root.changed(root.apply('workspace', wsName, 'update', 'workspace.update', upd), { fields })
  const conflicts = [...conflictOf('/basic/displayName', mDn), ...conflictOf('/basic/description', mDesc)]
  if (mine.basic.resourceGroupId) {
    const mRg = merge3(base.basic.resourceGroupId, mine.basic.resourceGroupId, cloud.basic.resourceGroupId)
    conflicts.push(...conflictOf('/basic/resourceGroupId', mRg))
    if (mRg.kind === 'apply')
      root.manual(ctx, 'workspace', 'resourceGroup', 'resourceGroup', [
        { field: 'resourceGroupId', before: cloud.basic.resourceGroupId ?? null, after: mine.basic.resourceGroupId },
      ])
  }
  if (conflicts.length) root.conflict('workspace', wsName, conflicts)
  return undefined
}
