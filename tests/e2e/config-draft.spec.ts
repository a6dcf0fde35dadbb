import { test, expect } from './harness'
import { createDraft, invoke, newConfig, openConfig, waitSaved } from './config-fixtures'
import { setLocale, shot } from './helpers'
import type { DraftView } from '../../shared/ipc/channels/workspaces'

test.describe('workspace configuration: the draft itself', () => {
  test('D1: a save made elsewhere shows at once here when nothing here is unsaved (data.changed)', async ({
    page,
    harness,
  }) => {
    const d = await createDraft(harness, newConfig('ws_live'))
    await openConfig(page, harness, d.key)
    // Another window (here: a second tab of the same app) saves.
    const other = await page.context().newPage()
    await openConfig(other, harness, d.key)
    await other.getByTestId('basic-display-name').fill('from the other tab')
    await waitSaved(other)
    await expect(page.getByTestId('basic-display-name')).toHaveValue('from the other tab')
    await expect(page.getByTestId('draft-updated-elsewhere')).toBeVisible()
    // Editing here goes on from that revision: no conflict, both edits kept.
    await page.getByTestId('basic-description').fill('typed here')
    await waitSaved(page)
    await expect(page.getByTestId('draft-conflict')).toHaveCount(0)
    const saved = await invoke<DraftView>(harness, 'drafts.open', { key: d.key })
    expect(saved.config.basic).toMatchObject({ displayName: 'from the other tab', description: 'typed here' })
    await expect(other.getByTestId('basic-description')).toHaveValue('typed here')
    await other.close()
  })

  test("D1: an edit that lost the revision race to a second tab is merged with it: both tabs' changes kept", async ({
    page,
    harness,
  }) => {
    const d = await createDraft(harness, newConfig('ws_conflict'))
    // This tab hears no events, so it cannot know of the other save before its own (a slow or lost event).
    await page.route('**/api/events**', (route) => route.abort())
    await openConfig(page, harness, d.key)
    const other = await page.context().newPage()
    await openConfig(other, harness, d.key)
    await other.getByTestId('basic-display-name').fill('from the other tab')
    await waitSaved(other)
    await page.getByTestId('basic-description').fill('typed here')
    await expect(page.getByTestId('draft-conflict')).toBeVisible()
    // The screen shows the other save, and offers the lost edit back: nothing both changed, so no choice to make.
    await expect(page.getByTestId('basic-display-name')).toHaveValue('from the other tab')
    await expect(page.getByTestId('basic-description')).not.toHaveValue('typed here')
    await expect(page.getByTestId('draft-merge-conflict')).toHaveCount(0)
    await page.getByTestId('draft-reapply').click()
    await expect(page.getByTestId('basic-description')).toHaveValue('typed here')
    await expect(page.getByTestId('basic-display-name')).toHaveValue('from the other tab')
    await waitSaved(page)
    await expect(page.getByTestId('draft-conflict')).toHaveCount(0)
    const saved = await invoke<DraftView>(harness, 'drafts.open', { key: d.key })
    expect(saved.config.basic).toMatchObject({ displayName: 'from the other tab', description: 'typed here' })
    // The second tab hears the merged save.
    await expect(other.getByTestId('basic-description')).toHaveValue('typed here')
    await expect(other.getByTestId('basic-display-name')).toHaveValue('from the other tab')
    await other.close()
  })

  for (const locale of ['zh-CN', 'en'] as const) {
    test(`D1: a field both tabs changed is shown with both values for the user to choose (${locale})`, async ({
      page,
      harness,
    }) => {
      const d = await createDraft(harness, newConfig(`ws_both_${locale === 'en' ? 'en' : 'zh'}`))
      await page.route('**/api/events**', (route) => route.abort())
      await openConfig(page, harness, d.key)
      if (locale === 'en') await setLocale(page, 'en')
      const other = await page.context().newPage()
      await openConfig(other, harness, d.key)
      await other.getByTestId('basic-display-name').fill('Theirs')
      await other.getByTestId('basic-description').fill('described there')
      await waitSaved(other)
      await page.getByTestId('basic-display-name').fill('Mine')
      await expect(page.getByTestId('draft-conflict')).toBeVisible()
      const row = page.getByTestId('draft-merge-conflict')
      await expect(row).toHaveCount(1)
      const [mine, theirs] = locale === 'en' ? ['Mine:', 'The other version:'] : ['我的修改:', '另一处的版本:']
      const field = locale === 'en' ? 'display name' : '显示名称'
      await expect(row.getByTestId('draft-choose-mine')).toContainText(mine)
      await expect(row.getByTestId('draft-choose-mine')).toContainText(field)
      await expect(row.getByTestId('draft-choose-mine')).toContainText('Mine')
      await expect(row.getByTestId('draft-choose-theirs')).toContainText(theirs)
      await expect(row.getByTestId('draft-choose-theirs')).toContainText('Theirs')
      await shot(page, `draft-conflict-${locale}`)
      // Nothing applies until the user chose.
      await expect(page.getByTestId('draft-reapply')).toBeDisabled()
      await row.getByTestId('draft-choose-mine').click()
      await page.getByTestId('draft-reapply').click()
      await expect(page.getByTestId('basic-display-name')).toHaveValue('Mine')
      await expect(page.getByTestId('basic-description')).toHaveValue('described there')
      await waitSaved(page)
      const saved = await invoke<DraftView>(harness, 'drafts.open', { key: d.key })
      expect(saved.config.basic).toMatchObject({ displayName: 'Mine', description: 'described there' })
      await other.close()
    })
  }

  test('the header leads to the plan, and discarding the draft removes it', async ({ page, harness }) => {
    const d = await createDraft(harness, newConfig('ws_discard'))
    await openConfig(page, harness, d.key)
    await page.getByTestId('view-plan').click()
    await expect.poll(() => decodeURIComponent(new URL(page.url()).hash)).toBe(`#/pending?key=${d.key}`)
    await page.goBack()
    await page.getByTestId('config-header').waitFor()
    await page.getByTestId('discard-draft').click()
    await page.getByRole('button', { name: '放弃', exact: true }).click()
    await expect(page).toHaveURL(/#\/workspaces$/)
    const list = await invoke<{ rows: { key: string }[] }>(harness, 'workspaces.list', { profileId: null })
    expect(list.rows.map((r) => r.key)).not.toContain(d.key)
  })
})
