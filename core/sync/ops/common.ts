import { AppError } from '@shared/ipc/errors'
import type { CloudClients } from '../../cloud'
import type { ExecContext } from './context'
import { OP_PAYLOADS, type OpKind, type OpPayload } from './payloads'

/** What every op's code shares: cloud answers that mean "not there" / "there already", payloads, look-ups. */

export const notFound = (err: unknown): boolean => err instanceof AppError && err.code === 'CLOUD_NOT_FOUND'
export const exists = (err: unknown): boolean => err instanceof AppError && err.code === 'CLOUD_ALREADY_EXISTS'

export async function orUndefined<T>(p: Promise<T>): Promise<T | undefined> {
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

export function needWs(ctx: ExecContext, p: { workspaceId?: string | undefined }): string {
  const id = p.workspaceId ?? ctx.workspaceId
  if (!id) throw new AppError('SYNC_NO_WORKSPACE_ID')
  return id
}

export async function roleIdByName(c: CloudClients, ws: string, name: string): Promise<string | undefined> {
  const roles = await c.pai.listAllWorkspaceRoles(ws, { RoleName: name })
  return roles.find((r) => r.RoleName === name)?.RoleId
}
