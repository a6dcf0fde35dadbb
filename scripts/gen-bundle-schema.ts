// Writes docs/bundle.schema.json from the zod schemas (shared/bundle). Run:
//   npx tsx --tsconfig tsconfig.node.json scripts/gen-bundle-schema.ts
// tests/unit/bundles/format.test.ts fails when the committed file is out of date.
import fs from 'node:fs'
import path from 'node:path'
import { bundleJsonSchemaText } from '../shared/bundle/json-schema'

const file = path.resolve(__dirname, '..', 'docs', 'bundle.schema.json')
fs.writeFileSync(file, bundleJsonSchemaText())
process.stdout.write(`wrote ${path.relative(process.cwd(), file)}\n`)
