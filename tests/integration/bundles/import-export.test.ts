import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { validate, WorkspaceConfigSchema, type WorkspaceConfig, type WorkspaceConfigInput } from '@shared/domain'
import type { Core } from '../../../core/core'
import { testCore } from '../../helpers/core'
import { requireKeychain } from '../vault/keychain'

/**
 * Bundles through the real core: SQLite drafts and cache, the OS keychain for encrypted secrets.
 * Run inside a D-Bus session (see tests/integration/vault/keychain.ts).
 */

const cores: Core[] = []
function newCore(): Core {
  const core = testCore({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'pai-bundles-')) })
  cores.push(core)
  return core
}
afterEach(async () => {
  for (const c of cores.splice(0)) {
    for (const p of c.services.store.profiles.list()) await c.services.vault.deleteAll(p.id).catch(() => 0)
    await c.close()
  }
})
beforeAll(requireKeychain)

async function ok<T>(
  p: Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }>,
): Promise<T> {
  const res = await p
  if (!res.ok) throw new Error(`${res.error.code}: ${res.error.message}`)
  return res.value
}

const WEBHOOK = 'https://oapi.dingtalk.com/robot/send?access_token=abc123'
const SECRET = 'SEC' + '0f1e2d3c'.repeat(8)

function cloudConfig(name: string): WorkspaceConfigInput {
  return {
    basic: { name, description: 'Team workspace', mode: 'standard' },
    owner: { userId: '1700000000000001' },
    members: [
      { userId: '1700000000000001', roles: ['PAI.WorkspaceOwner'] },
      { userId: '2700000000000001', roles: ['PAI.AlgoDeveloper'] },
    ],
    resources: [{ kind: 'general', envType: 'prod', name: 'general_prod', isDefault: true }],
    notifications: {
      rules: [
        {
          name: 'ops',
          eventTypes: ['dlc.other'],
          targets: [{ type: 'dingtalk', webhook: WEBHOOK, secretRef: 'ops-robot' }],
        },
      ],
    },
    storage: { defaultPath: 'oss://team-bucket/pai/' },
  }
}

/** A profile (no cloud reachable: port 9 is closed) with one cached workspace and its configuration. */
async function seeded(core: Core, name = 'team_a'): Promise<{ profileId: string; key: string }> {
  const p = await ok(
    core.invoke('profiles.add', {
      name: 'emu',
      region: 'cn-hangzhou',
      accessKeyId: 'TESTAK5tMainAccount0001',
      endpoint: '127.0.0.1:9',
      protocol: 'http',
    }),
  )
  core.services.store.workspaces.upsertMany(p.id, [{ workspaceId: '101', name, status: 'ENABLED', mode: 'standard' }])
  core.services.store.workspaces.saveConfig(p.id, '101', WorkspaceConfigSchema.parse(cloudConfig(name)))
  return { profileId: p.id, key: `${p.id}:101` }
}

describe('bundles through the core', () => {
  it('D4: export, import, export again gives identical bytes, and the import becomes a draft', async () => {
    const core = newCore()
    const { key } = await seeded(core)
    const first = await ok(core.invoke('bundles.export', { keys: [key], format: 'yaml', source: 'cloud' }))
    expect(first.fileName).toBe('team_a.yaml')
    expect(first.content).toContain('profile: emu')
    const edited = first.content.replace('description: Team workspace', 'description: Edited in Git')
    const preview = await ok(core.invoke('bundles.preview', { fileName: 'team_a.yaml', content: edited }))
    expect(preview.ok).toBe(true)
    expect(preview.workspaces[0]).toMatchObject({
      name: 'team_a',
      action: 'update-draft',
      workspaceId: '101',
      newInCloud: false,
    })
    expect(preview.workspaces[0]!.changesFromCloud).toEqual([
      { path: 'basic.description', op: 'change', before: 'Team workspace', after: 'Edited in Git' },
    ])
    const imported = await ok(core.invoke('bundles.import', { fileName: 'team_a.yaml', content: edited }))
    expect(imported.drafts).toEqual([{ key, name: 'team_a', revision: 1, created: true }])
    const draft = await ok(core.invoke('drafts.open', { key }))
    expect(draft.config.basic.description).toBe('Edited in Git')
    expect(draft.base?.basic.description).toBe('Team workspace')
    const second = await ok(core.invoke('bundles.export', { keys: [key], format: 'yaml', source: 'draft' }))
    expect(second.content).toBe(edited)
    // Importing never sends anything: the outbox is empty.
    expect(core.services.store.outbox.list({})).toEqual([])
  })

  it('D4: round trip through the core for generated valid configurations (JSON)', async () => {
    const core = newCore()
    const { profileId } = await seeded(core)
    const ctx = core.services.workspaces.context(undefined, profileId)
    const arb = fc
      .record({
        name: fc.stringMatching(/^[a-z][a-z0-9_]{2,15}$/),
        description: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== ''),
        members: fc.uniqueArray(
          fc.record({
            userId: fc.stringMatching(/^27\d{6}$/),
            roles: fc.subarray(
              ['PAI.AlgoDeveloper', 'PAI.AlgoOperator', 'PAI.WorkspaceGuest', 'PAI.WorkspaceAdmin'] as const,
              { minLength: 1 },
            ),
          }),
          { selector: (m) => m.userId, maxLength: 8 },
        ),
        rules: fc.uniqueArray(
          fc.record({
            name: fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/),
            eventTypes: fc.subarray(
              ['dlc.other', 'dlc.jobProgress', 'model.versionApproved', 'workflow.taskFailed'] as const,
              { minLength: 1 },
            ),
          }),
          { selector: (r) => r.name, maxLength: 3 },
        ),
      })
      .map((g): WorkspaceConfigInput => ({
        basic: { name: g.name, description: g.description, mode: 'simple' },
        members: g.members.map((m) => ({ userId: m.userId, roles: [...m.roles] })),
        notifications: {
          rules: g.rules.map((r) => ({
            name: r.name,
            eventTypes: [...r.eventTypes],
            targets: [{ type: 'dingtalk' as const, webhook: WEBHOOK, secretRef: 'ops-robot' }],
          })),
        },
        storage: { defaultPath: 'oss://team-bucket/gen/' },
      }))
      .filter((c) => c.basic.name !== 'team_a' && validate(c, ctx).ok)
    await fc.assert(
      fc.asyncProperty(arb, async (cfg) => {
        const created = await ok(core.invoke('drafts.create', { profileId, config: cfg }))
        const first = await ok(core.invoke('bundles.export', { keys: [created.key], format: 'json' }))
        await ok(core.invoke('drafts.discard', { key: created.key }))
        const imported = await ok(core.invoke('bundles.import', { fileName: first.fileName, content: first.content }))
        const second = await ok(core.invoke('bundles.export', { keys: [imported.drafts[0]!.key], format: 'json' }))
        expect(second.content).toBe(first.content)
        await ok(core.invoke('drafts.discard', { key: imported.drafts[0]!.key }))
      }),
      { numRuns: 15 },
    )
  })

  it('D4: an invalid bundle is refused as a whole and changes nothing; the preview lists every problem with line and hint', async () => {
    const core = newCore()
    const { key } = await seeded(core)
    const good = (await ok(core.invoke('bundles.export', { keys: [key], format: 'yaml', source: 'cloud' }))).content
    // C2 (drops the associated resource) and M5 (a member with no role), at once.
    const bad = good
      .replace(/      resources:\n(        .*\n)+/, '      resources: []\n')
      .replace('            - PAI.AlgoDeveloper\n', '            []\n')
      .replace('          roles:\n            []', '          roles: []')
    const preview = await ok(core.invoke('bundles.preview', { fileName: 'team_a.yaml', content: bad }))
    expect(preview.ok).toBe(false)
    const rules = preview.problems.filter((p) => p.severity === 'error').map((p) => p.ruleId)
    expect(rules).toEqual(expect.arrayContaining(['C2', 'M5']))
    for (const p of preview.problems) {
      expect(p.line).toBeGreaterThan(0)
      expect(p.hint).not.toBe('')
    }
    const before = core.services.store.drafts.list({})
    const res = await core.invoke('bundles.import', { fileName: 'team_a.yaml', content: bad })
    expect(res.ok).toBe(false)
    if (!res.ok) expect(res.error.code).toBe('BUNDLE_INVALID')
    expect(core.services.store.drafts.list({})).toEqual(before)
  })

  it('D4: bad files (binary, truncated, alias bomb, unknown apiVersion) change nothing', async () => {
    const core = newCore()
    await seeded(core)
    const files: Array<[string, string]> = [
      ['a.yaml', '\u0000\u0001binary'],
      ['b.json', '{"apiVersion": "pai-admin.aliyun.com/v1", "workspaces": [{"na'],
      ['c.yaml', fs.readFileSync(path.resolve(__dirname, '../../fixtures/bundles/D4-alias-bomb.yaml'), 'utf8')],
      ['d.yaml', 'apiVersion: pai-admin.aliyun.com/v2\nkind: WorkspaceBundle\nworkspaces: []\n'],
    ]
    for (const [fileName, content] of files) {
      const preview = await ok(core.invoke('bundles.preview', { fileName, content }))
      expect(preview.ok).toBe(false)
      expect(preview.problems[0]!.ruleId).toBe('D4')
      const res = await core.invoke('bundles.import', { fileName, content })
      expect(res.ok).toBe(false)
    }
    expect(core.services.store.drafts.list({})).toEqual([])
  })

  it('D1: a draft changed after the preview is not overwritten (BUNDLE_STALE)', async () => {
    const core = newCore()
    const { key } = await seeded(core)
    const content = (await ok(core.invoke('bundles.export', { keys: [key], format: 'yaml', source: 'cloud' }))).content
    const opened = await ok(core.invoke('drafts.open', { key }))
    const preview = await ok(core.invoke('bundles.preview', { fileName: 'x.yaml', content }))
    expect(preview.workspaces[0]!.draftRevision).toBe(1)
    await ok(
      core.invoke('drafts.save', {
        key,
        config: { ...opened.config, basic: { ...opened.config.basic, displayName: 'mine' } },
        revision: 1,
      }),
    )
    const res = await core.invoke('bundles.import', { fileName: 'x.yaml', content, expectRevisions: { [key]: 1 } })
    expect(res.ok).toBe(false)
    if (!res.ok) expect(res.error.code).toBe('BUNDLE_STALE')
    expect((await ok(core.invoke('drafts.open', { key }))).config.basic.displayName).toBe('mine')
  })

  it('D2: secrets leave only encrypted, come back into the keychain, and appear in no file or log', async () => {
    const core = newCore()
    const { profileId, key } = await seeded(core)
    await ok(core.invoke('secrets.setDingtalk', { profileId, ref: 'ops-robot', secret: SECRET }))
    const plain = await ok(core.invoke('bundles.export', { keys: [key], format: 'yaml', source: 'cloud' }))
    expect(plain.content).not.toContain(SECRET)
    expect(plain.content).toContain('secretRef: ops-robot')
    expect(plain.encryptedSecrets).toBe(0)
    const enc = await ok(
      core.invoke('bundles.export', {
        keys: [key],
        format: 'yaml',
        source: 'cloud',
        secrets: { mode: 'encrypted', passphrase: 'a long passphrase' },
      }),
    )
    expect(enc.encryptedSecrets).toBe(1)
    expect(enc.content).not.toContain(SECRET)
    expect(enc.content).toContain('aes-256-gcm')

    // Into another data directory (another machine): the secret lands in its keychain.
    const other = newCore()
    await ok(
      other.invoke('profiles.add', {
        name: 'emu',
        region: 'cn-hangzhou',
        accessKeyId: 'TESTAK5tMainAccount0001',
        endpoint: '127.0.0.1:9',
        protocol: 'http',
      }),
    )
    const noPass = await ok(other.invoke('bundles.preview', { fileName: 'e.yaml', content: enc.content }))
    expect(noPass.problems.map((p) => p.code)).toContain('BUNDLE_PASSPHRASE_REQUIRED')
    const wrong = await ok(
      other.invoke('bundles.preview', { fileName: 'e.yaml', content: enc.content, passphrase: 'not the passphrase' }),
    )
    expect(wrong.problems.map((p) => p.code)).toContain('BUNDLE_PASSPHRASE_WRONG')
    const res = await ok(
      other.invoke('bundles.import', { fileName: 'e.yaml', content: enc.content, passphrase: 'a long passphrase' }),
    )
    expect(res.secretsStored).toBe(1)
    const otherProfile = other.services.store.profiles.getByName('emu')!
    expect(await other.services.vault.get(otherProfile.id, 'dingtalkSecret:ops-robot')).toBe(SECRET)

    await other.close()
    cores.splice(cores.indexOf(other), 1)
    await other.services.vault.deleteAll(otherProfile.id)
    for (const dir of [core.services.info.dataDir, other.services.info.dataDir]) {
      for (const file of walk(dir)) {
        const bytes = fs.readFileSync(file)
        expect(bytes.includes(Buffer.from(SECRET)), file).toBe(false)
        expect(bytes.includes(Buffer.from('a long passphrase')), file).toBe(false)
      }
    }
  })
})

function walk(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]))
}

export type { WorkspaceConfig }
