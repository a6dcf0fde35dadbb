import { test, expect } from './harness'
import { createDraft, invoke, newConfig, openConfig, waitSaved } from './config-fixtures'
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

  test('D1: an edit that lost the revision race is offered back, never dropped', async ({ page, harness }) => {
    const d = await createDraft(harness, newConfig('ws_conflict'))
    // This tab hears no events, so it cannot know of the other save before its own (a slow or lost event).
    await page.route('**/api/events**', (route) => route.abort())
    await openConfig(page, harness, d.key)
    const other = await invoke<DraftView>(harness, 'drafts.save', {
      key: d.key,
      revision: d.revision,
      config: { ...d.config, basic: { ...d.config.basic, displayName: 'from elsewhere' } },
    })
    expect(other.revision).toBeGreaterThan(d.revision)
    await page.getByTestId('basic-description').fill('typed here')
    await expect(page.getByTestId('draft-conflict')).toBeVisible()
    // The screen shows the other save, and offers the lost edit back.
    await expect(page.getByTestId('basic-display-name')).toHaveValue('from elsewhere')
    await expect(page.getByTestId('basic-description')).not.toHaveValue('typed here')
    await page.getByTestId('draft-reapply').click()
    await expect(page.getByTestId('basic-description')).toHaveValue('typed here')
    await waitSaved(page)
    await expect(page.getByTestId('draft-conflict')).toHaveCount(0)
    const saved = await invoke<DraftView>(harness, 'drafts.open', { key: d.key })
    // "Apply my edit again" puts this tab's version on top: the user chose it, knowing the other existed.
    expect(saved.config.basic).toMatchObject({ description: 'typed here' })
    expect(saved.revision).toBeGreaterThan(other.revision)
  })

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
