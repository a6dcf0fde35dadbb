import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { buildBundle, serializeBundle } from '../../../core/bundles/serialize'
import { checkBundle } from '../../../core/bundles/check'
import { offlineContext } from '../../../core/model/validation-context'
import { configArb } from './arbitraries'

/** Export -> read back -> export again: the same bytes, for any configuration (D4). */
function roundTrip(
  format: 'yaml' | 'json',
  entries: Array<{ name: string; profile?: string; config: ReturnType<typeof configArb.generate>['value'] }>,
): void {
  const first = serializeBundle(buildBundle(entries.map((e) => ({ ...e, name: e.config.basic.name }))), format)
  const check = checkBundle(`b.${format}`, first, (ws) => ({ context: offlineContext(ws.region) }))
  expect(check.problems.filter((p) => p.ruleId === 'D4')).toEqual([])
  expect(check.workspaces.length).toBe(entries.length)
  const again = check.workspaces.map((w) => {
    expect(w.config).toBeDefined()
    const e: { name: string; profile?: string; config: NonNullable<typeof w.config> } = {
      name: w.name,
      config: w.config!,
    }
    if (w.profile !== undefined) e.profile = w.profile
    return e
  })
  const second = serializeBundle(buildBundle(again), format)
  expect(second).toBe(first)
}

describe('round trip', () => {
  for (const format of ['yaml', 'json'] as const) {
    it(`D4: export, read, export again gives identical bytes (${format}, generated configurations)`, () => {
      fc.assert(
        fc.property(
          fc.array(
            fc.record({ config: configArb, profile: fc.option(fc.constantFrom('prod', 'dev'), { nil: undefined }) }),
            { minLength: 1, maxLength: 3 },
          ),
          (list) => {
            // Distinct names per profile: a bundle with the same workspace twice is refused (W4).
            const seen = new Set<string>()
            const entries = list.filter((e) => {
              const k = `${e.profile ?? ''}/${e.config.basic.name}`
              if (seen.has(k)) return false
              seen.add(k)
              return true
            })
            roundTrip(
              format,
              entries.map((e) =>
                e.profile === undefined
                  ? { name: e.config.basic.name, config: e.config }
                  : { name: e.config.basic.name, profile: e.profile, config: e.config },
              ),
            )
          },
        ),
        { numRuns: 60 },
      )
    })
  }
})
