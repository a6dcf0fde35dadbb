import fs from 'node:fs'
import { test as base, expect } from '@playwright/test'
import { seedDataDir, startHarness, stopHarness, type RunningHarness } from './harness'
import { expectAccessible, goto, inputOf, pick, setLocale, shot } from './helpers'

/** Every screen of renderer A, both languages, light and dark: no untranslated key, no serious axe violation. */
const test = base.extend<{ harness: RunningHarness }>({
  harness: async ({}, use) => {
    const { dataDir } = seedDataDir({ workspaces: 20, drafts: 2 })
    const h = await startHarness([], {}, dataDir)
    await use(h)
    await stopHarness(h)
  },
})

const ROUTES = [
  { route: '/workspaces', name: 'workspaces', ready: 'ws-row' },
  { route: '/workspaces/new', name: 'create', ready: 'wizard' },
  { route: '/pending', name: 'pending', ready: 'pending-draft' },
  { route: '/activity', name: 'activity', ready: 'activity-table' },
  { route: '/profiles', name: 'profiles', ready: 'profiles-table' },
  { route: '/import-export', name: 'import-export', ready: 'bundle-export' },
  { route: '/diagnostics', name: 'diagnostics', ready: 'ping' },
] as const

for (const locale of ['zh-CN', 'en'] as const) {
  for (const theme of ['light', 'dark'] as const) {
    test(`every screen in ${locale}, ${theme}: translated and accessible`, async ({ page, harness }) => {
      test.setTimeout(120_000)
      await page.goto(harness.url)
      await expect(page.getByTestId('brand')).toBeVisible()
      if (locale === 'en') await setLocale(page, 'en')
      await pick(
        page,
        'theme-select',
        theme === 'dark' ? (locale === 'en' ? 'Dark' : '深色') : locale === 'en' ? 'Light' : '浅色',
      )
      await expect(page.locator('html')).toHaveClass(theme === 'dark' ? /dark/ : /^(?!.*dark)/)
      for (const r of ROUTES) {
        await goto(page, r.route)
        await expect(page.getByTestId(r.ready).first()).toBeVisible({ timeout: 15_000 })
        await expect(page.locator('body')).not.toContainText('⟦')
        await expectAccessible(page, `${r.name} (${locale}, ${theme})`)
        await shot(page, `${r.name}-${locale}-${theme}`)
      }
      // A draft opened from the list: B's screen, checked here for untranslated keys only.
      await goto(page, '/workspaces')
      await page.getByTestId('ws-open').first().click()
      await expect(page).toHaveURL(/#\/workspaces\/[^/]+%3A/)
      await expect(page.locator('body')).not.toContainText('⟦')
    })
  }
}

test('D4: export a workspace as a bundle (Blob download), then preview and import it back as a draft', async ({
  page,
  harness,
}) => {
  await page.goto(harness.url)
  await goto(page, '/import-export')
  await page.getByTestId('bundle-export-keys').click()
  await page.getByRole('option', { name: 'ws_00002' }).click()
  await page.keyboard.press('Escape')
  // D2: an encrypted export asks for the passphrase twice; until both agree nothing is exported.
  await page.getByText('用口令加密后包含').click()
  await inputOf(page, 'bundle-export-passphrase').fill('correct horse')
  await inputOf(page, 'bundle-export-passphrase-confirm').fill('correct hose')
  await expect(page.getByText('两次输入的口令不一致')).toBeVisible()
  await expect(page.getByTestId('bundle-export-run')).toBeDisabled()
  await inputOf(page, 'bundle-export-passphrase-confirm').fill('correct horse')
  await expect(page.getByText('两次输入的口令不一致')).toHaveCount(0)
  await expect(page.getByTestId('bundle-export-run')).toBeEnabled()
  await page.getByText('仅钥匙串引用(不含密钥)').click()
  await page.getByTestId('bundle-export-run').click()
  await expect(page.getByTestId('bundle-exported')).toContainText('已导出 1 个工作空间')
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('bundle-download').click()])
  const file = await download.path()
  const text = fs.readFileSync(file, 'utf8')
  expect(text).toContain('ws_00002')

  // Import it back under a new name: the preview says a new draft is made, then the import makes it.
  const changed = text.replaceAll('ws_00002', 'ws_imported')
  await page
    .getByTestId('bundle-file')
    .setInputFiles({ name: 'ws_imported.yaml', mimeType: 'application/yaml', buffer: Buffer.from(changed) })
  await expect(page.getByTestId('bundle-preview-result')).toContainText('ws_imported')
  await expect(page.getByTestId('bundle-preview-result')).toContainText('新建草稿')
  await expectAccessible(page, 'import preview')
  await shot(page, 'import-preview-zh-CN')
  await page.getByTestId('bundle-import-run').click()
  await expect(page.getByTestId('bundle-imported')).toContainText('ws_imported')

  // A broken file is refused with its line and rule.
  await page
    .getByTestId('bundle-file')
    .setInputFiles({ name: 'broken.yaml', mimeType: 'application/yaml', buffer: Buffer.from('format: nope\n  : [\n') })
  await expect(page.getByTestId('bundle-problems')).toContainText('broken.yaml')
  await expect(page.getByTestId('bundle-import-run')).toBeDisabled()
})

test('D4: the import preview counts problems in the user\'s language ("1 error", "2 errors", "1 个错误")', async ({
  page,
  harness,
}) => {
  const m5 = fs.readFileSync('tests/fixtures/bundles/M5-member-no-role.yaml', 'utf8')
  const twice = m5.replace(
    '        - userId: "27001"\n          roles: []',
    '        - userId: "27001"\n          roles: []\n        - userId: "27002"\n          roles: []',
  )
  await page.goto(harness.url)
  await goto(page, '/import-export')
  const upload = (name: string, text: string) =>
    page.getByTestId('bundle-file').setInputFiles({ name, mimeType: 'application/yaml', buffer: Buffer.from(text) })
  // The file picker speaks the app's language, not the browser's ("Choose File / No file chosen").
  await expect(page.getByTestId('bundle-choose')).toHaveText('选择文件')
  await expect(page.getByTestId('bundle-file-name')).toHaveText('未选择文件')
  await expect(page.getByTestId('bundle-file')).toBeHidden()
  await upload('one.yaml', m5)
  await expect(page.getByTestId('bundle-file-name')).toHaveText('one.yaml')
  await expect(page.getByTestId('bundle-counts')).toHaveText(/1 个错误,\s*0 个警告/)
  await setLocale(page, 'en')
  await expect(page.getByTestId('bundle-choose')).toHaveText('Choose a file')
  // The button opens the picker (the browser's chooser event), the same file chosen again is read again.
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('bundle-choose').click()])
  await chooser.setFiles({ name: 'one-en.yaml', mimeType: 'application/yaml', buffer: Buffer.from(m5) })
  await expect(page.getByTestId('bundle-file-name')).toHaveText('one-en.yaml')
  await upload('one-en.yaml', m5)
  await expect(page.getByTestId('bundle-counts')).toHaveText(/^\s*1 error,\s*0 warnings\s*$/)
  await upload('two.yaml', twice)
  await expect(page.getByTestId('bundle-counts')).toHaveText(/^\s*2 errors,\s*0 warnings\s*$/)
  await expect(page.getByTestId('bundle-import-run')).toBeDisabled()
})
