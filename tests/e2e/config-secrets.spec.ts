import { test, expect } from './harness'
import { startEmulator } from '../../tools/emulator/index'
import { createDraft, invoke, newConfig, openConfig, waitSaved } from './config-fixtures'
import type { DraftView } from '../../shared/ipc/channels/workspaces'

/**
 * Needs a keychain: run inside a private D-Bus session with gnome-keyring, e.g.
 * bash scripts/keyring/session.sh npx playwright test tests/e2e/config-secrets
 */
test.describe('workspace configuration: DingTalk signing secret', () => {
  test('D2: the signing secret goes to the keychain; the draft keeps only its secretRef', async ({ page, harness }) => {
    const profiles = await invoke<{ keychainError: unknown }>(harness, 'profiles.list', {})
    expect(
      profiles.keychainError,
      'needs a keychain: run under dbus-run-session with gnome-keyring (npm test does)',
    ).toBeNull()
    const profile = await invoke<{ id: string }>(harness, 'profiles.add', {
      name: 'secrets',
      region: 'cn-hangzhou',
      accessKeyId: 'LTAI_E2E_SEC',
    })
    const d = await createDraft(harness, newConfig('ws_d2'), profile.id)
    await openConfig(page, harness, d.key, 'notifications')
    await page.getByTestId('rule-add').click()
    await page.getByTestId('target-add-0').click()
    await page.getByRole('option', { name: '钉钉通知' }).click()
    await page.getByTestId('dingtalk-webhook').fill('https://oapi.dingtalk.com/robot/send?access_token=tok123')
    // What cannot be a signing secret (SEC…) is refused before it reaches the keychain.
    await page.getByTestId('dingtalk-secret').fill('not-a-signing-secret')
    await page.getByTestId('dingtalk-secret-save').click()
    await expect(page.getByTestId('dingtalk-secret-problem')).toContainText('SEC')
    await expect(page.getByTestId('dingtalk-secret-state')).not.toContainText('已保存到系统钥匙串')
    expect((await invoke<{ refs: string[] }>(harness, 'secrets.listDingtalk', { profileId: profile.id })).refs).toEqual(
      [],
    )
    const secret = 'SEC0a1b2c3d4e5f60718293a4b5c6d7e8f9'
    await page.getByTestId('dingtalk-secret').fill(secret)
    await page.getByTestId('dingtalk-secret-save').click()
    await expect(page.getByTestId('dingtalk-secret-state')).toContainText('已保存到系统钥匙串')
    await expect(page.getByTestId('dingtalk-secret')).toHaveValue('')
    await expect(page.getByTestId('dingtalk-secret-problem')).toHaveCount(0)
    await waitSaved(page)
    const saved = await invoke<DraftView>(harness, 'drafts.open', { key: d.key })
    const target = saved.config.notifications.rules[0]?.targets[0]
    expect(target?.type).toBe('dingtalk')
    expect(target && 'secretRef' in target ? target.secretRef : undefined).toMatch(/^dingtalk-[0-9a-f]{12}$/)
    expect(JSON.stringify(saved)).not.toContain(secret)
    const refs = await invoke<{ refs: string[] }>(harness, 'secrets.listDingtalk', { profileId: profile.id })
    expect(refs.refs).toContain(target && 'secretRef' in target ? target.secretRef : '')
  })
})

test.describe('workspace configuration: SLS pickers online', () => {
  test('L1: online with a profile, the SLS project and logstore pickers are filled from the cloud', async ({
    page,
    harness,
  }) => {
    const profiles = await invoke<{ keychainError: unknown }>(harness, 'profiles.list', {})
    expect(
      profiles.keychainError,
      'needs a keychain: run under dbus-run-session with gnome-keyring (npm test does)',
    ).toBeNull()
    const emu = await startEmulator({ port: 0, accessKeyId: 'LTAI_E2E_SLS', accessKeySecret: 'sls-secret' })
    try {
      await emu.seed({
        slsProjects: [
          { projectName: 'pai-logs-project', logstores: ['dsw-store', 'dlc-store'] },
          { projectName: 'other-project' },
        ],
      })
      const profile = await invoke<{ id: string }>(harness, 'profiles.add', {
        name: 'emu-sls',
        region: 'cn-hangzhou',
        endpoint: emu.endpoint,
        protocol: 'http',
        accessKeyId: 'LTAI_E2E_SLS',
        accessKeySecret: 'sls-secret',
      })
      const d = await createDraft(harness, newConfig('ws_sls_online'), profile.id)
      await openConfig(page, harness, d.key, 'sls')
      await page.getByTestId('sls-load').click()
      await page.getByTestId('sls-project-select').click()
      await page.getByRole('option', { name: 'pai-logs-project' }).click()
      await page.getByTestId('sls-logstore-select').click()
      await page.getByRole('option', { name: 'dlc-store' }).click()
      await page.getByTestId('sls-module-DLC').click()
      await waitSaved(page)
      await page.screenshot({ path: 'tests/e2e/screenshots/config-sls-online-zh-CN.png' })
      const saved = await invoke<DraftView>(harness, 'drafts.open', { key: d.key })
      expect(saved.config.sls).toEqual({ project: 'pai-logs-project', logstore: 'dlc-store', modules: ['DLC'] })
    } finally {
      await emu.close()
    }
  })
})
