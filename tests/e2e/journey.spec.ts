/// <reference lib="dom" />
import type { Page } from '@playwright/test'
import { emulatorTest as test, EMULATOR_ACCOUNTS, type RunningEmulator } from './harness'
import { expect } from '@playwright/test'
import { expectAccessible, goto, inputOf, pick, shot } from './helpers'

/** Needs the keychain: run inside dbus-run-session with gnome-keyring unlocked (see notes in the README). */

async function addProfile(
  page: Page,
  emulator: RunningEmulator,
  name: string,
  account: { accessKeyId: string; accessKeySecret: string },
): Promise<void> {
  await goto(page, '/profiles')
  await page.getByTestId('profile-add').click()
  await inputOf(page, 'profile-name').fill(name)
  await pick(page, 'profile-region', /华东1\(杭州\)/)
  // The endpoint field shows once "custom" is chosen (public and VPC endpoints are listed otherwise).
  await page.getByTestId('profile-endpoint-custom').click()
  await inputOf(page, 'profile-endpoint').fill(emulator.endpoint)
  await page.getByTestId('profile-protocol').getByText('HTTP', { exact: true }).click()
  await inputOf(page, 'profile-akid').fill(account.accessKeyId)
  await inputOf(page, 'profile-secret').fill(account.accessKeySecret)
  await page.getByTestId('profile-save').click()
  await expect(page.getByTestId('profile-dialog')).toBeHidden()
  await expect(page.getByTestId(`profile-row-${name}`)).toBeVisible()
}

test.describe('the whole journey against the emulator', () => {
  test('add a profile, refresh, create with the wizard, see the plan, apply, converge', async ({
    page,
    harness,
    emulator,
  }) => {
    test.setTimeout(180_000)
    await page.goto(harness.url)
    await addProfile(page, emulator, '模拟器主账号', EMULATOR_ACCOUNTS.main)
    await expect(page.getByTestId('active-profile')).toContainText('模拟器主账号')
    // A2: the main account, no warning.
    await page.getByTestId('profile-actions-模拟器主账号').getByTestId('profile-test').click()
    await expect(page.getByTestId('profile-identity')).toContainText('阿里云账号(主账号)')
    await expect(page.getByTestId('profile-warning-A3')).toHaveCount(0)

    // Refresh the cloud into the cache.
    await goto(page, '/workspaces')
    await page.getByTestId('ws-refresh').click()
    await expect(page.getByTestId('ws-refresh')).not.toHaveClass(/is-loading/)
    await expect(page.getByTestId('error-alert')).toHaveCount(0)

    // The wizard.
    await goto(page, '/workspaces/new')
    await inputOf(page, 'wiz-name').fill('journey_ws')
    await inputOf(page, 'wiz-description').fill('made by the journey test')
    await page.getByTestId('wiz-next').click()
    await page.getByTestId('wiz-next').click()
    await inputOf(page, 'wiz-storage').fill('oss://journey-bucket/pai/')
    await page.getByTestId('wiz-next').click()
    await page.getByTestId('wiz-next').click()
    await expect(page.getByTestId('wiz-confirm')).toContainText('journey_ws')
    await page.getByTestId('wiz-next').click()
    await expect(page).toHaveURL(/#\/workspaces\/[^/]+%3Alocal-/)
    const key = decodeURIComponent(page.url().split('#/workspaces/')[1]!)

    // The plan.
    await page.evaluate((k) => (window.location.hash = `/pending?key=${encodeURIComponent(k)}`), key)
    await expect(page.getByTestId('plan-creating')).toBeVisible()
    await expect(page.getByTestId('plan-actions')).toContainText('创建工作空间「')
    await expectAccessible(page, 'pending changes')
    await shot(page, 'pending-zh-CN')

    // Apply, with live progress, until it converges.
    await page.getByTestId('plan-apply').click()
    await page.getByTestId('apply-confirm-ok').click()
    await expect(page.getByTestId('run-progress')).toBeVisible()
    await expect(page.getByTestId('run-finished')).toBeVisible({ timeout: 90_000 })
    await shot(page, 'pending-applied-zh-CN')

    // Converged: the workspace is in the cloud and in the list.
    await goto(page, '/workspaces')
    await page.getByTestId('ws-refresh').click()
    await page.getByTestId('ws-search').fill('journey_ws')
    await expect(page.getByTestId('ws-total')).toHaveText('共 1 个工作空间')
    await expect(page.getByTestId('ws-row').first().getByTestId('ws-status-tag')).not.toHaveText('草稿(未创建)')

    // The activity log has the applied operations.
    await goto(page, '/activity')
    // the activity log says it in words (sync.apply, sync.settled)
    await expect(page.getByTestId('activity-table')).toContainText('提交变更到云端')
    await expect(page.getByTestId('activity-table')).toContainText('变更执行完毕')
    await expectAccessible(page, 'activity')
    await shot(page, 'activity-zh-CN')
  })

  test('A3: a RAM user without AliyunPAIFullAccess is warned, and told the main account is recommended', async ({
    page,
    harness,
    emulator,
  }) => {
    await page.goto(harness.url)
    await addProfile(page, emulator, '子账号', EMULATOR_ACCOUNTS.ram)
    await page.getByTestId('profile-actions-子账号').getByTestId('profile-test').click()
    await expect(page.getByTestId('profile-identity')).toContainText('RAM 用户')
    const warning = page.getByTestId('profile-warning-A3')
    await expect(warning).toContainText('AliyunPAIFullAccess')
    await expectAccessible(page, 'profiles with the A3 warning')
    await shot(page, 'profiles-a3-zh-CN')
  })

  test('A3: a RAM user without AliyunPAIFullAccess who applies sees the refusal with the request ID', async ({
    page,
    harness,
    emulator,
  }) => {
    test.setTimeout(120_000)
    await page.goto(harness.url)
    await addProfile(page, emulator, '子账号', EMULATOR_ACCOUNTS.ram)
    await expect(page.getByTestId('active-profile')).toContainText('子账号')
    await goto(page, '/workspaces/new')
    await inputOf(page, 'wiz-name').fill('ram_ws')
    await inputOf(page, 'wiz-description').fill('made by a RAM user')
    for (let i = 0; i < 4; i++) await page.getByTestId('wiz-next').click()
    await page.getByTestId('wiz-next').click()
    await expect(page).toHaveURL(/#\/workspaces\/[^/]+%3Alocal-/)
    const key = decodeURIComponent(page.url().split('#/workspaces/')[1]!)
    await page.evaluate((k) => (window.location.hash = `/pending?key=${encodeURIComponent(k)}`), key)
    await page.getByTestId('plan-apply').click()
    await page.getByTestId('apply-confirm-ok').click()
    const failed = page.getByTestId('op-status-failed')
    await expect(failed.first()).toBeVisible({ timeout: 60_000 })
    await expect(page.getByTestId('run-progress')).toContainText('AliyunPAIFullAccess')
    // The request ID is in the message, as the cloud gave it.
    const error = page.getByTestId('op-error').first()
    const requestId = await error.getAttribute('data-request-id')
    expect(requestId).toMatch(/\S{8,}/)
    await expect(error).toContainText(requestId!)
    await expectAccessible(page, 'pending with a failed op')
    await shot(page, 'pending-failed-zh-CN')
  })
})
