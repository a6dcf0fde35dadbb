import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { BUNDLE_LIMITS, bundleJsonSchemaText, diffConfigs } from '@shared/bundle'
import { WorkspaceConfigSchema } from '@shared/domain'
import { buildBundle, serializeBundle } from '../../../core/bundles/serialize'
import { readBundleText } from '../../../core/bundles/read'
import { validateText } from './support'

const config = (members: Array<{ userId: string; roles: string[] }>) =>
  WorkspaceConfigSchema.parse({
    basic: { name: 'team_a', description: 'Team A', mode: 'standard' },
    members,
    customRoles: [{ name: 'r1', permissions: { DLC: 'ReadOnly', DSW: 'FullAccess' } }],
    storage: { defaultPath: 'oss://team-bucket/pai/' },
  })

describe('bundle format', () => {
  it('D4: output is deterministic: lists by natural key, sets sorted, schema key order, no timestamps', () => {
    const a = config([
      { userId: '2', roles: ['PAI.WorkspaceGuest', 'PAI.AlgoDeveloper'] },
      { userId: '1', roles: ['PAI.AlgoDeveloper'] },
    ])
    const b = config([
      { userId: '1', roles: ['PAI.AlgoDeveloper'] },
      { userId: '2', roles: ['PAI.AlgoDeveloper', 'PAI.WorkspaceGuest'] },
    ])
    for (const format of ['yaml', 'json'] as const) {
      const x = serializeBundle(buildBundle([{ name: 'team_a', config: a }]), format)
      const y = serializeBundle(buildBundle([{ name: 'team_a', config: b }]), format)
      expect(x).toBe(y)
      expect(x).not.toMatch(/\d{4}-\d{2}-\d{2}T/)
      expect(x.indexOf('"1"')).toBeLessThan(x.indexOf('"2"'))
      // Permissions in the fixed module order (DSW before DLC), whatever the input order.
      expect(x.indexOf('DSW')).toBeLessThan(x.indexOf('DLC'))
    }
  })

  it('D4: a reordered list is no change in the preview diff; an edited member is one change', () => {
    const a = config([
      { userId: '1', roles: ['PAI.AlgoDeveloper'] },
      { userId: '2', roles: ['PAI.WorkspaceGuest'] },
    ])
    const b = config([
      { userId: '2', roles: ['PAI.WorkspaceGuest'] },
      { userId: '1', roles: ['PAI.AlgoDeveloper'] },
    ])
    expect(diffConfigs(a, b)).toEqual([])
    const c = config([
      { userId: '2', roles: ['PAI.WorkspaceGuest', 'PAI.AlgoOperator'] },
      { userId: '1', roles: ['PAI.AlgoDeveloper'] },
      { userId: '3', roles: ['PAI.AlgoDeveloper'] },
    ])
    const changes = diffConfigs(a, c)
    expect(changes).toEqual([
      {
        path: 'members[2].roles',
        op: 'change',
        before: ['PAI.WorkspaceGuest'],
        after: ['PAI.AlgoOperator', 'PAI.WorkspaceGuest'],
      },
      { path: 'members[3]', op: 'add', after: { userId: '3', roles: ['PAI.AlgoDeveloper'] } },
    ])
  })

  it('D4: every problem has a line and column, in YAML and in JSON', () => {
    const yaml = serializeBundle(
      buildBundle([{ name: 'team_a', config: config([{ userId: '1', roles: ['PAI.AlgoDeveloper'] }]) }]),
      'yaml',
    )
    const badYaml = yaml.replace('- PAI.AlgoDeveloper', '- PAI.Nobody')
    const y = validateText('b.yaml', badYaml)
    const m2 = y.problems.find((p) => p.ruleId === 'M2')!
    expect(badYaml.split('\n')[m2.line - 1]).toContain('PAI.Nobody')
    expect(m2.column).toBeGreaterThan(1)

    const json = serializeBundle(
      buildBundle([{ name: 'team_a', config: config([{ userId: '1', roles: ['PAI.AlgoDeveloper'] }]) }]),
      'json',
    )
    const badJson = json.replace('"Team A"', '""')
    const j = validateText('b.json', badJson)
    const w1 = j.problems.find((p) => p.ruleId === 'W1')!
    expect(badJson.split('\n')[w1.line - 1]).toContain('"description": ""')
  })

  it('D4: a syntax error reports its line', () => {
    const r = validateText(
      'x.yaml',
      'apiVersion: pai-admin.aliyun.com/v1\nkind: WorkspaceBundle\nworkspaces:\n  - name: [a\n',
    )
    expect(r.ok).toBe(false)
    expect(r.problems[0]!.code).toBe('BUNDLE_SYNTAX')
    expect(r.problems[0]!.line).toBeGreaterThanOrEqual(4)
    const j = validateText('x.json', '{\n  "apiVersion": "pai-admin.aliyun.com/v1",\n  "kind": \n}')
    expect(j.problems[0]!.code).toBe('BUNDLE_SYNTAX')
    expect(j.problems[0]!.line).toBe(4)
  })

  it('D4: a file over the size cap is refused without parsing, fast', () => {
    const huge = 'a: "' + 'x'.repeat(BUNDLE_LIMITS.maxBytes) + '"\n'
    const t0 = performance.now()
    const r = readBundleText('huge.yaml', huge)
    expect(performance.now() - t0).toBeLessThan(1000)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.problems[0]!.code).toBe('BUNDLE_TOO_LARGE')
  })

  it('D4: deep nesting (flow and block) and alias bombs are refused with a clear code', () => {
    const deepFlow = readBundleText('d.yaml', 'a: ' + '['.repeat(100_000) + ']'.repeat(100_000))
    expect(!deepFlow.ok && deepFlow.problems[0]!.code).toBe('BUNDLE_TOO_DEEP')
    let block = ''
    for (let i = 0; i < 80; i++) block += ' '.repeat(i) + `k${i}:\n`
    const deepBlock = readBundleText('d.yaml', block + ' '.repeat(80) + 'v: 1\n')
    expect(!deepBlock.ok && deepBlock.problems[0]!.code).toBe('BUNDLE_TOO_DEEP')
    const bomb = fs.readFileSync(path.resolve(__dirname, '../../fixtures/bundles/D4-alias-bomb.yaml'), 'utf8')
    const t0 = performance.now()
    const r = readBundleText('bomb.yaml', bomb)
    expect(performance.now() - t0).toBeLessThan(1000)
    expect(!r.ok && r.problems[0]!.code).toBe('BUNDLE_ALIAS_LIMIT')
  })

  it('D4: docs/bundle.schema.json is generated from the zod schemas and up to date (npx tsx --tsconfig tsconfig.node.json scripts/gen-bundle-schema.ts)', () => {
    const committed = fs.readFileSync(path.resolve(__dirname, '../../../docs/bundle.schema.json'), 'utf8')
    expect(committed).toBe(bundleJsonSchemaText())
  })
})
