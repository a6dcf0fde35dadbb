import { describe, expect, it } from 'vitest'
import {
  WorkspaceConfigSchema,
  foreignRuleUnits,
  formatDomain,
  ossPathKey,
  ossPathWithEndpoint,
  parseOssPath,
  resourceKindOf,
  sameOssPath,
} from './format'
import { baseConfig, check, found, mainCtx } from './helpers'

/** Issue 13 in the domain: paths as the console writes them, W4 ignoring case, and what the cloud holds read-only. */

describe('ST1: OSS paths with or without the endpoint (Alibaba SDK OssUriObj)', () => {
  it('ST1, ST2: a console-style path with the endpoint is valid input everywhere a path is asked for', () => {
    for (const path of [
      'oss://bkt-01.oss-cn-hangzhou-internal.aliyuncs.com/p/',
      'oss://bkt-01.oss-cn-hangzhou.aliyuncs.com/',
      'oss://bkt-01.oss-accelerate.aliyuncs.com/a/b/',
    ]) {
      expect(found(check({ storage: { defaultPath: path } })), path).toEqual([])
      expect(found(check({ storage: { defaultPath: path, designerPath: path } })), path).toEqual([])
    }
    expect(parseOssPath('oss://bkt-01.oss-cn-hangzhou-internal.aliyuncs.com/p/')).toEqual({
      ok: true,
      bucket: 'bkt-01',
      prefix: 'p/',
      endpoint: 'oss-cn-hangzhou-internal.aliyuncs.com',
    })
    for (const [path, code] of [
      ['oss://bkt-01.bad_host/p/', 'DOMAIN_OSS_ENDPOINT'],
      ['oss://bkt-01./p/', 'DOMAIN_OSS_ENDPOINT'],
      ['oss://Bkt.oss-cn-hangzhou.aliyuncs.com/p/', 'DOMAIN_OSS_BUCKET'],
      ['oss://bkt-01.oss-cn-hangzhou.aliyuncs.com', 'DOMAIN_OSS_TRAILING_SLASH'],
    ] as const)
      expect(found(check({ storage: { defaultPath: path } })), path).toEqual([`ST1 ${code} /storage/defaultPath`])
    expect(formatDomain('zh-CN', check({ storage: { defaultPath: 'oss://bkt-01.x_y/p/' } }).problems[0]!)).toContain(
      'Endpoint',
    )
  })

  it('ST1: both spellings name the same folder; the SDK-style write adds the region intranet endpoint', () => {
    const plain = 'oss://bkt-01/models/'
    const full = 'oss://bkt-01.oss-cn-hangzhou-internal.aliyuncs.com/models/'
    expect(ossPathKey(full)).toBe(plain)
    expect(sameOssPath(plain, full)).toBe(true)
    expect(sameOssPath(plain, 'oss://bkt-01/other/')).toBe(false)
    expect(sameOssPath(plain, 'oss://bkt-02.oss-cn-hangzhou-internal.aliyuncs.com/models/')).toBe(false)
    expect(sameOssPath(undefined, '')).toBe(true)
    expect(sameOssPath('not a path', 'not a path')).toBe(true)
    expect(ossPathWithEndpoint(plain, 'cn-shanghai')).toBe('oss://bkt-01.oss-cn-shanghai-internal.aliyuncs.com/models/')
    expect(ossPathWithEndpoint(full, 'cn-shanghai')).toBe(full)
    // ST2's "Designer path wins" note compares folders, not spellings.
    expect(found(check({ storage: { defaultPath: plain, designerPath: full } }))).toEqual([])
  })
})

describe('W4: names clash ignoring case (docs/emulator.md), as the emulator refuses them', () => {
  it('W4: Taken_WS clashes with a cached taken_ws (PAI or DataWorks) and names the existing workspace', () => {
    for (const source of ['pai', 'dataworks'] as const) {
      const r = check(
        { basic: { ...baseConfig().basic, name: 'Taken_WS' } },
        mainCtx({ knownWorkspaces: [{ name: 'taken_ws', source }] }),
      )
      expect(found(r), source).toEqual(['W4 DOMAIN_NAME_TAKEN_CASE /basic/name'])
      expect(r.problems[0]!.params).toEqual({ name: 'Taken_WS', existing: 'taken_ws' })
      expect(formatDomain('zh-CN', r.problems[0]!)).toMatch(/taken_ws.*不区分大小写/)
    }
    expect(
      found(
        check(
          { basic: { ...baseConfig().basic, name: 'Taken_WS2' } },
          mainCtx({ knownWorkspaces: [{ name: 'taken_ws', source: 'pai' }] }),
        ),
      ),
    ).toEqual([])
  })
})

describe('what the cloud holds that the app does not model', () => {
  const previous = WorkspaceConfigSchema.parse({
    ...baseConfig(),
    members: [{ userId: '2001', roles: ['PAI.AlgoDeveloper', 'PAI.DatasetManager'] }],
  })

  it('M2: a role the app does not know is kept for the member who holds it in the cloud, refused anywhere else', () => {
    expect(found(check({ members: previous.members }, mainCtx({ previous })))).toEqual([])
    expect(
      found(check({ members: [{ userId: '2002', roles: ['PAI.DatasetManager'] }] }, mainCtx({ previous }))),
    ).toEqual(['M2 DOMAIN_ROLE_UNKNOWN /members/0/roles/0'])
    expect(found(check({ members: previous.members }))).toEqual(['M2 DOMAIN_ROLE_UNKNOWN /members/0/roles/1'])
  })

  it("E2, E6: foreign rules share the rules' names; their targets count for the quota as far as they tell (a warning)", () => {
    const foreign = {
      name: 'console-rule',
      filterPattern: '{"source":["acs.pai.dlc"]}',
      targets: [
        { Id: 'a', Type: 'acs.sms', Endpoint: '138,139,137' },
        { Id: 'b', Type: 'acs.fc.function', Endpoint: 'acs:fc:x' },
        { Id: 'c', Type: 'acs.mail', Endpoint: 'a@x.com,b@x.com' },
      ],
    }
    expect(foreignRuleUnits(foreign)).toBe(6)
    const over = check({ notifications: { foreignRules: [foreign] } })
    expect(found(over)).toEqual(['E6 DOMAIN_FOREIGN_RULE_QUOTA /notifications/foreignRules/0/targets'])
    expect(over.problems[0]!.severity).toBe('warning')
    expect(over.ok).toBe(true)
    expect(found(check({ notifications: { foreignRules: [foreign], quota: 6 } }))).toEqual([])
    expect(found(check({ notifications: { foreignRules: [{ ...foreign, deleteRequested: true }] } }))).toEqual([])
    const clash = check({
      notifications: {
        foreignRules: [{ ...foreign, targets: [] }],
        rules: [
          {
            name: 'console-rule',
            eventTypes: ['dlc.other'],
            targets: [
              { type: 'dingtalk', webhook: 'https://oapi.dingtalk.com/robot/send?access_token=t', secretRef: 'r' },
            ],
          },
        ],
      },
    })
    expect(found(clash)).toContain('E2 DOMAIN_RULE_DUPLICATE /notifications/rules/0/name')
  })

  it('C1: resource types are read ignoring case (ROS spells Flink FLINK); unknown types stay outside the five kinds', () => {
    expect(['FLINK', 'Flink', 'flink'].map(resourceKindOf)).toEqual(['flink', 'flink', 'flink'])
    expect(resourceKindOf('maxcompute')).toBe('maxcompute')
    expect(resourceKindOf('ecs')).toBe('general')
    expect(resourceKindOf('SelfManagedASI')).toBeUndefined()
  })
})
