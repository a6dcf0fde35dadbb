import { test as base, expect } from '@playwright/test'
import type { Plan } from '../../shared/ipc/channels/sync'
import type { DraftView } from '../../shared/ipc/channels/workspaces'
import { cloudWorkspace, invoke, mainAccountSeed, startSeededHarness, stopSeededHarness } from './config-fixtures'
import type { RunningHarness } from './harness'
import { expectAccessible, goto, setLocale, shot } from './helpers'

const KEY = 'p1:ws-1'
const timeoutRule = {
  name: 'dlc-timeout',
  eventTypes: ['dlc.jobTimeout'],
  targets: [{ type: 'email', contacts: ['ops'] }],
}
/** The cached workspace plus an event rule on the DLC task-timeout event, and `timeouts` as the scheduling's. */
const draftWith = (timeouts: unknown[]) => ({
  ...cloudWorkspace(),
  scheduling: { timeouts },
  notifications: { rules: [timeoutRule] },
})

/**
 * The active profile `p1` with a cached cloud workspace `ws_cloud` (key `p1:ws-1`) whose draft subscribes to the
 * DLC task-timeout event with no timeout rule in its scheduling settings: an E3 error (S3), one the core refuses
 * the sync for (SYNC_DRAFT_INVALID).
 */
const test = base.extend<{ harness: RunningHarness }>({
  harness: async ({}, use) => {
    const h = await startSeededHarness(mainAccountSeed())
    await invoke(h, 'settings.update', { activeProfileId: 'p1' })
    const open = await invoke<DraftView>(h, 'drafts.open', { key: KEY })
    const saved = await invoke<DraftView>(h, 'drafts.save', {
      key: KEY,
      config: draftWith([]),
      revision: open.revision,
    })
    expect(saved.problems.filter((p) => p.severity === 'error').map((p) => p.ruleId)).toEqual(['E3'])
    await use(h)
    await stopSeededHarness(h)
  },
})

test('E3 (SYNC_DRAFT_INVALID): a draft with a DLC-timeout rule and no timeout setting cannot be synced, and the screen says which rule', async ({
  page,
  harness,
}) => {
  // The core refuses this draft's plan: what the screen must say before anyone clicks.
  const plan = await invoke<Plan>(harness, 'sync.plan', { key: KEY })
  expect(plan.counts.apply).toBeGreaterThan(0)
  await expect(invoke(harness, 'sync.apply', { key: KEY, planFingerprint: plan.fingerprint })).rejects.toThrow(
    /SYNC_DRAFT_INVALID/,
  )

  await page.goto(harness.url)
  await goto(page, '/pending')
  await page.getByTestId('pending-draft').filter({ hasText: 'ws_cloud' }).click()
  const apply = page.getByTestId('plan-apply')
  const why = page.getByTestId('plan-apply-blocked')
  await expect(page.getByTestId('plan-summary')).toContainText('新增 3 项')
  await expect(apply).toBeDisabled()
  await expect(why).toHaveText('草稿有 1 个错误(规则 E3),修正后才能同步到云端')
  await expect(apply).toHaveAttribute('aria-describedby', 'plan-apply-why')
  await expect(page.getByTestId('problems').getByTestId('problem-E3')).toContainText(
    '事件规则「dlc-timeout」订阅了DLC任务超时事件,需要先在调度配置中配置超时规则',
  )
  await expectAccessible(page, 'pending with a draft that breaks E3')
  await shot(page, 'pending-invalid-zh-CN')

  await setLocale(page, 'en')
  await expect(why).toHaveText('The draft has 1 error (rules E3); fix them before applying')
  await expect(apply).toBeDisabled()

  // With a timeout rule the draft is valid: the same screen, re-planned, lets it be synced.
  const open = await invoke<DraftView>(harness, 'drafts.open', { key: KEY })
  const fixed = draftWith([{ kind: 'queue', minutes: 30, enabled: true }])
  await invoke(harness, 'drafts.save', { key: KEY, config: fixed, revision: open.revision })
  await page.getByTestId('plan-replan').click()
  await expect(why).toHaveCount(0)
  await expect(apply).toBeEnabled()
  await expect(apply).not.toHaveAttribute('aria-describedby', /./)
})
