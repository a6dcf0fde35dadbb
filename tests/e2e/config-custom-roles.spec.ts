import { test, expect } from './harness'
import { createDraft, newConfig, openConfig } from './config-fixtures'
import { setLocale } from './helpers'

/**
 * Issue 18: custom-role modules by their console names (成员与角色 / Members and roles), never the API's
 * `PaiWorkspace@@MemberRole`, in the custom-role grid and in the role-to-permission-point table (M4, M7).
 */
const NAMES = {
  'zh-CN': {
    'PaiWorkspace@@MemberRole': '成员与角色',
    'PaiWorkspace@@Workspace': '工作空间基本信息',
    Paiflow: '工作流',
    Dataset: '数据集',
  },
  en: {
    'PaiWorkspace@@MemberRole': 'Members and roles',
    'PaiWorkspace@@Workspace': 'Workspace information',
    Paiflow: 'Workflows',
    Dataset: 'Datasets',
  },
} as const

for (const locale of ['zh-CN', 'en'] as const) {
  test(`M4/M7: the custom-role grid and the permission table name modules as the console does (${locale})`, async ({
    page,
    harness,
  }) => {
    const d = await createDraft(
      harness,
      newConfig(`ws_roles_${locale === 'en' ? 'en' : 'zh'}`, {
        customRoles: [{ name: 'reviewers', permissions: { 'PaiWorkspace@@MemberRole': 'ReadOnly', DLC: 'ReadWrite' } }],
      }),
    )
    await openConfig(page, harness, d.key, 'members')
    if (locale === 'en') await setLocale(page, 'en')
    const grid = page.getByTestId('custom-role-0')
    const heads = grid.locator('tbody th[scope="row"]')
    await expect(heads.first()).toBeVisible()
    const shown = await heads.allInnerTexts()
    for (const [api, name] of Object.entries(NAMES[locale])) {
      expect(shown).toContain(name)
      // the API's name stays on hover
      await expect(grid.locator(`tbody th[title="${api}"]`)).toHaveText(name)
    }
    expect(shown.filter((s) => s.includes('@@') || /^Pai[A-Z]/.test(s))).toEqual([])
    // the level of the module set in the draft is checked on its console-named row
    const row = grid.locator('tbody tr', {
      has: page.locator('th', { hasText: NAMES[locale]['PaiWorkspace@@MemberRole'] }),
    })
    await expect(row.getByTestId('perm-0-PaiWorkspace@@MemberRole-ReadOnly')).toBeChecked()
    await expect(grid).not.toContainText('@@')

    await page.getByTestId('open-mapping').click()
    const dialog = page.getByTestId('role-permission-dialog')
    await page.getByTestId('mapping-filter').click()
    await page.getByRole('option', { name: 'reviewers', exact: true }).click()
    const table = dialog.getByTestId('mapping-table')
    await expect(table).toContainText(NAMES[locale]['PaiWorkspace@@MemberRole'])
    await expect(table.locator(`span[title="PaiWorkspace@@MemberRole"]`)).toHaveText(
      NAMES[locale]['PaiWorkspace@@MemberRole'],
    )
    const modules = await table.locator('.el-table__body tr td:nth-child(2)').allInnerTexts()
    expect(modules.length).toBeGreaterThan(0)
    expect(modules.filter((s) => s.includes('@@'))).toEqual([])
    await page.getByTestId('mapping-close').click()
  })
}
