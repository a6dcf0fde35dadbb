import { AppError } from '@shared/ipc/errors'
import type { CloudClients } from '../../cloud'
import { targetInputOf } from '../mapping/events'
import { CUSTOM_ROLE_REF, OP_PAYLOADS, type OpKind, type OpPayload } from './payloads'
import { findResource, updateConfigsReadBack, updateResourceReadBack, updateRuleKeepingPattern } from './read-back'

/** What sending one op needs besides its payload. */
export interface ExecContext {
  clients: CloudClients
  /** 1 on the first send; more when an earlier attempt may have reached the cloud (retry, crash). */
  attempt: number
  /** The workspace of ops queued with a workspace created earlier in the same run. */
  workspaceId: string | undefined
  /** A DingTalk signing secret from the keychain (D2); null when the reference is unknown. */
  secret(ref: string): Promise<string | null>
  /** Polling for async cloud work (workspace INITIALIZING, role jobs). */
  pollMs: number
}

export interface ExecResult {
  result?: Record<string, unknown>
  requestId?: string
}

const notFound = (err: unknown): boolean => err instanceof AppError && err.code === 'CLOUD_NOT_FOUND'
const exists = (err: unknown): boolean => err instanceof AppError && err.code === 'CLOUD_ALREADY_EXISTS'

async function orUndefined<T>(p: Promise<T>): Promise<T | undefined> {
  try {
    return await p
  } catch (err) {
    if (notFound(err)) return undefined
    throw err
  }
}

export function parsePayload<K extends OpKind>(kind: K, payload: unknown): OpPayload<K> {
  const schema = OP_PAYLOADS[kind]
  if (!schema) throw new AppError('SYNC_OP_UNKNOWN', { params: { kind } })
  const r = schema.safeParse(payload)
  if (!r.success)
    throw new AppError('SYNC_OP_INVALID', {
      params: { kind, summary: r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') },
    })
  return r.data as OpPayload<K>
}

function needWs(ctx: ExecContext, p: { workspaceId?: string | undefined }): string {
  const id = p.workspaceId ?? ctx.workspaceId
  if (!id) throw new AppError('SYNC_NO_WORKSPACE_ID')
  return id
}

async function roleIdByName(c: CloudClients, ws: string, name: string): Promise<string | undefined> {
  const roles = await c.pai.listAllWorkspaceRoles(ws, { RoleName: name })
  return roles.find((r) => r.RoleName === name)?.RoleId
}

async function resolveRoles(c: CloudClients, ws: string, roles: string[]): Promise<string[]> {
  const out: string[] = []
  for (const r of roles) {
    if (!r.startsWith(CUSTOM_ROLE_REF)) {
      out.push(r)
      continue
    }
    const name = r.slice(CUSTOM_ROLE_REF.length)
    const id = await roleIdByName(c, ws, name)
    if (!id) throw new AppError('SYNC_CUSTOM_ROLE_MISSING', { params: { name } })
    out.push(id)
  }
  return out
}

async function memberIdOf(c: CloudClients, ws: string, userId: string): Promise<string | undefined> {
  return (await orUndefined(c.pai.getMember(ws, { UserId: userId })))?.MemberId
}

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
          { RoleName: p.RoleName, ModulePermissions: p.ModulePermissions },
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
      const job = await c.pai.updateWorkspaceRole(ws, id, { ModulePermissions: p.ModulePermissions })
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
    case 'member.create': {
      const p = parsePayload('member.create', raw)
      const ws = needWs(ctx, p)
      const lookup = async (): Promise<Array<{ MemberId: string; UserId: string; Roles: string[] }> | undefined> => {
        const m = await orUndefined(c.pai.getMember(ws, { UserId: p.UserId }))
        return m && [{ MemberId: m.MemberId, UserId: m.UserId, Roles: m.Roles }]
      }
      const found = retry ? await lookup() : undefined
      const roles = await resolveRoles(c, ws, p.Roles)
      const created =
        found ??
        (await c.pai.createMembers(ws, { Members: [{ UserId: p.UserId, Roles: roles }] }, { reconcile: lookup }))
      return { result: { memberId: created[0]?.MemberId, reconciled: found !== undefined } }
    }
    case 'member.addRole':
    case 'member.removeRole': {
      const p = parsePayload(kind as 'member.addRole', raw)
      const ws = needWs(ctx, p)
      const memberId = await memberIdOf(c, ws, p.UserId)
      if (!memberId) throw new AppError('SYNC_MEMBER_MISSING', { params: { userId: p.UserId } })
      const [role] = await resolveRoles(c, ws, [p.Role])
      if (kind === 'member.addRole') await c.pai.addMemberRole(ws, memberId, role as string)
      else await c.pai.removeMemberRole(ws, memberId, role as string)
      return {}
    }
    case 'member.delete': {
      const p = parsePayload('member.delete', raw)
      const ws = needWs(ctx, p)
      const memberId = await memberIdOf(c, ws, p.UserId)
      if (memberId) await c.pai.deleteMembers(ws, [memberId])
      return {}
    }
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
