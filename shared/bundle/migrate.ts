import { BUNDLE_API_VERSION, BUNDLE_API_VERSION_V1ALPHA1 } from './schema'

/**
 * Migrations from older bundle formats to the current one. Each takes the parsed file (plain data) and
 * returns the current format plus a map from a pointer in the result back to the pointer in the file,
 * so problems found after migrating still point at the right line.
 *
 * v1alpha1 -> v1:
 * - a workspace's configuration was under `spec`; it is `config` now;
 * - a DingTalk target named its keychain entry `secretName`; it is `secretRef` now.
 */

export type PointerMap = (pointer: string) => string

export type MigrationResult =
  | { ok: true; value: unknown; fromVersion: string; toSource: PointerMap }
  | { ok: false; code: 'BUNDLE_API_VERSION_MISSING' | 'BUNDLE_API_VERSION_UNKNOWN'; params: Record<string, string> }

const identity: PointerMap = (p) => p
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Versions this app reads, newest first. */
export const KNOWN_API_VERSIONS = [BUNDLE_API_VERSION, BUNDLE_API_VERSION_V1ALPHA1] as const

export function migrateBundle(data: unknown): MigrationResult {
  const version = isObject(data) ? data.apiVersion : undefined
  if (version === undefined)
    return { ok: false, code: 'BUNDLE_API_VERSION_MISSING', params: { expected: BUNDLE_API_VERSION } }
  if (version === BUNDLE_API_VERSION)
    return { ok: true, value: data, fromVersion: BUNDLE_API_VERSION, toSource: identity }
  if (version === BUNDLE_API_VERSION_V1ALPHA1 && isObject(data))
    return { ok: true, ...fromV1alpha1(data), fromVersion: BUNDLE_API_VERSION_V1ALPHA1 }
  return {
    ok: false,
    code: 'BUNDLE_API_VERSION_UNKNOWN',
    params: {
      found: typeof version === 'string' ? version.slice(0, 100) : JSON.stringify(version).slice(0, 100),
      expected: KNOWN_API_VERSIONS.join(', '),
    },
  }
}

function fromV1alpha1(data: Record<string, unknown>): { value: unknown; toSource: PointerMap } {
  /** Pointers (in the result) of `secretRef` fields that were `secretName` in the file. */
  const renamedSecrets = new Set<string>()
  const workspaces = Array.isArray(data.workspaces)
    ? data.workspaces.map((ws: unknown, i) => {
        if (!isObject(ws)) return ws
        const { spec, ...rest } = ws
        const out: Record<string, unknown> = { ...rest }
        if (spec !== undefined && !('config' in ws))
          out.config = renameSecretNames(spec, `/workspaces/${i}/config`, renamedSecrets)
        else if ('spec' in ws) out.spec = spec
        return out
      })
    : data.workspaces
  const value = { ...data, apiVersion: BUNDLE_API_VERSION, workspaces }
  const toSource: PointerMap = (pointer) => {
    let p = pointer
    for (const r of renamedSecrets)
      if (p === r || p.startsWith(r + '/'))
        p = p.slice(0, r.length - 'secretRef'.length) + 'secretName' + p.slice(r.length)
    return p.replace(/^(\/workspaces\/\d+)\/config(?=\/|$)/, '$1/spec')
  }
  return { value, toSource }
}

function renameSecretNames(spec: unknown, base: string, renamed: Set<string>): unknown {
  if (!isObject(spec) || !isObject(spec.notifications) || !Array.isArray(spec.notifications.rules)) return spec
  const rules = spec.notifications.rules.map((rule: unknown, i) => {
    if (!isObject(rule) || !Array.isArray(rule.targets)) return rule
    const targets = rule.targets.map((t: unknown, k) => {
      if (!isObject(t) || !('secretName' in t) || 'secretRef' in t) return t
      const { secretName, ...rest } = t
      renamed.add(`${base}/notifications/rules/${i}/targets/${k}/secretRef`)
      return { ...rest, secretRef: secretName }
    })
    return { ...rule, targets }
  })
  return { ...spec, notifications: { ...spec.notifications, rules } }
}
