import { test as base, expect } from '@playwright/test'
import { test } from './harness'
import {
  createDraft,
  mainAccountSeed,
  newConfig,
  openConfig,
  startSeededHarness,
  stopSeededHarness,
  waitSaved,
  invoke,
} from './config-fixtures'
import type { DraftView } from '../../shared/ipc/channels/workspaces'

test.describe('workspace configuration: compute resources', () => {
  test('C1: a resource is associated per environment and a new one can be removed again', async ({ page, harness }) => {
    const d = await createDraft(harness, newConfig('ws_res'))
    await openConfig(page, harness, d.key, 'resources')
    await page.getByTestId('res-name').fill('my_general')
    await page.getByTestId('res-add').click()
    await expect(page.getByTestId('resources-prod')).toContainText('my_general')
    await expect(page.getByTestId('resource-remove-0')).toBeEnabled()
    await waitSaved(page)
    await page.screenshot({ path: 'tests/e2e/screenshots/config-resources-zh-CN.png', fullPage: true })
    const saved = await invoke<DraftView>(harness, 'drafts.open', { key: d.key })
    expect(saved.config.resources.map((r) => r.name)).toEqual(['my_general'])
    await page.getByTestId('resource-remove-0').click()
    await expect(page.getByTestId('resources-prod')).not.toContainText('my_general')
  })

  test('C3: a GPU spec on a MaxCompute resource is refused inline', async ({ page, harness }) => {
    const d = await createDraft(harness, newConfig('ws_c3'))
    await openConfig(page, harness, d.key, 'resources')
    await page.getByTestId('res-kind').click()
    await page.getByRole('option', { name: 'MaxCompute资源' }).click()
    await page.getByTestId('res-name').fill('mc_project')
    await page.getByTestId('res-gpu-type').fill('A10')
    await expect(page.getByTestId('problem-C3')).toBeVisible()
    await expect(page.getByTestId('res-add')).toBeDisabled()
    await page.getByTestId('res-gpu-type').fill('')
    await expect(page.getByTestId('problem-C3')).toHaveCount(0)
    await expect(page.getByTestId('res-add')).toBeEnabled()
  })
})

base.describe('workspace configuration: resources in the cloud', () => {
  base('C2: a resource that exists in the cloud has no remove action, with the reason', async ({ page }) => {
    const h = await startSeededHarness(mainAccountSeed())
    try {
      await openConfig(page, h, 'p1:ws-1', 'resources')
      const row = page.getByTestId('resources-prod')
      await expect(row).toContainText('rg_train')
      await expect(page.getByTestId('config-status')).toContainText('ENABLED')
      await expect(page.getByTestId('resource-remove-0')).toHaveCount(0)
      const reason = page.getByTestId('resource-no-remove-0')
      await expect(reason).toContainText('商务经理')
      await expect(reason.getByTestId('rule-id')).toHaveText('C2')
      // A resource added in the draft can still be removed before it is applied.
      await page.getByTestId('res-name').fill('extra_res')
      await page.getByTestId('res-add').click()
      await expect(page.getByTestId('resource-remove-1')).toBeVisible()
      await page.screenshot({ path: 'tests/e2e/screenshots/config-resources-c2-zh-CN.png', fullPage: true })
    } finally {
      await stopSeededHarness(h)
    }
  })
})
