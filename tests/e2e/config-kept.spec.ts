import { test, expect, type RunningHarness } from './harness'
import {
  CONSOLE_DINGTALK_SECRET,
  consoleMadeWorkspace,
  startEmulator,
  type RunningEmulator,
} from '../../tools/emulator/index'
import { goTab, invoke, openConfig, waitSaved } from './config-fixtures'
import { expectAccessible, goto, inputOf, shot } from './helpers'
import type { DraftView } from '../../shared/ipc/channels/workspaces'

/**
 * Issue 13 in the renderer: what the cloud holds that the app cannot map (rules made in the console, config keys,
 * Spec fields, roles) is shown read-only; a foreign rule is only ever deleted on purpose. And the wizard checks a
 * new name with the cloud as the user types.
 */

const AK = { accessKeyId: 'LTAI_E2E_KEPT', accessKeySecret: 'kept-secret-0001' }

async function withConsoleWorkspace(
  harness: RunningHarness,
  name: string,
): Promise<{ emu: RunningEmulator; profileId: string; key: string }> {
  const emu = await startEmulator({ port: 0, ...AK })
  const { workspaces } = emu.seed({
    users: [
      { UserId: '2800000000000021', UserName: 'dev21' },
      { UserId: '2800000000000022', UserName: 'admin22' },
    ],
    workspaces: [consoleMadeWorkspace(name, { developer: '2800000000000021', admin: '2800000000000022' })],
  })
  const profile = await invoke<{ id: string }>(harness, 'profiles.add', {
    name: 'emulator',
    region: 'cn-hangzhou',
    endpoint: emu.endpoint,
    protocol: 'http',
    ...AK,
  })
  await invoke(harness, 'profiles.setActive', { id: profile.id })
  await invoke(harness, 'sync.refresh', { profileId: profile.id })
  return { emu, profileId: profile.id, key: `${profile.id}:${workspaces[0]!.WorkspaceId}` }
}

test.describe('what the app does not understand, on screen', () => {
  test('E2, E6: console-made rules, config keys, Spec fields and roles are shown read-only; a foreign rule is deleted only on purpose', async ({
    page,
    harness,
  }) => {
    const { emu, key } = await withConsoleWorkspace(harness, 'kept_ws')
    try {
      await openConfig(page, harness, key, 'notifications')
      const rules = page.getByTestId('foreign-rules')
      await expect(rules.locator('[data-testid^="foreign-rule-pattern-"]')).toHaveCount(3)
      await expect(page.getByTestId('foreign-rule-pattern-console-dlc-failed')).toContainText('"acs.pai.dlc"')
      await expect(page.getByTestId('foreign-rule-targets-console-dlc-failed')).toContainText('acs.fc.function')
      await expect(page.getByTestId('foreign-rule-console-dlc-failed')).toContainText('只读')
      // D2: the console's signing secret is never on screen (nor anywhere the app keeps it).
      expect(await page.content()).not.toContain(CONSOLE_DINGTALK_SECRET)
      await expectAccessible(page, 'foreign rules')
      await shot(page, 'config-foreign-rules-zh-CN')

      // A delete is asked for explicitly and can be undone until the sync.
      await page.getByTestId('foreign-rule-delete-oss-uploads').click()
      await page.getByRole('button', { name: /OK|确定/ }).click()
      await expect(page.getByTestId('foreign-rule-undo-oss-uploads')).toBeVisible()
      await waitSaved(page)
      let view = await invoke<DraftView>(harness, 'drafts.open', { key })
      expect(view.config.notifications.foreignRules.find((r) => r.name === 'oss-uploads')?.deleteRequested).toBe(true)
      const plan = await invoke<{ actions: Array<{ id: string; kind: string }> }>(harness, 'sync.plan', { key })
      expect(plan.actions.map((a) => `${a.kind}:${a.id}`)).toEqual(['apply:rule:oss-uploads:delete'])
      await page.getByTestId('foreign-rule-undo-oss-uploads').click()
      await waitSaved(page)
      view = await invoke<DraftView>(harness, 'drafts.open', { key })
      expect(view.config.notifications.foreignRules.some((r) => r.deleteRequested)).toBe(false)

      await goTab(page, 'basic')
      await expect(page.getByTestId('passthrough-configs')).toContainText('dswPublicSsh')
      await expect(page.getByTestId('passthrough-tempStoragePath')).toBeVisible()
      await goTab(page, 'resources')
      await expect(page.locator('[data-testid^="resource-extra-spec-"]').first()).toContainText('resourceId=')
      await goTab(page, 'members')
      await expect(page.getByTestId('role-foreign-2800000000000021-PAI.DatasetManager')).toBeVisible()
      await expect(page.getByTestId('role-remove-2800000000000021-PAI.DatasetManager')).toHaveCount(0)
      // M4: a console-made custom role's permission points are shown as the cloud has them, and cannot be edited.
      const kept = page.getByTestId('perm-0-DLC-kept')
      await expect(kept).toContainText('只读')
      await expect(kept).toContainText('PaiDLC:GetJob')
      await expect(page.getByTestId('perm-0-DLC-FullAccess')).toHaveCount(0)
      await expect(page.getByTestId('perm-0-DSW-ReadWrite')).toBeChecked()
    } finally {
      await emu.close()
    }
  })

  test('W4: the wizard checks the name with the cloud as the user types (case ignored)', async ({ page, harness }) => {
    const { emu } = await withConsoleWorkspace(harness, 'kept_names')
    try {
      // Known only to the cloud (not in the cache): the online check is what finds it.
      emu.seed({ workspaces: [{ WorkspaceName: 'cloud_only_ws' }] })
      await page.goto(harness.url)
      await goto(page, '/workspaces/new')
      await inputOf(page, 'wiz-name').fill('Cloud_Only_WS')
      await expect(page.getByTestId('problem-W4')).toContainText('不区分大小写')
      await expect(page.getByTestId('problem-W4')).toContainText('cloud_only_ws')
      await page.getByTestId('wiz-next').click()
      await expect(page.getByTestId('wiz-blocked')).toBeVisible()
      await inputOf(page, 'wiz-name').fill('brand_new_ws')
      await expect(page.getByTestId('wiz-name-check')).toContainText('已在线检查')
      await expect(page.getByTestId('problem-W4')).toHaveCount(0)
      expect(emu.requests().some((r) => r.sent?.query.Option === 'CheckWorkspaceExists')).toBe(true)
    } finally {
      await emu.close()
    }
  })
})
