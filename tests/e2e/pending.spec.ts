import { test as base, expect } from '@playwright/test'
import { seedDataDir, startHarness, stopHarness, type RunningHarness } from './harness'
import { expectAccessible, goto, shot } from './helpers'

/** Cached workspaces with configurations: ws_00002's draft drops a resource, ws_00003's conflicts with the cloud. */
const test = base.extend<{ harness: RunningHarness }>({
  harness: async ({}, use) => {
    const { dataDir } = seedDataDir({ workspaces: 5, planCases: true })
    const h = await startHarness([], {}, dataDir)
    await use(h)
    await stopHarness(h)
  },
})

test.describe('pending changes [待同步变更]', () => {
  test('C2: a draft that drops an associated resource is refused in the plan, with the rule and why', async ({
    page,
    harness,
  }) => {
    await page.goto(harness.url)
    await goto(page, '/pending')
    await page.getByTestId('pending-draft').filter({ hasText: 'ws_00002' }).click()
    const refused = page.getByTestId('plan-action-refused')
    await expect(refused.first()).toBeVisible()
    // The rule ID is on hover, not beside the message.
    await expect(refused.first().getByTestId('plan-action-what')).toHaveAttribute('title', /规则 C2/)
    await expect(refused.first().getByTestId('plan-action-what')).toHaveText(
      '解除关联通用计算资源「rg_general」(生产环境)',
    )
    await expect(refused.first()).not.toContainText('C2')
    await expect(refused.first()).toContainText('rg_general')
    await expect(refused.first()).toContainText('商务经理')
    await expect(page.getByTestId('plan-cache-age')).not.toContainText('从未刷新')
    await expectAccessible(page, 'pending with a refusal')
    await shot(page, 'pending-refused-zh-CN')
  })

  test('a conflict is resolved field by field: keep mine or take the cloud, then the plan can be applied', async ({
    page,
    harness,
  }) => {
    await page.goto(harness.url)
    await goto(page, '/pending')
    await page.getByTestId('pending-draft').filter({ hasText: 'ws_00003' }).click()
    const conflicts = page.getByTestId('conflicts')
    await expect(conflicts).toContainText('/basic/description')
    await expect(conflicts).toContainText('changed in the cloud')
    await expect(conflicts).toContainText('changed here')
    await expect(page.getByTestId('plan-apply')).toBeDisabled()
    await expectAccessible(page, 'pending with a conflict')
    await shot(page, 'pending-conflict-zh-CN')
    await page.getByTestId('conflict-/basic/description').getByText('采用云端').click()
    await page.getByTestId('conflict-resolve').click()
    await expect(page.getByTestId('conflicts')).toHaveCount(0)
    await expect(page.getByTestId('plan-counts')).not.toContainText('冲突')
  })

  test('G2: a switch with no public API is a manual step with console instructions, a console link, and "I did it"', async ({
    page,
    harness,
  }) => {
    await page.goto(harness.url)
    await goto(page, '/pending')
    await page.getByTestId('pending-draft').filter({ hasText: 'ws_00004' }).click()
    const manual = page.getByTestId('plan-action-manual').first()
    await expect(manual).toBeVisible()
    await expect(page.getByTestId('plan-counts')).toContainText('控制台手动操作 1 项')
    await expect(manual.locator('ol li').first()).toBeVisible()
    await expect(manual.getByTestId('plan-console-link')).toHaveAttribute('href', /^https:\/\//)
    await expect(manual.getByTestId('plan-console-link')).toHaveAttribute('rel', /noopener/)
    await expectAccessible(page, 'pending with a manual step')
    await shot(page, 'pending-manual-zh-CN')
    await manual.getByTestId('plan-mark-done').click()
    // Done: the step leaves the plan.
    await expect(page.getByTestId('plan-action-manual')).toHaveCount(0)
    await expect(page.getByTestId('plan-counts')).not.toContainText('控制台手动操作')
  })
})
