/// <reference lib="dom" />
import { expect, type Page } from '@playwright/test'
import { EMULATOR_ACCOUNTS } from './harness'
import { expectAccessible, goto, inputOf, setLocale, shot } from './helpers'
import { addActiveProfile, cloudWorkspace, journeyTest as test, settled } from './journey-support'

/**
 * Issue 18, "The plan", in Chromium against the emulator, in both languages: the plan reads like `terraform plan`
 * in the console's words (grouped by area, counts per kind, a summary line; rule IDs on hover only), console steps
 * are written for a person, and applying asks first (cancel sends nothing, confirm applies); the results come at
 * the top and the plan of what is left stays. Needs the keychain: run inside dbus-run-session.
 */

const ALICE = '2600000000000031'

/** A new workspace drafted in the wizard with one member and a console-only switch (G2), then its plan opened. */
async function draft(page: Page, name: string, role: string): Promise<void> {
  await goto(page, '/workspaces/new')
  await inputOf(page, 'wiz-name').fill(name)
  await inputOf(page, 'wiz-description').fill('plan test')
  await page.getByTestId('wiz-next').click()
  await page.getByTestId('wiz-add-member').click()
  const box = page.getByTestId('wiz-member-0')
  await box.locator('input[data-testid="wiz-member-uid"]').fill(ALICE)
  await expect(box.getByTestId('wiz-member-roles')).toContainText(role)
  await box.locator('input[data-testid="wiz-member-name"]').fill('alice')
  for (let i = 0; i < 4; i++) await page.getByTestId('wiz-next').click()
  await expect(page).toHaveURL(/#\/workspaces\/[^/]+%3Alocal-/)
  const key = decodeURIComponent(page.url().split('#/workspaces/')[1]!)
  await page.getByTestId('tab-switches').click()
  await page.getByTestId('switch-dswSsh').click()
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved')
  await page.evaluate((k) => (window.location.hash = `/pending?key=${encodeURIComponent(k)}`), key)
  await expect(page.getByTestId('plan-apply')).toBeEnabled()
}

const group = (page: Page, g: string) => page.locator(`[data-testid="plan-group"][data-group="${g}"]`)
const RAW = /member · |addRole:|PAI\.AlgoDeveloper|dswSsh|\bmanual\b|on \/ 开启|[{}]/

async function cancelThenConfirm(
  page: Page,
  emulator: Parameters<typeof cloudWorkspace>[0],
  name: string,
  created: string,
) {
  await page.getByTestId('plan-apply').click()
  const dialog = page.getByRole('dialog')
  await expect(dialog).toBeVisible()
  await expect(page.getByTestId('apply-confirm-create')).toHaveText(created)
  await shot(page, `plan-confirm-${name}`)
  await page.getByTestId('apply-confirm-cancel').click()
  await expect(dialog).toBeHidden()
  // Cancel sends nothing.
  await expect(page.getByTestId('run-progress')).toHaveCount(0)
  const st = await emulator.state()
  expect(JSON.stringify(st.tenants)).not.toContain(name)
  await page.getByTestId('plan-apply').click()
  await page.getByTestId('apply-confirm-ok').click()
  await settled(page)
  await cloudWorkspace(emulator, name)
  // The results first; the plan of what is left (the console step, now markable) below them.
  const results = await page.getByTestId('run-progress').boundingBox()
  const left = await page.getByTestId('plan-actions').boundingBox()
  expect(results!.y).toBeLessThan(left!.y)
  await expect(page.getByTestId('plan-action-manual')).toHaveCount(1)
  await expect(page.getByTestId('plan-action-apply')).toHaveCount(0)
  await expect(page.getByTestId('plan-mark-done')).toBeEnabled()
}

test.describe('a plan you can read [同步计划]', () => {
  test('zh-CN: grouped with counts and a summary line, console steps for a person, apply asks first', async ({
    page,
    harness,
    emulator,
  }) => {
    test.setTimeout(150_000)
    await emulator.seed({ users: [{ UserId: ALICE, UserName: 'alice' }] })
    await page.goto(harness.url)
    await addActiveProfile(page, emulator, '计划账号', EMULATOR_ACCOUNTS.main)
    await draft(page, 'plan_zh', '算法开发')
    await expect(page.getByTestId('plan-summary')).toHaveText('计划:新增 2 项,修改 0 项,删除 0 项;控制台手动操作 1 项')
    await expect(group(page, 'workspace')).toContainText('工作空间')
    await expect(group(page, 'workspace').getByTestId('plan-group-count')).toHaveText(['新增 1 项'])
    await expect(group(page, 'members').getByTestId('plan-group-count')).toHaveText(['新增 1 项'])
    await expect(group(page, 'settings').getByTestId('plan-group-count')).toHaveText(['控制台手动操作 1 项'])
    const whats = page.getByTestId('plan-action-what')
    await expect(whats).toHaveText([
      '创建工作空间「plan_zh」(简易模式)',
      `添加成员 alice (${ALICE}),角色 算法开发`,
      '修改 DSW「通过公网 SSH 连接实例」:关闭 → 开启',
    ])
    // The raw key stays on hover.
    await expect(whats.nth(1)).toHaveAttribute('title', /member · create · /)
    const manual = page.getByTestId('plan-action-manual')
    await expect(manual.locator('ol li').nth(2)).toHaveText('将 DSW「通过公网 SSH 连接实例」设置为:开启')
    await expect(page.getByTestId('plan-mark-done')).toBeDisabled()
    expect(await page.getByTestId('plan-actions').innerText()).not.toMatch(RAW)
    await expectAccessible(page, 'readable plan')
    await shot(page, 'plan-grouped-zh-CN')
    await cancelThenConfirm(page, emulator, 'plan_zh', '将创建新的工作空间「plan_zh」。')
    await shot(page, 'plan-after-apply-zh-CN')
  })

  test('en: the same plan in English, with no Chinese inside the sentences; apply asks first', async ({
    page,
    harness,
    emulator,
  }) => {
    test.setTimeout(150_000)
    await emulator.seed({ users: [{ UserId: ALICE, UserName: 'alice' }] })
    await page.goto(harness.url)
    await addActiveProfile(page, emulator, 'plan-en', EMULATOR_ACCOUNTS.main)
    await setLocale(page, 'en')
    await draft(page, 'plan_en', 'Algorithm developer')
    await expect(page.getByTestId('plan-summary')).toHaveText(
      'Plan: 2 to add, 0 to change, 0 to remove; 1 console step',
    )
    await expect(group(page, 'members')).toContainText('Members and roles')
    await expect(group(page, 'members').getByTestId('plan-group-count')).toHaveText(['1 to add'])
    const whats = page.getByTestId('plan-action-what')
    await expect(whats).toHaveText([
      'create workspace plan_en (simple mode)',
      `add member alice (${ALICE}) as Algorithm developer`,
      'set DSW "Log on to instances from public network using SSH" off → on',
    ])
    const steps = await page.getByTestId('plan-action-manual').locator('ol').innerText()
    expect(steps).toContain('Set DSW "Log on to instances from public network using SSH" to: on')
    expect(steps).not.toMatch(/[\u4e00-\u9fff]/)
    expect(await page.getByTestId('plan-actions').innerText()).not.toMatch(RAW)
    await shot(page, 'plan-grouped-en')
    await cancelThenConfirm(page, emulator, 'plan_en', 'A new workspace "plan_en" will be created.')
    await shot(page, 'plan-after-apply-en')
  })
})
