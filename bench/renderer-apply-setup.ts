/// <reference lib="dom" />
import type { ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { MAIN } from '../tests/integration/sync/harness'
import type { EmulatorProcess } from './emulator-process'
import { startHarness } from './renderer-page'

/** The built browser harness with a data folder of its own and a keychain service of its own (run under a keyring). */
export interface BenchHarness {
  url: string
  origin: string
  token: string
  child: ChildProcess
  invoke<T = unknown>(channel: string, body: unknown): Promise<T>
  close(): Promise<void>
}

export async function startBenchHarness(): Promise<BenchHarness> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pai-bench-apply-'))
  const service = `pai-bench-apply-${process.pid}`
  const { url, child } = await startHarness(dataDir, { PAI_ADMIN_KEYCHAIN_SERVICE: service })
  const u = new URL(url)
  const token = url.split('#token=')[1]!
  const invoke = async <T>(channel: string, body: unknown): Promise<T> => {
    const res = await fetch(`${u.origin}/api/invoke/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, origin: u.origin },
      body: JSON.stringify(body),
    })
    const env = (await res.json()) as { ok: boolean; value?: T; error?: { code: string; message: string } }
    if (!env.ok) throw new Error(`${channel}: ${env.error?.code} ${env.error?.message}`)
    return env.value as T
  }
  return {
    url,
    origin: u.origin,
    token,
    child,
    invoke,
    async close() {
      const id = ((await invoke('profiles.list', {}).catch(() => null)) as { profiles?: { id: string }[] } | null)
        ?.profiles?.[0]?.id
      // the keychain entry goes with the profile
      if (id) await invoke('profiles.remove', { id }).catch(() => undefined)
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r))
        child.kill('SIGTERM')
        await exited
      }
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

export const benchUid = (i: number): string => `27${String(i).padStart(14, '0')}`

/**
 * A profile for the emulator (secret in the keychain), one workspace in the emulator with `members` RAM users, the
 * workspace refreshed into the cache and a draft adding every user with two roles: `members` member creates to apply.
 */
export async function seedApply(
  h: BenchHarness,
  emu: EmulatorProcess,
  members: number,
): Promise<{ key: string; users: string[] }> {
  const users = Array.from({ length: members }, (_, i) => ({ UserId: benchUid(i), UserName: `user${i}` }))
  const seeded = (await emu.control('POST', '/__emulator/seed', {
    users,
    workspaces: [{ WorkspaceName: 'bench_apply', Description: 'bench' }],
  })) as { workspaces: Array<{ WorkspaceId: string }> }
  const wsId = seeded.workspaces[0]!.WorkspaceId
  const profile = await h.invoke<{ id: string }>('profiles.add', {
    name: 'bench',
    region: 'cn-hangzhou',
    endpoint: emu.endpoint,
    protocol: 'http',
    accessKeyId: MAIN.accessKeyId,
    accessKeySecret: MAIN.accessKeySecret,
  })
  await h.invoke('profiles.setActive', { id: profile.id })
  await h.invoke('sync.refresh', { profileId: profile.id, workspaceId: wsId })
  const list = await h.invoke<{ rows: Array<{ key: string; workspaceId?: string; name: string }> }>('workspaces.list', {
    limit: 50,
  })
  const key = list.rows.find((r) => r.name === 'bench_apply')?.key
  if (!key) throw new Error('the refreshed workspace is not listed')
  const view = await h.invoke<{ config: { members: unknown[] }; revision: number }>('drafts.open', { key })
  const added = users.map((u) => ({
    userId: u.UserId,
    userName: u.UserName,
    roles: ['PAI.AlgoDeveloper', 'PAI.AlgoOperator'],
  }))
  const config = { ...view.config, members: [...view.config.members, ...added] }
  await h.invoke('drafts.save', { key, config, revision: view.revision })
  return { key, users: users.map((u) => u.UserId) }
}

/**
 * In the page: every keydown's delay from the event's time stamp to the frame after its handlers ran (what a user
 * waits for a keypress to show), and a trivial core call (app.ping) every 500 ms, timed from the page.
 */
export async function installProbes(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __keys: number[]; __pings: number[]; __pingTimer?: number }
    w.__keys = []
    w.__pings = []
    document.addEventListener('keydown', (e) => {
      const t0 = e.timeStamp
      requestAnimationFrame(() => setTimeout(() => w.__keys.push(performance.now() - t0), 0))
    })
    const token = sessionStorage.getItem('pai-admin-token') ?? ''
    let busy = false
    w.__pingTimer = window.setInterval(() => {
      if (busy) return
      busy = true
      const t0 = performance.now()
      void fetch('/api/invoke/app.ping', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({ text: 'x' }),
      })
        .then((r) => r.json())
        .finally(() => {
          w.__pings.push(performance.now() - t0)
          busy = false
        })
    }, 500)
  })
}

/** Takes what the probes measured since the last take. */
export async function takeProbes(page: Page): Promise<{ keys: number[]; pings: number[] }> {
  return page.evaluate(() => {
    const w = window as unknown as { __keys: number[]; __pings: number[] }
    const out = { keys: w.__keys, pings: w.__pings }
    w.__keys = []
    w.__pings = []
    return out
  })
}

/** The resident memory of the browser's renderer processes (MB), from /proc (Linux). */
export function rendererRssMb(marker: string): number {
  const browserPid = fs
    .readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .find((d) => {
      try {
        const cmd = fs.readFileSync(`/proc/${d}/cmdline`, 'utf8')
        return cmd.includes(marker) && !cmd.includes('--type=')
      } catch {
        return false
      }
    })
  if (!browserPid) return NaN
  let kb = 0
  const walk = (pid: number): void => {
    let children: string[] = []
    try {
      children = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean)
    } catch {
      return
    }
    for (const c of children) {
      try {
        const cmd = fs.readFileSync(`/proc/${c}/cmdline`, 'utf8')
        if (cmd.includes('--type=renderer') && !cmd.includes('--extension-process')) {
          const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${c}/status`, 'utf8'))
          if (m) kb += Number(m[1])
        }
      } catch {
        // gone
      }
      walk(Number(c))
    }
  }
  walk(Number(browserPid))
  return kb / 1024
}
