/// <reference lib="dom" />
import { test as base, expect } from '@playwright/test'
import { seedDataDir, startHarness, stopHarness, type RunningHarness } from './harness'
import { expectAccessible, pick, shot } from './helpers'

/** A harness on a data folder seeded with 10,000 cached workspaces, a DataWorks name and three drafts. */
const test = base.extend<{ harness: RunningHarness }>({
  harness: async ({}, use) => {
    const { dataDir } = seedDataDir({ workspaces: 10_000, dataworks: ['dw_shared'], drafts: 3 })
    const h = await startHarness([], {}, dataDir)
    await use(h)
    await stopHarness(h)
  },
})

test.describe('workspace list [工作空间列表]', () => {
  test('shows 10,000 cached workspaces virtualized, with drafts, search, filters, sort and open', async ({
    page,
    harness,
  }) => {
    await page.goto(harness.url)
    await expect(page.getByTestId('ws-total')).toHaveText('共 10000 个工作空间')
    await expect(page.getByTestId('ws-row').first()).toContainText('ws_00001')
    // Virtualized: only a screenful of rows is in the DOM.
    expect(await page.getByTestId('ws-row').count()).toBeLessThan(60)
    // The seeded draft with a GPU on MaxCompute shows the draft badge and its error count (C3).
    const first = page.locator('[data-testid="ws-row"][data-key$=":100000"]')
    await expect(first.getByTestId('draft-badge')).toContainText('草稿')
    await expect(first.getByTestId('draft-errors')).toContainText('1 个错误')
    // A profile is active, so the cloud can be refreshed.
    await expect(page.getByTestId('ws-refresh')).toBeEnabled()
    await expectAccessible(page, 'workspace list')
    await shot(page, 'workspaces-zh-CN')

    // Scrolling far down loads that page on demand.
    await page.getByTestId('ws-table').evaluate((table) => {
      const scroller = [...table.querySelectorAll<HTMLElement>('*')].find(
        (el) => el.scrollHeight > 100_000 && el.clientHeight > 0,
      )
      if (!scroller) throw new Error('no scrolling body')
      scroller.scrollTop = 44 * 9000
      scroller.dispatchEvent(new Event('scroll'))
    })
    await expect(page.getByTestId('ws-row').filter({ hasText: 'ws_09001' })).toBeVisible()

    // Search.
    await page.getByTestId('ws-search').fill('ws_0999')
    await expect(page.getByTestId('ws-total')).toHaveText('共 10 个工作空间')
    await page.getByTestId('ws-search').fill('')
    await expect(page.getByTestId('ws-total')).toHaveText('共 10000 个工作空间')

    // Drafts only.
    await page.getByTestId('ws-drafts-only').click()
    await expect(page.getByTestId('ws-total')).toHaveText('共 3 个工作空间')
    await page.getByTestId('ws-drafts-only').click()

    // Status filter.
    await pick(page, 'ws-status', '失败')
    await expect(page.getByTestId('ws-row').first().getByTestId('ws-status-tag')).toHaveText('失败')
    await pick(page, 'ws-status', '全部状态')

    // Sort by name descending (click the sortable header twice: same column toggles the order).
    await page.getByRole('columnheader', { name: '工作空间名称' }).click()
    await expect(page.getByTestId('ws-row').first()).toContainText('ws_10000')

    // Open a row: the workspace's own screen.
    await page.getByTestId('ws-row').first().getByTestId('ws-open').click()
    await expect(page).toHaveURL(/#\/workspaces\/[^/]+%3A109999$/)
  })
})

/** Issue 15 item 5: two profiles (two accounts); the list and its search span both, each row saying whose. */
const manyAccounts = base.extend<{ harness: RunningHarness }>({
  harness: async ({}, use) => {
    const { dataDir } = seedDataDir({ workspaces: 5, secondAccount: true })
    const h = await startHarness([], {}, dataDir)
    await use(h)
    await stopHarness(h)
  },
})

manyAccounts(
  'every profile at once: the list and search across accounts, each row naming its profile',
  async ({ page, harness }) => {
    await page.goto(harness.url)
    await expect(page.getByTestId('ws-total')).toHaveText('共 5 个工作空间')
    await page.getByTestId('ws-scope-all').click()
    await expect(page.getByTestId('ws-summary')).toContainText('全部账号(2 个)')
    await expect(page.getByTestId('ws-total')).toHaveText('共 8 个工作空间')
    // The same name in two accounts: two rows, each saying whose it is (profile and account ID).
    await page.getByTestId('ws-search').fill('ws_00001')
    await expect(page.getByTestId('ws-total')).toHaveText('共 2 个工作空间')
    const profilesShown = await page.getByTestId('ws-profile').allInnerTexts()
    expect(profilesShown.map((s) => s.replace(/\s+/g, ' ').trim()).sort()).toEqual([
      '另一账号 1800000000000002',
      '种子账号 cn-hangzhou',
    ])
    await expect(page.getByTestId('ws-refresh')).toHaveText('刷新全部账号')
    await expectAccessible(page, 'workspace list, all profiles')
    await shot(page, 'workspaces-all-profiles-zh-CN')
    // A row of the other account opens its own workspace screen, without switching the active profile.
    await page.getByTestId('ws-search').fill('acct2_ws_2')
    await expect(page.getByTestId('ws-total')).toHaveText('共 1 个工作空间')
    await page.getByTestId('ws-row').first().getByTestId('ws-open').click()
    await expect(page).toHaveURL(/#\/workspaces\/[^/]+%3A900002$/)
    await expect(page.getByTestId('active-profile')).toContainText('种子账号')
  },
)
