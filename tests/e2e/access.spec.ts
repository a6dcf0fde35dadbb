/// <reference lib="dom" />
import fs from 'node:fs'
import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import { expect, type Page } from '@playwright/test'
import { expectAccessible, inputOf, pick, shot } from './helpers'
import { addProfile, ALICE, BOB, openOverview, seed, test } from './access-support'

/** Needs the keychain: run inside dbus-run-session with gnome-keyring unlocked (see notes in the README). */

async function download(page: Page, testId: string): Promise<string> {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()])
  const file = await dl.path()
  expect(file).toBeTruthy()
  return file!
}

test.describe('访问权限总览 (access overview) against the emulator', () => {
  test('M6: find every workspace of a user, export, offboard with the owner refused, apply, see it after refresh', async ({
    page,
    harness,
    emulator,
  }) => {
    test.setTimeout(180_000)
    await seed(emulator)
    await page.goto(harness.url)
    await addProfile(page, emulator)

    await page.getByTestId('nav-/access').click()
    await page.getByTestId('access-refresh').click()
    await expect(page.getByTestId('access-refresh')).not.toHaveClass(/is-loading/)
    await expect(page.getByTestId('access-counts')).toContainText('3 个用户,6 个成员关系,3 个工作空间')
    await inputOf(page, 'access-filter-user').fill('alice')
    await expect(page.getByTestId('access-counts')).toContainText('1 个用户,3 个成员关系')
    // the fixed user column is a table of its own: count the distinct users shown
    const shown = (): Promise<string[]> =>
      page.$$eval('[data-testid="access-row"]', (rows) => [
        ...new Set(rows.map((r) => r.getAttribute('data-user') ?? '')),
      ])
    await expect.poll(shown).toEqual([ALICE])
    await expect(page.getByTestId('access-owner')).toHaveCount(1)
    await expectAccessible(page, 'access overview')
    await shot(page, 'access-zh-CN')

    // The exports of the filtered view, read back with the libraries that wrote them.
    const csv = parse(fs.readFileSync(await download(page, 'access-export-csv'), 'utf8'), { bom: true }) as string[][]
    expect(csv[0]).toEqual([
      '用户',
      'UserId',
      '工作空间',
      '工作空间ID',
      '账号配置',
      '地域',
      '角色',
      '负责人',
      '最近刷新',
    ])
    expect(
      csv
        .slice(1)
        .map((r) => `${r[1]}/${r[2]}/${r[7]}`)
        .sort(),
    ).toEqual([`${ALICE}/fraud_model/yes`, `${ALICE}/lab_vision/`, `${ALICE}/rec_sys/`])
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(await download(page, 'access-export-xlsx'))
    const sheet = book.worksheets[0]!
    expect(sheet.rowCount).toBe(4)
    const roles = [2, 3, 4].map((i) => `${sheet.getRow(i).getCell(3).text}:${sheet.getRow(i).getCell(7).text}`).sort()
    expect(roles).toEqual([
      'fraud_model:PAI.WorkspaceOwner',
      'lab_vision:PAI.AlgoDeveloper',
      'rec_sys:PAI.WorkspaceAdmin',
    ])

    // The user's page, then offboarding as one plan across workspaces.
    await page.getByTestId('access-user').first().click()
    await expect(page.getByTestId('access-membership')).toHaveCount(3)
    await expect(page.getByTestId('access-membership-owner')).toHaveCount(1)
    await page.getByTestId('access-offboard').click()
    const plan = page.getByTestId('access-plan')
    await expect(plan.getByTestId('access-plan-counts')).toContainText('将执行 2 项,拒绝 1 项')
    const owner = plan.getByTestId('access-plan-part').filter({ hasText: 'fraud_model' })
    await expect(owner.getByTestId('access-plan-rule')).toHaveText('M6')
    await expect(owner.getByTestId('access-plan-instead')).toContainText('负责人')
    await expect(plan.getByTestId('access-plan-apply')).toHaveCount(2)
    await shot(page, 'access-plan-zh-CN')
    await plan.getByTestId('access-plan-close').click()

    // The same change waits on 待同步变更 as one combined plan: one Apply across both workspaces.
    await page.getByTestId('nav-/pending').click()
    await page.getByTestId('pending-bulk-change').filter({ hasText: '离职处理' }).click()
    const again = page.getByTestId('access-plan')
    await expect(again.getByTestId('access-plan-counts')).toContainText('将执行 2 项,拒绝 1 项')
    await again.getByTestId('access-apply').click()
    await expect(again.getByTestId('access-progress')).toContainText('已完成:2/2,失败 0', { timeout: 90_000 })
    await again.getByTestId('access-plan-close').click()
    await expect(page.getByTestId('pending-bulk-change')).toHaveCount(0)
    await page.getByTestId('nav-/access').click()

    // After a refresh the overview shows Alice only where she is the owner.
    await page.getByTestId('access-refresh').click()
    await expect(page.getByTestId('access-refresh')).not.toHaveClass(/is-loading/)
    await expect(page.getByTestId('access-counts')).toContainText('1 个用户,1 个成员关系')

    // A cell opens that workspace's member tab.
    await page.getByTestId('access-cell').first().click()
    await expect(page).toHaveURL(/#\/workspaces\/[^?]+\?tab=members/)
  })

  test('a filter that matches nothing says so, with zero counts', async ({ page, harness, emulator }) => {
    await openOverview(page, harness.url, emulator)
    await inputOf(page, 'access-filter-user').fill('nobody-at-all')
    await expect(page.getByTestId('access-empty')).toBeVisible()
    await expect(page.getByTestId('access-counts')).toContainText('0 个用户')
    // The number filters say what they count (issue 18: units on every number field).
    await expect(page.getByTestId('access-filter-min-workspaces-unit')).toHaveText('个工作空间中')
    await expect(page.getByTestId('access-filter-not-refreshed-unit')).toHaveText('天未刷新')
  })

  test('en: the counts say "1 user", "3 workspaces" (English plurals, issue 18); the number filters have units', async ({
    page,
    harness,
    emulator,
  }) => {
    await openOverview(page, harness.url, emulator, 'en')
    await expect(page.getByTestId('access-counts')).toContainText('3 workspaces')
    await inputOf(page, 'access-filter-user').fill('bob')
    await expect(page.getByTestId('access-counts')).toHaveText(/^1 user, \d+ membership/)
    await expect(page.getByTestId('access-counts')).not.toContainText('users')
    await expect(page.getByTestId('access-filter-min-workspaces-unit')).toHaveText('workspaces')
    await expect(page.getByTestId('access-filter-not-refreshed-unit')).toHaveText('days')
  })

  test('a bulk grant chosen in the dialog is planned, then discarded: its draft goes, nothing waits on 待同步变更', async ({
    page,
    harness,
    emulator,
  }) => {
    await openOverview(page, harness.url, emulator)
    await expect(page.getByTestId('access-counts')).toContainText('3 个工作空间')

    // From Bob's page: grant him 访客 in lab_vision.
    await inputOf(page, 'access-filter-user').fill('bob')
    await expect(page.getByTestId('access-counts')).toContainText('1 个用户')
    await page.getByTestId('access-user').first().click()
    await page.getByTestId('access-change-roles').click()
    const dialog = page.getByTestId('access-bulk')
    await expect(dialog.getByTestId('access-bulk-users')).toContainText(BOB)
    await expect(dialog.getByTestId('access-bulk-submit')).toBeDisabled()
    await pick(page, 'access-bulk-roles', '访客')
    await page.keyboard.press('Escape')
    await pick(page, 'access-bulk-workspaces', /lab_vision/)
    await page.keyboard.press('Escape')
    await dialog.getByTestId('access-bulk-submit').click()
    const plan = page.getByTestId('access-plan')
    await expect(plan.getByTestId('access-plan-counts')).toContainText('将执行 1 项,拒绝 0 项')
    await expect(plan.getByTestId('access-plan-part')).toHaveCount(1)
    await expect(plan.getByTestId('access-plan-part')).toContainText('lab_vision')

    // Discard: asked first; cancelling keeps it, confirming removes its draft.
    await plan.getByTestId('access-discard').click()
    await page.getByRole('dialog', { name: '放弃此变更' }).getByRole('button', { name: '关闭', exact: true }).click()
    await expect(plan).toBeVisible()
    await plan.getByTestId('access-discard').click()
    await page
      .getByRole('dialog', { name: '放弃此变更' })
      .getByRole('button', { name: '放弃此变更', exact: true })
      .click()
    await expect(plan).toBeHidden()
    await page.getByTestId('nav-/pending').click()
    await expect(page.getByTestId('pending-bulk-change')).toHaveCount(0)
    await expect(page.getByText('lab_vision')).toHaveCount(0)
  })
})
