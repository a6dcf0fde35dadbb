import { WorkspaceConfigSchema, canModify, type WorkspaceConfig } from '@shared/domain'
import type { PlanAction } from '@shared/ipc/channels/sync'
import { Actions, type PlanContext, type PlanInput } from './actions'
import { planConsoleSteps } from './areas/console'
import { planCustomRoleDeletes, planCustomRoles } from './areas/custom-roles'
import { planForeignRules, planPassthrough } from './areas/foreign'
import { planMembers } from './areas/members'
import { planNotifications } from './areas/notifications'
import { planResources } from './areas/resources'
import { planStorage } from './areas/storage'
import { planWorkspace } from './areas/workspace'
import { labelActions } from './labels'
import { withOverlay } from './overlay'
import type { PlanScope } from './scope'

export type { PlanInput } from './actions'

/**
 * A new workspace's base: nothing existed. Basic information is the draft's (it goes into
 * CreateWorkspace), every list is empty, every setting has its default.
 */
export function emptyBase(draft: WorkspaceConfig): WorkspaceConfig {
  return WorkspaceConfigSchema.parse({ basic: draft.basic })
}

/**
 * The plan: a three-way comparison of the draft, its base and the cached cloud state, as ordered
 * actions (workspace; custom roles before the members that use them; members, resources, configs;
 * the event bus before rules before targets; console steps). Pure: works offline against the cache.
 * One planner per area (`areas/`); every rule decision is the domain's (`shared/domain/permissions.ts`).
 * `scope: 'members'` runs the members' planners alone (custom roles, members): only for an input whose other
 * sections are the same in all three states (`onlyMembersDiffer`, plan/scope.ts), where the other planners find
 * nothing to do, so the plan is the same.
 */
export function buildPlan(input: PlanInput, scope: PlanScope = 'all'): PlanAction[] {
  const mine = input.draft
  const creating = input.cloud === null
  const cloud = withOverlay(input.cloud ?? emptyBase(mine), input.manualOverlay)
  const ctx: PlanContext = {
    input,
    mine,
    base: input.base ?? emptyBase(mine),
    cloud,
    creating,
    wsName: creating ? mine.basic.name : cloud.basic.name,
  }
  const root = new Actions([])
  const wsAction = scope === 'all' ? planWorkspace(ctx, root) : undefined
  // Every other action waits for the workspace's creation.
  const a = new Actions(wsAction ? [wsAction] : [])
  const roles = planCustomRoles(ctx, a)
  const memberActs = planMembers(ctx, a, roles)
  planCustomRoleDeletes(a, roles, memberActs)
  if (scope === 'all') {
    planResources(ctx, a)
    planStorage(ctx, a)
    planNotifications(ctx, a)
    planForeignRules(ctx, a)
    planPassthrough(ctx, a)
    planConsoleSteps(ctx, a)
  }

  const actions = labelActions([...root.list, ...a.list], mine, cloud, ctx.base)
  // A1-A3: who may modify (offline, from the cache). A refusal turns every call into a refused action.
  const decision = canModify({ identity: input.identity, identityRoles: input.identityRoles }, { creating })
  if (!decision.allowed) {
    return actions.map((x) =>
      x.kind === 'apply'
        ? {
            ...x,
            kind: 'refused' as const,
            op: undefined,
            ruleId: decision.ruleId,
            code: decision.code,
            params: { ...(decision.params ?? {}) },
          }
        : x,
    )
  }
  return actions
}
