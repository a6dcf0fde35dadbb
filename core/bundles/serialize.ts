import {
  BUNDLE_API_VERSION,
  BUNDLE_KIND,
  BundleSchema,
  canonicalConfig,
  compareStrings,
  orderKeys,
  type Bundle,
  type BundleFormat,
  type EncryptedSecrets,
} from '@shared/bundle'
import type { WorkspaceConfig } from '@shared/domain'
import { CORE_SCHEMA, dump } from 'js-yaml'

/** A workspace to write into a bundle. */
export interface BundleEntry {
  name: string
  profile?: string
  region?: string
  config: WorkspaceConfig
}

/**
 * The bundle object in canonical form: workspaces sorted by profile then name, each configuration
 * canonical (lists by natural key, schema key order), no timestamps. Same input, same bytes.
 */
export function buildBundle(entries: readonly BundleEntry[], secrets?: EncryptedSecrets, description?: string): Bundle {
  const workspaces = [...entries]
    .sort((a, b) => compareStrings(a.profile ?? '', b.profile ?? '') || compareStrings(a.name, b.name))
    .map((e) => {
      const ws: Bundle['workspaces'][number] = { name: e.name, config: canonicalConfig(e.config) }
      if (e.profile !== undefined) ws.profile = e.profile
      if (e.region !== undefined) ws.region = e.region
      return ws
    })
  const bundle: Bundle = { apiVersion: BUNDLE_API_VERSION, kind: BUNDLE_KIND, workspaces }
  if (description !== undefined) bundle.metadata = { description }
  if (secrets) bundle.secrets = secrets
  return orderKeys(BundleSchema, bundle) as Bundle
}

/**
 * The file's text: YAML (js-yaml with the YAML 1.2 core schema: block style, no anchors, no line folding,
 * strings quoted only where YAML needs it, keys in the canonical order given) or JSON (2 spaces), ending in
 * a newline. The bundle is already canonical, so the same bundle always gives the same bytes.
 */
export function serializeBundle(bundle: Bundle, format: BundleFormat): string {
  if (format === 'json') return JSON.stringify(bundle, null, 2) + '\n'
  return dump(bundle, { schema: CORE_SCHEMA, noRefs: true, lineWidth: -1, sortKeys: false, quotingType: '"' })
}

/** A file name for an export: the workspace name (or `workspaces`) and the format's extension. */
export function bundleFileName(entries: readonly BundleEntry[], format: BundleFormat): string {
  const base = entries.length === 1 ? entries[0]!.name.replace(/[^A-Za-z0-9_-]/g, '_') : 'workspaces'
  return `${base || 'workspace'}.${format === 'json' ? 'json' : 'yaml'}`
}
