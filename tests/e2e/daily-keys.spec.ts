// Issue 18, "First contact and daily use": the keyboard, a 1024×700 window, the wizard's "start over" and
// profile switch, a deleted profile's test result.
import { createDraft, invoke, newConfig, openConfig } from './config-fixtures'
import { EMULATOR_ACCOUNTS, emulatorTest, expect, test } from './harness'
import { goto, inputOf, setLocale } from './helpers'

const LOCALES = [
  {
    locale: 'zh-CN',
    activity: '操作记录',
    create: '新建工作空间',
    startOver: '重新开始',
    modes: ['简易模式(仅生产环境)', '标准模式(开发环境与生产环境)'],
  },
  {
    locale: 'en',
    activity: 'Activity log',
    create: 'Create workspace',
    startOver: 'Start over',
    modes: ['Simple (production only)', 'Standard (development and production)'],
  },
] as const

for (const l of LOCALES) {
  test(`${l.locale}: the side navigation is in the Tab order and a route change moves the focus to the new content`, async ({
    page,
    harness,
  }) => {
    await page.goto(harness.url)
    if (l.locale === 'en') await setLocale(page, 'en')
    await goto(page, '/')
    const links = page.getByTestId('side-nav').getByRole('link')
    await expect(links).toHaveCount(8)
    await expect(page.getByTestId('side-nav').locator('[tabindex="-1"]')).toHaveCount(0)
    // Tab from the top of the page reaches the activity log's link; Enter opens it.
    await page.locator('body').focus()
    let reached = false
    for (let i = 0; i < 15 && !reached; i++) {
      await page.keyboard.press('Tab')
      reached = await page.getByTestId('nav-/activity').evaluate((el) => el === document.activeElement)
    }
    expect(reached, 'Tab reaches the activity link').toBe(true)
    await page.keyboard.press('Enter')
    await expect(page).toHaveURL(/#\/activity/)
    await expect(page.getByTestId('nav-/activity')).toHaveAttribute('aria-current', 'page')
    const title = page.getByTestId('page-title')
    await expect(title).toHaveText(l.activity)
    await expect(title).toBeFocused()

    // The wizard: the next step's first field has the focus; "start over" empties the form.
    await goto(page, '/workspaces/new')
    await expect(title).toHaveText(l.create)
    await inputOf(page, 'wiz-name').fill('half_done')
    await inputOf(page, 'wiz-description').fill('started, not finished')
    await page.getByTestId('wiz-next').click()
    await expect(page.getByTestId('wiz-blocked')).toHaveCount(0)
    await expect
      .poll(() => page.getByTestId('wiz-step-body').evaluate((el) => el.contains(document.activeElement)))
      .toBe(true)
    await page.getByTestId('wiz-start-over').click()
    await expect(page.getByTestId('wiz-start-over')).toHaveText(l.startOver)
    await expect(inputOf(page, 'wiz-name')).toHaveValue('')
  })
}

for (const l of LOCALES) {
  test(`${l.locale}: a half-finished wizard form does not follow a profile switch`, async ({ page, harness }) => {
    await invoke(harness, 'profiles.add', { name: 'one', region: 'cn-hangzhou', accessKeyId: 'LTAIone' })
    await invoke(harness, 'profiles.add', { name: 'two', region: 'cn-hangzhou', accessKeyId: 'LTAItwo' })
    await page.goto(harness.url)
    if (l.locale === 'en') await setLocale(page, 'en')
    await goto(page, '/workspaces/new')
    await inputOf(page, 'wiz-name').fill('for_profile_one')
    // Back in the wizard under the same profile, the form is still there.
    await goto(page, '/profiles')
    await goto(page, '/workspaces/new')
    await expect(inputOf(page, 'wiz-name')).toHaveValue('for_profile_one')
    await goto(page, '/profiles')
    await page.getByTestId('profile-actions-two').getByTestId('profile-set-active').click()
    await expect(page.getByTestId('active-profile')).toContainText('two')
    await goto(page, '/workspaces/new')
    await expect(inputOf(page, 'wiz-name')).toHaveValue('')
  })
}

for (const l of LOCALES) {
  emulatorTest(
    `${l.locale}: at 1024×700 the sidebar folds and every profile action is on screen; a deleted profile's test result goes`,
    async ({ page, harness, emulator }) => {
      await page.setViewportSize({ width: 1024, height: 700 })
      await invoke(harness, 'profiles.add', {
        name: 'emu',
        region: 'cn-hangzhou',
        endpoint: emulator.endpoint,
        protocol: 'http',
        accessKeyId: EMULATOR_ACCOUNTS.main.accessKeyId,
        accessKeySecret: EMULATOR_ACCOUNTS.main.accessKeySecret,
      })
      await invoke(harness, 'profiles.add', { name: 'other', region: 'cn-shanghai', accessKeyId: 'LTAIother' })
      await page.goto(harness.url)
      if (l.locale === 'en') await setLocale(page, 'en')
      // Folded at this width; the toggle unfolds and folds it again.
      const toggle = page.getByTestId('nav-toggle')
      await expect(toggle).toHaveAttribute('aria-expanded', 'false')
      await expect(page.getByTestId('side-nav')).toHaveCount(0)
      await toggle.click()
      await expect(page.getByTestId('side-nav')).toBeVisible()
      await toggle.click()
      await expect(page.getByTestId('side-nav')).toHaveCount(0)

      await goto(page, '/profiles')
      for (const name of ['emu', 'other'])
        for (const id of ['profile-set-active', 'profile-test', 'profile-edit', 'profile-remove']) {
          const b = page.getByTestId(`profile-actions-${name}`).getByTestId(id)
          await expect(b).toBeVisible()
          const box = (await b.boundingBox())!
          expect(box.x + box.width, `${name} ${id} inside the window`).toBeLessThanOrEqual(1024)
          expect(box.x, `${name} ${id} inside the window`).toBeGreaterThanOrEqual(0)
        }
      // The test result of a profile disappears with the profile.
      await page.getByTestId('profile-actions-emu').getByTestId('profile-test').click()
      const result = page.getByTestId('profile-test-result')
      await expect(result).toBeVisible({ timeout: 30_000 })
      await page.getByTestId('profile-actions-emu').getByTestId('profile-remove').click()
      await page
        .getByRole('dialog')
        .getByRole('button', { name: l.locale === 'en' ? 'Delete' : '删除', exact: true })
        .click()
      await expect(page.getByTestId('profile-row-emu')).toHaveCount(0)
      await expect(result).toHaveCount(0)
    },
  )
}

for (const l of LOCALES) {
  test(`${l.locale}: the wizard and the configuration page name the modes alike`, async ({ page, harness }) => {
    await invoke(harness, 'settings.update', { locale: l.locale })
    const d = await createDraft(harness, newConfig('ws_modes'))
    await openConfig(page, harness, d.key, 'basic')
    await expect(page.getByTestId('basic-mode').getByRole('radio')).toHaveCount(2)
    const labels = page.getByTestId('basic-mode').locator('.el-radio')
    await expect(labels).toHaveText([...l.modes])
    await goto(page, '/workspaces/new')
    await expect(page.getByTestId('wiz-mode-simple')).toHaveText(l.modes[0])
    await expect(page.getByTestId('wiz-mode-standard')).toHaveText(l.modes[1])
  })
}

for (const l of [
  { locale: 'zh-CN', minutes: '分钟' },
  { locale: 'en', minutes: 'minutes' },
] as const) {
  test(`${l.locale}: number fields of durations show their unit (${l.minutes})`, async ({ page, harness }) => {
    await invoke(harness, 'settings.update', { locale: l.locale })
    const d = await createDraft(harness, newConfig('ws_units'))
    await openConfig(page, harness, d.key, 'scheduling')
    await page.getByTestId('timeout-add').click()
    // The timeout row has no visible label of its own: the unit after the input says what the number counts.
    for (const id of ['sched-max-runtime', 'sched-nm-runtime', 'timeout-minutes-0'])
      await expect(page.getByTestId(`${id}-unit`)).toHaveText(l.minutes)
  })
}
