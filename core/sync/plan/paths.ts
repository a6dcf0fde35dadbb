import { customRoleKey, memberKey, notificationRuleKey, resourceKey, type WorkspaceConfig } from '@shared/domain'
import { AppError } from '@shared/ipc/errors'

/**
 * Paths with natural keys into a configuration (`/members/<userId>`, `/customRoles/<name>/permissions/DSW`,
 * `/resources/<kind%2Fenv%2Fname>/isDefault`, `/notifications/rules/<name>/enabled`): what a conflict
 * names, and what `sync.resolve` writes.
 */
const KEYED: Record<string, (x: never) => string> = {
  members: memberKey as (x: never) => string,
  customRoles: customRoleKey as (x: never) => string,
  resources: resourceKey as (x: never) => string,
  rules: notificationRuleKey as (x: never) => string,
}

function parse(path: string): string[] {
  if (!path.startsWith('/')) throw new AppError('SYNC_PATH_INVALID', { params: { path } })
  return path
    .slice(1)
    .split('/')
    .map((s) => decodeURIComponent(s))
}

type Node = Record<string, unknown> | unknown[]

export function getAt(config: WorkspaceConfig, path: string): unknown {
  let cur: unknown = config
  let listKey: string | undefined
  for (const s of parse(path)) {
    if (cur === undefined || cur === null) return undefined
    if (Array.isArray(cur)) {
      const key = KEYED[listKey ?? ''] as ((x: unknown) => string) | undefined
      if (!key) return undefined
      cur = cur.find((x) => key(x) === s)
    } else if (typeof cur === 'object') {
      cur = (cur as Record<string, unknown>)[s]
    } else return undefined
    listKey = s
  }
  return cur
}

/** Sets (or with undefined, removes) the value at `path`; list items are found by natural key. */
export function setAt(config: WorkspaceConfig, path: string, value: unknown): WorkspaceConfig {
  const out = structuredClone(config) as unknown as Record<string, unknown>
  const segs = parse(path)
  let cur: Node = out
  let listKey: string | undefined
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i] as string
    const last = i === segs.length - 1
    if (Array.isArray(cur)) {
      const key = KEYED[listKey ?? ''] as ((x: unknown) => string) | undefined
      if (!key) throw new AppError('SYNC_PATH_INVALID', { params: { path } })
      const idx = cur.findIndex((x) => key(x) === s)
      if (last) {
        if (value === undefined || value === null) {
          if (idx >= 0) cur.splice(idx, 1)
        } else if (idx >= 0) cur[idx] = structuredClone(value)
        else cur.push(structuredClone(value))
        break
      }
      if (idx < 0) throw new AppError('SYNC_PATH_INVALID', { params: { path } })
      cur = cur[idx] as Node
    } else {
      if (last) {
        if (value === undefined || value === null) delete cur[s]
        else cur[s] = structuredClone(value)
        break
      }
      if (cur[s] === undefined || cur[s] === null) cur[s] = {}
      cur = cur[s] as Node
    }
    listKey = s
  }
  return out as unknown as WorkspaceConfig
}
