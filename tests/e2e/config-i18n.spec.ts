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
  // One test per language and theme (each its own harness and time budget): every tab, every string, axe.
  for (const locale of ['zh-CN', 'en'] as const) {
    for (const theme of ['light', 'dark'] as const) {
      test(`every tab renders every string and passes axe: ${locale}, ${theme}`, async ({ page }) => {
        test.setTimeout(240_000)
        const h = await startSeededHarness(mainAccountSeed('cn-hangzhou', richConfig()))
        try {
          await page.setViewportSize({ width: 1360, height: 1400 })
          await openConfig(page, h, 'p1:ws-1')
          if (locale === 'en') {
            await setLocale(page, 'en')
            await expect(page.getByTestId('config-status')).toContainText('Created')
          }
          if (theme === 'dark') {
            await page.getByTestId('theme-select').click()
            await page.getByRole('option', { name: locale === 'en' ? 'Dark' : '深色' }).click()
            await expect(page.locator('html')).toHaveClass(/dark/)
          }
          await everyTab(page, `${locale}${theme === 'dark' ? '-dark' : ''}`)
          if (locale === 'zh-CN' && theme === 'light') {
            await page.getByTestId('problem-counts').click()
            await expect(page.getByTestId('all-problems')).toBeVisible()
          }
        } finally {
          await stopSeededHarness(h)
        }
      })
    }
  }
})
