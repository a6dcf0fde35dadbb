import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

// Comments cite the API facts the code relies on as `docs/pai-api-facts.md §N`: the section must exist, and no
// comment may cite a file that is not in the repository (the team's pai-api.md lives outside it).

const root = path.resolve(__dirname, '../../..')
const FACTS = 'docs/pai-api-facts.md'
const SELF = 'tests/unit/foundation/api-facts.test.ts'

function sources(): string[] {
  const out: string[] = []
  for (const dir of ['core', 'shared', 'cli', 'web', 'electron', 'renderer', 'tools', 'tests', 'bench', 'docs'])
    for (const e of fs.readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true }))
      if (e.isFile() && /\.(ts|vue|md|mjs)$/.test(e.name))
        out.push(path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
  return out
}

describe('comments that stay true', () => {
  const facts = fs.readFileSync(path.join(root, FACTS), 'utf8')
  const sections = new Set([...facts.matchAll(/^#+ (§[\d.]+)/gm)].map((m) => m[1]))
  // A section named inside another one's heading or text (e.g. "§1.5.1 Documented keys") counts too.
  for (const m of facts.matchAll(/^- (§[\d.]+) /gm)) sections.add(m[1])

  it('every section the code cites in docs/pai-api-facts.md exists', () => {
    const missing: string[] = []
    for (const f of sources()) {
      const src = fs.readFileSync(path.join(root, f), 'utf8')
      for (const m of src.matchAll(/pai-api-facts\.md(?: §[\d.]+)?((?:,? §[\d.]+)*)/g)) {
        for (const s of m[0].match(/§[\d.]+/g) ?? [])
          if (!sections.has(s.replace(/\.$/, ''))) missing.push(`${f}: ${s}`)
      }
    }
    expect(sections.size).toBeGreaterThan(20)
    expect(missing).toEqual([])
  })

  it('no comment cites pai-api.md, which is not in the repository', () => {
    const offenders = sources().filter(
      (f) => f !== FACTS && f !== SELF && /\bpai-api\.md\b/.test(fs.readFileSync(path.join(root, f), 'utf8')),
    )
    expect(offenders).toEqual([])
  })
})
