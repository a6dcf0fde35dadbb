import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { test as base, expect, type Page } from '@playwright/test'
import type { ProfileView } from '../../shared/ipc/channels/profiles'
import { startEmulator, type RunningEmulator } from '../../tools/emulator/index'
import {
  ADMIN_ROLE,
  arnOf,
  CI_ROLE,
  DEPLOYER,
  ECS_ROLE,
  OIDC_PROVIDER,
  oidcToken,
  OTHER,
  ROLES,
  STS_ACCOUNTS,
} from '../integration/cloud/sts-fixtures'
import { invoke } from './config-fixtures'
import { startHarness, stopHarness, type RunningHarness } from './harness'
import { expectAccessible, goto, pick, shot } from './helpers'

/**
 * Issue 15: the profile forms of the kinds STS token, OIDC role, ECS RAM role and RAM role (own AccessKey), in Chromium through the harness;
 * the emulator stands in for STS and for the ECS metadata service (the harness's test-only route).
 */
const test = base.extend<{ emulator: RunningEmulator; harness: RunningHarness }>({
  emulator: async ({}, use) => {
    const e = await startEmulator({
      accounts: STS_ACCOUNTS,
      roles: ROLES,
      oidcProviders: [OIDC_PROVIDER],
      ecsRole: ECS_ROLE.roleName,
    })
    await use(e)
    await e.close()
  },
  harness: async ({ emulator }, use) => {
    const h = await startHarness([], { PAI_ADMIN_TEST_ECS_METADATA_ORIGIN: emulator.url })
    await use(h)
    await stopHarness(h)
  },
})

/** The form item of a field: its label and, when the field is bad, its error under it. */
const item = (page: Page, testId: string) =>
  page
    .getByTestId('profile-dialog')
    .locator('.el-form-item')
    .filter({ has: page.getByTestId(testId) })

async function expectFieldError(page: Page, testId: string, label: string, message: string): Promise<void> {
  await expect(item(page, testId).locator('.el-form-item__label')).toHaveText(label)
  await expect(item(page, testId).locator('.el-form-item__error')).toHaveText(message)
}

/** Save is refused: the dialog stays open and no profile of that name exists. */
async function expectNotSaved(page: Page, h: RunningHarness, name: string): Promise<void> {
  await page.getByTestId('profile-save').click()
  await expect(page.getByTestId('profile-dialog')).toBeVisible()
  const { profiles } = await invoke<{ profiles: ProfileView[] }>(h, 'profiles.list', {})
  expect(profiles.map((p) => p.name)).not.toContain(name)
}

/** Opens the add dialog with a name and a kind, its endpoint the emulator's (HTTP). */
async function startAdd(page: Page, emu: RunningEmulator, name: string, kind: string): Promise<void> {
  await page.getByTestId('profile-add').click()
  await page.getByTestId('profile-name').fill(name)
  await pick(page, 'profile-kind', kind)
  await page.getByTestId('profile-endpoint-custom').click()
  await page.getByTestId('profile-endpoint').fill(emu.endpoint)
  await page.getByTestId('profile-protocol').getByText('HTTP', { exact: true }).click()
}

async function saveAndTest(page: Page, name: string): Promise<void> {
  await page.getByTestId('profile-save').click()
  await expect(page.getByTestId('profile-dialog')).toBeHidden()
  await page.getByTestId(`profile-actions-${name}`).getByTestId('profile-test').click()
}

/** The row of a profile in the list. */
const row = (page: Page, name: string) =>
  page
    .getByTestId('profiles-table')
    .locator('tr')
    .filter({ has: page.getByTestId(`profile-row-${name}`) })

test.describe('profile kinds [账号]: STS token, OIDC role, ECS RAM role, RAM role with its own key', () => {
  test('an STS token profile: a bad expiry time is refused in the field, saved with its key, token and expiry, tested', async ({
    page,
    harness,
    emulator,
  }) => {
    // A real temporary credential from the emulator's STS, as a user would paste one.
    const src = await invoke<ProfileView>(harness, 'profiles.add', {
      name: 'deployer',
      region: 'cn-hangzhou',
      endpoint: emulator.endpoint,
      protocol: 'http',
      accessKeyId: DEPLOYER.accessKeyId,
      accessKeySecret: DEPLOYER.accessKeySecret,
    })
    const role = await invoke<ProfileView>(harness, 'profiles.add', {
      name: 'role',
      region: 'cn-hangzhou',
      kind: 'ram-role-arn',
      baseProfileId: src.id,
      roleArn: arnOf(ADMIN_ROLE),
      externalId: 'ext-4711',
      endpoint: emulator.endpoint,
      protocol: 'http',
    })
    await invoke(harness, 'profiles.test', { id: role.id })
    const issued = emulator.core.sts.issued()[0]!
    const expiration = new Date(issued.session!.expiresAt).toISOString()

    await page.goto(harness.url)
    await goto(page, '/profiles')
    await startAdd(page, emulator, '临时凭证', 'STS Token')
    await expect(page.getByTestId('profile-kind-hint')).toContainText('到期后需更新')
    await page.getByTestId('profile-akid').fill(issued.accessKeyId)
    await page.getByTestId('profile-secret').fill(issued.accessKeySecret)
    await page.getByTestId('profile-security-token').fill(issued.session!.securityToken)
    await page.getByTestId('profile-sts-expiration').fill('明天中午')
    await expectFieldError(page, 'profile-sts-expiration', '过期时间', '时间格式如 2026-12-01T12:00:00Z')
    await expectNotSaved(page, harness, '临时凭证')

    await page.getByTestId('profile-sts-expiration').fill(expiration)
    await expect(item(page, 'profile-sts-expiration').locator('.el-form-item__error')).toHaveCount(0)
    await expectAccessible(page, 'STS token profile dialog')
    await shot(page, 'profiles-sts-dialog-zh-CN')
    await saveAndTest(page, '临时凭证')
    const r = row(page, '临时凭证')
    await expect(r).toContainText('STS Token')
    await expect(r).toContainText('华东1(杭州)')
    await expect(r).toContainText(issued.accessKeyId)
    await expect(r).toContainText('已保存')
    await expect(page.getByTestId('profile-caller-临时凭证')).toContainText('AssumedRoleUser')
    await expect(page.getByTestId('profile-caller-临时凭证')).toContainText(OTHER.uid!)
    await expect(page.getByTestId('profile-expiry-临时凭证')).toContainText('到期')
    // Neither the secret nor the security token reaches the page.
    const body = (await page.locator('body').innerText()) + (await page.content())
    expect(body).not.toContain(issued.accessKeySecret)
    expect(body).not.toContain(issued.session!.securityToken)
  })

  test('an OIDC role profile: a malformed role ARN and no token file are refused in their fields; an unreadable file is named when tested', async ({
    page,
    harness,
    emulator,
  }) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pai-e2e-oidc-'))
    const file = path.join(dir, 'token')
    try {
      await page.goto(harness.url)
      await goto(page, '/profiles')
      await startAdd(page, emulator, 'ci', 'OIDC 角色')
      await expect(page.getByTestId('profile-kind-hint')).toContainText('OIDC Token 文件')
      // No AccessKey and no secret for this kind.
      await expect(page.getByTestId('profile-akid')).toHaveCount(0)
      await expect(page.getByTestId('profile-secret')).toHaveCount(0)
      await page.getByTestId('profile-role-arn').fill('acs:ram::x:user/bob')
      await expectFieldError(page, 'profile-role-arn', '角色 ARN', '角色 ARN 格式为 acs:ram::<账号ID>:role/<角色名>')
      await page.getByTestId('profile-oidc-provider').fill(OIDC_PROVIDER.arn)
      await expectNotSaved(page, harness, 'ci')
      // Once saving was tried, the empty token file is flagged too.
      await expectFieldError(page, 'profile-oidc-file', 'OIDC Token 文件路径', '必填')

      await page.getByTestId('profile-role-arn').fill(arnOf(CI_ROLE))
      await expect(item(page, 'profile-role-arn').locator('.el-form-item__error')).toHaveCount(0)
      await expectNotSaved(page, harness, 'ci')
      // A file that is not there yet: saved (the CI system writes it later), and the test says which file.
      await page.getByTestId('profile-oidc-file').fill(file)
      await expectAccessible(page, 'OIDC role profile dialog')
      await shot(page, 'profiles-oidc-dialog-zh-CN')
      await saveAndTest(page, 'ci')
      await expect(page.locator('body')).toContainText(`无法读取 OIDC 令牌文件 ${file}(ENOENT)`)
      await expect(page.getByTestId('profile-caller-ci')).toContainText('未测试')

      fs.writeFileSync(file, oidcToken())
      await page.getByTestId('profile-actions-ci').getByTestId('profile-test').click()
      await expect(page.getByTestId('profile-caller-ci')).toContainText(`acs:ram::${OTHER.uid}:assumed-role/ci-deploy/`)
      const r = row(page, 'ci')
      await expect(r).toContainText('OIDC 角色')
      await expect(r).toContainText(arnOf(CI_ROLE))
      await expect(r).toContainText('无需密钥')
      await expect(page.locator('body')).not.toContainText(fs.readFileSync(file, 'utf8'))
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  test('an ECS RAM role profile: a malformed role name is refused in its field; saved, it takes the instance role', async ({
    page,
    harness,
    emulator,
  }) => {
    await page.goto(harness.url)
    await goto(page, '/profiles')
    await startAdd(page, emulator, '实例角色', 'ECS 实例 RAM 角色')
    await expect(page.getByTestId('profile-kind-hint')).toContainText('ECS 实例上运行时')
    await expect(page.getByTestId('profile-akid')).toHaveCount(0)
    await expect(page.getByTestId('profile-role-arn')).toHaveCount(0)
    await page.getByTestId('profile-ecs-role').fill('Ecs Pai Role!')
    await expectFieldError(
      page,
      'profile-ecs-role',
      '实例 RAM 角色名(可选)',
      '实例 RAM 角色名为 1-64 个字母、数字、“.”或“-”',
    )
    await expectNotSaved(page, harness, '实例角色')

    await page.getByTestId('profile-ecs-role').fill(ECS_ROLE.roleName)
    await expect(item(page, 'profile-ecs-role').locator('.el-form-item__error')).toHaveCount(0)
    await expectAccessible(page, 'ECS RAM role profile dialog')
    await saveAndTest(page, '实例角色')
    await expect(page.getByTestId('profile-caller-实例角色')).toContainText(/assumed-role\/ecspairole\//i)
    const r = row(page, '实例角色')
    await expect(r).toContainText('ECS 实例 RAM 角色')
    await expect(r).toContainText(ECS_ROLE.roleName)
    await expect(r).toContainText('无需密钥')
    // The first profile becomes the current one, as an AccessKey profile does.
    await expect(page.getByTestId('active-profile')).toContainText('实例角色')
  })

  test('a RAM role profile with its own AccessKey (no source profile): a bad session length is refused in its field; saved, it assumes the role', async ({
    page,
    harness,
    emulator,
  }) => {
    await page.goto(harness.url)
    await goto(page, '/profiles')
    await startAdd(page, emulator, '自有密钥角色', 'RAM 角色(AssumeRole)')
    // No source profile chosen: the profile's own AccessKey is asked for.
    await page.getByTestId('profile-akid').fill(DEPLOYER.accessKeyId)
    await page.getByTestId('profile-secret').fill(DEPLOYER.accessKeySecret)
    await page.getByTestId('profile-role-arn').fill(arnOf(ADMIN_ROLE))
    await page.getByTestId('profile-external-id').fill('ext-4711')
    await page.getByTestId('profile-duration').fill('60')
    await expectFieldError(page, 'profile-duration', '会话时长(秒)', '时长为 900-43200 秒')
    await expectNotSaved(page, harness, '自有密钥角色')

    await page.getByTestId('profile-duration').fill('900')
    await saveAndTest(page, '自有密钥角色')
    await expect(page.getByTestId('profile-caller-自有密钥角色')).toContainText(
      `acs:ram::${OTHER.uid}:assumed-role/pai-admin/`,
    )
    const r = row(page, '自有密钥角色')
    await expect(r).toContainText('RAM 角色(AssumeRole)')
    await expect(r).toContainText(arnOf(ADMIN_ROLE))
    await expect(r).toContainText('已保存')
    await expect(page.locator('body')).not.toContainText(DEPLOYER.accessKeySecret)
  })
})
