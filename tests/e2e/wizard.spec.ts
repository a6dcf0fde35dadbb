import { test as base, expect } from '@playwright/test'
import { seedDataDir, startHarness, stopHarness, type RunningHarness } from './harness'
import { expectAccessible, goto, inputOf, pick, shot } from './helpers'

/** A harness whose active profile knows five PAI workspaces and the DataWorks workspace `dw_shared`. */
const test = base.extend<{ harness: RunningHarness }>({
  harness: async ({}, use) => {
    const { dataDir } = seedDataDir({ workspaces: 5, dataworks: ['dw_shared'] })
    const h = await startHarness([], {}, dataDir)
    await use(h)
    await stopHarness(h)
  },
})

test.describe('create workspace wizard [新建工作空间]', () => {
  test('W4: a name that clashes with a PAI or a DataWorks workspace is refused live, and says why', async ({
    page,
    harness,
  }) => {
    await page.goto(harness.url)
    await goto(page, '/workspaces/new')
    await inputOf(page, 'wiz-name').fill('ws_00002')
    await expect(page.getByTestId('problem-W4')).toContainText('名称已经存在')
    await expect(page.getByTestId('problem-W4')).toHaveAttribute('title', 'W4')
    await inputOf(page, 'wiz-name').fill('dw_shared')
    await expect(page.getByTestId('problem-W4')).toContainText('DataWorks')
    await expect(page.getByTestId('problem-W4')).toContainText('请修改名称')
    await shot(page, 'wizard-w4-zh-CN')
    // The step cannot be left while the name clashes.
    await page.getByTestId('wiz-next').click()
    await expect(page.getByTestId('wiz-blocked')).toBeVisible()
    await inputOf(page, 'wiz-name').fill('fresh_name')
    await expect(page.getByTestId('problem-W4')).toHaveCount(0)
  })

  test('W1-W3, M5, C1, C3, ST1: the whole wizard makes a draft and opens it', async ({ page, harness }) => {
    await page.goto(harness.url)
    await goto(page, '/workspaces/new')
    // W1 basic information.
    await inputOf(page, 'wiz-name').fill('e2e_wizard')
    await inputOf(page, 'wiz-display-name').fill('向导创建')
    await inputOf(page, 'wiz-description').fill('created by the e2e wizard test')
    await page.getByTestId('wiz-mode-standard').click()
    await expectAccessible(page, 'wizard basic')
    await shot(page, 'wizard-basic-zh-CN')
    await page.getByTestId('wiz-next').click()

    // Members and roles (optional).
    await page.getByTestId('wiz-add-member').click()
    await inputOf(page, 'wiz-member-uid').fill('2000000000000002')
    await inputOf(page, 'wiz-member-name').fill('tony')
    // M5: a member keeps at least one role; removing the last one is flagged at once and blocks the step.
    await page.getByTestId('wiz-member-roles').locator('.el-tag__close').first().click()
    await expect(page.getByTestId('problem-M5')).toBeVisible()
    await page.getByTestId('wiz-next').click()
    await expect(page.getByTestId('wiz-blocked')).toBeVisible()
    await page.getByTestId('wiz-member-roles').click()
    await page.getByRole('option', { name: '算法开发' }).click()
    await page.keyboard.press('Escape')
    await expect(page.getByTestId('problem-M5')).toHaveCount(0)
    await expectAccessible(page, 'wizard members')
    await shot(page, 'wizard-members-zh-CN')
    await page.getByTestId('wiz-next').click()

    // ST1: default storage, an OSS path.
    await expect(page.getByTestId('problem-ST1')).toBeVisible()
    await inputOf(page, 'wiz-storage').fill('not a path')
    await expect(page.getByTestId('problem-ST1')).toHaveAttribute('data-severity', 'error')
    await inputOf(page, 'wiz-storage').fill('oss://e2e-bucket/pai/')
    await expect(page.getByTestId('problem-ST1')).toHaveCount(0)
    await expectAccessible(page, 'wizard storage')
    await shot(page, 'wizard-storage-zh-CN')
    await page.getByTestId('wiz-next').click()

    // C1 + C3: a MaxCompute resource with a GPU is refused; C2: the no-disassociation note.
    await expect(page.getByTestId('wiz-c2-note')).toContainText('商务经理')
    await page.getByTestId('wiz-add-resource').click()
    await pick(page, 'wiz-resource-kind', 'MaxCompute资源')
    await inputOf(page, 'wiz-resource-name').fill('mc_project')
    await inputOf(page, 'wiz-resource-gpu').fill('2')
    await inputOf(page, 'wiz-resource-gpu').press('Tab')
    await expect(page.getByTestId('problem-C3')).toContainText('仅支持CPU')
    await expectAccessible(page, 'wizard resources')
    await shot(page, 'wizard-resources-zh-CN')
    await page.getByTestId('wiz-next').click()
    await expect(page.getByTestId('wiz-blocked')).toBeVisible()
    await inputOf(page, 'wiz-resource-gpu').fill('0')
    await inputOf(page, 'wiz-resource-gpu').press('Tab')
    await expect(page.getByTestId('problem-C3')).toHaveCount(0)
    await page.getByTestId('wiz-next').click()

    // W3: the confirmation shows everything.
    const confirm = page.getByTestId('wiz-confirm')
    await expect(confirm).toContainText('e2e_wizard')
    await expect(confirm).toContainText('向导创建')
    await expect(confirm).toContainText('标准模式')
    await expect(confirm).toContainText('oss://e2e-bucket/pai/')
    await expect(confirm).toContainText('tony (2000000000000002): 算法开发')
    await expect(confirm).toContainText('MaxCompute资源 · 生产环境 · mc_project')
    await expect(confirm).toContainText('种子账号')
    await expectAccessible(page, 'wizard confirm')
    await shot(page, 'wizard-confirm-zh-CN')
    await page.getByTestId('wiz-next').click()

    // The result is a draft, and the app enters it.
    await expect(page).toHaveURL(/#\/workspaces\/[^/]+%3Alocal-/)
    await goto(page, '/workspaces')
    await page.getByTestId('ws-search').fill('e2e_wizard')
    await expect(page.getByTestId('ws-total')).toHaveText('共 1 个工作空间')
    await expect(page.getByTestId('ws-row').first().getByTestId('ws-status-tag')).toHaveText('草稿(未创建)')
    await expect(page.getByTestId('ws-row').first().getByTestId('draft-badge')).toBeVisible()
  })
})
