import { test, expect } from './harness'
import { expectAccessible, goto, pick, shot } from './helpers'

test.describe('profiles [账号]', () => {
  test('add, edit, replace the secret, set active, and remove a profile; offline only works with none', async ({
    page,
    harness,
  }) => {
    await page.goto(harness.url)
    await goto(page, '/profiles')
    await expect(page.getByTestId('profiles-empty')).toBeVisible()
    await expect(page.getByTestId('active-profile')).toContainText('仅离线使用')

    await page.getByTestId('profile-add').click()
    const dialog = page.getByTestId('profile-dialog')
    await expect(dialog).toBeVisible()
    // Inline validation from the shared schema: a bad endpoint is flagged at once.
    await page.getByTestId('profile-endpoint').fill('http://bad')
    await expect(dialog).toContainText('Endpoint 格式为 host[:port]')
    await page.getByTestId('profile-endpoint').fill('127.0.0.1:9999')
    await expect(dialog).not.toContainText('Endpoint 格式为 host[:port]')
    await page.getByTestId('profile-name').fill('测试账号')
    await pick(page, 'profile-region', /华东2\(上海\)/)
    await page.getByTestId('profile-akid').fill('LTAI-e2e')
    await page.getByTestId('profile-secret').fill('s3cr3t-value')
    await expectAccessible(page, 'profile dialog')
    await shot(page, 'profiles-dialog-zh-CN')
    // Enter submits.
    await page.getByTestId('profile-akid').press('Enter')
    await expect(dialog).toBeHidden()

    const row = page.getByTestId('profiles-table')
    await expect(row).toContainText('测试账号')
    await expect(row).toContainText('华东2(上海)')
    await expect(row).toContainText('已保存')
    // The secret never reaches the page.
    await expect(page.locator('body')).not.toContainText('s3cr3t-value')

    // Set active: the status bar shows it.
    await page.getByTestId('profile-actions-测试账号').getByTestId('profile-set-active').click()
    await expect(page.getByTestId('active-profile')).toContainText('测试账号')
    await expect(page.getByTestId('profile-active-tag')).toBeVisible()
    await expectAccessible(page, 'profiles')
    await shot(page, 'profiles-zh-CN')

    // Edit: the secret shows only "saved", with replace and delete.
    await page.getByTestId('profile-actions-测试账号').getByTestId('profile-edit').click()
    await expect(page.getByTestId('profile-secret-status')).toHaveText('已保存')
    await page.getByTestId('profile-secret-replace').click()
    await page.getByTestId('profile-new-secret').fill('another-secret')
    await page.getByTestId('profile-secret-save').click()
    await expect(page.getByTestId('profile-secret-status')).toHaveText('已保存')
    await page.getByTestId('profile-secret-delete').click()
    await page.getByRole('button', { name: '删除' }).last().click()
    await expect(page.getByTestId('profile-secret-status')).toHaveText('未保存密钥')
    await page.getByTestId('profile-name').fill('改名账号')
    await page.getByTestId('profile-save').click()
    await expect(dialog).toBeHidden()
    await expect(page.getByTestId('profiles-table')).toContainText('改名账号')
    await expect(page.getByTestId('profiles-table')).toContainText('未保存')
    await expect(page.getByTestId('active-profile')).toContainText('改名账号')

    // Remove with confirmation: cancel keeps it, confirm removes it and the app goes offline only.
    await page.getByTestId('profile-actions-改名账号').getByTestId('profile-remove').click()
    await page.getByRole('button', { name: '取消' }).last().click()
    await expect(page.getByTestId('profiles-table')).toContainText('改名账号')
    await page.getByTestId('profile-actions-改名账号').getByTestId('profile-remove').click()
    await page.getByRole('button', { name: '删除' }).last().click()
    await expect(page.getByTestId('profiles-empty')).toBeVisible()
    await expect(page.getByTestId('active-profile')).toContainText('仅离线使用')
  })
})
