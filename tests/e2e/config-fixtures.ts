import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Page } from '@playwright/test'
import type { DraftView } from '../../shared/ipc/channels/workspaces'
import { startHarness, stopHarness, type RunningHarness } from './harness'

/** Calls a contract channel over the harness's HTTP API, as the renderer does. */
export async function invoke<T = unknown>(h: RunningHarness, channel: string, body: unknown): Promise<T> {
  const res = await fetch(`${h.origin}/api/invoke/${channel}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${h.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
  const json = (await res.json()) as { ok?: boolean; value?: T; error?: { code: string; message: string } } & Record<
    string,
    unknown
  >
  if (!res.ok || json.error) throw new Error(`${channel}: ${res.status} ${JSON.stringify(json.error ?? json)}`)
  return (json.value ?? json) as T
}

/** A minimal valid configuration for a new workspace. */
export function newConfig(name = 'ws_e2e', extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    basic: { name, description: 'e2e workspace', mode: 'standard' },
    storage: { defaultPath: 'oss://e2e-bucket/data/' },
    ...extra,
  }
}

export async function createDraft(
  h: RunningHarness,
  config: unknown,
  profileId: string | null = null,
): Promise<DraftView> {
  return invoke<DraftView>(h, 'drafts.create', { profileId, config })
}

/** Opens the configuration screen of a draft and waits for it. */
export async function openConfig(page: Page, h: RunningHarness, key: string, tab?: string): Promise<void> {
  await page.goto(h.url)
  await page.getByTestId('brand').waitFor()
  // Let the first navigation (token taken, redirect to the list) settle before moving on.
  await page.waitForURL(/#\/workspaces(\?.*)?$/)
  const target = `#/workspaces/${encodeURIComponent(key)}${tab ? `?tab=${tab}` : ''}`
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.evaluate((hash) => (window.location.hash = hash), target)
    try {
      await page.getByTestId('config-header').waitFor({ timeout: 10_000 })
      return
    } catch {
      // The list view's own first load may have replaced the route: go again.
    }
  }
  await page.getByTestId('config-header').waitFor()
}

export async function goTab(page: Page, tab: string): Promise<void> {
  await page.getByTestId(`tab-${tab}`).click()
}

/** Waits until the header says every edit is saved locally. */
export async function waitSaved(page: Page): Promise<void> {
  await page.waitForFunction(
    () => document.querySelector('[data-testid="save-state"]')?.getAttribute('data-state') === 'saved',
  )
}

/** What to put in the store before the harness starts: a profile, its facts, and cached cloud workspaces. */
export interface Seed {
  profile: { id: string; name: string; region: string; accessKeyId: string }
  facts?: Record<string, unknown>
  workspaces?: { workspaceId: string; config: Record<string, unknown> }[]
  active?: boolean
}

/** A harness on a data folder seeded by `tests/e2e/config-seed.ts` (run with tsx, before the harness opens the store). */
export async function startSeededHarness(seed: Seed): Promise<RunningHarness & { seededDir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pai-e2e-seed-'))
  execFileSync('npx', ['tsx', '--tsconfig', 'tsconfig.node.json', 'tests/e2e/config-seed.ts', dir], {
    input: JSON.stringify(seed),
    stdio: ['pipe', 'inherit', 'inherit'],
  })
  // The last --data-dir wins (node:util parseArgs).
  const h = await startHarness(['--data-dir', dir])
  return { ...h, seededDir: dir }
}

export async function stopSeededHarness(h: RunningHarness & { seededDir: string }): Promise<void> {
  await stopHarness(h)
  fs.rmSync(h.seededDir, { recursive: true, force: true })
}

/** A cloud workspace as a refresh would have cached it: an owner, members, one associated resource. */
export function cloudWorkspace(name = 'ws_cloud'): Record<string, unknown> {
  return {
    basic: { name, displayName: 'Cloud WS', description: 'cached from the cloud', mode: 'standard' },
    owner: { userId: '100', userName: 'owner' },
    members: [
      { userId: '100', userName: 'owner', roles: ['PAI.WorkspaceOwner'] },
      { userId: '200', userName: 'alice', roles: ['PAI.AlgoDeveloper'] },
      { userId: '300', userName: 'bob', roles: ['PAI.WorkspaceAdmin', 'PAI.WorkspaceGuest'] },
    ],
    resources: [{ kind: 'general', envType: 'prod', name: 'rg_train', resourceId: 'r-1', isDefault: true }],
    storage: { defaultPath: 'oss://cloud-bucket/ws/' },
  }
}

/** The seed of a main-account profile with one cached workspace `ws-1`: draft key `p1:ws-1`. */
export function mainAccountSeed(region = 'cn-hangzhou', config = cloudWorkspace()): Seed {
  return {
    profile: { id: 'p1', name: 'main', region, accessKeyId: 'LTAI_E2E' },
    facts: { identity: { kind: 'main', userId: '100', userName: 'owner' }, eventBridgeAuthorized: true },
    workspaces: [{ workspaceId: 'ws-1', config }],
  }
}
