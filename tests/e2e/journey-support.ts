/// <reference lib="dom" />
import { test as base, expect, type Page } from '@playwright/test'
import {
  startEmulator,
  startHarness,
  stopEmulator,
  stopHarness,
  type RunningEmulator,
  type RunningHarness,
} from './harness'
import { goto, inputOf, pick } from './helpers'

/** The emulator of the journey tests, with a control token the test knows (to seed users and read its state). */
export interface JourneyEmulator extends RunningEmulator {
  token: string
  /** POST /__emulator/seed. */
  seed(body: unknown): Promise<void>
  /** GET /__emulator/state: the tenants, workspaces, members, create calls per natural key. */
  state(): Promise<EmuState>
}

export interface EmuState {
  createCalls: Record<string, number>
  tenants: Record<
    string,
    {
      workspaces: Record<
        string,
        {
          WorkspaceId: string
          WorkspaceName: string
          Description: string
          Creator: string
          members: Record<string, { UserId: string; Roles: string[] }>
          roles: Record<string, { RoleId: string; RoleName: string }>
          resources: Record<string, { Name: string; IsDefault: boolean }>
        }
      >
    }
  >
}

const TOKEN = 'journey-control-token-0123456789'

export const journeyTest = base.extend<{ emulator: JourneyEmulator; harness: RunningHarness }>({
  emulator: async ({}, use) => {
    const e = await startEmulator(['--control-token', TOKEN])
    const call = async (method: string, path: string, body?: unknown): Promise<unknown> => {
      const res = await fetch(`${e.url}${path}`, {
        method,
        headers: { 'x-emulator-token': TOKEN, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      })
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`)
      return res.json()
    }
    await use({
      ...e,
      token: TOKEN,
      seed: async (body) => void (await call('POST', '/__emulator/seed', body)),
      state: async () => ((await call('GET', '/__emulator/state')) as { state: EmuState }).state,
    })
    await stopEmulator(e)
  },
  harness: async ({ emulator }, use) => {
    void emulator
    const h = await startHarness()
    await use(h)
    await stopHarness(h)
  },
})

/** The one workspace of that name in the emulator. */
export async function cloudWorkspace(emu: JourneyEmulator, name: string) {
  const st = await emu.state()
  const ws = Object.values(st.tenants).flatMap((t) => Object.values(t.workspaces))
  const w = ws.find((x) => x.WorkspaceName === name)
  expect(w, `workspace ${name} in the emulator`).toBeDefined()
  return { ws: w!, createCalls: st.createCalls }
}

/** Adds a profile for the emulator through the profile dialog, and makes it the active one. */
export async function addActiveProfile(
  page: Page,
  emulator: RunningEmulator,
  name: string,
  account: { accessKeyId: string; accessKeySecret: string },
): Promise<void> {
  await goto(page, '/profiles')
  await page.getByTestId('profile-add').click()
  await inputOf(page, 'profile-name').fill(name)
  await pick(page, 'profile-region', /华东1\(杭州\)/)
  // The endpoint field shows once "custom" is chosen (public and VPC endpoints are listed otherwise).
  await page.getByTestId('profile-endpoint-custom').click()
  await inputOf(page, 'profile-endpoint').fill(emulator.endpoint)
  await page.getByTestId('profile-protocol').getByText('HTTP', { exact: true }).click()
  await inputOf(page, 'profile-akid').fill(account.accessKeyId)
  await inputOf(page, 'profile-secret').fill(account.accessKeySecret)
  await page.getByTestId('profile-save').click()
  await expect(page.getByTestId('profile-dialog')).toBeHidden()
  // The first profile is current by itself; a later one is made current here.
  const setActive = page.getByTestId(`profile-actions-${name}`).getByTestId('profile-set-active')
  if (await setActive.isEnabled()) await setActive.click()
  await expect(page.getByTestId('active-profile')).toContainText(name)
}

/** From the configuration screen: the plan, applied, until the run settles; no error is shown on the way. */
export async function syncFromConfig(page: Page): Promise<void> {
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved')
  await page.getByTestId('view-plan').click()
  await expect(page.getByTestId('plan-counts')).toBeVisible()
  await expect(page.getByTestId('plan-apply')).toBeEnabled()
  await page.getByTestId('plan-apply').click()
  await page.getByTestId('apply-confirm-ok').click()
  await settled(page)
}

/** The run finished and settled (the cache refreshed, the draft rebased or cleared), and no error is shown. */
export async function settled(page: Page): Promise<void> {
  await expect(page.getByTestId('run-finished')).toBeVisible({ timeout: 90_000 })
  await expect(page.getByTestId('run-progress')).toHaveAttribute('data-settled', 'true', { timeout: 30_000 })
  await expect(page.getByTestId('error-alert')).toHaveCount(0)
}

/** A new workspace drafted in the wizard (with members by UID), then its plan opened. */
export async function draftAndPlan(
  page: Page,
  name: string,
  members: Array<{ uid: string; name: string }>,
  role: string,
  consoleStep = false,
): Promise<void> {
  await goto(page, '/workspaces/new')
  await inputOf(page, 'wiz-name').fill(name)
  await inputOf(page, 'wiz-description').fill('progress test')
  await page.getByTestId('wiz-next').click()
  for (const [i, m] of members.entries()) {
    await page.getByTestId('wiz-add-member').click()
    const box = page.getByTestId(`wiz-member-${i}`)
    await box.locator('input[data-testid="wiz-member-uid"]').fill(m.uid)
    // A new member starts with the role it needs (算法开发 / Algorithm developer).
    await expect(box.getByTestId('wiz-member-roles')).toContainText(role)
    await box.locator('input[data-testid="wiz-member-name"]').fill(m.name)
  }
  for (let i = 0; i < 3; i++) await page.getByTestId('wiz-next').click()
  await page.getByTestId('wiz-next').click()
  await expect(page).toHaveURL(/#\/workspaces\/[^/]+%3Alocal-/)
  const key = decodeURIComponent(page.url().split('#/workspaces/')[1]!)
  if (consoleStep) {
    // A switch only the console can set (G2): a step for a person in the plan.
    await page.getByTestId('tab-switches').click()
    await page.getByTestId('switch-dswSsh').click()
    await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved')
  }
  await page.evaluate((k) => (window.location.hash = `/pending?key=${encodeURIComponent(k)}`), key)
  await expect(page.getByTestId('plan-apply')).toBeEnabled()
}
