import { describe, expect, it } from 'vitest'
import { WorkspaceConfigSchema, effectiveStoragePath } from './format'
import { baseConfig, check, found, mainCtx } from './helpers'

describe('ST: storage', () => {
  it('ST1: a default storage path is recommended, and must be an OSS directory', () => {
    expect(found(check({ storage: {} }))).toEqual(['ST1 DOMAIN_STORAGE_RECOMMENDED /storage/defaultPath'])
    const bad: Array<[string, string]> = [
      ['s3://bucket/path/', 'DOMAIN_OSS_SCHEME'],
      ['oss://Bucket/path/', 'DOMAIN_OSS_BUCKET'],
      ['oss://ab/path/', 'DOMAIN_OSS_BUCKET'],
      ['oss://-bucket/path/', 'DOMAIN_OSS_BUCKET'],
      ['oss://bucket', 'DOMAIN_OSS_TRAILING_SLASH'],
      ['oss://bucket/path', 'DOMAIN_OSS_TRAILING_SLASH'],
      ['oss://bucket/a//b/', 'DOMAIN_OSS_PATH'],
      ['oss://bucket/a/../b/', 'DOMAIN_OSS_PATH'],
      ['oss://bucket/a\\b/', 'DOMAIN_OSS_PATH'],
    ]
    for (const [path, code] of bad)
      expect(found(check({ storage: { defaultPath: path } })), path).toEqual([`ST1 ${code} /storage/defaultPath`])
    for (const path of ['oss://bucket/', 'oss://my-bucket-01/pai/tmp/', 'oss://bucket/数据/模型/'])
      expect(found(check({ storage: { defaultPath: path } })), path).toEqual([])
  })

  it('ST2: the Designer workflow storage wins when a workflow runs, and the app shows which path is effective', () => {
    const both = { defaultPath: 'oss://team-alpha/tmp/', designerPath: 'oss://team-alpha/designer/' }
    expect(effectiveStoragePath(both)).toEqual({ path: 'oss://team-alpha/designer/', source: 'designer' })
    expect(effectiveStoragePath(both, false)).toEqual({ path: 'oss://team-alpha/tmp/', source: 'default' })
    expect(effectiveStoragePath({ defaultPath: 'oss://team-alpha/tmp/' })).toEqual({
      path: 'oss://team-alpha/tmp/',
      source: 'default',
    })
    expect(effectiveStoragePath({})).toEqual({ path: undefined, source: 'none' })
    const r = check({ storage: both })
    expect(found(r)).toEqual(['ST2 DOMAIN_STORAGE_DESIGNER_WINS /storage/designerPath'])
    expect(r.problems[0]?.severity).toBe('warning')
    expect(found(check({ storage: { ...both, designerPath: 'oss://team-alpha/tmp/' } }))).toEqual([])
    expect(found(check({ storage: { ...both, designerPath: 'oss://x/designer/' } }))).toEqual([
      'ST2 DOMAIN_OSS_BUCKET /storage/designerPath',
    ])
  })
})

describe('L: SLS forwarding', () => {
  it('L1: forwarding DSW and DLC logs needs an SLS Project and a LogStore with valid names', () => {
    expect(found(check({ sls: { project: 'pai-logs', logstore: 'dsw_dlc', modules: ['DSW', 'DLC'] } }))).toEqual([])
    expect(found(check({ sls: { modules: ['DSW'] } }))).toEqual([
      'L1 DOMAIN_SLS_PROJECT_REQUIRED /sls/project',
      'L1 DOMAIN_SLS_LOGSTORE_REQUIRED /sls/logstore',
    ])
    expect(found(check({ sls: { project: 'PAI_Logs', logstore: '-bad', modules: ['DLC'] } }))).toEqual([
      'L1 DOMAIN_SLS_PROJECT_NAME /sls/project',
      'L1 DOMAIN_SLS_LOGSTORE_NAME /sls/logstore',
    ])
    expect(found(check({ sls: { project: 'pai-logs', logstore: 'dsw', modules: ['DSW', 'DSW'] } }))).toEqual([
      'L1 DOMAIN_SLS_DUPLICATE_MODULE /sls/modules/1',
    ])
    expect(found(check({ sls: { project: 'pai-logs', logstore: 'dsw', modules: ['EAS'] } }))).toEqual([
      'L1 DOMAIN_SCHEMA_ENUM /sls/modules/0',
    ])
    const idle = check({ sls: { project: 'pai-logs', logstore: 'dsw' } })
    expect(found(idle)).toEqual(['L1 DOMAIN_SLS_NO_MODULES /sls/modules'])
    expect(idle.ok).toBe(true)
    expect(found(check({ sls: {} }))).toEqual([]) // forwarding off
  })
})

describe('G: general switches', () => {
  const previous = WorkspaceConfigSchema.parse(baseConfig())
  /** The switch is off by default, a boolean, and a change needs an instance restart (a warning naming the rule). */
  function switchRule(ruleId: string, key: 'dlcContainerAccess' | 'dswSsh' | 'dswPublicAccess', code: string): void {
    expect(WorkspaceConfigSchema.parse(baseConfig()).switches[key]).toBe(false)
    const changed = check({ switches: { [key]: true } }, mainCtx({ previous }))
    expect(found(changed)).toEqual([`${ruleId} ${code} /switches/${key}`])
    expect(changed.ok).toBe(true)
    expect(changed.config?.switches[key]).toBe(true)
    expect(found(check({ switches: { [key]: false } }, mainCtx({ previous })))).toEqual([])
    expect(found(check({ switches: { [key]: 'yes' } }))).toEqual([`${ruleId} DOMAIN_SCHEMA_TYPE /switches/${key}`])
  }

  it('G1: switch for entering the containers of DLC task nodes', () =>
    switchRule('G1', 'dlcContainerAccess', 'DOMAIN_SWITCH_RESTART_DLC_CONTAINER'))
  it('G2: switch for SSH connections to DSW instances', () =>
    switchRule('G2', 'dswSsh', 'DOMAIN_SWITCH_RESTART_DSW_SSH'))
  it('G3: switch for access to DSW instances from the public internet', () =>
    switchRule('G3', 'dswPublicAccess', 'DOMAIN_SWITCH_RESTART_DSW_PUBLIC'))
})
