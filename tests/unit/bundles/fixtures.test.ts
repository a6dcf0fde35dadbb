import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkBundle } from '../../../core/bundles/check'
import { decodeText } from '../../../core/bundles/read'
import { offlineContext } from '../../../core/model/validation-context'
import { FIXTURES, validateFixture } from './support'

/** Each rule a bundle can break, with a fixture that `validate` must reject with that rule ID and no other. */
const CASES: Array<[string, string, string]> = [
  ['W1: an invalid workspace name is rejected', 'W1-name-invalid.yaml', 'W1'],
  ['W1: a missing description is rejected', 'W1-description-missing.yaml', 'W1'],
  ['W1: a workspace name differing from config.basic.name is rejected', 'W1-name-mismatch.yaml', 'W1'],
  ['W4: the same workspace twice in one bundle is rejected', 'W4-duplicate-workspace.yaml', 'W4'],
  ['W4: a name taken by a DataWorks workspace is rejected', 'W4-name-taken.yaml', 'W4'],
  ['A1: a profile that is not administrator or owner is rejected', 'A1-not-admin.yaml', 'A1'],
  ['A3: a RAM user without AliyunPAIFullAccess is rejected', 'A3-ram-without-policy.yaml', 'A3'],
  ['C1: a dev resource in a simple-mode workspace is rejected', 'C1-dev-in-simple.yaml', 'C1'],
  ['C2: a bundle that drops an associated resource is refused', 'C2-detach.yaml', 'C2'],
  ['C3: a GPU spec on a MaxCompute resource is rejected', 'C3-maxcompute-gpu.yaml', 'C3'],
  ['M1: the same member twice is rejected', 'M1-duplicate-member.yaml', 'M1'],
  ['M2: an unknown role is rejected', 'M2-unknown-role.yaml', 'M2'],
  ['M4: a custom role ID not in customRoles is rejected', 'M4-unknown-custom-role.yaml', 'M4'],
  ['M5: a member with no role is rejected', 'M5-member-no-role.yaml', 'M5'],
  ['M6: granting the owner role is rejected', 'M6-owner-role-granted.yaml', 'M6'],
  ['S1: a priority outside 1-9 is rejected', 'S1-priority-range.yaml', 'S1'],
  ['S2: a non-member priority outside 1-9 is rejected', 'S2-non-member-priority.yaml', 'S2'],
  ['S3: two timeout rules of one kind are rejected', 'S3-duplicate-timeout.yaml', 'S3'],
  ['E2: two event rules of one name are rejected', 'E2-rule-duplicate.yaml', 'E2'],
  ['E3: an event rule with no event type is rejected', 'E3-no-event-types.yaml', 'E3'],
  ['E3: the DLC timeout event without a timeout rule is rejected', 'E3-timeout-needs-rule.yaml', 'E3'],
  ['E4: an HTTP target on a DLC event is rejected', 'E4-http-for-dlc.yaml', 'E4'],
  ['E5: an SMS target outside its three regions is rejected', 'E5-sms-region.yaml', 'E5'],
  ['E6: targets beyond the quota are rejected', 'E6-quota-exceeded.yaml', 'E6'],
  ['ST1: a default storage path that is not an OSS folder is rejected', 'ST1-bad-path.yaml', 'ST1'],
  ['ST2: an invalid Designer workflow storage path is rejected', 'ST2-bad-designer-path.yaml', 'ST2'],
  ['L1: forwarding logs without an SLS project is rejected', 'L1-forwarding-no-project.yaml', 'L1'],
  ['D2: a signing secret written in clear is rejected', 'D2-secret-in-config.yaml', 'D2'],
  ['D2: a signing secret in a `secret` field of a target is told D2, not a typo', 'D2-secret-field.yaml', 'D2'],
  ['D4: an unknown apiVersion is refused', 'D4-unknown-api-version.yaml', 'D4'],
  ['D4: a missing apiVersion is refused', 'D4-missing-api-version.yaml', 'D4'],
  ['D4: an unknown field (typo) is rejected', 'D4-unknown-key.yaml', 'D4'],
  ['D4: a wrong kind is rejected', 'D4-wrong-kind.yaml', 'D4'],
  ['D4: a truncated JSON file is rejected', 'D4-truncated.json', 'D4'],
  ['D4: a truncated YAML file is rejected', 'D4-truncated.yaml', 'D4'],
  ['D4: a YAML alias bomb is refused', 'D4-alias-bomb.yaml', 'D4'],
  ['D4: a deeply nested file is refused', 'D4-deep.json', 'D4'],
  ['D4: a file whose top level is not an object is rejected', 'D4-not-object.yaml', 'D4'],
  ['D4: a file with an unknown extension is refused', 'D4-unknown-extension.txt', 'D4'],
]

describe('bundle fixtures: each rule a bundle can break', () => {
  it('the valid fixture passes', () => {
    const r = validateFixture('valid.yaml')
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([])
    expect(r.ok).toBe(true)
  })

  for (const [title, file, rule] of CASES) {
    it(title, () => {
      const r = validateFixture(file)
      expect(r.ok).toBe(false)
      const errors = r.problems.filter((p) => p.severity === 'error')
      // Exactly the rule the fixture is about: a fixture that breaks another one too proves nothing about it.
      expect([...new Set(errors.map((p) => p.ruleId))]).toEqual([rule])
      for (const p of errors) {
        expect(p.file).toBe(file)
        expect(p.message).not.toBe(p.code)
        expect(p.hint.length).toBeGreaterThan(5)
      }
    })
  }

  it('every rule fixture in the folder is in the table (and the other way round)', () => {
    const onDisk = fs
      .readdirSync(FIXTURES)
      .filter((f) => /^[A-Z]{1,2}\d+-/.test(f) && !f.endsWith('.context.json') && f !== 'D4-binary.yaml')
    expect(new Set(onDisk)).toEqual(new Set(CASES.map((c) => c[1])))
  })

  it('D2: a `secret` field on a DingTalk target is told that secrets never go into a bundle (not D4), without its value', () => {
    const r = validateFixture('D2-secret-field.yaml')
    expect(r.problems.map((p) => [p.ruleId, p.code])).toEqual([['D2', 'BUNDLE_SECRET_IN_BUNDLE']])
    const [p] = r.problems
    expect(p!.message).toMatch(/secretRef/)
    expect(p!.message).toMatch(/encrypted export/)
    expect(p!.message).not.toMatch(/typo/)
    expect(JSON.stringify(p)).not.toMatch(/SEC0123/)
    expect(fs.readFileSync(path.join(FIXTURES, 'D2-secret-field.yaml'), 'utf8').split('\n')[p!.line - 1]).toMatch(
      /secret:/,
    )
  })

  it('D4: a binary file is refused before parsing', () => {
    const bytes = fs.readFileSync(path.join(FIXTURES, 'D4-binary.yaml'))
    const r = decodeText(bytes)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.problem.code).toBe('BUNDLE_BINARY')
  })

  it('D4: a v1alpha1 bundle is migrated, and its problems point at the lines as written', () => {
    const text = fs.readFileSync(path.join(FIXTURES, 'v1alpha1.yaml'), 'utf8')
    const check = checkBundle('v1alpha1.yaml', text, (ws) => ({ context: offlineContext(ws.region) }))
    expect(check.migratedFrom).toBe('pai-admin.aliyun.com/v1alpha1')
    expect(check.problems.find((p) => p.code === 'BUNDLE_MIGRATED')?.severity).toBe('warning')
    // secretName became secretRef: neither an unknown field nor a missing secret is reported.
    expect(check.problems.map((p) => p.code)).not.toContain('BUNDLE_UNKNOWN_KEY')
    expect(check.problems.map((p) => p.code)).not.toContain('DOMAIN_DINGTALK_SECRET_MISSING')
    // M5 in the spec: the pointer is the file's (`spec`), and the line is the roles line.
    const m5 = check.problems.find((p) => p.ruleId === 'M5')
    expect(m5?.pointer).toBe('/workspaces/0/spec/members/0/roles')
    const pos = check.positionOf(m5!.pointer)
    expect(text.split('\n')[pos.line - 1]).toContain('roles: []')
  })
})
