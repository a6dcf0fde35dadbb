import { test, expect } from './harness'
import { createDraft, invoke, newConfig, openConfig } from './config-fixtures'
import { goto, inputOf } from './helpers'
import type { Page } from '@playwright/test'

/**
 * Issue 18, "units on every number field": every number input of the configuration screen and the wizard says
 * what it counts (分钟 / minutes, 级 / level, 个 / GPUs, 个通知对象 / targets), in both languages.
 */

/** Each visible number input with the unit beside it ('' when it has none). */
async function unitsOf(page: Page): Promise<{ input: string; unit: string }[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('.el-input-number'))
      .filter((el) => el.getClientRects().length > 0)
      .map((el) => {
        const box = el.closest('.optional-number') ?? el.parentElement!
        return {
          input: el.querySelector('input')?.getAttribute('aria-label') ?? el.getAttribute('data-testid') ?? '?',
          unit: (box.querySelector('.unit') as HTMLElement | null)?.innerText.trim() ?? '',
        }
      }),
  )
}

const L = {
  'zh-CN': { minutes: '分钟', priority: '级(1-9)', gpus: '个', targets: '个通知对象' },
  en: { minutes: 'minutes', priority: 'level (1-9)', gpus: 'GPUs', targets: 'targets' },
} as const

for (const locale of ['zh-CN', 'en'] as const) {
  test(`every number field of the configuration screen and the wizard shows its unit (${locale})`, async ({
    page,
    harness,
  }) => {
    const u = L[locale]
    await invoke(harness, 'settings.update', { locale })
    const d = await createDraft(harness, newConfig(`ws_units_${locale === 'en' ? 'en' : 'zh'}`))
    await openConfig(page, harness, d.key, 'scheduling')
    await page.getByTestId('timeout-add').click()
    await page.getByTestId('jobPriorityLimits-add').click()
    await page.getByTestId('instancePriorityLimits-add').click()
    const scheduling = await unitsOf(page)
    expect(scheduling.length).toBe(7)
    expect(scheduling.filter((x) => x.unit === '')).toEqual([])
    expect(scheduling.map((x) => x.unit).sort()).toEqual(
      [u.minutes, u.minutes, u.minutes, u.priority, u.priority, u.priority, u.priority].sort(),
    )

    await page.getByTestId('tab-notifications').click()
    expect(await unitsOf(page)).toEqual([expect.objectContaining({ unit: u.targets })])

    await page.getByTestId('tab-resources').click()
    await expect(page.getByTestId('resource-add')).toBeVisible()
    const resources = await unitsOf(page)
    expect(resources.length).toBeGreaterThan(0)
    expect(resources.filter((x) => x.unit !== u.gpus)).toEqual([])

    await goto(page, '/workspaces/new')
    await inputOf(page, 'wiz-name').fill('units_check')
    await inputOf(page, 'wiz-description').fill('checked by the e2e test')
    await page.getByTestId('wiz-next').click()
    await page.getByTestId('wiz-next').click()
    await inputOf(page, 'wiz-storage').fill('oss://e2e-bucket/pai/')
    await page.getByTestId('wiz-next').click()
    await page.getByTestId('wiz-add-resource').click()
    await expect(page.getByTestId('wiz-resource-gpu-unit')).toHaveText(u.gpus)
    expect((await unitsOf(page)).filter((x) => x.unit !== u.gpus)).toEqual([])
  })
}
