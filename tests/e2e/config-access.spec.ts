import { test, expect } from '@playwright/test'
import { cloudWorkspace, goTab, openConfig, startSeededHarness, stopSeededHarness, type Seed } from './config-fixtures'

/** A RAM user with AliyunPAIFullAccess who is only an algorithm developer in the workspace: not an administrator. */
function ramDeveloperSeed(hasPaiFullAccess = true): Seed {
  return {
    profile: { id: 'p2', name: 'ram-dev', region: 'cn-hangzhou', accessKeyId: 'LTAI_E2E_RAM' },
    facts: {
      identity: { kind: 'ram', userId: '200', userName: 'alice', hasPaiFullAccess },
      eventBridgeAuthorized: false,
    },
    workspaces: [{ workspaceId: 'ws-9', config: cloudWorkspace('ws_locked') }],
  }
}

test.describe('workspace configuration: who may modify', () => {
  test('A1: an identity that is neither administrator nor owner sees every tab read-only, with the reason', async ({
    page,
  }) => {
    const h = await startSeededHarness(ramDeveloperSeed())
    try {
      await openConfig(page, h, 'p2:ws-9')
      const banner = page.getByTestId('readonly-banner')
      await expect(banner).toContainText('你没有权限修改此工作空间')
      await expect(banner).toContainText('A1')
      await expect(page.getByTestId('discard-draft')).toBeDisabled()
      await expect(page.getByTestId('basic-display-name')).toBeDisabled()
      await page.screenshot({ path: 'tests/e2e/screenshots/config-readonly-zh-CN.png' })

      await goTab(page, 'resources')
      await expect(page.getByTestId('res-add')).toHaveCount(0)
      await goTab(page, 'members')
      await expect(page.getByTestId('member-add')).toHaveCount(0)
      await expect(page.getByTestId('member-remove-200')).toHaveCount(0)
      await expect(page.getByTestId('role-remove-300-PAI.WorkspaceGuest')).toHaveCount(0)
      await goTab(page, 'scheduling')
      await expect(page.getByTestId('sched-max-runtime').locator('input')).toBeDisabled()
      await expect(page.getByTestId('timeout-add')).toHaveCount(0)
      await goTab(page, 'notifications')
      await expect(page.getByTestId('rule-add')).toHaveCount(0)
      // E1: not authorized, with how to authorize.
      await expect(page.getByTestId('eventbridge-auth')).toHaveAttribute('data-authorized', 'false')
      await expect(page.getByTestId('eventbridge-link')).toBeVisible()
      await goTab(page, 'storage')
      await expect(page.getByTestId('storage-default')).toBeDisabled()
      await goTab(page, 'sls')
      await expect(page.getByTestId('sls-project')).toBeDisabled()
      await goTab(page, 'switches')
      await expect(page.getByTestId('switch-dswSsh').getByRole('switch')).toBeDisabled()
      await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved')
    } finally {
      await stopSeededHarness(h)
    }
  })

  test('A3: a RAM user without AliyunPAIFullAccess is told which policy is missing', async ({ page }) => {
    const h = await startSeededHarness(ramDeveloperSeed(false))
    try {
      await openConfig(page, h, 'p2:ws-9')
      const banner = page.getByTestId('readonly-banner')
      await expect(banner).toContainText('AliyunPAIFullAccess')
      await expect(banner).toContainText('A3')
    } finally {
      await stopSeededHarness(h)
    }
  })
})
