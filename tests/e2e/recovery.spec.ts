import fs from 'node:fs'
import path from 'node:path'
import { expect, test } from '@playwright/test'
import { startHarness, stopHarness, type RunningHarness } from './harness'

async function stopKeepingData(h: RunningHarness): Promise<void> {
  const exited = new Promise((r) => h.process.once('exit', r))
  h.process.kill('SIGTERM')
  await exited
}

test('D1: a corrupt database is moved aside, the backup restored, and the user is told where the damaged file is', async ({
  page,
}) => {
  // First run: make a draft, then close cleanly (which writes the VACUUM INTO backup).
  const first = await startHarness()
  const res = await page.request.post(`${first.origin}/api/invoke/drafts.create`, {
    headers: { Authorization: `Bearer ${first.token}` },
    data: { profileId: null, config: { basic: { name: 'kept_ws', description: '恢复后仍在' } } },
  })
  expect(res.ok()).toBe(true)
  await stopKeepingData(first)
  expect(fs.readdirSync(path.join(first.dataDir, 'backups')).length).toBeGreaterThan(0)

  // The database file is overwritten with garbage while the app is closed.
  const db = path.join(first.dataDir, 'pai-admin.db')
  fs.writeFileSync(db, Buffer.alloc(8192, 0x5a))

  const second = await startHarness([], {}, first.dataDir)
  try {
    await page.goto(second.url)
    const banner = page.getByTestId('recovery-banner')
    await expect(banner).toContainText('本地数据库已损坏并已自动恢复')
    await expect(banner).toContainText('pai-admin.damaged-')
    await expect(banner).toContainText('backups')
    // The draft made before the damage is back, and the damaged file is kept on disk.
    await expect(page.getByText('kept_ws')).toBeVisible()
    const kept = fs.readdirSync(first.dataDir).filter((f) => f.startsWith('pai-admin.damaged-'))
    expect(kept.length).toBeGreaterThan(0)
    await page.screenshot({ path: 'tests/e2e/screenshots/recovery-zh-CN.png' })
  } finally {
    await stopHarness(second)
  }
})
