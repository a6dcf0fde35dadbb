/// <reference lib="dom" />
import { expect, type Page } from '@playwright/test'
import { EMULATOR_ACCOUNTS } from './harness'
import { shot } from './helpers'
import {
  addActiveProfile,
  cloudWorkspace,
  draftAndPlan,
  journeyTest as test,
  type JourneyEmulator,
} from './journey-support'

/**
 * Issue 11 item 9, from the screen: while a request is in flight, "cancel what is not sent yet" cancels the queued
 * ops and never the one the cloud is performing (its answer is recorded when it comes); a cancelled op can be sent
 * again, once. In Chromium against the emulator, which holds the CreateWorkspace request until the test lets go.
 * Needs the keychain: run inside dbus-run-session with gnome-keyring unlocked.
 */

const ALICE = '2600000000000031'
const BOB = '2600000000000032'

/** The emulator's control routes (the journey emulator is a process of its own). */
async function control(emu: JourneyEmulator, path: string, body: unknown): Promise<void> {
  const res = await fetch(`${emu.url}${path}`, {
    method: 'POST',
    headers: { 'x-emulator-token': emu.token, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  expect(res.ok, `${path}: ${res.status}`).toBe(true)
}

const row = (page: Page, text: string) => page.getByTestId('run-progress').locator('tr').filter({ hasText: text })

test('cancel from the progress screen: queued ops are cancelled, the one in flight completes, a retry sends the rest once', async ({
  page,
  harness,
  emulator,
}) => {
  test.setTimeout(150_000)
  await emulator.seed({
    users: [
      { UserId: ALICE, UserName: 'alice' },
      { UserId: BOB, UserName: 'bob' },
    ],
  })
  await page.goto(harness.url)
  await addActiveProfile(page, emulator, '取消账号', EMULATOR_ACCOUNTS.main)
  await draftAndPlan(
    page,
    'cancel_ws',
    [
      { uid: ALICE, name: 'alice' },
      { uid: BOB, name: 'bob' },
    ],
    '算法开发',
  )
  await control(emulator, '/__emulator/faults', {
    inject: [{ kind: 'hold', action: 'CreateWorkspace', holdMs: 60_000 }],
  })
  await page.getByTestId('plan-apply').click()
  await page.getByTestId('apply-confirm-ok').click()

  // The workspace create is in flight; the members wait for it.
  await expect(row(page, 'cancel_ws').getByTestId('op-status-in_flight')).toBeVisible({ timeout: 30_000 })
  await expect(row(page, ALICE).getByTestId('op-status-pending')).toBeVisible()
  await page.getByTestId('run-cancel').click()
  // The confirm button inside the popconfirm (not the trigger of the same name, which would close it again).
  await page.locator('.el-popconfirm').getByRole('button', { name: '取消未发送的操作' }).click()
  await expect(row(page, ALICE).getByTestId('op-status-cancelled')).toBeVisible()
  await expect(row(page, BOB).getByTestId('op-status-cancelled')).toBeVisible()
  await expect(row(page, 'cancel_ws').getByTestId('op-status-in_flight')).toBeVisible()

  // The cloud answers: the create is recorded as done, the members were never sent.
  await control(emulator, '/__emulator/release', { action: 'CreateWorkspace' })
  await expect(row(page, 'cancel_ws').getByTestId('op-status-done')).toBeVisible({ timeout: 60_000 })
  await expect(page.getByTestId('run-summary')).toBeVisible({ timeout: 30_000 })
  let cloud = await cloudWorkspace(emulator, 'cancel_ws')
  expect(Object.values(cloud.ws.members).map((m) => m.UserId)).not.toContain(ALICE)
  await shot(page, 'progress-cancelled-zh-CN')

  // A cancelled op can be sent again; each member is created once.
  await row(page, ALICE).getByTestId('op-retry').click()
  await expect(row(page, ALICE).getByTestId('op-status-done')).toBeVisible({ timeout: 60_000 })
  await expect(row(page, BOB).getByTestId('op-status-cancelled')).toBeVisible()
  cloud = await cloudWorkspace(emulator, 'cancel_ws')
  const members = Object.values(cloud.ws.members).map((m) => m.UserId)
  expect(members).toContain(ALICE)
  expect(members).not.toContain(BOB)
  for (const [k, n] of Object.entries(cloud.createCalls))
    if (k.includes(cloud.ws.WorkspaceId) || k.endsWith('/cancel_ws')) expect(`${k}=${n}`).toBe(`${k}=1`)
})
