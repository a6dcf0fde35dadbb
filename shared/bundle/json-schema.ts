import { z } from 'zod'
import { BundleSchema } from './schema'

/** Where the published schema lives (editors: `# yaml-language-server: $schema=…`). */
export const BUNDLE_SCHEMA_ID = 'https://pai-admin.aliyun.com/schemas/bundle.schema.json'

/**
 * The bundle's JSON Schema, generated from the zod schemas (the single source): what a hand-written file
 * may contain (input side: fields with defaults are optional). Deterministic text, ending in a newline.
 */
export function bundleJsonSchemaText(): string {
  const schema = z.toJSONSchema(BundleSchema, { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' })
  closeObjects(schema)
  const doc = {
    $id: BUNDLE_SCHEMA_ID,
    title: 'PAI Workspace Admin config bundle',
    description:
      "One or more PAI workspaces' whole configuration (docs/bundles.md). Secrets appear only as keychain references (secretRef) or encrypted (secrets).",
    ...schema,
  }
  return JSON.stringify(doc, null, 2) + '\n'
}

/** Objects with declared properties allow no others: the import reports unknown fields (typos) as errors. */
function closeObjects(node: unknown): void {
  if (Array.isArray(node)) {
    for (const n of node) closeObjects(n)
    return
  }
  if (typeof node !== 'object' || node === null) return
  const o = node as Record<string, unknown>
  if (o.type === 'object' && typeof o.properties === 'object' && o.additionalProperties === undefined)
    o.additionalProperties = false
  for (const v of Object.values(o)) closeObjects(v)
}
