import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { test as base } from '@playwright/test'

export interface RunningHarness {
  url: string
  origin: string
  token: string
  dataDir: string
  process: ChildProcess
}

/** Options of `seedDataDir` (see tests/e2e/seed.ts). */
export interface SeedOptions {
  workspaces?: number
  dataworks?: string[]
  drafts?: number
  /** A draft that drops an associated resource (C2) and one that conflicts with the cloud. */
  planCases?: boolean
  /** A second profile (another account, a RAM role) with three cached workspaces. */
  secondAccount?: boolean
  /** One user (2800000000000001, fleet_admin) is a member (PAI.WorkspaceAdmin) of every cached workspace. */
  accessUser?: boolean
}

/** A fresh data folder seeded through the store repositories; returns it and the seeded profile's id. */
export function seedDataDir(opts: SeedOptions = {}): { dataDir: string; profileId: string } {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pai-e2e-'))
  const args = ['tsx', '--tsconfig', 'tsconfig.node.json', 'tests/e2e/seed.ts', '--data-dir', dataDir]
  if (opts.workspaces) args.push('--workspaces', String(opts.workspaces))
  if (opts.dataworks?.length) args.push('--dataworks', opts.dataworks.join(','))
  if (opts.drafts) args.push('--drafts', String(opts.drafts))
  if (opts.planCases) args.push('--plan-cases')
  if (opts.secondAccount) args.push('--second-account')
  if (opts.accessUser) args.push('--access-user')
  const out = execFileSync('npx', args, { encoding: 'utf8' })
  return { dataDir, profileId: out.trim() }
}

/** Starts the built harness (`out/main/harness.js`) on a free port with a fresh (or the given) data folder. */
export async function startHarness(
  extraArgs: string[] = [],
  env: NodeJS.ProcessEnv = {},
  givenDataDir?: string,
): Promise<RunningHarness> {
  const dataDir = givenDataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'pai-e2e-'))
  const child = spawn(process.execPath, ['out/main/harness.js', '--port', '0', '--data-dir', dataDir, ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  })
  const url = await new Promise<string>((resolve, reject) => {
    let out = ''
    let err = ''
    const timer = setTimeout(() => reject(new Error(`harness did not start: ${out} ${err}`)), 20_000)
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString()
      const m = /PAI Workspace Admin: (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(out)
      if (m?.[1]) {
        clearTimeout(timer)
        resolve(m[1])
      }
    })
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()))
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`harness exited with ${code}: ${err}`))
    })
  })
  const u = new URL(url)
  return { url, origin: u.origin, token: url.split('#token=')[1]!, dataDir, process: child }
}

export async function stopHarness(h: RunningHarness): Promise<void> {
  if (h.process.exitCode === null) {
    const exited = new Promise((r) => h.process.once('exit', r))
    h.process.kill('SIGTERM')
    await exited
  }
  fs.rmSync(h.dataDir, { recursive: true, force: true })
}

/** A test with a harness of its own. */
export const test = base.extend<{ harness: RunningHarness }>({
  harness: async ({}, use) => {
    const h = await startHarness()
    await use(h)
    await stopHarness(h)
  },
})
export { expect } from '@playwright/test'

export interface RunningEmulator {
  url: string
  /** host:port, for a profile's endpoint (protocol http). */
  endpoint: string
  process: ChildProcess
  dir: string
}

/** Accounts the e2e emulator knows: a main account and a RAM user without AliyunPAIFullAccess (A3). */
export const EMULATOR_ACCOUNTS = {
  main: {
    accessKeyId: 'LTAIe2eMain',
    accessKeySecret: 'e2e-main-secret',
    type: 'main',
    uid: '1100000000000001',
    name: 'e2e-main',
    eventBridge: true,
  },
  ram: {
    accessKeyId: 'LTAIe2eRam',
    accessKeySecret: 'e2e-ram-secret',
    type: 'ram',
    uid: '2100000000000001',
    name: 'e2e-ram',
    policies: [] as string[],
  },
} as const

/** Starts the PAI emulator (tools/emulator) as a child process on a free port. */
export async function startEmulator(extraArgs: string[] = []): Promise<RunningEmulator> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pai-e2e-emu-'))
  const accounts = path.join(dir, 'accounts.json')
  fs.writeFileSync(accounts, JSON.stringify({ accounts: [EMULATOR_ACCOUNTS.main, EMULATOR_ACCOUNTS.ram] }))
  const child = spawn(
    'npx',
    [
      'tsx',
      '--tsconfig',
      'tsconfig.node.json',
      'tools/emulator/main.ts',
      '--port',
      '0',
      '--accounts',
      accounts,
      ...extraArgs,
    ],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  )
  const url = await new Promise<string>((resolve, reject) => {
    let out = ''
    let err = ''
    const timer = setTimeout(() => reject(new Error(`emulator did not start: ${out} ${err}`)), 30_000)
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString()
      const m = /PAI emulator listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)
      if (m?.[1]) {
        clearTimeout(timer)
        resolve(m[1])
      }
    })
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()))
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`emulator exited with ${code}: ${err}`))
    })
  })
  return { url, endpoint: url.replace('http://', ''), process: child, dir }
}

export async function stopEmulator(e: RunningEmulator): Promise<void> {
  // A process ended by a signal has no exit code but a signal code: stopping it twice must not wait forever.
  if (e.process.exitCode === null && e.process.signalCode === null && e.process.pid !== undefined) {
    const exited = new Promise((r) => e.process.once('exit', r))
    // npx runs tsx runs node: end the process group this test started.
    process.kill(-e.process.pid, 'SIGTERM')
    await exited
  }
  fs.rmSync(e.dir, { recursive: true, force: true })
}

/** A harness plus an emulator started with `args` (and readied by `ready`, e.g. seeded), both shut down after the test. */
export function emulatorTestWith(args: string[], ready?: (e: RunningEmulator) => Promise<void>) {
  return base.extend<{ emulator: RunningEmulator; harness: RunningHarness }>({
    emulator: async ({}, use) => {
      const e = await startEmulator(args)
      if (ready) await ready(e)
      await use(e)
      await stopEmulator(e)
    },
    harness: async ({ emulator }, use) => {
      void emulator
      const h = await startHarness()
      await use(h)
      await stopHarness(h)
    },
  })
}

/** A harness plus an emulator (DataWorks name `dw_taken`), both shut down after the test. */
export const emulatorTest = emulatorTestWith(['--dataworks-names', 'dw_taken'])
