/**
 * Seeds a data directory through the store repositories, before a harness starts on it:
 *   npx tsx --tsconfig tsconfig.node.json tests/e2e/seed.ts --data-dir D [--workspaces N] [--dataworks a,b] [--drafts K]
 * Creates one active profile "种子账号" (cn-hangzhou, no secret), N cached workspaces `ws_00001`…,
 * DataWorks names known to the profile (W4), and K drafts of cached workspaces (the first with a C3 error).
 * With --second-account: a second profile "另一账号" (a RAM role in account 1800000000000002, cn-shanghai) with
 * three cached workspaces `acct2_ws_1`…, one of them also named `ws_00001`.
 * With --access-user: user 2800000000000001 (fleet_admin) is a cached member (PAI.WorkspaceAdmin) of every workspace.
 * Prints the profile id.
 */
import { openStore } from '../../core/store'
import { SettingsService, sqliteSettingsStore } from '../../core/services/settings'
import { writeProfileFacts } from '../../core/model/profile-facts'

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1] : undefined
}

const dataDir = arg('data-dir')
if (!dataDir) throw new Error('--data-dir is required')
const count = Number(arg('workspaces') ?? '0')
const dataworks = (arg('dataworks') ?? '').split(',').filter((s) => s !== '')
const drafts = Number(arg('drafts') ?? '0')
/** With --plan-cases: ws_00002's draft drops an associated resource (C2), ws_00003's conflicts with the cloud,
 * ws_00004's turns on a switch (G2) that needs a manual console step. */
const planCases = process.argv.includes('--plan-cases')
const secondAccount = process.argv.includes('--second-account')
const accessUser = process.argv.includes('--access-user')

const store = openStore({ dataDir })
const profile = store.profiles.insert({
  name: '种子账号',
  region: 'cn-hangzhou',
  endpoint: null,
  protocol: 'https',
  accessKeyId: 'LTAI-seed',
  proxy: null,
})
new SettingsService(sqliteSettingsStore(store.settings)).update({ activeProfileId: profile.id })
writeProfileFacts(store, profile.id, {
  identity: { kind: 'main', userId: '1000000000000001', userName: 'seed' },
  dataworksNames: dataworks,
})

const STATUSES = ['ENABLED', 'ENABLED', 'ENABLED', 'INITIALIZING', 'UPDATING', 'FAILURE', 'DISABLED']
const rows = Array.from({ length: count }, (_, i) => {
  const n = String(i + 1).padStart(5, '0')
  return {
    workspaceId: String(100000 + i),
    name: `ws_${n}`,
    displayName: `工作空间 ${n}`,
    status: STATUSES[i % STATUSES.length]!,
    mode: i % 3 === 0 ? 'standard' : 'simple',
    owner: i % 2 === 0 ? 'alice' : 'bob',
    gmtModified: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
  }
})
for (let i = 0; i < rows.length; i += 1000) store.workspaces.upsertMany(profile.id, rows.slice(i, i + 1000))

if (accessUser)
  store.transaction(() => {
    for (const w of rows)
      store.members.upsertMany(profile.id, w.workspaceId, [
        {
          memberId: `${w.workspaceId}-fleet`,
          userId: '2800000000000001',
          memberName: 'fleet_admin',
          displayName: null,
          accountName: null,
          accountType: '1',
          roles: ['PAI.WorkspaceAdmin'],
          gmtCreate: null,
        },
      ])
  })

for (let i = 0; i < Math.min(drafts, rows.length); i++) {
  const w = rows[i]!
  // The first draft asks for a GPU on MaxCompute (C3): one error.
  const resources = i === 0 ? [{ kind: 'maxcompute', envType: 'prod', name: 'mc_project', spec: { gpuCount: 1 } }] : []
  store.drafts.save({
    profileId: profile.id,
    workspaceKey: w.workspaceId,
    draft: {
      basic: { name: w.name, displayName: w.displayName, description: 'seeded draft', mode: w.mode },
      resources,
    },
    base: { basic: { name: w.name, displayName: w.displayName, description: 'seeded draft', mode: w.mode } },
    baseVersion: w.gmtModified,
  })
}
if (planCases && rows.length >= 3) {
  const basic = (w: (typeof rows)[number], description: string) => ({
    name: w.name,
    displayName: w.displayName,
    description,
    mode: w.mode,
  })
  const w2 = rows[1]!
  const withResource = {
    basic: basic(w2, 'seeded'),
    resources: [{ kind: 'general', envType: 'prod', name: 'rg_general', resourceId: 'r-100001' }],
  }
  store.workspaces.saveConfig(profile.id, w2.workspaceId, withResource, { version: 'v1' })
  store.drafts.save({
    profileId: profile.id,
    workspaceKey: w2.workspaceId,
    draft: { basic: basic(w2, 'seeded') },
    base: withResource,
    baseVersion: 'v1',
  })
  const w3 = rows[2]!
  store.workspaces.saveConfig(
    profile.id,
    w3.workspaceId,
    { basic: basic(w3, 'changed in the cloud') },
    { version: 'v2' },
  )
  store.drafts.save({
    profileId: profile.id,
    workspaceKey: w3.workspaceId,
    draft: { basic: basic(w3, 'changed here') },
    base: { basic: basic(w3, 'seeded') },
    baseVersion: 'v1',
  })
  if (rows.length >= 4) {
    // ws_00004 turns on SSH to DSW instances (G2): no public API, so a manual step in the console.
    const w4 = rows[3]!
    const cloud = { basic: basic(w4, 'seeded') }
    store.workspaces.saveConfig(profile.id, w4.workspaceId, cloud, { version: 'v1' })
    store.drafts.save({
      profileId: profile.id,
      workspaceKey: w4.workspaceId,
      draft: { ...cloud, switches: { dswSsh: true } },
      base: cloud,
      baseVersion: 'v1',
    })
  }
}
if (secondAccount) {
  const other = store.profiles.insert({
    name: '另一账号',
    region: 'cn-shanghai',
    kind: 'ram-role-arn',
    baseProfileId: profile.id,
    roleArn: 'acs:ram::1800000000000002:role/pai-admin',
  })
  store.profiles.setCaller(other.id, {
    accountId: '1800000000000002',
    arn: 'acs:ram::1800000000000002:assumed-role/pai-admin/pai-workspace-admin',
    identityType: 'AssumedRoleUser',
    checkedAt: '2026-11-30T08:00:00.000Z',
  })
  store.workspaces.upsertMany(other.id, [
    { workspaceId: '900001', name: 'acct2_ws_1', displayName: '另一账号 1', status: 'ENABLED' },
    { workspaceId: '900002', name: 'acct2_ws_2', displayName: '另一账号 2', status: 'ENABLED' },
    { workspaceId: '900003', name: 'ws_00001', displayName: '同名空间', status: 'ENABLED' },
  ])
}
store.close()
process.stdout.write(`${profile.id}\n`)
