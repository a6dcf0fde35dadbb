import { test, expect } from './harness'
import { createDraft, goTab, invoke, newConfig, openConfig, waitSaved } from './config-fixtures'
import type { DraftView } from '../../shared/ipc/channels/workspaces'

test.describe('workspace configuration: scheduling, storage, SLS and general settings', () => {
  test('S1: scheduling edits (runtime, priority limits, non-members, timeouts) are validated and saved (D1)', async ({
    page,
    harness,
  }) => {
    const d = await createDraft(
      harness,
      newConfig('ws_sched', { members: [{ userId: '200', roles: ['PAI.AlgoDeveloper'] }] }),
    )
    await openConfig(page, harness, d.key, 'scheduling')
    await page.getByTestId('sched-max-runtime').locator('input').fill('120')
    await page.getByTestId('jobPriorityLimits-add').click()
    const prio = page.getByTestId('jobPriorityLimits-priority-0').locator('input')
    await prio.fill('12')
    await prio.blur()
    await expect(page.getByTestId('limits-jobPriorityLimits').getByTestId('problem-S1')).toBeVisible()
    await prio.fill('7')
    await prio.blur()
    await expect(page.getByTestId('limits-jobPriorityLimits').getByTestId('problem-S1')).toHaveCount(0)
    await page.getByTestId('sched-nm-job').locator('input').fill('3')
    await page.getByTestId('timeout-add').click()
    await page.getByTestId('timeout-minutes-0').locator('input').fill('30')
    await page.getByTestId('timeout-minutes-0').locator('input').blur()
    await waitSaved(page)
    await page.setViewportSize({ width: 1360, height: 1300 })
    await page.screenshot({ path: 'tests/e2e/screenshots/config-scheduling-zh-CN.png' })
    await page.reload()
    await page.getByTestId('scheduling-tab').waitFor()
    await expect(page.getByTestId('sched-max-runtime').locator('input')).toHaveValue('120')
    const saved = await invoke<DraftView>(harness, 'drafts.open', { key: d.key })
    expect(saved.config.scheduling.maxRuntimeMinutes).toBe(120)
    expect(saved.config.scheduling.jobPriorityLimits).toEqual([
      { subjectType: 'role', subjectId: 'PAI.AlgoDeveloper', maxPriority: 7 },
    ])
    expect(saved.config.scheduling.nonMembers.maxJobPriority).toBe(3)
    expect(saved.config.scheduling.timeouts).toEqual([{ kind: 'queue', minutes: 30, enabled: true }])
  })

  test('ST2: the Designer workflow path wins when a workflow runs, and the screen shows which path is effective', async ({
    page,
    harness,
  }) => {
    const d = await createDraft(harness, newConfig('ws_st2'))
    await openConfig(page, harness, d.key, 'storage')
    await expect(page.getByTestId('effective-workflow')).toContainText('oss://e2e-bucket/data/')
    await expect(page.getByTestId('effective-workflow')).toHaveAttribute('data-source', 'default')
    await page.getByTestId('storage-designer').fill('oss://flow-bucket/designer/')
    await expect(page.getByTestId('effective-workflow')).toContainText('oss://flow-bucket/designer/')
    await expect(page.getByTestId('effective-workflow')).toHaveAttribute('data-source', 'designer')
    await expect(page.getByTestId('effective-other')).toContainText('oss://e2e-bucket/data/')
    await expect(page.getByTestId('problem-ST2')).toBeVisible()
    // ST1: a bad OSS path is reported inline.
    await page.getByTestId('storage-default').fill('s3://nope')
    await expect(page.getByTestId('problem-ST1')).toBeVisible()
    await page.getByTestId('storage-default').fill('oss://e2e-bucket/data/')
    await waitSaved(page)
    await page.screenshot({ path: 'tests/e2e/screenshots/config-storage-zh-CN.png' })
    await page.reload()
    await page.getByTestId('storage-tab').waitFor()
    await expect(page.getByTestId('storage-designer')).toHaveValue('oss://flow-bucket/designer/')
  })

  test('L1: offline, SLS project and logstore are typed; forwarding needs both; G1-G3 switches are saved', async ({
    page,
    harness,
  }) => {
    const d = await createDraft(harness, newConfig('ws_sls'))
    await openConfig(page, harness, d.key, 'sls')
    await expect(page.getByTestId('sls-offline-hint')).toBeVisible()
    await page.getByTestId('sls-module-DLC').click()
    await expect(page.getByTestId('problem-L1').first()).toBeVisible()
    await page.getByTestId('sls-project').fill('my-project')
    await page.getByTestId('sls-logstore').fill('dlc-logs')
    await expect(page.getByTestId('problem-L1')).toHaveCount(0)
    await page.screenshot({ path: 'tests/e2e/screenshots/config-sls-zh-CN.png' })
    await goTab(page, 'switches')
    await page.getByTestId('switch-dswSsh').click()
    await waitSaved(page)
    await page.screenshot({ path: 'tests/e2e/screenshots/config-switches-zh-CN.png' })
    const saved = await invoke<DraftView>(harness, 'drafts.open', { key: d.key })
    expect(saved.config.sls).toEqual({ project: 'my-project', logstore: 'dlc-logs', modules: ['DLC'] })
    expect(saved.config.switches).toEqual({ dlcContainerAccess: false, dswSsh: true, dswPublicAccess: false })
  })
})
