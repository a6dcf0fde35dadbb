/// <reference lib="dom" />
import { test as base, expect } from '@playwright/test'
import { seedDataDir, startHarness, stopHarness, type RunningHarness } from './harness'
import { goto } from './helpers'

/** 60 cached workspaces with one user in each: more columns than the overview's first answer brings. */
const test = base.extend<{ harness: RunningHarness }>({
  harness: async ({}, use) => {
    const { dataDir } = seedDataDir({ workspaces: 60, accessUser: true })
    const h = await startHarness([], {}, dataDir)
    await use(h)
    await stopHarness(h)
  },
})

test('访问权限总览: every column is there, also those after the first answer; the last one opens its member tab', async ({
  page,
  harness,
}) => {
  await page.goto(harness.url)
  await goto(page, '/access')
  await expect(page.getByTestId('access-counts')).toContainText('1 个用户,60 个成员关系,60 个工作空间')
  const row = page.locator('[data-testid="access-row"][data-user="2800000000000001"]')
  await expect(row).toContainText('fleet_admin')
  // scrolled to the right end: the 60th workspace's header and cell
  await page
    .getByTestId('access-grid')
    .locator('.scroller')
    .evaluate((el) => (el.scrollLeft = el.scrollWidth))
  await expect(page.getByRole('columnheader', { name: /^ws_00060 · 种子账号$/ })).toBeVisible()
  const last = row.locator('[data-testid="access-cell"][data-key$=":100059"]')
  await expect(last).toContainText('管理员')
  await last.click()
  await expect(page).toHaveURL(/\/workspaces\/[^?]*100059\?tab=members/)
})
