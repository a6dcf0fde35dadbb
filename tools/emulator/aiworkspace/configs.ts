import type { Ctx } from '../core'
import { arr, bad, bool, csv, jsonBody, notFound, obj, str } from '../http'
import { nowIso, type ConfigRec, type WorkspaceRec } from '../model'
import type { Route } from './route'

/** Workspace configuration (docs/pai-api-facts.md §1.5; rule ST1). */

/** The documented keys and their categories (§1.5.1). Other keys are accepted with an explicit category. */
const CATEGORY_OF: Record<string, string> = {
  tempStoragePath: 'CommonResourceConfig',
  isAutoRecycle: 'DLCAutoRecycle',
  quotaMaximumDuration: 'QuotaMaximumDuration',
  predefinedTags: 'CommonTagConfig',
}
/** Keys Alibaba's own SDK writes with no category (pai-python-sdk: the default storage, the MaxCompute table lifecycle). */
const UNCATEGORIZED = new Set(['modelExportPath', 'tempTableLifecycle'])
const PRIORITY_CATEGORIES = ['DLCPriorityConfig', 'DSWPriorityConfig']
/** `oss://bucket/...` or, as the console and the SDK write it, `oss://bucket.<endpoint>/...`. */
const OSS_URI = /^oss:\/\/[a-z0-9][a-z0-9-]{1,61}[a-z0-9](\.[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+)?(\/[^\s]*)?$/

function checkValue(key: string, value: string): void {
  if ((key === 'tempStoragePath' || key === 'modelExportPath') && value !== '' && !OSS_URI.test(value))
    throw bad('InvalidParameter.ConfigValue', `${key} must be an OSS path such as oss://bucket/path/.`)
  if (key === 'isAutoRecycle' && value !== 'true' && value !== 'false')
    throw bad('InvalidParameter.ConfigValue', 'isAutoRecycle must be "true" or "false".')
  if (key === 'predefinedTags') {
    let ok = false
    try {
      ok = Array.isArray(JSON.parse(value))
    } catch {
      ok = false
    }
    if (!ok) throw bad('InvalidParameter.ConfigValue', 'predefinedTags must be a JSON array.')
  }
}

function categoryFor(key: string, given: string | undefined): string {
  const documented = CATEGORY_OF[key]
  if (key === 'priorityConfig') {
    if (!given || !PRIORITY_CATEGORIES.includes(given))
      throw bad(
        'InvalidParameter.CategoryName',
        'priorityConfig needs CategoryName DLCPriorityConfig or DSWPriorityConfig.',
      )
    return given
  }
  if (documented && given && given !== documented)
    throw bad('InvalidParameter.CategoryName', `${key} belongs to category ${documented}.`)
  if (UNCATEGORIZED.has(key)) return given ?? ''
  const c = given ?? documented
  if (!c) throw bad('InvalidParameter.CategoryName', `CategoryName is required for the key ${key}.`)
  return c
}

function upsert(ctx: Ctx, ws: WorkspaceRec, raw: Record<string, unknown>): void {
  const key = str(raw.ConfigKey, 'ConfigKey', true)
  const value = str(raw.ConfigValue, 'ConfigValue') ?? ''
  const cat = categoryFor(key, str(raw.CategoryName, 'CategoryName'))
  checkValue(key, value)
  // The `ignoreConfigKeys` fault: accepted, answered as success, nothing stored.
  if (ctx.core.opts.ignoreConfigKeys.includes(key)) return
  const labels = (arr(raw.Labels, 'Labels') ?? []).map((l) => {
    const o = obj(l, 'Labels[]')
    return { Key: str(o.Key, 'Labels.Key', true), Value: str(o.Value, 'Labels.Value') ?? '' }
  })
  const id = `${cat}/${key}`
  const at = nowIso(ctx.now)
  const prev = ws.configs[id]
  ws.configs[id] = {
    ConfigId: prev?.ConfigId ?? `wc-${ctx.core.id().toString(36)}`,
    CategoryName: cat,
    ConfigKey: key,
    ConfigValue: value,
    Labels: labels,
    GmtCreateTime: prev?.GmtCreateTime ?? at,
    GmtModifiedTime: at,
  }
}

function matchesLabels(c: ConfigRec, filter: string | undefined): boolean {
  const want = csv(filter?.replace(/;/g, ','))
  return want.every((kv) => {
    const [k, v = ''] = kv.split('=')
    return c.Labels.some((l) => l.Key === k && l.Value === v)
  })
}

function listConfigs(ctx: Ctx): unknown {
  const ws = ctx.core.workspace(ctx.caller, ctx.params.WorkspaceId)
  const q = ctx.inc.query
  const keys = csv(q.ConfigKeys)
  const verbose = bool(q.Verbose, 'Verbose') ?? false
  const items = Object.values(ws.configs)
    .filter(
      (c) =>
        (keys.length === 0 || keys.includes(c.ConfigKey)) &&
        (!q.CategoryName || c.CategoryName === q.CategoryName) &&
        matchesLabels(c, q.Labels),
    )
    .sort((a, b) => a.ConfigKey.localeCompare(b.ConfigKey))
  return {
    TotalCount: items.length,
    Configs: items.map((c) => ({
      ConfigId: c.ConfigId,
      ...(c.CategoryName ? { CategoryName: c.CategoryName } : {}),
      ConfigKey: c.ConfigKey,
      ConfigValue: c.ConfigValue,
      GmtCreateTime: c.GmtCreateTime,
      GmtModifiedTime: c.GmtModifiedTime,
      ...(verbose ? { Labels: c.Labels } : {}),
    })),
  }
}

function updateConfigs(ctx: Ctx): unknown {
  const ws = ctx.core.workspace(ctx.caller, ctx.params.WorkspaceId)
  ctx.core.requireAdmin(ctx.caller, ws)
  const items = (arr(jsonBody(ctx.inc).Configs, 'Configs') ?? []).map((c) => obj(c, 'Configs[]'))
  if (items.length === 0)
    throw bad(
      'MissingParameter',
      'The input parameter "Configs" that is mandatory for processing this request is not supplied.',
    )
  // Validate all before changing any.
  const copy: WorkspaceRec = { ...ws, configs: { ...ws.configs } }
  for (const c of items) upsert(ctx, copy, c)
  ws.configs = copy.configs
  return {}
}

function getConfig(ctx: Ctx): unknown {
  const ws = ctx.core.workspace(ctx.caller, ctx.params.WorkspaceId)
  const key = str(ctx.inc.query.ConfigKey, 'ConfigKey', true)
  const c = Object.values(ws.configs).find(
    (x) => x.ConfigKey === key && (!ctx.inc.query.CategoryName || x.CategoryName === ctx.inc.query.CategoryName),
  )
  if (!c) throw notFound('ConfigNotExists', `Config ${key} not exists`)
  return {
    WorkspaceId: ws.WorkspaceId,
    CategoryName: c.CategoryName,
    ConfigKey: c.ConfigKey,
    ConfigValue: c.ConfigValue,
    Labels: c.Labels,
    GmtCreateTime: c.GmtCreateTime,
    GmtModifiedTime: c.GmtModifiedTime,
  }
}

function updateConfig(ctx: Ctx): unknown {
  const ws = ctx.core.workspace(ctx.caller, ctx.params.WorkspaceId)
  ctx.core.requireAdmin(ctx.caller, ws)
  upsert(ctx, ws, jsonBody(ctx.inc))
  return {}
}

function deleteConfig(ctx: Ctx): unknown {
  const ws = ctx.core.workspace(ctx.caller, ctx.params.WorkspaceId)
  ctx.core.requireAdmin(ctx.caller, ws)
  const key = ctx.params.ConfigKey ?? ''
  const found = Object.entries(ws.configs).filter(
    ([, c]) =>
      c.ConfigKey === key &&
      (!ctx.inc.query.CategoryName || c.CategoryName === ctx.inc.query.CategoryName) &&
      matchesLabels(c, ctx.inc.query.Labels),
  )
  if (found.length === 0) throw notFound('ConfigNotExists', `Config ${key} not exists`)
  for (const [id] of found) delete ws.configs[id]
  return {}
}

const W = '^\\/api\\/v1\\/workspaces\\/(?<WorkspaceId>[^/]+)'
export const configRoutes: Route[] = [
  { method: 'GET', path: new RegExp(`${W}/configs$`), action: 'ListConfigs', mutating: false, handle: listConfigs },
  { method: 'PUT', path: new RegExp(`${W}/configs$`), action: 'UpdateConfigs', mutating: true, handle: updateConfigs },
  {
    method: 'DELETE',
    path: new RegExp(`${W}/configs/(?<ConfigKey>[^/]+)$`),
    action: 'DeleteConfig',
    mutating: true,
    handle: deleteConfig,
  },
  { method: 'GET', path: new RegExp(`${W}/config$`), action: 'GetConfig', mutating: false, handle: getConfig },
  { method: 'PUT', path: new RegExp(`${W}/config$`), action: 'UpdateConfig', mutating: true, handle: updateConfig },
]
