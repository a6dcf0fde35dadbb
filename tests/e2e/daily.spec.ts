// Issue 18, "First contact and daily use": the demo, the first profile, the empty list, the status bar's truth.
import { spawn } from 'node:child_process'
import { test as base } from '@playwright/test'
import { invoke } from './config-fixtures'
import { EMULATOR_ACCOUNTS, emulatorTest, expect, stopEmulator, test } from './harness'
import { goto, inputOf, pick, setLocale } from './helpers'

const LOCALES = [
  { locale: 'zh-CN', add: '添加账号', online: '在线', offline: '离线', offlineOnly: '仅离线使用' },
  { locale: 'en', add: 'Add profile', online: 'Online', offline: 'Offline', offlineOnly: 'Offline only' },
] as const

base.describe('npm run demo', () => {
  base(
    'starts the emulator with realistic workspaces and a ready profile, and prints the address',
    async ({ page }) => {
      base.setTimeout(120_000)
      // What `npm run demo` runs after the build (the same script, its own process group).
      const child = spawn('npx', ['tsx', '--tsconfig', 'tsconfig.node.json', 'scripts/demo.ts'], {
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
      })
      let out = ''
      let err = ''
      child.stderr.on('data', (d: Buffer) => (err += d.toString()))
      try {
        const url = await new Promise<string>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`demo did not start: ${out} ${err}`)), 90_000)
          child.stdout.on('data', (d: Buffer) => {
            out += d.toString()
            const m = /PAI Workspace Admin: (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(out)
            if (m?.[1]) {
              clearTimeout(timer)
              resolve(m[1])
            }
          })
          child.on('exit', (code) => reject(new Error(`demo exited with ${code}: ${out} ${err}`)))
        })
        // Under the test's D-Bus session a keychain answers: the secret is there, not in memory.
        const keychain = process.env.PAI_TEST_KEYRING === '1'
        expect(out).toContain(keychain ? 'kept in OS keychain' : 'kept in memory')
        expect(out).toMatch(/Profile "demo": 4 workspaces/)

        await page.goto(url)
        // The demo profile is current and its workspaces are listed, the console-made one too.
        await expect(page.getByTestId('active-profile')).toContainText('demo')
        const rows = page.getByTestId('ws-row')
        await expect(rows).toHaveCount(4)
        for (const name of ['vision_team', 'nlp_prod', 'sandbox', 'console_made'])
          await expect(page.getByTestId('ws-table')).toContainText(name)
        // The workspace opens with the seeded members and custom role (the demo is usable, not just listed).
        await page.getByTestId('ws-open').filter({ hasText: 'vision_team' }).click()
        await expect(page).toHaveURL(/#\/workspaces\//)
        await expect(page.locator('body')).toContainText('vision_team')

        await setLocale(page, 'en')
        await goto(page, '/')
        await expect(page.getByTestId('active-profile')).toContainText('Active profile: demo')
        await expect(rows).toHaveCount(4)
      } finally {
        if (child.exitCode === null && child.pid !== undefined) {
          const exited = new Promise((r) => child.once('exit', r))
          process.kill(-child.pid, 'SIGTERM')
          await exited
        }
      }
    },
  )
})

for (const l of LOCALES) {
  test(`${l.locale}: the empty list offers ${l.add}; the first profile becomes the current one`, async ({
    page,
    harness,
  }) => {
    await page.goto(harness.url)
    if (l.locale === 'en') await setLocale(page, 'en')
    await goto(page, '/')
    await expect(page.getByTestId('ws-empty')).toBeVisible()
    // No profile: offline only, and never "online" beside it.
    await expect(page.getByTestId('active-profile')).toContainText(l.offlineOnly)
    await expect(page.getByTestId('status-bar')).not.toContainText(l.online)
    await expect(page.getByTestId('online-status')).toHaveCount(0)

    const add = page.getByTestId('ws-empty-add-profile')
    await expect(add).toHaveText(l.add)
    await add.click()
    await expect(page.getByTestId('profile-dialog')).toBeVisible()
    await inputOf(page, 'profile-name').fill('first')
    await pick(page, 'profile-region', l.locale === 'en' ? /China \(Hangzhou\)/ : /华东1\(杭州\)/)
    await inputOf(page, 'profile-akid').fill('LTAIfirst')
    await inputOf(page, 'profile-secret').fill('first-secret')
    await page.getByTestId('profile-save').click()
    await expect(page.getByTestId('profile-dialog')).toBeHidden()
    // Current without being picked: the status bar, the table and the workspace list say so.
    await expect(page.getByTestId('active-profile')).toContainText('first')
    await expect(page.getByTestId('profile-actions-first').getByTestId('profile-set-active')).toBeDisabled()
    await goto(page, '/')
    await expect(page.getByTestId('ws-summary')).toContainText('first')
    await expect(page.getByTestId('ws-empty-add-profile')).toHaveCount(0)
    // A second profile does not take over.
    await invoke(harness, 'profiles.add', { name: 'second', region: 'cn-shanghai', accessKeyId: 'LTAIsecond' })
    await page.reload()
    await expect(page.getByTestId('active-profile')).toContainText('first')
  })
}

for (const l of LOCALES) {
  emulatorTest(
    `${l.locale}: the status bar says online only once the cloud answered, offline once it stops`,
    async ({ page, harness, emulator }) => {
      await invoke(harness, 'profiles.add', {
        name: 'emu',
        region: 'cn-hangzhou',
        endpoint: emulator.endpoint,
        protocol: 'http',
        accessKeyId: EMULATOR_ACCOUNTS.main.accessKeyId,
        accessKeySecret: EMULATOR_ACCOUNTS.main.accessKeySecret,
      })
      await page.goto(harness.url)
      if (l.locale === 'en') await setLocale(page, 'en')
      await goto(page, '/')
      const status = page.getByTestId('online-status')
      // Nothing asked yet: not "online" (the browser having a network says nothing about the cloud).
      await expect(status).toHaveAttribute('data-state', 'unknown')
      await expect(page.getByTestId('status-bar')).not.toContainText(l.online)
      await page.getByTestId('ws-refresh').click()
      await expect(status).toHaveAttribute('data-state', 'online')
      await expect(status).toHaveText(`● ${l.online}`)
      // The cloud stops answering: the next refresh fails and the status bar turns offline.
      await stopEmulator(emulator)
      await page.getByTestId('ws-refresh').click()
      await expect(status).toHaveAttribute('data-state', 'offline', { timeout: 30_000 })
      await expect(status).toHaveText(`● ${l.offline}`)
    },
  )
}
