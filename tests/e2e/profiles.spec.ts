import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { test, expect } from './harness'
import { expectAccessible, goto, pick, shot } from './helpers'
import { invoke } from './config-fixtures'
import { startEmulator } from '../../tools/emulator/index'
import { ADMIN_ROLE, arnOf, DEPLOYER, OTHER, ROLES, STS_ACCOUNTS } from '../integration/cloud/sts-fixtures'

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
    // An AccessKey profile is the default kind; public endpoints are listed until "custom" is chosen.
    await expect(page.getByTestId('profile-endpoint-preset')).toContainText('aiworkspace.cn-hangzhou.aliyuncs.com')
    await page.getByTestId('profile-endpoint-custom').click()
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

    // The first profile becomes the current one by itself: the status bar shows it.
    await expect(page.getByTestId('profile-actions-测试账号').getByTestId('profile-set-active')).toBeDisabled()
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
    // The save has answered once the new secret's field is gone (the status read 已保存 all along).
    await expect(page.getByTestId('profile-new-secret')).toHaveCount(0)
    await expect(page.getByTestId('profile-secret-status')).toHaveText('已保存')
    await page.getByTestId('profile-secret-delete').click()
    await page.getByRole('dialog', { name: '删除密钥' }).getByRole('button', { name: '删除', exact: true }).click()
    await expect(page.getByTestId('profile-secret-status')).toHaveText('未保存密钥')
    await page.getByTestId('profile-name').fill('改名账号')
    await page.getByTestId('profile-save').click()
    await expect(dialog).toBeHidden()
    await expect(page.getByTestId('profiles-table')).toContainText('改名账号')
    await expect(page.getByTestId('profiles-table')).toContainText('未保存')
    await expect(page.getByTestId('active-profile')).toContainText('改名账号')

    // Remove with confirmation: cancel keeps it, confirm removes it and the app goes offline only.
    const confirmRemove = page.getByRole('dialog', { name: '删除账号' })
    await page.getByTestId('profile-actions-改名账号').getByTestId('profile-remove').click()
    await confirmRemove.getByRole('button', { name: '取消', exact: true }).click()
    await expect(confirmRemove).toBeHidden()
    await expect(page.getByTestId('profiles-table')).toContainText('改名账号')
    await page.getByTestId('profile-actions-改名账号').getByTestId('profile-remove').click()
    await confirmRemove.getByRole('button', { name: '删除', exact: true }).click()
    await expect(page.getByTestId('profiles-empty')).toBeVisible()
    await expect(page.getByTestId('active-profile')).toContainText('仅离线使用')
  })

  test('a RAM role profile assumes a role from a source profile: who it is and when it expires; a wrong external ID says so', async ({
    page,
    harness,
  }) => {
    const emu = await startEmulator({ accounts: STS_ACCOUNTS, roles: ROLES })
    try {
      await invoke(harness, 'profiles.add', {
        name: 'deployer',
        region: 'cn-hangzhou',
        endpoint: emu.endpoint,
        protocol: 'http',
        accessKeyId: DEPLOYER.accessKeyId,
        accessKeySecret: DEPLOYER.accessKeySecret,
      })
      await page.goto(harness.url)
      await goto(page, '/profiles')
      await page.getByTestId('profile-add').click()
      await page.getByTestId('profile-name').fill('另一账号')
      await pick(page, 'profile-kind', 'RAM 角色(AssumeRole)')
      await expect(page.getByTestId('profile-kind-hint')).toContainText('临时凭证只保存在内存中')
      await pick(page, 'profile-source', 'deployer')
      // With a source profile, no AccessKey of its own is asked for.
      await expect(page.getByTestId('profile-akid')).toHaveCount(0)
      await page.getByTestId('profile-role-arn').fill('acs:ram::x:user/bob')
      await expect(page.getByTestId('profile-dialog')).toContainText('角色 ARN 格式为')
      await page.getByTestId('profile-role-arn').fill(arnOf(ADMIN_ROLE))
      await page.getByTestId('profile-external-id').fill('wrong-id')
      await page.getByTestId('profile-endpoint-custom').click()
      await page.getByTestId('profile-endpoint').fill(emu.endpoint)
      await page.getByTestId('profile-protocol').getByText('HTTP', { exact: true }).click()
      await expectAccessible(page, 'role profile dialog')
      await shot(page, 'profiles-role-dialog-zh-CN')
      await page.getByTestId('profile-save').click()
      await expect(page.getByTestId('profile-dialog')).toBeHidden()
      const actions = page.getByTestId('profile-actions-另一账号')
      // The wrong external ID: the trust policy refuses, and the message says what to check.
      await actions.getByTestId('profile-test').click()
      await expect(page.locator('body')).toContainText('外部 ID')
      await expect(page.getByTestId('profile-caller-另一账号')).toContainText('未测试')
      await actions.getByTestId('profile-edit').click()
      await page.getByTestId('profile-external-id').fill('ext-4711')
      await page.getByTestId('profile-save').click()
      await expect(page.getByTestId('profile-dialog')).toBeHidden()
      await actions.getByTestId('profile-test').click()
      await expect(page.getByTestId('profile-arn')).toContainText(`acs:ram::${OTHER.uid}:assumed-role/pai-admin/`)
      await expect(page.getByTestId('profile-expires')).toBeVisible()
      await expect(page.getByTestId('profile-caller-另一账号')).toContainText('AssumedRoleUser')
      await expect(page.getByTestId('profile-expiry-另一账号')).toContainText('到期')
      await expect(page.getByTestId('profiles-table')).toContainText('无需密钥')
      // No secret, and no temporary credential, ever reaches the page.
      const body = (await page.locator('body').innerText()) + (await page.content())
      for (const a of emu.core.sts.issued()) {
        expect(body).not.toContain(a.accessKeySecret)
        expect(body).not.toContain(a.session!.securityToken)
      }
      expect(body).not.toContain(DEPLOYER.accessKeySecret)
      await expectAccessible(page, 'profiles with a role')
      await shot(page, 'profiles-role-zh-CN')
    } finally {
      await emu.close()
    }
  })

  test("import the aliyun CLI's profiles: shown first, chosen, secrets never on the page, the file unchanged", async ({
    page,
    harness,
  }) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pai-e2e-import-'))
    const file = path.join(dir, 'config.json')
    const text = JSON.stringify({
      current: 'prod',
      profiles: [
        {
          name: 'prod',
          mode: 'AK',
          access_key_id: 'LTAIe2eImport01',
          access_key_secret: 'imported-secret-e2e',
          region_id: 'cn-beijing',
        },
        {
          name: 'team-b',
          mode: 'ChainableRamRoleArn',
          source_profile: 'prod',
          ram_role_arn: 'acs:ram::1800000000000002:role/pai-admin',
          region_id: 'cn-beijing',
        },
        { name: 'sso', mode: 'CloudSSO', region_id: 'cn-beijing' },
      ],
    })
    fs.writeFileSync(file, text)
    try {
      await page.goto(harness.url)
      await goto(page, '/profiles')
      await page.getByTestId('profile-import').click()
      await page.getByTestId('import-file').fill(file)
      await page.getByTestId('import-read').click()
      const table = page.getByTestId('import-table')
      await expect(table).toContainText('LTAIe2eImport01')
      await expect(table).toContainText('不支持:CloudSSO')
      await expect(page.getByTestId('import-pick-sso').locator('input')).toBeDisabled()
      await expect(page.getByTestId('import-dialog')).not.toContainText('imported-secret-e2e')
      await expectAccessible(page, 'import dialog')
      await shot(page, 'profiles-import-zh-CN')
      await page.getByTestId('import-confirm').click()
      await expect(page.getByTestId('import-dialog')).toBeHidden()
      await expect(page.getByTestId('profiles-table')).toContainText('team-b')
      await expect(page.getByTestId('profiles-table')).toContainText('RAM 角色(AssumeRole)')
      await expect(page.getByTestId('profiles-table')).toContainText('已保存')
      await expect(page.locator('body')).not.toContainText('imported-secret-e2e')
      expect(fs.readFileSync(file, 'utf8')).toBe(text)
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
