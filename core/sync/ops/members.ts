import { AppError } from '@shared/ipc/errors'
import type { CloudClients } from '../../cloud'
import { needWs, orUndefined, parsePayload, roleIdByName } from './common'
import type { ExecContext, ExecResult } from './context'
import { CUSTOM_ROLE_REF } from './payloads'

/** Role IDs for a member's roles: `name:<custom role>` becomes that role's cloud ID (known from this run, or looked up). */
async function resolveRoles(
  c: CloudClients,
  ws: string,
  roles: string[],
  known: ReadonlyMap<string, string> | undefined,
): Promise<{ ids: string[]; custom: Array<{ id: string; name: string }> }> {
  const ids: string[] = []
  const custom: Array<{ id: string; name: string }> = []
  for (const r of roles) {
    if (!r.startsWith(CUSTOM_ROLE_REF)) {
      ids.push(r)
      continue
    }
    const name = r.slice(CUSTOM_ROLE_REF.length)
    const id = known?.get(name) ?? (await roleIdByName(c, ws, name))
    if (!id) throw new AppError('SYNC_CUSTOM_ROLE_MISSING', { params: { name } })
    ids.push(id)
    custom.push({ id, name })
  }
  return { ids, custom }
}

/**
 * Whether a custom role can be granted through CreateMember / AddMemberRole is not documented: the member is
 * read back, and a role the cloud did not grant ends the op "not applied" (SYNC_CUSTOM_ROLE_NOT_GRANTED).
 */
async function expectGranted(
  c: CloudClients,
  ws: string,
  userId: string,
  custom: Array<{ id: string; name: string }>,
): Promise<void> {
  if (custom.length === 0) return
  const m = await orUndefined(c.pai.getMember(ws, { UserId: userId }))
  const missing = custom.find((r) => !m?.Roles.includes(r.id))
  if (missing) throw new AppError('SYNC_CUSTOM_ROLE_NOT_GRANTED', { params: { userId, name: missing.name } })
}

async function memberIdOf(c: CloudClients, ws: string, userId: string): Promise<string | undefined> {
  return (await orUndefined(c.pai.getMember(ws, { UserId: userId })))?.MemberId
}

/**
 * The member ops: create (looked up by user ID first when an earlier attempt may have reached the cloud), one
 * role added or removed, delete. Custom roles are sent by their cloud ID and read back (`expectGranted`).
 */
export async function executeMemberOp(kind: string, raw: unknown, ctx: ExecContext): Promise<ExecResult> {
  const c = ctx.clients
  const retry = ctx.attempt > 1
  switch (kind) {
    case 'member.create': {
      const p = parsePayload('member.create', raw)
      const ws = needWs(ctx, p)
      const lookup = async (): Promise<Array<{ MemberId: string; UserId: string; Roles: string[] }> | undefined> => {
        const m = await orUndefined(c.pai.getMember(ws, { UserId: p.UserId }))
        return m && [{ MemberId: m.MemberId, UserId: m.UserId, Roles: m.Roles }]
      }
      const found = retry ? await lookup() : undefined
      const roles = await resolveRoles(c, ws, p.Roles, ctx.roleIds)
      const created =
        found ??
        (await c.pai.createMembers(ws, { Members: [{ UserId: p.UserId, Roles: roles.ids }] }, { reconcile: lookup }))
      await expectGranted(c, ws, p.UserId, roles.custom)
      return { result: { memberId: created[0]?.MemberId, reconciled: found !== undefined } }
    }
    case 'member.addRole':
    case 'member.removeRole': {
      const p = parsePayload(kind as 'member.addRole', raw)
      const ws = needWs(ctx, p)
      const memberId = await memberIdOf(c, ws, p.UserId)
      if (!memberId) throw new AppError('SYNC_MEMBER_MISSING', { params: { userId: p.UserId } })
      const roles = await resolveRoles(c, ws, [p.Role], ctx.roleIds)
      const role = roles.ids[0] as string
      if (kind === 'member.addRole') {
        await c.pai.addMemberRole(ws, memberId, role)
        await expectGranted(c, ws, p.UserId, roles.custom)
      } else await c.pai.removeMemberRole(ws, memberId, role)
      return {}
    }
    case 'member.delete': {
      const p = parsePayload('member.delete', raw)
      const ws = needWs(ctx, p)
      const memberId = await memberIdOf(c, ws, p.UserId)
      if (memberId) await c.pai.deleteMembers(ws, [memberId])
      return {}
    }
    default:
      throw new AppError('SYNC_OP_UNKNOWN', { params: { kind } })
  }
}
