import { checkResourceName } from '../fields'
import { resourceKey } from '../keys'
import { canDetachResource } from '../permissions'
import type { Rule } from './env'

/** C1 (kinds, names, environments, defaults), C2 (no disassociation), C3 (MaxCompute is CPU only). */
export const checkResources: Rule = (cfg, env, c) => {
  const prevKeys = new Set<string>()
  for (const r of env.previous?.resources ?? []) prevKeys.add(resourceKey(r))
  const seen = new Set<string>()
  const defaults = new Set<string>()
  const list = cfg.resources
  for (let i = 0; i < list.length; i++) {
    const r = list[i]
    if (!r) continue
    const p = `/resources/${i}`
    const key = resourceKey(r)
    // Names of resources already associated are the cloud's; only new ones follow the API's naming rule.
    if (!prevKeys.has(key)) {
      const n = checkResourceName(r.name)
      if (c.fails(!n)) c.error(`${p}/name`, 'C1', n!.code, n!.params)
    }
    if (c.fails(!seen.has(key)))
      c.error(p, 'C1', 'DOMAIN_RESOURCE_DUPLICATE', { name: r.name, kind: r.kind, envType: r.envType })
    seen.add(key)
    if (c.fails(!(cfg.basic.mode === 'simple' && r.envType === 'dev')))
      c.error(`${p}/envType`, 'C1', 'DOMAIN_RESOURCE_DEV_IN_SIMPLE', { name: r.name })
    if (r.isDefault) {
      const dk = `${r.kind}/${r.envType}`
      if (c.fails(!defaults.has(dk)))
        c.error(`${p}/isDefault`, 'C1', 'DOMAIN_RESOURCE_DEFAULT_TWICE', { kind: r.kind, envType: r.envType })
      defaults.add(dk)
    }
    if (r.kind === 'maxcompute') {
      const gpu =
        (r.spec?.gpuCount !== undefined && r.spec.gpuCount !== 0) ||
        (r.spec?.gpuType !== undefined && r.spec.gpuType !== '')
      if (c.fails(!gpu)) c.error(`${p}/spec`, 'C3', 'DOMAIN_MAXCOMPUTE_GPU', { name: r.name })
    }
  }
  for (const r of env.previous?.resources ?? []) {
    if (c.fails(seen.has(resourceKey(r)))) {
      const d = canDetachResource(r)
      c.error('/resources', d.ruleId, d.code!, d.params)
    }
  }
}
