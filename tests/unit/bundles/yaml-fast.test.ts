import fc from 'fast-check'
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'
import { buildBundle } from '../../../electron/core/bundles'
import { isSafePlain, readYamlFast, writeYaml } from '../../../electron/core/bundles/yaml-fast'
import { configArb } from './arbitraries'

/** The fast YAML writer/reader against the `yaml` library (the reference reader). */
describe('fast YAML subset', () => {
  it('D4: what the writer writes, the yaml library reads back as the same data (any JSON value)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (v) => {
        const text = writeYaml(v)
        expect(parse(text)).toEqual(v)
      }),
      { numRuns: 300 },
    )
  })

  it('D4: the fast reader agrees with the yaml library, or gives up (never a different answer)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (v) => {
        const text = writeYaml(v)
        const fast = readYamlFast(text)
        if (fast) expect(fast.value).toEqual(parse(text))
      }),
      { numRuns: 300 },
    )
  })

  it('D4: the fast reader handles every bundle the app writes (no fallback to the slow reader)', () => {
    fc.assert(
      fc.property(configArb, (config) => {
        const text = writeYaml(buildBundle([{ name: config.basic.name, config }]))
        const fast = readYamlFast(text)
        expect(fast).toBeDefined()
        expect(fast!.value).toEqual(parse(text))
      }),
      { numRuns: 100 },
    )
  })

  it('D4: hand-written extras outside the subset make the fast reader give up', () => {
    for (const text of ['a: &x 1\nb: *x\n', 'a: [1, 2]\n', "a: 'x'\n", 'a: |\n  text\n', 'a: 1 # note\n', 'a: !!str 1\n', '---\na: 1\n', 'a:\n\t- 1\n', 'a: 1\na: 2\n']) {
      expect(readYamlFast(text), text).toBeUndefined()
    }
    // Comments on their own lines and blank lines are fine.
    expect(readYamlFast('# bundle\n\na: 1\n  # note\nb:\n  - x\n')?.value).toEqual({ a: 1, b: ['x'] })
  })

  it('D4: plain strings are only those no YAML reader can take for something else', () => {
    for (const s of ['true', 'No', 'null', '~', '1', '0x1f', '.inf', '- a', 'a: b', 'a #b', ' a', 'a ', '', '@x', '*a', '&a', '!t', '%p', '"q', "'q", '[a', '{a', '|', '>']) expect(isSafePlain(s), s).toBe(false)
    for (const s of ['team_a', 'PAI.AlgoDeveloper', 'oss://bucket/pai/', 'https://oapi.dingtalk.com/robot/send?access_token=abc', 'Team A workspace', '团队工作空间']) expect(isSafePlain(s), s).toBe(true)
  })
})
