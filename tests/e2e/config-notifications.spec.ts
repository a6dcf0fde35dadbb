import { startHarness, stopHarness, test, expect } from './harness'
import type { Page } from '@playwright/test'
import { startEmulator } from '../../tools/emulator/index'
import { createDraft, goTab, invoke, newConfig, openConfig, waitSaved } from './config-fixtures'
import type { DraftView } from '../../shared/ipc/channels/workspaces'

async function addRuleWithEvents(page: Page, events: string[]): Promise<void> {
  await page.getByTestId('rule-add').click()
  await page.getByTestId('rule-events-0').click()
  for (const e of events) await page.getByRole('option', { name: e }).click()
  await closeDropdowns(page)
}

/** Escape, and wait until no dropdown list is left on screen. */
async function closeDropdowns(page: Page): Promise<void> {
  await page.keyboard.press('Escape')
  await expect(page.locator('.el-select-dropdown__item:visible')).toHaveCount(0)
}

async function offeredTargets(page: Page): Promise<string[]> {
  await page.getByTestId('target-add-0').click()
  await expect(page.locator('.el-select-dropdown__item:visible').first()).toBeVisible()
  const names = await page.locator('.el-select-dropdown__item:visible').allInnerTexts()
  await closeDropdowns(page)
  return names.map((n) => n.trim())
}

test.describe('workspace configuration: event notifications', () => {
  test("E4: the target editor offers only the kinds the rule's event types allow", async ({ page, harness }) => {
    const d = await createDraft(harness, newConfig('ws_e4'))
    await openConfig(page, harness, d.key, 'notifications')
    await expect(page.getByTestId('event-bus')).toHaveText('pai-system-ws_e4')
    await addRuleWithEvents(page, ['模型 / 模型版本允许上线'])
    expect(await offeredTargets(page)).toEqual(['钉钉通知', 'HTTP/HTTPS'])
    await expect(page.getByTestId('refused-sms')).toHaveAttribute('data-rule', 'E4')
    await expect(page.getByTestId('refused-sms').getByTestId('rule-id')).toHaveText('E4')
    // A workflow event instead: HTTP goes, voice/SMS/email come (the offline region is cn-hangzhou).
    await page.getByTestId('rule-events-0').click()
    await page.getByRole('option', { name: '模型 / 模型版本允许上线' }).click()
    await page.getByRole('option', { name: '工作流任务 / 任务失败' }).click()
    await closeDropdowns(page)
    expect(await offeredTargets(page)).toEqual(['钉钉通知', '语音电话', '短信', '邮件'])
    await expect(page.getByTestId('refused-http')).toHaveAttribute('data-rule', 'E4')
  })

  test('E5: voice, SMS and email are not offered in a region without them', async ({ page, harness }) => {
    const profile = await invoke<{ id: string }>(harness, 'profiles.add', {
      name: 'beijing',
      region: 'cn-beijing',
      accessKeyId: 'LTAI_E2E_BJ',
    })
    const d = await createDraft(harness, newConfig('ws_e5'), profile.id)
    await openConfig(page, harness, d.key, 'notifications')
    await addRuleWithEvents(page, ['DLC任务 / 任务进程'])
    expect(await offeredTargets(page)).toEqual(['钉钉通知'])
    for (const k of ['voice', 'sms', 'email']) {
      await expect(page.getByTestId(`refused-${k}`)).toHaveAttribute('data-rule', 'E5')
      await expect(page.getByTestId(`refused-${k}`)).toContainText('cn-beijing')
    }
    await expect(page.getByTestId('refused-http')).toHaveAttribute('data-rule', 'E4')
  })

  test('E6: the counter shows units used / quota live, contacts counted without de-duplication (Alice, Tony + Alice, Alan = 4)', async ({
    page,
    harness,
  }) => {
    const d = await createDraft(harness, newConfig('ws_e6'))
    await openConfig(page, harness, d.key, 'notifications')
    await addRuleWithEvents(page, ['工作流任务 / 任务失败'])
    const counter = page.getByTestId('quota-counter-0')
    await expect(counter).toContainText('已用 0 / 配额 5')
    await page.getByTestId('target-add-0').click()
    await page.getByRole('option', { name: '短信' }).click()
    await page.getByTestId('contacts-0').fill('Alice, Tony')
    await expect(counter).toContainText('已用 2 / 配额 5')
    await page.getByTestId('target-add-0').click()
    await page.getByRole('option', { name: '邮件' }).click()
    await page.getByTestId('contacts-1').fill('Alice, Alan')
    await expect(counter).toContainText('已用 4 / 配额 5')
    await expect(counter).toHaveAttribute('data-used', '4')
    // Over the quota: the counter and the rule say so (E6).
    await page.getByTestId('notif-quota').locator('input').fill('3')
    await page.getByTestId('notif-quota').locator('input').blur()
    await expect(counter).toHaveAttribute('data-over', 'true')
    await expect(page.getByTestId('rule-0').getByTestId('problem-E6')).toBeVisible()
    await page.getByTestId('notif-quota').locator('input').fill('5')
    await page.getByTestId('notif-quota').locator('input').blur()
    await waitSaved(page)
    await page.setViewportSize({ width: 1360, height: 1300 })
    await page.screenshot({ path: 'tests/e2e/screenshots/config-notifications-zh-CN.png' })
    await page.reload()
    await page.getByTestId('notifications-tab').waitFor()
    await expect(page.getByTestId('quota-counter-0')).toHaveAttribute('data-used', '4')
    const saved = await invoke<DraftView>(harness, 'drafts.open', { key: d.key })
    expect(saved.config.notifications.rules[0]?.targets).toEqual([
      { type: 'sms', contacts: ['Alice', 'Tony'] },
      { type: 'email', contacts: ['Alice', 'Alan'] },
    ])
  })

  test("E7: the DingTalk connectivity test sends a signed message and shows the robot's answer", async ({ page }) => {
    const emu = await startEmulator({ port: 0, accessKeyId: 'LTAI_E2E_EMU', accessKeySecret: 'emu-secret' })
    // The robot is reached only through the test-only route (never through the profile's endpoint).
    const harness = await startHarness([], { PAI_ADMIN_TEST_DINGTALK_ORIGIN: emu.url })
    try {
      await emu.seed({ robots: [{ token: 'robot1', secret: 'SEC0123456789abcdef' }] })
      const profile = await invoke<{ id: string }>(harness, 'profiles.add', {
        name: 'emulator',
        region: 'cn-hangzhou',
        endpoint: emu.endpoint,
        protocol: 'http',
        accessKeyId: 'LTAI_E2E_EMU',
      })
      const d = await createDraft(harness, newConfig('ws_e7'), profile.id)
      await openConfig(page, harness, d.key, 'notifications')
      await addRuleWithEvents(page, ['DLC任务 / 任务超时'])
      await page.getByTestId('target-add-0').click()
      await page.getByRole('option', { name: '钉钉通知' }).click()
      await page.getByTestId('dingtalk-webhook').fill('https://oapi.dingtalk.com/robot/send?access_token=robot1')
      // No secret yet on a robot that signs: the screen says the secret is missing, not the clock.
      await page.getByTestId('dingtalk-test').click()
      await expect(page.getByTestId('dingtalk-answer')).toHaveAttribute('data-ok', 'false')
      await expect(page.getByTestId('dingtalk-answer')).toContainText('没有填写加签密钥')
      await expect(page.getByTestId('dingtalk-answer')).not.toContainText('校准')
      // A wrong secret: the robot refuses the signature, and the screen shows its answer.
      await page.getByTestId('dingtalk-secret').fill('SECwrongwrongwrong')
      await page.getByTestId('dingtalk-test').click()
      await expect(page.getByTestId('dingtalk-answer')).toHaveAttribute('data-ok', 'false')
      await expect(page.getByTestId('dingtalk-answer')).toContainText('310000')
      await page.getByTestId('dingtalk-secret').fill('SEC0123456789abcdef')
      await page.getByTestId('dingtalk-test').click()
      await expect(page.getByTestId('dingtalk-answer')).toHaveAttribute('data-ok', 'true')
      await page.screenshot({ path: 'tests/e2e/screenshots/config-dingtalk-zh-CN.png' })
      const robot = emu.state().robots['robot1']
      expect(robot?.messages.length).toBe(1)
      // E3: the task-timeout event needs a timeout rule (S3).
      await expect(page.getByTestId('rule-0').getByTestId('problem-E3')).toBeVisible()
      await goTab(page, 'scheduling')
      await page.getByTestId('timeout-add').click()
      await goTab(page, 'notifications')
      await expect(page.getByTestId('rule-0').getByTestId('problem-E3')).toHaveCount(0)
    } finally {
      await emu.close()
      await stopHarness(harness)
    }
  })
})
