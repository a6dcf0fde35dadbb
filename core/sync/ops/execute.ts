import { AppError } from '@shared/ipc/errors'
import { targetInputOf } from '../mapping/events'
import { exists, needWs, notFound, orUndefined, parsePayload, roleIdByName } from './common'
import { executeMemberOp } from './members'
import type { OpKind } from './payloads'
import type { ExecContext, ExecResult } from './context'
import {
  checkResourceBack,
  findResource,
  updateConfigsReadBack,
  updateResourceReadBack,
  updateRuleKeepingPattern,
} from './read-back'

export type { ExecContext, ExecResult } from './context'

/**
 * Sends one op. Creates are never repeated blindly (none of these APIs takes a ClientToken): when an
 * earlier attempt may have reached the cloud (ctx.attempt > 1, or a lost answer inside the client's
 * retries) the object is looked up by its natural key first: workspace by name, role by name, member by
 * user ID, resource by type/env/name, rule by name.
 */
export async function executeOp(kind: string, raw: unknown, ctx: ExecContext): Promise<ExecResult> {
  const c = ctx.clients
  const retry = ctx.attempt > 1
  switch (kind as OpKind) {
    case 'workspace.create': {
      const p = parsePayload('workspace.create', raw)
      const lookup = async (): Promise<{ WorkspaceId: string } | undefined> => {
        const w = await c.pai.findWorkspaceByName(p.input.WorkspaceName)
        return w && { WorkspaceId: w.WorkspaceId }
      }
      const found = retry ? await lookup() : undefined
      const { WorkspaceId } = found ?? (await c.pai.createWorkspace(p.input, { reconcile: lookup }))
      const w = await c.pai.waitForWorkspaceStatus(WorkspaceId, ['ENABLED', 'FAILURE'], {
        intervalMs: ctx.pollMs,
        timeoutMs: 6 * 60_000,
      })
      if (w.Status !== 'ENABLED')
        throw new AppError('SYNC_WORKSPACE_NOT_READY', {
          params: { workspaceId: WorkspaceId, status: w.Status ?? '-' },
        })
      return { result: { workspaceId: WorkspaceId, reconciled: found !== undefined } }
    }
    case 'workspace.update': {
      const p = parsePayload('workspace.update', raw)
      const body: { DisplayName?: string; Description?: string } = {}
      if (p.DisplayName !== undefined) body.DisplayName = p.DisplayName
      if (p.Description !== undefined) body.Description = p.Description
      await c.pai.updateWorkspace(needWs(ctx, p), body)
      return {}
    }
    case 'role.create': {
      const p = parsePayload('role.create', raw)
      const ws = needWs(ctx, p)
      const lookup = async (): Promise<{ InstanceJobId: string } | undefined> => {
        const id = await roleIdByName(c, ws, p.RoleName)
        return id ? { InstanceJobId: `found:${id}` } : undefined
      }
      const found = retry ? await lookup() : undefined
      const job =
        found ??
        (await c.pai.createWorkspaceRole(
          ws,
          { RoleName: p.RoleName, ModulePermissions: [...p.ModulePermissions, ...(p.KeptModules ?? [])] },
          { reconcile: lookup },
        ))
      let roleId: string | undefined
      if (job.InstanceJobId.startsWith('found:')) roleId = job.InstanceJobId.slice(6)
      else
        roleId =
          (await c.pai.waitForInstanceJob(job.InstanceJobId, { intervalMs: ctx.pollMs })).InstanceId ??
          (await roleIdByName(c, ws, p.RoleName))
      return { result: { roleId, reconciled: found !== undefined } }
    }
    case 'role.update': {
      const p = parsePayload('role.update', raw)
      const ws = needWs(ctx, p)
      const id = await roleIdByName(c, ws, p.RoleName)
      if (!id) throw new AppError('SYNC_CUSTOM_ROLE_MISSING', { params: { name: p.RoleName } })
      const job = await c.pai.updateWorkspaceRole(ws, id, {
        ModulePermissions: [...p.ModulePermissions, ...(p.KeptModules ?? [])],
      })
      await c.pai.waitForInstanceJob(job.InstanceJobId, { intervalMs: ctx.pollMs })
      return { result: { roleId: id } }
    }
    case 'role.delete': {
      const p = parsePayload('role.delete', raw)
      const ws = needWs(ctx, p)
      const id = await roleIdByName(c, ws, p.RoleName)
      if (id) await c.pai.deleteWorkspaceRoles(ws, [id])
      return {}
    }
    case 'member.create':
    case 'member.addRole':
    case 'member.removeRole':
    case 'member.delete':
      return executeMemberOp(kind, raw, ctx)
    case 'resource.create': {
      const p = parsePayload('resource.create', raw)
      const ws = needWs(ctx, p)
      const r = p.Resource
      const lookup = async (): Promise<string[] | undefined> => {
        const hit = await findResource(c, ws, r)
        return hit && [hit.Id]
      }
      const found = retry ? await lookup() : undefined
      const ids =
        found ?? (await c.pai.createWorkspaceResource(ws, { Option: 'Attach', Resources: [r] }, { reconcile: lookup }))
      // The GPU Spec keys are our guess (docs/pai-api-facts.md §1.7): what was sent must read back.
      await checkResourceBack(c, ws, r)
      return { result: { resourceIds: ids, reconciled: found !== undefined } }
    }
    case 'resource.update': {
      const p = parsePayload('resource.update', raw)
      await updateResourceReadBack(c, needWs(ctx, p), p)
      return {}
    }
    case 'config.update': {
      const p = parsePayload('config.update', raw)
      await updateConfigsReadBack(c, needWs(ctx, p), p.Configs)
      return {}
    }
    case 'eventBus.ensure': {
      const p = parsePayload('eventBus.ensure', raw)
      const have = await orUndefined(c.eventBridge.getEventBus(p.busName))
      if (have) return { result: { created: false } }
      try {
        await c.eventBridge.createEventBus(
          { EventBusName: p.busName, Description: `PAI workspace ${p.workspaceName}` },
          {
            reconcile: async () => (await orUndefined(c.eventBridge.getEventBus(p.busName)))?.EventBusARN ?? undefined,
          },
        )
      } catch (err) {
        if (!exists(err)) throw err
      }
      return { result: { created: true } }
    }
    case 'rule.create': {
      const p = parsePayload('rule.create', raw)
      const ref = { EventBusName: p.busName, RuleName: p.RuleName }
      const lookup = async (): Promise<string | undefined> =>
        (await orUndefined(c.eventBridge.getRule(ref)))?.RuleARN ?? undefined
      const found = retry ? await lookup() : undefined
      if (found) return { result: { ruleArn: found, reconciled: true } }
      const arn = await c.eventBridge.createRule(
        { ...ref, FilterPattern: p.FilterPattern, Status: p.Status },
        { reconcile: lookup },
      )
      return { result: { ruleArn: arn } }
    }
    case 'rule.update': {
      await updateRuleKeepingPattern(c, parsePayload('rule.update', raw))
      return {}
    }
    case 'rule.delete': {
      const p = parsePayload('rule.delete', raw)
      try {
        await c.eventBridge.deleteRule({ EventBusName: p.busName, RuleName: p.RuleName })
      } catch (err) {
        if (!notFound(err)) throw err
      }
      return {}
    }
    case 'targets.put': {
      const p = parsePayload('targets.put', raw)
      const inputs = []
      for (const t of p.targets) {
        let secret: string | undefined
        if (t.type === 'dingtalk' && t.secretRef) {
          const s = await ctx.secret(t.secretRef)
          if (s === null) throw new AppError('SYNC_SECRET_MISSING', { params: { ref: t.secretRef } })
          secret = s
        }
        inputs.push(targetInputOf(t, secret))
      }
      const res = await c.eventBridge.putTargets({ EventBusName: p.busName, RuleName: p.RuleName }, inputs)
      const first = res.ErrorEntries[0]
      if (res.ErrorEntriesCount > 0 && first)
        throw new AppError('SYNC_TARGETS_REJECTED', {
          ruleId: 'E6',
          params: { rule: p.RuleName, cloudCode: first.ErrorCode ?? '-', cloudMessage: first.ErrorMessage ?? '-' },
        })
      return {}
    }
    case 'targets.delete': {
      const p = parsePayload('targets.delete', raw)
      await c.eventBridge.deleteTargets({ EventBusName: p.busName, RuleName: p.RuleName }, p.ids)
      return {}
    }
    default:
      throw new AppError('SYNC_OP_UNKNOWN', { params: { kind } })
  }
}
