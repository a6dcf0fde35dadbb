import { test as base, expect, type Page } from '@playwright/test'
import { seedDataDir, startHarness, stopHarness, type RunningHarness } from './harness'
import { goto, inputOf, setLocale } from './helpers'

/**
 * Issue 18: no truncated labels, in English above all (its words are longer than the Chinese ones). At 1024×700
 * and at the default size, in both languages, every main screen (and every tab of a draft) is walked, and any
 * visible label, button, tab, table header or form label whose text is wider than its box fails the test.
 */
const test = base.extend<{ harness: RunningHarness }>({
  harness: async ({}, use) => {
    const { dataDir } = seedDataDir({ workspaces: 5, drafts: 2, planCases: true })
    const h = await startHarness([], {}, dataDir)
    await use(h)
    await stopHarness(h)
  },
})

const ROUTES = [
  { route: '/workspaces', ready: 'ws-row' },
  { route: '/workspaces/new', ready: 'wizard' },
  { route: '/pending', ready: 'pending-draft' },
  { route: '/access', ready: 'access-filters' },
  { route: '/activity', ready: 'activity-table' },
  { route: '/profiles', ready: 'profiles-table' },
  { route: '/import-export', ready: 'bundle-export' },
  { route: '/diagnostics', ready: 'ping' },
] as const
const TABS = ['basic', 'resources', 'members', 'scheduling', 'notifications', 'storage', 'sls', 'switches']

const LABELS = [
  'label',
  'button',
  '[role="tab"]',
  'th',
  '.el-form-item__label',
  '.el-table__header .cell',
  '.el-radio__label',
  '.el-checkbox__label',
  '.el-menu-item',
  '.el-tag__content',
  '.el-descriptions__label',
  '.el-step__title',
].join(', ')

/**
 * Every visible label-like element whose content is wider than its box (text cut off or spilling out), and any
 * element at all that cuts its text with an ellipsis. Answers the offenders and how many elements were measured.
 */
async function cutLabels(page: Page, where: string): Promise<{ cut: string[]; measured: number }> {
  await page.waitForTimeout(300) // transitions (the sidebar folding, tabs sliding) settle
  return page.evaluate(
    ({ sel, where }) => {
      const cut: string[] = []
      let measured = 0
      const labels = new Set(Array.from(document.querySelectorAll<HTMLElement>(sel)))
      for (const el of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
        const style = getComputedStyle(el)
        if (!labels.has(el) && style.textOverflow !== 'ellipsis') continue
        if (el.clientWidth === 0 || el.getClientRects().length === 0 || style.visibility === 'hidden') continue
        if (el.closest('[aria-hidden="true"]')) continue
        const text = (el.innerText || '').trim()
        if (!text) continue
        measured++
        if (el.scrollWidth > el.clientWidth + 1)
          cut.push(
            `${where}: "${text.slice(0, 60)}" <${el.tagName.toLowerCase()} class="${el.className}"> ${el.scrollWidth}>${el.clientWidth}`,
          )
      }
      return { cut, measured }
    },
    { sel: LABELS, where },
  )
}

for (const size of [{ width: 1024, height: 700 }, null] as const) {
  for (const locale of ['en', 'zh-CN'] as const) {
    const at = size ? `${size.width}x${size.height}` : 'default size'
    test(`no truncated label on any main screen: ${locale}, ${at}`, async ({ page, harness }) => {
      test.setTimeout(120_000)
      if (size) await page.setViewportSize(size)
      await page.goto(harness.url)
      await expect(page.getByTestId('brand')).toBeVisible()
      if (locale === 'en') await setLocale(page, 'en')
      const cut: string[] = []
      const check = async (where: string): Promise<void> => {
        const r = await cutLabels(page, where)
        expect(r.measured, `labels measured on ${where}`).toBeGreaterThan(3)
        cut.push(...r.cut)
      }
      // The check itself can fail: a button too narrow for its words is found.
      await page.evaluate(() => {
        const b = document.createElement('button')
        b.id = 'cut-probe'
        b.style.cssText = 'width:40px;overflow:hidden;white-space:nowrap'
        b.textContent = 'Retry all failed operations'
        document.body.append(b)
      })
      expect((await cutLabels(page, 'probe')).cut.join()).toContain('Retry all failed')
      await page.evaluate(() => document.getElementById('cut-probe')?.remove())
      for (const r of ROUTES) {
        await goto(page, r.route)
        await expect(page.getByTestId(r.ready).first()).toBeVisible({ timeout: 15_000 })
        await check(r.route)
      }
      // Every step of the wizard, with a member and a resource added.
      await goto(page, '/workspaces/new')
      await inputOf(page, 'wiz-name').fill('cut_check')
      await inputOf(page, 'wiz-description').fill('checked by the e2e test')
      await check('wizard basic')
      await page.getByTestId('wiz-next').click()
      await page.getByTestId('wiz-add-member').click()
      await inputOf(page, 'wiz-member-uid').fill('2000000000000002')
      await check('wizard members')
      await page.getByTestId('wiz-next').click()
      await inputOf(page, 'wiz-storage').fill('oss://e2e-bucket/pai/')
      await check('wizard storage')
      await page.getByTestId('wiz-next').click()
      await page.getByTestId('wiz-add-resource').click()
      await inputOf(page, 'wiz-resource-name').fill('res_cut')
      await check('wizard resources')
      await page.getByTestId('wiz-next').click()
      await expect(page.getByTestId('wiz-confirm')).toBeVisible()
      await check('wizard confirm')
      // The plan of one draft, and every tab of a draft's configuration.
      await goto(page, '/workspaces')
      await page.getByTestId('ws-open').first().click()
      await page.getByTestId('config-header').waitFor()
      for (const tab of TABS) {
        await page.getByTestId(`tab-${tab}`).click()
        await check(`config ${tab}`)
      }
      await page.getByTestId('view-plan').click()
      await expect(page).toHaveURL(/#\/pending\?key=/)
      await page.waitForLoadState('networkidle')
      await check('plan')
      expect(cut).toEqual([])
    })
  }
}
