import { sameOssPath } from '@shared/domain'
import { AppError } from '@shared/ipc/errors'
import type { CloudClients } from '../../cloud'
import { DEFAULT_STORAGE_KEY } from '../mapping/from-cloud'
import { mergeFilterPattern } from '../mapping/foreign'
import type { OpPayload } from './payloads'

/**
 * The updates whose effect the app cannot take for granted (docs/pai-api-facts.md §1.7: a PAI update call can accept
 * an unknown field, answer only a RequestId, and change nothing). Each reads the value back after writing;
 * a mismatch ends the op as `SYNC_NOT_APPLIED`, never as done, so the draft is kept. Updates also lay the
 * change over what the cloud holds now, so nothing the app does not model is overwritten.
 */

const shown = (v: unknown): string => {
  if (v === undefined || v === null) return '-'
  const s = typeof v === 'string' ? v : JSON.stringify(v)
  return s.length > 120 ? `${s.slice(0, 117)}...` : s
}

export function notApplied(field: string, sent: unknown, found: unknown): AppError {
  return new AppError('SYNC_NOT_APPLIED', { params: { field, sent: shown(sent), found: shown(found) } })
}

/** UpdateConfigs, then ListConfigs of the same keys: every value must read back (OSS paths as the same folder). */
export async function updateConfigsReadBack(
  c: CloudClients,
  ws: string,
  configs: OpPayload<'config.update'>['Configs'],
): Promise<void> {
  await c.pai.updateConfigs(ws, { Configs: configs })
  const back = await c.pai.listConfigs(ws, { ConfigKeys: configs.map((x) => x.ConfigKey).join(',') })
  for (const want of configs) {
    const got = back.find(
      (x) =>
        x.ConfigKey === want.ConfigKey &&
        (!want.CategoryName || !x.CategoryName || x.CategoryName === want.CategoryName),
    )
    const value = got?.ConfigValue ?? ''
    const same =
      want.ConfigKey === DEFAULT_STORAGE_KEY
        ? sameOssPath(value || undefined, want.ConfigValue || undefined)
        : value === want.ConfigValue
    if (!same) throw notApplied(want.ConfigKey, want.ConfigValue, got ? value : undefined)
  }
}

type CloudResource = Awaited<ReturnType<CloudClients['pai']['listAllResources']>>[number]

/** The resource of a natural key (type names compared ignoring case: ROS spells Flink `FLINK`). */
export async function findResource(
  c: CloudClients,
  ws: string,
  key: { Name: string; EnvType: string; ResourceType: string },
): Promise<CloudResource | undefined> {
  const list = await c.pai.listAllResources(ws, { ResourceName: key.Name })
  const type = key.ResourceType.toLowerCase()
  return list.find(
    (x) =>
      x.Name === key.Name &&
      x.EnvType === key.EnvType &&
      (x.ResourceType ?? x.ProductType ?? '').toLowerCase() === type,
  )
}

/**
 * UpdateWorkspaceResource with only what changed: `IsDefault` when it did, and `Spec` when a Spec key did.
 * The Spec sent is the cloud's current one with the changed keys laid over it (null removes a key), so keys
 * the app does not model survive whether the API merges or replaces the map. Then read back.
 */
export async function updateResourceReadBack(
  c: CloudClients,
  ws: string,
  p: OpPayload<'resource.update'>,
): Promise<void> {
  const hit = await findResource(c, ws, p)
  if (!hit) throw new AppError('SYNC_RESOURCE_MISSING', { params: { name: p.Name } })
  const body: Parameters<CloudClients['pai']['updateWorkspaceResource']>[1] = {
    ResourceIds: [hit.Id],
    ResourceType: hit.ResourceType ?? p.ResourceType,
  }
  if (p.IsDefault) body.IsDefault = true
  if (p.Spec) {
    const spec: Record<string, unknown> = { ...(hit.Spec ?? {}) }
    for (const [k, v] of Object.entries(p.Spec)) {
      if (v === null) delete spec[k]
      else spec[k] = v
    }
    body.Spec = spec
  }
  await c.pai.updateWorkspaceResource(ws, body)
  await checkResourceBack(c, ws, p)
}

/**
 * Reads a resource back after a create or an update: it must be there, the default when `IsDefault` was sent,
 * and hold every `Spec` key sent (null: removed). A key the cloud dropped ends the op as `SYNC_NOT_APPLIED`.
 */
export async function checkResourceBack(
  c: CloudClients,
  ws: string,
  p: { Name: string; EnvType: string; ResourceType: string; IsDefault?: boolean; Spec?: Record<string, unknown> },
): Promise<void> {
  const back = await findResource(c, ws, p)
  if (!back) throw new AppError('SYNC_RESOURCE_MISSING', { params: { name: p.Name } })
  if (p.IsDefault && back.IsDefault !== true) throw notApplied(`${p.Name}.IsDefault`, true, back.IsDefault ?? false)
  for (const [k, v] of Object.entries(p.Spec ?? {})) {
    const got = back.Spec?.[k]
    const same = v === null ? got === undefined : got === v || (typeof v === 'number' && got === String(v))
    if (!same) throw notApplied(`${p.Name}.Spec.${k}`, v, got)
  }
}

/**
 * UpdateRule of a rule the app manages: the pattern sent is the cloud's current one with only the keys the
 * app models replaced (mapping/foreign.ts), and the rule's description is sent back as it is.
 */
export async function updateRuleKeepingPattern(c: CloudClients, p: OpPayload<'rule.update'>): Promise<void> {
  const ref = { EventBusName: p.busName, RuleName: p.RuleName }
  const live = await c.eventBridge.getRule(ref)
  const input: Parameters<CloudClients['eventBridge']['updateRule']>[0] = {
    ...ref,
    FilterPattern: mergeFilterPattern(live.FilterPattern, p.FilterPattern),
    Status: p.Status,
  }
  if (live.Description) input.Description = live.Description
  await c.eventBridge.updateRule(input)
}
