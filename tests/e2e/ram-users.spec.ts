import { expect, type Page } from '@playwright/test'
import { EMULATOR_ACCOUNTS, emulatorTestWith, type RunningEmulator, type RunningHarness } from './harness'
import { inputOf, shot } from './helpers'
import { addActiveProfile } from './journey-support'

/**
 * The account's RAM users in Chromium against the emulator (zh-CN): the member form's RAM user picker (issue 18)
 * and the access overview's "无 AliyunPAIFullAccess 的 RAM 用户" filter fed by RAM (issue 16, rule A3).
 * Needs the keychain: run inside /work/briefs/kr.sh (dbus-run-session with gnome-keyring unlocked).
 */

const TOKEN = 'ram-e2e-control-token-01'
const ALICE = '2100000000000201'
const BOB = '2100000000000202'
const ERIN = '2100000000000203'

/** Alice holds AliyunPAIFullAccess through a group, Bob not at all; Erin and Frank are RAM users in no workspace. */
async function seed(emu: RunningEmulator): Promise<void> {
  const res = await fetch(`${emu.url}/__emulator/seed`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-emulator-token': TOKEN },
    body: JSON.stringify({
      tenant: EMULATOR_ACCOUNTS.main.uid,
      ramGroups: [{ GroupName: 'pai-team', Policies: ['AliyunPAIFullAccess'] }],
      users: [
        { UserId: ALICE, UserName: 'alice', DisplayName: 'Alice Wang', Groups: ['pai-team'] },
        { UserId: BOB, UserName: 'bob', DisplayName: 'Bob Li', Policies: ['AliyunOSSReadOnlyAccess'] },
        { UserId: ERIN, UserName: 'erin', DisplayName: '王小二' },
        { UserId: '2100000000000204', UserName: 'frank', DisplayName: 'Frank Wu' },
      ],
      workspaces: [
        {
          WorkspaceName: 'rec_sys',
          Description: 'recommendations',
          members: [
            { UserId: ALICE, Roles: ['PAI.WorkspaceAdmin'] },
            { UserId: BOB, Roles: ['PAI.AlgoDeveloper'] },
          ],
        },
      ],
    }),
  })
  expect(res.status).toBe(200)
}

const test = emulatorTestWith(['--control-token', TOKEN])

/** The emulator's main account as the current profile 生产账号 (through the profile dialog). */
const addProfile = (page: Page, emulator: RunningEmulator): Promise<void> =>
  addActiveProfile(page, emulator, '生产账号', EMULATOR_ACCOUNTS.main)

/** The overview refreshed (the cache and RAM's policies of every profile). */
async function refreshedOverview(page: Page, harness: RunningHarness, emulator: RunningEmulator): Promise<void> {
  await seed(emulator)
  await page.goto(harness.url)
  await addProfile(page, emulator)
  await page.getByTestId('nav-/access').click()
  await page.getByTestId('access-refresh').click()
  await expect(page.getByTestId('access-refresh')).not.toHaveClass(/is-loading/)
  await expect(page.getByTestId('access-counts')).toContainText('3 个用户')
}

const shownUsers = (page: Page): Promise<string[]> =>
  page.$$eval('[data-testid="access-row"]', (rows) => [...new Set(rows.map((r) => r.getAttribute('data-user') ?? ''))])

test.describe('RAM users (访问控制) in the app', () => {
  test('A3: 无 AliyunPAIFullAccess 的 RAM 用户 shows Bob, not Alice who holds it through a group', async ({
    page,
    harness,
    emulator,
  }) => {
    test.setTimeout(120_000)
    await refreshedOverview(page, harness, emulator)
    await page.getByTestId('access-filter-without-full-access').click()
    await expect(page.getByTestId('access-counts')).toContainText('1 个用户')
    await expect.poll(() => shownUsers(page)).toEqual([BOB])
  })

  test('M1: the member form picks a RAM user by display name (zh-CN), the UID filled in, then added', async ({
    page,
    harness,
    emulator,
  }) => {
    test.setTimeout(120_000)
    await refreshedOverview(page, harness, emulator)
    await page.locator(`[data-testid="access-row"][data-user="${ALICE}"] [data-testid="access-cell"]`).first().click()
    await expect(page.getByTestId('member-add')).toBeVisible()
    // RAM was read by the overview's refresh: the picker lists the account's RAM users (members or not).
    await expect(page.getByTestId('ram-user-status')).toContainText('个 RAM 用户')
    await page.getByTestId('member-add-ram-user').click()
    await page.keyboard.type('王小')
    const option = page.getByRole('option', { name: /erin/ })
    // searched by the core (display name), not only matched in the page: the others are gone
    await expect(page.getByRole('option', { name: /frank|alice|bob/ })).toHaveCount(0)
    await expect(option).toContainText('王小二')
    await expect(option).toContainText(ERIN)
    await shot(page, 'ram-user-picker-zh-CN')
    await option.click()
    await expect(inputOf(page, 'member-add-user-id')).toHaveValue(ERIN)
    await expect(inputOf(page, 'member-add-user-name')).toHaveValue('erin')
    await page.getByTestId('member-add-roles').click()
    await page.getByRole('option', { name: '算法开发' }).click()
    await page.keyboard.press('Escape')
    await page.getByTestId('member-add-submit').click()
    await expect(page.getByTestId(`member-roles-${ERIN}`)).toContainText('算法开发')
  })
})
