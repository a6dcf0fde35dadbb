/// <reference lib="dom" />
import { expect, type Page } from '@playwright/test'
import { EMULATOR_ACCOUNTS } from './harness'
import { goto, inputOf, shot } from './helpers'
import { addActiveProfile, cloudWorkspace, journeyTest as test, settled, syncFromConfig } from './journey-support'

/**
 * Issue 12 as a new admin meets it, in Chromium against the emulator: the wizard, sync, edit the same
 * workspace, sync, edit, sync. After every sync the screens show the cloud (the owner, associated resources,
 * custom roles with their cloud IDs), no edit is dropped, no problem is invented, no create is repeated.
 * Needs the keychain: run inside dbus-run-session with gnome-keyring unlocked.
 */

const U1 = '2600000000000011'
const U2 = '2600000000000012'
const NAME = 'rt_journey'

async function openTab(page: Page, tab: string): Promise<void> {
  await page.getByTestId(`tab-${tab}`).click()
  await expect(page.getByTestId(`${tab}-tab`)).toBeVisible()
}

/** The workspace's row in the list, opened (the list is refreshed first). */
async function openFromList(page: Page, name = NAME): Promise<void> {
  await goto(page, '/workspaces')
  await page.getByTestId('ws-refresh').click()
  await expect(page.getByTestId('ws-refresh')).not.toHaveClass(/is-loading/)
  await page.getByTestId('ws-search').fill(name)
  await expect(page.getByTestId('ws-total')).toHaveText('共 1 个工作空间')
  await page.getByTestId('ws-open').first().click()
  await expect(page.getByTestId('config-header')).toBeVisible()
}

test.describe('the lossless round trip: wizard, sync, edit, sync, edit, sync', () => {
  test('M1/M5/M6/C2/G2: every edit after the first sync is applied; the screens show the cloud', async ({
    page,
    harness,
    emulator,
  }) => {
    test.setTimeout(300_000)
    await emulator.seed({
      users: [
        { UserId: U1, UserName: 'alice' },
        { UserId: U2, UserName: 'bob' },
      ],
    })
    await page.goto(harness.url)
    await addActiveProfile(page, emulator, '往返账号', EMULATOR_ACCOUNTS.main)
    await goto(page, '/workspaces')
    await page.getByTestId('ws-refresh').click()
    await expect(page.getByTestId('ws-refresh')).not.toHaveClass(/is-loading/)

    // The wizard: a member with two roles, a storage path, a resource.
    await goto(page, '/workspaces/new')
    await inputOf(page, 'wiz-name').fill(NAME)
    await inputOf(page, 'wiz-description').fill('round trip journey')
    await page.getByTestId('wiz-next').click()
    await page.getByTestId('wiz-add-member').click()
    await inputOf(page, 'wiz-member-uid').fill(U1)
    await page.getByTestId('wiz-member-roles').click()
    await page.getByRole('option', { name: '标注管理员' }).click()
    await page.keyboard.press('Escape')
    await page.getByTestId('wiz-next').click()
    await inputOf(page, 'wiz-storage').fill('oss://journey-bucket/pai/')
    await page.getByTestId('wiz-next').click()
    await page.getByTestId('wiz-add-resource').click()
    await inputOf(page, 'wiz-resource-name').fill('pool_a')
    await page.getByTestId('wiz-next').click()
    await page.getByTestId('wiz-next').click()
    await expect(page).toHaveURL(/#\/workspaces\/[^/]+%3Alocal-/)

    // A console-only setting (G2) keeps the draft after the sync.
    await openTab(page, 'switches')
    await page.getByTestId('switch-dswSsh').click()

    // Sync 1: creates the workspace; it ends without an error (issue 12 item 5), and the screens that still hold
    // the draft's old local-… key (back to the configuration, forward to the plan) find it under its WorkspaceId.
    await syncFromConfig(page)
    await shot(page, 'journey-roundtrip-sync1-zh-CN')
    await page.goBack()
    await expect(page.getByTestId('config-header')).toBeVisible()
    await expect(page.getByTestId('config-load-error')).toHaveCount(0)
    await expect(page.getByTestId('config-status')).toContainText('已创建')
    await page.goForward()
    await expect(page.getByTestId('plan-counts')).toBeVisible()
    await expect(page.getByTestId('error-alert')).toHaveCount(0)
    await expect(page.getByTestId('plan-action-manual')).toHaveCount(1)
    const first = await cloudWorkspace(emulator, NAME)
    const owner = first.ws.Creator

    // Reopened: the owner is in the member table, the resource is associated, no problem is invented.
    await openFromList(page)
    await expect(page.getByTestId('error-count')).toContainText('0')
    await openTab(page, 'members')
    await expect(page.getByTestId(`member-${owner}`)).toBeVisible()
    await expect(page.getByTestId(`member-protected-${owner}`)).toBeVisible()
    await openTab(page, 'resources')
    await expect(page.getByTestId('resources-tab')).not.toContainText('待关联')
    await expect(page.getByTestId('resource-no-remove-0')).toBeVisible()

    // Edit 1: a role removed from alice, bob added.
    await openTab(page, 'members')
    await page.getByTestId(`role-remove-${U1}-PAI.LabelManager`).click()
    await inputOf(page, 'member-add-user-id').fill(U2)
    await page.getByTestId('member-add-roles').click()
    await page.getByRole('option', { name: '访客' }).click()
    await page.keyboard.press('Escape')
    await page.getByTestId('member-add-submit').click()
    await expect(page.getByTestId(`member-${U2}`)).toBeVisible()

    // Sync 2: both changes are planned and applied.
    await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved')
    await page.getByTestId('view-plan').click()
    await expect(page.getByTestId('plan-actions')).toContainText('的角色 标注管理员')
    await expect(page.getByTestId('plan-actions')).toContainText('添加成员')
    await page.getByTestId('plan-apply').click()
    await page.getByTestId('apply-confirm-ok').click()
    await settled(page)
    // What is left (the console step) is the plan shown now, under the workspace's key.
    await expect(page.getByTestId('plan-action-manual')).toHaveCount(1)
    await expect(page.getByTestId('plan-action-apply')).toHaveCount(0)
    const second = await cloudWorkspace(emulator, NAME)
    const members = Object.values(second.ws.members)
    expect(members.find((m) => m.UserId === U1)!.Roles).toEqual(['PAI.AlgoDeveloper'])
    expect(members.find((m) => m.UserId === U2)!.Roles).toEqual(['PAI.WorkspaceGuest'])

    // Edit 2: the description; the console step is done and said so.
    await openFromList(page)
    await expect(page.getByTestId('error-count')).toContainText('0')
    await openTab(page, 'members')
    await expect(page.getByTestId(`role-${U1}-PAI.LabelManager`)).toHaveCount(0)
    await expect(page.getByTestId(`member-${U2}`)).toBeVisible()
    await openTab(page, 'basic')
    await inputOf(page, 'basic-description').fill('round trip journey, edited twice')
    await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved')
    await page.getByTestId('view-plan').click()
    await expect(page.getByTestId('plan-actions')).toContainText('修改工作空间「')
    await page.getByTestId('plan-mark-done').click()
    await expect(page.getByTestId('plan-mark-done')).toHaveCount(0)

    // Sync 3: done; nothing is left, the draft is cleared.
    await page.getByTestId('plan-apply').click()
    await page.getByTestId('apply-confirm-ok').click()
    await settled(page)
    await expect(page.getByTestId('plan-counts')).toHaveCount(0)
    const third = await cloudWorkspace(emulator, NAME)
    expect(third.ws.Description).toBe('round trip journey, edited twice')
    // Every create reached the cloud once.
    for (const [k, n] of Object.entries(third.createCalls))
      if (k.includes(third.ws.WorkspaceId) || k.endsWith(`/${NAME}`)) expect(`${k}=${n}`).toBe(`${k}=1`)
    await goto(page, '/pending')
    await expect(page.getByTestId('pending-empty')).toBeVisible()

    // Reopened once more: the console setting is what the user did ("last set ... on"), not lost.
    await openFromList(page)
    await openTab(page, 'switches')
    await expect(page.getByTestId('switch-dswSsh')).toHaveClass(/is-checked/)
    const note = page.locator('[data-testid="record-note"][data-path="/switches/dswSsh"]')
    await expect(note).toContainText('标记已在 PAI 控制台完成')
    await shot(page, 'journey-roundtrip-reopened-zh-CN')
  })

  test('M4, E4: a custom role made in the app gets its cloud ID and is granted in the next sync; a DingTalk binding reads "last set by this app on"', async ({
    page,
    harness,
    emulator,
  }) => {
    test.setTimeout(240_000)
    const WS = 'rt_roles'
    await emulator.seed({
      users: [
        { UserId: U1, UserName: 'alice' },
        { UserId: U2, UserName: 'bob' },
      ],
      workspaces: [
        { WorkspaceName: WS, Description: 'roles journey', members: [{ UserId: U1, Roles: ['PAI.AlgoDeveloper'] }] },
      ],
    })
    await page.goto(harness.url)
    await addActiveProfile(page, emulator, '角色账号', EMULATOR_ACCOUNTS.main)
    await openFromList(page, WS)

    // Edit 1: a custom role, and a rule whose DingTalk target's signing secret goes to the keychain.
    await openTab(page, 'members')
    await page.getByTestId('custom-role-add').click()
    await inputOf(page, 'custom-role-name-0').fill('journey_role')
    await page.getByTestId('perm-0-DLC-ReadWrite').check()
    await expect(page.getByTestId('custom-role-0')).toContainText('创建后分配角色 ID')
    await openTab(page, 'notifications')
    await page.getByTestId('rule-add').click()
    await page.getByTestId('rule-events-0').click()
    await page.getByRole('option', { name: '工作流任务 / 任务失败' }).click()
    await page.keyboard.press('Escape')
    await page.getByTestId('target-add-0').click()
    await page.getByRole('option', { name: '钉钉通知' }).click()
    await page.getByTestId('dingtalk-webhook').fill('https://oapi.dingtalk.com/robot/send?access_token=journey1')
    await page.getByTestId('dingtalk-secret').fill('SEC0a1b2c3d4e5f60718293a4b5c6d7e8f9')
    await page.getByTestId('dingtalk-secret-save').click()
    await expect(page.getByTestId('dingtalk-secret-state')).toContainText('已保存到系统钥匙串')
    await syncFromConfig(page)
    const first = await cloudWorkspace(emulator, WS)
    const role = Object.values(first.ws.roles).find((r) => r.RoleName === 'journey_role')
    expect(role, 'the custom role in the cloud').toBeDefined()

    // Reopened: the role holds its cloud ID and can be granted; the binding says it was set by this app.
    await openFromList(page, WS)
    await expect(page.getByTestId('error-count')).toContainText('0')
    await openTab(page, 'notifications')
    const note = page.locator('[data-testid="record-note"][data-path^="/notifications/rules/"]')
    await expect(note).toContainText('本应用于')
    await openTab(page, 'members')
    await expect(page.getByTestId('custom-role-0')).toContainText(role!.RoleId)
    await inputOf(page, 'member-add-user-id').fill(U2)
    await page.getByTestId('member-add-roles').click()
    await page.getByRole('option', { name: 'journey_role' }).click()
    await page.keyboard.press('Escape')
    await page.getByTestId('member-add-submit').click()
    await expect(page.getByTestId(`member-${U2}`)).toBeVisible()
    await syncFromConfig(page)
    const second = await cloudWorkspace(emulator, WS)
    expect(Object.values(second.ws.members).find((m) => m.UserId === U2)?.Roles).toEqual([role!.RoleId])
    for (const [k, n] of Object.entries(second.createCalls))
      if (k.includes(second.ws.WorkspaceId)) expect(`${k}=${n}`).toBe(`${k}=1`)

    // Nothing is left to do; reopened once more, bob holds the role by its name.
    await goto(page, '/pending')
    await expect(page.getByTestId('pending-empty')).toBeVisible()
    await openFromList(page, WS)
    await openTab(page, 'members')
    await expect(page.getByTestId(`role-${U2}-${role!.RoleId}`)).toContainText('journey_role')
  })
})
