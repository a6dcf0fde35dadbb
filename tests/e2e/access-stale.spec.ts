import path from 'node:path'
import Database from 'better-sqlite3'
import { expect } from '@playwright/test'
import { inputOf } from './helpers'
import { openOverview, test } from './access-support'

/**
 * Issue 16 (bad input): a bulk change touching a workspace whose cache is stale — the plan dialog says how old
 * each part's cache is, as the plan on 待同步变更 does (the service's figure: tests/integration/access/bulk.test.ts
 * "a stale cache"). Needs the keychain: run inside dbus-run-session with gnome-keyring unlocked.
 */

const DAY_MS = 86_400_000

/** lab_vision's cache made `days` old, as if its last refresh was then (the harness's own SQLite file). */
function ageLabVision(dataDir: string, days: number): void {
  const db = new Database(path.join(dataDir, 'pai-admin.db'))
  db.pragma('busy_timeout = 5000')
  const at = new Date(Date.now() - days * DAY_MS).toISOString()
  const ws = db.prepare("SELECT profile_id, workspace_id FROM cached_workspaces WHERE name = 'lab_vision'").get() as
    { profile_id: string; workspace_id: string } | undefined
  expect(ws).toBeDefined()
  const set = db.prepare('UPDATE cached_configs SET fetched_at = ? WHERE profile_id = ? AND workspace_id = ?')
  expect(set.run(at, ws!.profile_id, ws!.workspace_id).changes).toBe(1)
  db.prepare('UPDATE cached_workspaces SET fetched_at = ? WHERE profile_id = ? AND workspace_id = ?').run(
    at,
    ws!.profile_id,
    ws!.workspace_id,
  )
  db.close()
}

const CASES = [
  { locale: 'zh-CN' as const, stale: '云端缓存:12天前', fresh: /^云端缓存:(现在|\d+ ?秒钟前|\d+ ?分钟前)$/ },
  {
    locale: 'en' as const,
    stale: 'Cloud cache: 12 days ago',
    fresh: /^Cloud cache: (now|\d+ seconds? ago|\d+ minutes? ago)$/,
  },
]

test.describe('issue 16: the bulk change plan on a stale cache', () => {
  for (const c of CASES)
    test(`${c.locale}: offboarding Alice, the plan says lab_vision's cache is 12 days old, rec_sys's fresh`, async ({
      page,
      harness,
      emulator,
    }) => {
      test.setTimeout(120_000)
      await openOverview(page, harness.url, emulator, c.locale === 'en' ? 'en' : undefined)
      ageLabVision(harness.dataDir, 12)
      await inputOf(page, 'access-filter-user').fill('alice')
      await expect(page.getByTestId('access-row')).not.toHaveCount(0)
      await page.getByTestId('access-user').first().click()
      await expect(page.getByTestId('access-membership')).toHaveCount(3)
      await page.getByTestId('access-offboard').click()
      const plan = page.getByTestId('access-plan')
      const part = (name: string) => plan.locator(`[data-testid="access-plan-part"][data-workspace="${name}"]`)
      await expect(part('lab_vision').getByTestId('access-plan-age')).toHaveText(c.stale)
      await expect(part('rec_sys').getByTestId('access-plan-age')).toHaveText(c.fresh)
      // the owner's refused part says its age too
      await expect(part('fraud_model').getByTestId('access-plan-age')).toHaveText(c.fresh)
    })
})
