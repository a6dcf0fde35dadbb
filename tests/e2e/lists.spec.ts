// Issue 18, "Lists" and refresh: the workspace list's columns and row actions, refresh progress and "last
// refreshed" with EventBridge's state (E1), and the activity log's names, readable actions, details and filter.
import type { Page } from '@playwright/test'
import { invoke } from './config-fixtures'
import { EMULATOR_ACCOUNTS, emulatorTestWith, expect, type RunningEmulator } from './harness'
import { expectAccessible, goto, inputOf, pick, setLocale, shot } from './helpers'

const TOKEN = 'lists-e2e-control-token-0001'
const CAROL = '2100000000000181'

const LOCALES = [
  {
    locale: 'zh-CN',
    never: '从未刷新',
    last: '上次刷新',
    e1Unknown: 'EventBridge:未知',
    e1Yes: 'EventBridge:已授权',
    progress: /正在刷新:\d+\/8 个工作空间/,
    refreshed: '已刷新工作空间「lists_b」',
    refreshWs: '从云端刷新工作空间',
    refreshAll: '从云端刷新账号下全部工作空间',
    addProfile: '添加账号',
    kindSync: '同步',
    kindProfile: '账号',
    ok: '成功',
    total: (n: number) => `共 ${n} 条记录`,
    detailWorkspaces: '工作空间数',
    headers: ['工作空间名称', '工作空间 ID', '账号', '地域', '创建时间', '操作'],
  },
  {
    locale: 'en',
    never: 'Never refreshed',
    last: 'Last refreshed',
    e1Unknown: 'EventBridge: unknown',
    e1Yes: 'EventBridge: authorized',
    progress: /Refreshing: \d+ of 8 workspaces/,
    refreshed: 'Workspace "lists_b" refreshed',
    refreshWs: 'Refreshed a workspace from the cloud',
    refreshAll: "Refreshed all of the profile's workspaces from the cloud",
    addProfile: 'Added a profile',
    kindSync: 'Sync',
    kindProfile: 'Profiles',
    ok: 'Succeeded',
    total: (n: number) => `${n} ${n === 1 ? 'entry' : 'entries'}`,
    detailWorkspaces: 'Workspaces',
    headers: ['Workspace name', 'Workspace ID', 'Profile', 'Region', 'Created', 'Actions'],
  },
] as const

async function seed(emu: RunningEmulator): Promise<void> {
  const res = await fetch(`${emu.url}/__emulator/seed`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-emulator-token': TOKEN },
    body: JSON.stringify({
      tenant: EMULATOR_ACCOUNTS.main.uid,
      users: [{ UserId: CAROL, UserName: 'carol' }],
      workspaces: ['lists_a', 'lists_b', 'lists_c', 'lists_d', 'lists_e', 'lists_f', 'lists_g', 'lists_h'].map((n) => ({
        WorkspaceName: n,
        Description: n,
        members: [{ UserId: CAROL, Roles: ['PAI.AlgoDeveloper'] }],
      })),
    }),
  })
  expect(res.status).toBe(200)
}

// Some latency, so the refresh's progress can be seen.
const test = emulatorTestWith(['--control-token', TOKEN, '--latency-ms', '300'], seed)

const rowOf = (page: Page, name: string) => page.getByTestId('ws-row').filter({ hasText: name })

for (const l of LOCALES) {
  test(`${l.locale}: list columns, refresh progress, last refreshed and E1, row actions, activity filter`, async ({
    page,
    harness,
    emulator,
  }) => {
    test.setTimeout(120_000)
    await invoke(harness, 'profiles.add', {
      name: 'emu',
      region: 'cn-hangzhou',
      endpoint: emulator.endpoint,
      protocol: 'http',
      accessKeyId: EMULATOR_ACCOUNTS.main.accessKeyId,
      accessKeySecret: EMULATOR_ACCOUNTS.main.accessKeySecret,
    })
    await page.goto(harness.url)
    if (l.locale === 'en') await setLocale(page, 'en')
    await goto(page, '/')

    // Never refreshed: the header and the status bar say so; E1 is not known yet.
    await expect(page.getByTestId('ws-last-refreshed')).toHaveText(l.never)
    await expect(page.getByTestId('status-last-refreshed')).toHaveText(l.never)
    await expect(page.getByTestId('ws-eventbridge')).toContainText(l.e1Unknown)

    // Refresh: progress per workspace while it runs, then when it ran and E1 as it learned it.
    await page.getByTestId('ws-refresh').click()
    await expect(page.getByTestId('ws-refresh-progress')).toHaveText(l.progress)
    await expect(page.getByTestId('ws-last-refreshed')).toContainText(l.last, { timeout: 30_000 })
    await expect(page.getByTestId('status-last-refreshed')).toContainText(l.last)
    await expect(page.getByTestId('ws-eventbridge')).toHaveAttribute('data-authorized', 'true')
    await expect(page.getByTestId('ws-eventbridge')).toHaveText(l.e1Yes)

    // Columns: ID, profile, region, creation time (the cloud's GmtCreateTime).
    for (const h of l.headers) await expect(page.getByRole('columnheader', { name: h })).toBeVisible()
    const b = rowOf(page, 'lists_b')
    await expect(b.getByTestId('ws-id')).toHaveText(/^\d+$/)
    await expect(b.getByTestId('ws-profile')).toHaveText('emu')
    await expect(b.getByTestId('ws-region')).toHaveText('cn-hangzhou')
    const created = await b.getByTestId('ws-created').getAttribute('data-at')
    expect(Math.abs(Date.parse(created ?? '') - Date.now())).toBeLessThan(10 * 60_000)
    await expect(b.getByTestId('ws-created')).toHaveText(/\d/)
    await expectAccessible(page, `workspace list ${l.locale}`)
    await shot(page, `lists-workspaces-${l.locale}`)

    // Row action: refresh this workspace only.
    await b.getByTestId('ws-action-refresh').click()
    await expect(page.getByTestId('ws-refreshed-one')).toHaveText(l.refreshed)

    // Row action: export, to the bundle export with this workspace chosen.
    await b.getByTestId('ws-action-export').click()
    await expect(page).toHaveURL(/#\/import-export\?export=/)
    await expect(page.getByTestId('bundle-export-keys')).toContainText('lists_b')
    await expect(page.getByTestId('bundle-export-run')).toBeEnabled()

    // Row action: open.
    await goto(page, '/')
    await rowOf(page, 'lists_c').getByTestId('ws-action-open').click()
    await expect(page).toHaveURL(/#\/workspaces\/[^/]+%3A\d+$/)
    await expect(page.locator('body')).toContainText('lists_c')

    // The activity log: readable actions, names instead of IDs, details, filters.
    await goto(page, '/activity')
    const table = page.getByTestId('activity-table')
    await expect(page.getByTestId('activity-total')).toHaveText(l.total(3))
    const actions = table.getByTestId('activity-action')
    await expect(actions).toHaveText([l.refreshWs, l.refreshAll, l.addProfile])
    const wsCell = table.locator('.el-table__row').first().getByTestId('activity-workspace')
    await expect(wsCell).toContainText('lists_b')
    await expect(table.getByTestId('activity-profile').first()).toHaveText('emu')
    await expect(table.getByTestId('activity-result').first()).toHaveText(l.ok)
    // Details expand: the refresh of every workspace says how many it read.
    await table.locator('.el-table__row').nth(1).locator('.el-table__expand-icon').click()
    await expect(table.getByTestId('activity-details')).toContainText(l.detailWorkspaces)
    await expect(table.getByTestId('activity-details')).toContainText('8')
    await shot(page, `lists-activity-${l.locale}`)

    // Filter by kind, by workspace, by text; clearing brings every entry back.
    await pick(page, 'activity-filter-kind', l.kindProfile)
    await expect(page.getByTestId('activity-total')).toHaveText(l.total(1))
    await expect(actions).toHaveText([l.addProfile])
    await pick(page, 'activity-filter-kind', l.kindSync)
    await expect(page.getByTestId('activity-total')).toHaveText(l.total(2))
    await pick(page, 'activity-filter-result', l.ok)
    await expect(page.getByTestId('activity-total')).toHaveText(l.total(2))
    await page.getByTestId('activity-filter-workspace').click()
    await page.getByRole('option', { name: 'lists_b', exact: true }).click()
    await expect(page.getByTestId('activity-total')).toHaveText(l.total(1))
    await expect(actions).toHaveText([l.refreshWs])
    await page.getByTestId('activity-filter-workspace').hover()
    await page.getByTestId('activity-filter-workspace').locator('.el-select__clear').click()
    await page.getByTestId('activity-filter-kind').hover()
    await page.getByTestId('activity-filter-kind').locator('.el-select__clear').click()
    // Text: the workspace's name, which the entry itself holds only as an ID.
    await inputOf(page, 'activity-filter-text').fill('LISTS_B')
    await expect(page.getByTestId('activity-total')).toHaveText(l.total(1))
    await inputOf(page, 'activity-filter-text').fill('')
    await expect(page.getByTestId('activity-total')).toHaveText(l.total(3))
    await expectAccessible(page, `activity log ${l.locale}`)
  })
}
