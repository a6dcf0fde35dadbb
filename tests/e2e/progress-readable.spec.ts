/// <reference lib="dom" />
import { expect, type Page } from '@playwright/test'
import { EMULATOR_ACCOUNTS } from './harness'
import { expectAccessible, setLocale, shot } from './helpers'
import { addActiveProfile, draftAndPlan, journeyTest as test } from './journey-support'

/**
 * Issue 18, "Errors and progress", in Chromium against the emulator, in both languages: the progress table names
 * each op's object, shows the cloud's own code, message and request ID with no placeholder left, ends with a
 * summary, offers "retry all failed" (a row that then succeeds drops its old error) and no retry for a name clash.
 * Needs the keychain: run inside dbus-run-session with gnome-keyring unlocked.
 */

const KNOWN = '2600000000000021'
const UNKNOWN = '2600000000000022'

const row = (page: Page, text: string) => page.getByTestId('run-progress').locator('tr').filter({ hasText: text })
const LEFTOVER = /\{[^{}]*\}/

test.describe('readable progress [同步进度]', () => {
  test('zh-CN: a refused member shows the cloud\'s message and request ID; "retry all failed" fixes it and the old error goes', async ({
    page,
    harness,
    emulator,
  }) => {
    test.setTimeout(150_000)
    await emulator.seed({ users: [{ UserId: KNOWN, UserName: 'alice' }] })
    await page.goto(harness.url)
    await addActiveProfile(page, emulator, '进度账号', EMULATOR_ACCOUNTS.main)
    await draftAndPlan(
      page,
      'progress_ws',
      [
        { uid: KNOWN, name: 'alice' },
        { uid: UNKNOWN, name: 'bob' },
      ],
      '算法开发',
      true,
    )
    // The plan says what it does, to whom, in words; the raw key only on hover.
    const whats = page.getByTestId('plan-action-what')
    await expect(whats.filter({ hasText: `添加成员 bob (${UNKNOWN}),角色 算法开发` })).toHaveCount(1)
    await expect(whats.filter({ hasText: '创建工作空间「progress_ws」' })).toHaveCount(1)
    await expect(page.getByTestId('plan-actions')).not.toContainText('member · create')
    // A console step cannot be marked done before the workspace exists.
    await expect(page.getByTestId('plan-mark-done')).toBeDisabled()
    await expect(page.getByTestId('plan-mark-done-later')).toBeVisible()
    await shot(page, 'plan-zh-CN')
    await page.getByTestId('plan-apply').click()
    await page.getByTestId('apply-confirm-ok').click()

    const summary = page.getByTestId('run-summary')
    await expect(summary).toBeVisible({ timeout: 90_000 })
    const failed = row(page, UNKNOWN)
    await expect(failed.getByTestId('op-status-failed')).toBeVisible()
    // The row names the object and what is done to it, in the console's words.
    await expect(failed.getByTestId('op-name')).toHaveText('添加成员')
    await expect(failed.getByTestId('op-object')).toHaveText(`· bob (${UNKNOWN})`)
    await expect(row(page, KNOWN).getByTestId('op-status-done')).toBeVisible()
    await expect(row(page, 'progress_ws').getByTestId('op-name')).toHaveText('创建工作空间')
    // The cloud's own code and message, and the request ID, with no placeholder left.
    const error = failed.getByTestId('op-error')
    await expect(error).toContainText('InvalidParameter.UserId')
    await expect(error).toContainText(`The user ${UNKNOWN} is not a RAM user or role of this account.`)
    const requestId = await error.getAttribute('data-request-id')
    expect(requestId).toMatch(/\S{8,}/)
    await expect(error).toContainText(requestId!)
    expect(await page.getByTestId('run-progress').innerText()).not.toMatch(LEFTOVER)
    await expect(summary).toHaveText(/^3 项中 2 项已完成,1 项失败/)
    // A request the cloud refused for now can be sent again: one by one, or all failed at once.
    await expect(failed.getByTestId('op-retry')).toBeVisible()
    await expect(failed.getByTestId('op-permanent')).toHaveCount(0)
    await expectAccessible(page, 'progress with a failed op')
    await shot(page, 'progress-failed-zh-CN')

    // The user becomes a RAM user of the account: retry all failed, and the row is done without its old error.
    await emulator.seed({ users: [{ UserId: UNKNOWN, UserName: 'bob' }] })
    await page.getByTestId('run-retry-failed').click()
    await expect(failed.getByTestId('op-status-done')).toBeVisible({ timeout: 90_000 })
    await expect(failed.getByTestId('op-error')).toHaveCount(0)
    await expect(page.getByTestId('run-finished')).toBeVisible({ timeout: 60_000 })
    await expect(summary).toHaveText('3 项中 3 项已完成,0 项失败')
    await expect(page.getByTestId('run-retry-failed')).toHaveCount(0)
    await shot(page, 'progress-retried-zh-CN')
  })

  test('en: a name clash is explained with the name and the request ID, and is not offered a retry', async ({
    page,
    harness,
    emulator,
  }) => {
    test.setTimeout(150_000)
    await emulator.seed({ users: [{ UserId: KNOWN, UserName: 'alice' }] })
    await page.goto(harness.url)
    await addActiveProfile(page, emulator, 'progress-en', EMULATOR_ACCOUNTS.main)
    await setLocale(page, 'en')
    await draftAndPlan(page, 'clash_ws', [{ uid: KNOWN, name: 'alice' }], 'Algorithm developer')
    // Meanwhile a DataWorks workspace took the name (PAI and DataWorks share names: W4).
    await emulator.seed({ dataworksNames: ['clash_ws'] })
    const whats = page.getByTestId('plan-action-what')
    await expect(whats.filter({ hasText: 'create workspace clash_ws' })).toHaveCount(1)
    await expect(whats.filter({ hasText: `add member alice (${KNOWN}) as Algorithm developer` })).toHaveCount(1)
    await shot(page, 'plan-en')
    await page.getByTestId('plan-apply').click()
    await page.getByTestId('apply-confirm-ok').click()

    const create = row(page, 'clash_ws')
    await expect(create.getByTestId('op-status-failed')).toBeVisible({ timeout: 90_000 })
    await expect(create.getByTestId('op-name')).toHaveText('Create workspace')
    const error = create.getByTestId('op-error')
    await expect(error).toContainText('The name already exists: "clash_ws"')
    const requestId = await error.getAttribute('data-request-id')
    expect(requestId).toMatch(/\S{8,}/)
    await expect(error).toContainText(requestId!)
    // A permanent refusal: the draft must change, a retry would only repeat it.
    await expect(create.getByTestId('op-permanent')).toHaveText('A retry cannot fix this: change the draft')
    await expect(create.getByTestId('op-retry')).toHaveCount(0)
    await expect(page.getByTestId('run-retry-failed')).toHaveCount(0)
    // What waited for the workspace is blocked, and said so in the summary.
    await expect(row(page, KNOWN).getByTestId('op-name')).toHaveText('Add member')
    await expect(row(page, KNOWN).getByTestId('op-error')).toHaveText(
      'Not sent: an operation it depends on failed; it is sent once that one succeeds',
    )
    await expect(page.getByTestId('run-summary')).toHaveText(/^0 of 2 done, 1 failed; 1 not sent/)
    expect(await page.getByTestId('run-progress').innerText()).not.toMatch(LEFTOVER)
    await expectAccessible(page, 'progress with a permanent failure')
    await shot(page, 'progress-name-clash-en')
  })
})
