/// <reference lib="dom" />
import AxeBuilder from '@axe-core/playwright'
import { expect, type Page } from '@playwright/test'

/** Fails on any serious or critical axe-core violation on the current page. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  // A lazily loaded screen brings its component CSS in separate files: let them apply before measuring colours.
  await page.evaluate(async () => {
    const links = [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')]
    await Promise.all(
      links.map((l) =>
        l.sheet ? Promise.resolve() : new Promise((r) => l.addEventListener('load', r, { once: true })),
      ),
    )
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 400)))
  })
  // No transition runs while axe measures: a toast fading out (or in) would have a partial opacity and so a
  // meaningless contrast. With transitions off, Vue shows or removes it at once.
  await page.addStyleTag({
    content: '*, *::before, *::after { transition: none !important; animation: none !important; }',
  })
  // A toast (ElMessage) measured mid fade-in has partial opacity and so a meaningless contrast: wait until
  // every toast is fully shown (or gone) before measuring.
  await page.waitForFunction(
    () => [...document.querySelectorAll('.el-message')].every((e) => getComputedStyle(e).opacity === '1'),
    undefined,
    { timeout: 5_000 },
  )
  const res = await new AxeBuilder({ page }).analyze()
  const bad = res.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  const summary = bad.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(' | ')}`,
  )
  expect(summary, `axe on ${label}`).toEqual([])
}

/** Saves a screenshot under tests/e2e/screenshots (git-ignored). */
export async function shot(page: Page, name: string): Promise<void> {
  // A toast ("Draft created") would cover the screen's header: wait until it has gone.
  await expect(page.locator('.el-message')).toHaveCount(0, { timeout: 10_000 })
  await page.screenshot({ path: `tests/e2e/screenshots/${name}.png`, fullPage: true })
}

/** Switches the UI language through the header select. */
export async function setLocale(page: Page, locale: 'zh-CN' | 'en'): Promise<void> {
  await page.getByTestId('locale-select').click()
  await page.getByRole('option', { name: locale === 'en' ? 'English' : '简体中文' }).click()
  await expect(page.getByTestId('brand')).toHaveText(locale === 'en' ? 'PAI Workspace Admin' : 'PAI 工作空间管理')
}

/** Goes to a route of the running app (hash history keeps the token in the first load only). */
export async function goto(page: Page, route: string): Promise<void> {
  await expect(page.getByTestId('brand')).toBeVisible()
  await page.evaluate((r) => (window.location.hash = r), route)
}

/** Picks an option of an Element Plus select. */
export async function pick(page: Page, testId: string, option: string | RegExp): Promise<void> {
  await page.getByTestId(testId).click()
  await page.getByRole('option', { name: option }).click()
}

/** The text input behind a data-testid, whether the id sits on the <input> or on its wrapper. */
export function inputOf(page: Page, testId: string) {
  return page
    .locator(`input[data-testid="${testId}"], textarea[data-testid="${testId}"], [data-testid="${testId}"] input`)
    .first()
}
