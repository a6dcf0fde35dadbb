import { test, expect } from './harness'
import { createDraft, invoke, newConfig, openConfig, waitSaved } from './config-fixtures'
import type { DraftView } from '../../shared/ipc/channels/workspaces'

test.describe('workspace configuration: the draft itself', () => {
  test('D1: a draft changed elsewhere is reloaded (revision check) and the user is told', async ({ page, harness }) => {
    const d = await createDraft(harness, newConfig('ws_conflict'))
    await openConfig(page, harness, d.key)
    // Another window saves first, from the same revision the screen holds.
    const other = await invoke<DraftView>(harness, 'drafts.save', {
      key: d.key,
      revision: d.revision,
      config: { ...d.config, basic: { ...d.config.basic, displayName: 'from elsewhere' } },
    })
    expect(other.revision).toBeGreaterThan(d.revision)
    await page.getByTestId('basic-description').fill('typed here')
    await expect(page.getByTestId('draft-conflict')).toBeVisible()
    // The screen now shows the other save and edits from its revision.
    await expect(page.getByTestId('basic-display-name')).toHaveValue('from elsewhere')
    await page.getByTestId('basic-description').fill('typed again')
    await waitSaved(page)
    const saved = await invoke<DraftView>(harness, 'drafts.open', { key: d.key })
    expect(saved.config.basic).toMatchObject({ displayName: 'from elsewhere', description: 'typed again' })
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
