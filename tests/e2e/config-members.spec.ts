import { test, expect } from '@playwright/test'
import {
  invoke,
  mainAccountSeed,
  openConfig,
  startSeededHarness,
  stopSeededHarness,
  waitSaved,
} from './config-fixtures'
import type { DraftView } from '../../shared/ipc/channels/workspaces'

type Seeded = Awaited<ReturnType<typeof startSeededHarness>>
let h: Seeded

test.describe('workspace configuration: members and roles', () => {
  test.beforeEach(async () => {
    h = await startSeededHarness(mainAccountSeed())
  })
  test.afterEach(async () => {
    await stopSeededHarness(h)
  })

  test('M5: the last role of a member cannot be removed, and the control says why before the user tries', async ({
    page,
  }) => {
    await openConfig(page, h, 'p1:ws-1', 'members')
    const only = page.getByTestId('role-remove-200-PAI.AlgoDeveloper')
    await expect(only).toBeDisabled()
    await expect(page.getByTestId('role-remove-reason-200-PAI.AlgoDeveloper')).toHaveAttribute(
      'title',
      /至少保留一个角色/,
    )
    await expect(page.getByTestId('role-200-PAI.AlgoDeveloper').getByTestId('rule-id')).toHaveText('M5')
    // bob has two roles: either may go, then the other is the last one.
    await expect(page.getByTestId('role-remove-300-PAI.WorkspaceGuest')).toBeEnabled()
    await page.getByTestId('role-remove-300-PAI.WorkspaceGuest').click()
    await expect(page.getByTestId('role-remove-300-PAI.WorkspaceAdmin')).toBeDisabled()
  })

  test('the member table is searched by name or UID; removing a found member removes that one', async ({ page }) => {
    await openConfig(page, h, 'p1:ws-1', 'members')
    const rows = page.getByTestId('member-table').locator('tbody tr')
    const search = page.locator('input[data-testid="member-search"], [data-testid="member-search"] input').first()
    await expect(rows).toHaveCount(3)
    await search.fill('BOB')
    await expect(rows).toHaveCount(1)
    await expect(page.getByTestId('member-300')).toBeVisible()
    await search.fill('20')
    await expect(rows).toHaveCount(1)
    await expect(page.getByTestId('member-200')).toBeVisible()
    // the button of the only row shown removes alice, not the first member of the draft
    await page.getByTestId('member-remove-200').click()
    await search.fill('')
    await expect(rows).toHaveCount(2)
    await expect(page.getByTestId('member-200')).toHaveCount(0)
    await waitSaved(page)
    const d = await invoke<DraftView>(h, 'drafts.open', { key: 'p1:ws-1' })
    expect(d.config.members.map((m) => m.userId)).toEqual(['100', '300'])
  })

  test('M6: the owner row and the owner role cannot be removed', async ({ page }) => {
    await openConfig(page, h, 'p1:ws-1', 'members')
    await expect(page.getByTestId('member-remove-100')).toBeDisabled()
    await expect(page.getByTestId('member-protected-100')).toContainText('负责人不可移除')
    await expect(page.getByTestId('member-protected-100').getByTestId('rule-id')).toHaveText('M6')
    await expect(page.getByTestId('role-remove-100-PAI.WorkspaceOwner')).toBeDisabled()
    await expect(page.getByTestId('role-100-PAI.WorkspaceOwner').getByTestId('rule-id')).toHaveText('M6')
    // Any other member can be removed.
    await expect(page.getByTestId('member-remove-200')).toBeEnabled()
  })

  test('M1: members get several roles one by one or from pasted CSV, with a per-line report', async ({ page }) => {
    await openConfig(page, h, 'p1:ws-1', 'members')
    await page.getByTestId('member-add-user-id').fill('400')
    await page.getByTestId('member-add-roles').click()
    await page.getByRole('option', { name: '算法开发' }).click()
    await page.getByRole('option', { name: '访客' }).click()
    await page.keyboard.press('Escape')
    await page.getByTestId('member-add-submit').click()
    await expect(page.getByTestId('member-roles-400')).toContainText('算法开发')
    await expect(page.getByTestId('member-roles-400')).toContainText('访客')

    await page
      .getByTestId('member-csv-text')
      .fill('userId,userName,roles\n500,erin,PAI.AlgoOperator|标注管理员\n600,PAI.WorkspaceOwner\n200,访客\n700,\n')
    await page.getByTestId('member-csv-import').click()
    const result = page.getByTestId('member-csv-result')
    await expect(result).toContainText('已添加 1 个,拒绝 3 个')
    await expect(page.getByTestId('csv-row-2')).toHaveAttribute('data-ok', 'true')
    await expect(page.getByTestId('csv-row-2')).toContainText('erin (500)')
    // The refused lines come first: they are what the user has to act on.
    await expect(result.locator('li').first()).toHaveAttribute('data-ok', 'false')
    await expect(result.locator('li').last()).toHaveAttribute('data-testid', 'csv-row-2')
    await expect(page.getByTestId('csv-row-3')).toContainText('不能授予负责人角色')
    await expect(page.getByTestId('csv-row-4')).toContainText('已是工作空间成员')
    await expect(page.getByTestId('csv-row-5')).toContainText('未填写角色')
    await expect(page.getByTestId('member-roles-500')).toContainText('算法运维')
    await expect(page.getByTestId('member-roles-500')).toContainText('标注管理员')
    // The same from a file: 从文件读取… opens a picker in the app's language and fills the box with the file.
    await expect(page.getByTestId('member-csv-file')).toHaveText('从文件读取…')
    const chooser = page.waitForEvent('filechooser')
    await page.getByTestId('member-csv-file').click()
    await (
      await chooser
    ).setFiles({
      name: 'members.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('userId,userName,roles\n800,frank,访客\n'),
    })
    await expect(page.getByTestId('member-csv-text')).toHaveValue('userId,userName,roles\n800,frank,访客\n')
    await page.getByTestId('member-csv-import').click()
    await expect(page.getByTestId('member-roles-800')).toContainText('访客')

    // M4: a custom role with a level per module.
    await page.getByTestId('custom-role-add').click()
    await page.getByTestId('perm-0-DLC-ReadWrite').check()
    await page.getByTestId('perm-0-DSW-FullAccess').check()
    await waitSaved(page)
    await page.screenshot({ path: 'tests/e2e/screenshots/config-members-zh-CN.png', fullPage: true })

    const saved = await invoke<DraftView>(h, 'drafts.open', { key: 'p1:ws-1' })
    expect(saved.config.members.find((m) => m.userId === '400')?.roles).toEqual([
      'PAI.AlgoDeveloper',
      'PAI.WorkspaceGuest',
    ])
    expect(saved.config.members.find((m) => m.userId === '500')?.roles).toEqual([
      'PAI.AlgoOperator',
      'PAI.LabelManager',
    ])
    expect(saved.config.customRoles[0]?.permissions).toEqual({ DLC: 'ReadWrite', DSW: 'FullAccess' })

    // M7: the role-to-permission-point table.
    await page.getByTestId('open-mapping').click()
    const dialog = page.getByRole('dialog')
    await expect(dialog).toContainText('角色与权限点的映射关系')
    await expect(dialog).toContainText('PaiDLC:CreateJob')
    await page.screenshot({ path: 'tests/e2e/screenshots/config-members-mapping-zh-CN.png' })
    await page.getByTestId('mapping-close').click()
  })
})
