import fs from 'node:fs'
import { test as base, expect } from '@playwright/test'
import { seedDataDir, startHarness, stopHarness, type RunningHarness } from './harness'
import { goto, setLocale, shot } from './helpers'

/** Issue 18: the bundle import preview's differences read in the user's language, the raw path on hover only. */
const test = base.extend<{ harness: RunningHarness }>({
  harness: async ({}, use) => {
    const { dataDir } = seedDataDir({ workspaces: 20, drafts: 2 })
    const h = await startHarness([], {}, dataDir)
    await use(h)
    await stopHarness(h)
  },
})

test('D4: the import preview lists what changes in words, in zh-CN and in English', async ({ page, harness }) => {
  await page.goto(harness.url)
  await goto(page, '/import-export')
  await page.getByTestId('bundle-export-keys').click()
  await page.getByRole('option', { name: 'ws_00002' }).click()
  await page.keyboard.press('Escape')
  await page.getByTestId('bundle-export-run').click()
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('bundle-download').click()])
  const text = fs.readFileSync(await download.path(), 'utf8')
  const edited = text.replace(/^(\s+)description: .*$/m, '$1description: Edited in Git')
  expect(edited).not.toBe(text)
  const upload = () =>
    page
      .getByTestId('bundle-file')
      .setInputFiles({ name: 'ws.yaml', mimeType: 'application/yaml', buffer: Buffer.from(edited) })
  await upload()
  const row = page.getByTestId('bundle-draft-change').first()
  await expect(row).toHaveText(/^修改描述:.+ → Edited in Git$/)
  await expect(row).toHaveAttribute('title', 'basic.description')
  await expect(page.getByTestId('bundle-preview-result')).not.toContainText('basic.description')
  // The rule ID of a problem is on hover, not beside the message.
  await expect(page.getByTestId('bundle-problems').locator('li').first()).toHaveAttribute('title', /^规则 [A-Z]+\d+/)
  await expect(page.getByTestId('bundle-problems')).not.toContainText('ST1')
  await shot(page, 'import-preview-readable-zh-CN')
  await setLocale(page, 'en')
  await goto(page, '/import-export')
  await upload()
  await expect(page.getByTestId('bundle-draft-change').first()).toHaveText(/^change description: .+ → Edited in Git$/)
  await shot(page, 'import-preview-readable-en')
})
