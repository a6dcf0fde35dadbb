import { test, expect, type Page } from '@playwright/test'
import {
  cloudWorkspace,
  goTab,
  mainAccountSeed,
  openConfig,
  startSeededHarness,
  stopSeededHarness,
} from './config-fixtures'
import { expectAccessible, setLocale } from './helpers'

const TABS = ['basic', 'resources', 'members', 'scheduling', 'notifications', 'storage', 'sls', 'switches'] as const

/** A workspace with something on every tab, so every string of the screen is rendered. */
function richConfig(): Record<string, unknown> {
  const base = cloudWorkspace('ws_rich')
  return {
    ...base,
    customRoles: [{ roleId: 'role-abc', name: 'reviewer', permissions: { DLC: 'ReadOnly', Model: 'FullAccess' } }],
    scheduling: {
      maxRuntimeMinutes: 600,
      jobPriorityLimits: [{ subjectType: 'role', subjectId: 'PAI.AlgoDeveloper', maxPriority: 6 }],
      instancePriorityLimits: [{ subjectType: 'member', subjectId: '200', maxPriority: 3 }],
      nonMembers: { allowed: true, maxJobPriority: 2 },
      timeouts: [{ kind: 'queue', minutes: 30, enabled: true }],
    },
    notifications: {
      quota: 5,
      rules: [
        {
          name: 'dlc-alerts',
          eventTypes: ['dlc.jobTimeout', 'workflow.taskFailed'],
          targets: [
            { type: 'sms', contacts: ['Alice', 'Tony'] },
            {
              type: 'dingtalk',
              webhook: 'https://oapi.dingtalk.com/robot/send?access_token=abc',
              secretRef: 'dingtalk-1',
            },
          ],
        },
        {
          name: 'model-hook',
          eventTypes: ['model.versionApproved'],
          targets: [{ type: 'http', url: 'https://example.com/hook' }],
        },
      ],
    },
    storage: { defaultPath: 'oss://cloud-bucket/ws/', designerPath: 'oss://cloud-bucket/designer/' },
    sls: { project: 'my-project', logstore: 'pai-logs', modules: ['DSW', 'DLC'] },
    switches: { dlcContainerAccess: true, dswSsh: false, dswPublicAccess: false },
  }
}

async function everyTab(page: Page, label: string): Promise<void> {
  for (const tab of TABS) {
    await goTab(page, tab)
    await expect(page.getByTestId(`${tab}-tab`)).toBeVisible()
    await expect(page.locator('body'), `${label} ${tab}`).not.toContainText('⟦')
    await page.screenshot({ path: `tests/e2e/screenshots/config-${tab}-${label}.png`, fullPage: true })
    await expectAccessible(page, `${label} ${tab}`)
  }
}

test.describe('workspace configuration in both languages, light and dark', () => {
  test('every tab renders every string in zh-CN and English and passes axe in each language, light and dark', async ({
    page,
  }) => {
    test.setTimeout(300_000)
    const h = await startSeededHarness(mainAccountSeed('cn-hangzhou', richConfig()))
    try {
      await page.setViewportSize({ width: 1360, height: 1400 })
      await openConfig(page, h, 'p1:ws-1')
      await everyTab(page, 'zh-CN')
      await page.getByTestId('problem-counts').click()
      await expect(page.getByTestId('all-problems')).toBeVisible()
      await page.getByTestId('open-mapping').count()
      await setLocale(page, 'en')
      await expect(page.getByTestId('config-status')).toContainText('Created')
      await everyTab(page, 'en')
      await page.getByTestId('theme-select').click()
      await page.getByRole('option', { name: 'Dark' }).click()
      await expect(page.locator('html')).toHaveClass(/dark/)
      await everyTab(page, 'en-dark')
      await setLocale(page, 'zh-CN')
      await expect(page.locator('html')).toHaveClass(/dark/)
      await everyTab(page, 'zh-CN-dark')
    } finally {
      await stopSeededHarness(h)
    }
  })
})
