import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { domainMessages } from '@shared/messages/domain'
import { LOCALES } from '@shared/locale'
import {
  WorkspaceConfigSchema,
  canModify,
  canRemoveMember,
  canRemoveRole,
  formatDomain,
  validate,
  type Problem,
} from './format'
import { baseConfig, mainCtx, ramCtx } from './helpers'

const DOMAIN_DIR = path.resolve(import.meta.dirname, '../../../shared/domain')
/** The core raises a few domain problems of its own (W4 from the cloud's name check). */
const CORE_DIR = path.resolve(import.meta.dirname, '../../../core')

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
    )
}

describe('domain messages', () => {
  it('every code has a non-empty zh-CN and English message with the same placeholders', () => {
    const bad: string[] = []
    for (const [code, msg] of Object.entries(domainMessages)) {
      const sets = LOCALES.map((l) => {
        const text = (msg as Record<string, string>)[l]
        if (typeof text !== 'string' || text.trim() === '') bad.push(`${code}/${l} missing`)
        return [...(text ?? '').matchAll(/\{(\w+)\}/g)]
          .map((m) => m[1])
          .sort()
          .join(',')
      })
      if (new Set(sets).size > 1) bad.push(`${code} placeholders differ`)
      if (!code.startsWith('DOMAIN_')) bad.push(`${code} lacks the DOMAIN_ prefix`)
    }
    expect(bad).toEqual([])
  })

  it('every code the domain source (and the core) can emit has a message, and every message is used', () => {
    const used = new Set<string>()
    for (const f of [...sourceFiles(DOMAIN_DIR), ...sourceFiles(CORE_DIR)])
      for (const m of fs.readFileSync(f, 'utf8').matchAll(/'(DOMAIN_[A-Z0-9_]+)'/g)) used.add(m[1]!)
    expect(used.size).toBeGreaterThan(50)
    const missing = [...used].filter((c) => !(c in domainMessages))
    expect(missing).toEqual([])
    const unused = Object.keys(domainMessages).filter((c) => !used.has(c))
    expect(unused).toEqual([])
  })

  it('the params of emitted problems fill every placeholder, in both languages', () => {
    const previous = WorkspaceConfigSchema.parse({
      ...baseConfig(),
      owner: { userId: 'o1' },
      members: [{ userId: 'o1', roles: ['PAI.WorkspaceOwner'] }],
      resources: [{ kind: 'acs', envType: 'prod', name: 'acs_q' }],
    })
    const messy = {
      basic: { name: 'x', description: 'd'.repeat(100), resourceGroupId: 'nope', mode: 'simple' },
      owner: { userId: 'someone' },
      members: [
        { userId: 'u1', roles: [] },
        {
          userId: 'u1',
          roles: ['PAI.X', 'role-q', 'PAI.MaxComputeDeveloper', 'PAI.MaxComputeDeveloper', 'PAI.WorkspaceOwner'],
        },
      ],
      customRoles: [
        { name: 'bad name', roleId: 'x', permissions: {} },
        { name: 'bad name', roleId: 'x', permissions: { DSW: 'Nope' } },
      ],
      resources: [
        { kind: 'maxcompute', envType: 'dev', name: '1', spec: { gpuCount: 1 }, isDefault: true },
        { kind: 'maxcompute', envType: 'dev', name: '1', isDefault: true },
      ],
      scheduling: {
        maxRuntimeMinutes: -1,
        jobPriorityLimits: [
          { subjectType: 'member', subjectId: 'ghost', maxPriority: 10 },
          { subjectType: 'member', subjectId: 'ghost', maxPriority: 1 },
        ],
        nonMembers: { allowed: false, maxJobPriority: 0 },
        timeouts: [
          { kind: 'queue', minutes: 0 },
          { kind: 'queue', minutes: 1 },
        ],
      },
      notifications: {
        quota: 2,
        rules: [
          { name: 'r 1', eventTypes: [], targets: [] },
          {
            name: 'r 1',
            eventTypes: ['dlc.jobTimeout', 'dlc.jobTimeout', 'model.versionApproved'],
            targets: [
              { type: 'dingtalk', webhook: 'x', secretRef: 'SEC' + 'f'.repeat(64) },
              { type: 'http', url: 'https://a:b@x.example/' },
              { type: 'sms', contacts: [] },
              { type: 'email', contacts: [' ', 'a', 'b'] },
              { type: 'dingtalk', webhook: 'x' },
              { type: 'dingtalk', webhook: 'x', secretRef: '?' },
              { type: 'http', url: 'nope' },
            ],
          },
        ],
      },
      storage: { defaultPath: 'oss://ok-bucket/a/', designerPath: 'oss://ok-bucket/b/' },
      sls: { project: 'X', logstore: 'Y', modules: ['DSW', 'DSW'] },
      switches: { dswSsh: true, dswPublicAccess: true, dlcContainerAccess: true },
    }
    const problems: Problem[] = [
      ...validate(messy, mainCtx({ region: 'cn-beijing', eventBridgeAuthorized: false })).problems,
      ...validate(messy, mainCtx({ previous })).problems,
      ...validate({ ...messy, basic: { name: '' } }, mainCtx({ knownWorkspaces: [{ name: 'taken', source: 'pai' }] }))
        .problems,
      ...validate(
        { ...baseConfig(), basic: { name: 'taken', description: 'd' } },
        mainCtx({ knownWorkspaces: [{ name: 'taken', source: 'pai' }] }),
      ).problems,
      ...validate(
        { ...baseConfig(), basic: { name: 'taken', description: 'd' } },
        mainCtx({ knownWorkspaces: [{ name: 'taken', source: 'dataworks' }] }),
      ).problems,
      ...validate(
        { ...baseConfig(), basic: { name: 'x'.repeat(40) } },
        ramCtx(['PAI.AlgoDeveloper'], true, { previous }),
      ).problems,
      ...validate(
        { basic: { name: '9a' }, sls: { modules: ['DLC'] }, storage: { defaultPath: 'http://x' } },
        ramCtx([], false),
      ).problems,
      ...validate(
        { basic: { name: 'a-b' }, storage: { defaultPath: 'oss://ok-bucket', designerPath: 'oss://ok-bucket/a//' } },
        null,
      ).problems,
      ...validate(
        {
          basic: {},
          members: [{ roles: ['PAI.AlgoDeveloper'] }],
          switches: 1,
          notifications: { rules: [{ name: 'r', targets: [{ type: 'pager' }] }] },
        },
        mainCtx(),
      ).problems,
      ...validate([], mainCtx()).problems,
    ]
    const decisions = [
      canModify({ identity: { kind: 'ram', userId: 'u', hasPaiFullAccess: true }, identityRoles: [] }),
      canModify({ identity: { kind: 'ram', userId: 'u', hasPaiFullAccess: false }, identityRoles: [] }),
      canRemoveMember(previous, 'o1'),
      canRemoveRole(previous, 'o1', 'PAI.WorkspaceOwner'),
      canRemoveRole({ members: [{ userId: 'u', roles: ['PAI.AlgoDeveloper'] }] }, 'u', 'PAI.AlgoDeveloper'),
    ]
    const all = [...problems, ...decisions.map((d) => ({ code: d.code!, params: d.params ?? {} }))]
    const emitted = new Set(all.map((p) => p.code))
    expect(emitted.size).toBeGreaterThan(60) // the corpus really covers the catalog
    const unfilled: string[] = []
    for (const p of all)
      for (const l of LOCALES)
        if (/\{\w+\}/.test(formatDomain(l, p))) unfilled.push(`${p.code}/${l}: ${formatDomain(l, p)}`)
    expect(unfilled).toEqual([])
  })
})
