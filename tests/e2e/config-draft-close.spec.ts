import { test, expect } from '@playwright/test'
import { inputOf, setLocale } from './helpers'
import { invoke, mainAccountSeed, openConfig, startSeededHarness, stopSeededHarness } from './config-fixtures'
import type { DraftView } from '../../shared/ipc/channels/workspaces'

type Seeded = Awaited<ReturnType<typeof startSeededHarness>>
let h: Seeded

/**
 * D1 (saved at every edit) when the window is closed at once: the save waits a moment after an edit (and for the
 * page to be idle), so an edit made just before the window closes is saved as the page goes (pagehide), not lost.
 * Both an edit of a field and one inside the member list (told to the draft, issue 17), in both languages.
 */
test.describe('workspace configuration: an edit survives the window closed at once [D1]', () => {
  test.beforeEach(async () => {
    h = await startSeededHarness(mainAccountSeed())
  })
  test.afterEach(async () => {
    await stopSeededHarness(h)
  })

  for (const locale of ['zh-CN', 'en'] as const) {
    test(`D1: a description typed and a role removed, then the page closed at once, are there after reopening (${locale})`, async ({
      page,
      context,
    }) => {
      await openConfig(page, h, 'p1:ws-1', 'members')
      if (locale === 'en') await setLocale(page, 'en')
      const removeGuest = page.getByTestId('role-remove-300-PAI.WorkspaceGuest')
      await expect(removeGuest).toBeEnabled()
      await removeGuest.click()
      await expect(page.getByTestId('role-300-PAI.WorkspaceGuest')).toHaveCount(0)
      await page.getByTestId('tab-basic').click()
      const typed = `closed at once (${locale})`
      await inputOf(page, 'basic-description').fill(typed)
      // No wait for the save: the window goes now.
      await page.close()

      await expect
        .poll(async () => {
          const d = await invoke<DraftView>(h, 'drafts.open', { key: 'p1:ws-1' })
          return [d.config.basic.description, d.config.members.find((m) => m.userId === '300')?.roles]
        })
        .toEqual([typed, ['PAI.WorkspaceAdmin']])
      const again = await context.newPage()
      await openConfig(again, h, 'p1:ws-1', 'basic')
      await expect(inputOf(again, 'basic-description')).toHaveValue(typed)
      await again.getByTestId('tab-members').click()
      await expect(again.getByTestId('role-300-PAI.WorkspaceAdmin')).toBeVisible()
      await expect(again.getByTestId('role-300-PAI.WorkspaceGuest')).toHaveCount(0)
      await expect(again.getByTestId('save-state')).toHaveText(locale === 'en' ? 'Saved locally' : '已保存到本地')
    })
  }
})
