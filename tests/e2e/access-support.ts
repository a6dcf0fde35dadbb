/// <reference lib="dom" />
import { expect, type Page } from '@playwright/test'
import { EMULATOR_ACCOUNTS, emulatorTestWith, type RunningEmulator } from './harness'
import { goto, setLocale } from './helpers'
import { addActiveProfile } from './journey-support'

/** What the access overview's browser tests share: the emulator's seed, the profile and the overview opened. */

const TOKEN = 'access-e2e-control-token'
export const ALICE = '2100000000000101'
export const BOB = '2100000000000102'

/** Workspaces made outside the app: Alice is the owner of fraud_model (a RAM user made it) and a member elsewhere. */
export async function seed(emu: RunningEmulator): Promise<void> {
  const res = await fetch(`${emu.url}/__emulator/seed`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-emulator-token': TOKEN },
    body: JSON.stringify({
      tenant: EMULATOR_ACCOUNTS.main.uid,
      users: [
        { UserId: ALICE, UserName: 'alice', DisplayName: 'Alice Wang' },
        { UserId: BOB, UserName: 'bob', DisplayName: 'Bob Li' },
      ],
      workspaces: [
        { WorkspaceName: 'fraud_model', Description: 'fraud team', Creator: ALICE },
        {
          WorkspaceName: 'rec_sys',
          Description: 'recommendations',
          members: [
            { UserId: ALICE, Roles: ['PAI.WorkspaceAdmin'] },
            { UserId: BOB, Roles: ['PAI.AlgoDeveloper'] },
          ],
        },
        {
          WorkspaceName: 'lab_vision',
          Description: 'vision lab',
          members: [{ UserId: ALICE, Roles: ['PAI.AlgoDeveloper'] }],
        },
      ],
    }),
  })
  expect(res.status).toBe(200)
}

export const test = emulatorTestWith(['--control-token', TOKEN])

/** The emulator's main account as the current profile 生产账号 (through the profile dialog). */
export const addProfile = (page: Page, emulator: RunningEmulator): Promise<void> =>
  addActiveProfile(page, emulator, '生产账号', EMULATOR_ACCOUNTS.main)

/** The emulator seeded, a profile for it, and the overview open and refreshed (`en` switches the language first). */
export async function openOverview(
  page: Page,
  harnessUrl: string,
  emulator: RunningEmulator,
  locale?: 'en',
): Promise<void> {
  await seed(emulator)
  await page.goto(harnessUrl)
  await addProfile(page, emulator)
  if (locale) await setLocale(page, locale)
  await goto(page, '/access')
  await page.getByTestId('access-refresh').click()
  await expect(page.getByTestId('access-refresh')).not.toHaveClass(/is-loading/)
}
