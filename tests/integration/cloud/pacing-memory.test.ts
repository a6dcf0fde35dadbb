import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import type { Envelope } from '@shared/ipc/api'
import type { ProfileView } from '@shared/ipc/channels/profiles'
import type { Core } from '../../../core/core'
import { PACING_KEY, PACING_MEMORY_MAX_AGE_MS } from '../../../core/services/pacing-memory'
import type { RunningEmulator } from '../../../tools/emulator'
import { testCore } from '../../helpers/core'
import { MAIN, startTestEmulator } from '../emulator/support'
import { requireKeychain } from '../vault/keychain'

/**
 * Issue 17 item 2: a new process (the next app start, the next CLI run of a pipeline) paces at the limit the last
 * one learned instead of starting cold. The product's wiring end to end: createCore's limiters, the store's settings
 * table on a real SQLite file, the keychain for the profile's secret, real HTTP to the throttling emulator.
 */

function value<T>(env: Envelope<unknown>): T {
  if (!env.ok) throw new Error(`expected ok, got ${JSON.stringify(env.error)}`)
  return env.value as T
}

const Memory = z.record(z.string(), z.object({ rate: z.number(), rttMs: z.number().optional(), learnedAt: z.string() }))

describe('pacing memory', () => {
  let emu: RunningEmulator
  let dataDir: string
  const cores: Core[] = []
  const open = (): Core => {
    const core = testCore({ dataDir, syncWorker: 'never' })
    cores.push(core)
    return core
  }
  const addProfile = async (core: Core): Promise<string> =>
    value<ProfileView>(
      await core.call(
        'profiles.add',
        {
          name: 'paced',
          region: 'cn-hangzhou',
          endpoint: emu.endpoint,
          protocol: 'http',
          proxy: null,
          accessKeyId: MAIN.accessKeyId,
          accessKeySecret: MAIN.accessKeySecret,
        },
        { locale: 'en' },
      ),
    ).id
  const limiterOf = async (core: Core, profileId: string) =>
    (await core.services.cloud.clientsFor(profileId)).limiterFor('pai')
  const remembered = (core: Core) => {
    const got = core.services.store.settings.get(PACING_KEY, Memory)
    return got?.ok ? got.value : undefined
  }

  /** 30 calls at once against a 10 QPS limit: the limiter is throttled and learns; returns the rate it learned. */
  const learn = async (core: Core, profileId: string): Promise<number> => {
    const clients = await core.services.cloud.clientsFor(profileId)
    emu.faults({ throttleQps: 10 })
    await Promise.allSettled(Array.from({ length: 30 }, () => clients.pai.listWorkspaces({ PageSize: 1 })))
    emu.clearFaults()
    const taught = clients.limiterFor('pai').pacing!
    expect(taught.throttles).toBeGreaterThan(0)
    return taught.rate
  }

  beforeAll(async () => {
    await requireKeychain()
    emu = await startTestEmulator()
  })
  afterAll(() => emu.close())
  beforeEach(() => {
    emu.reset()
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pai-pacing-memory-'))
  })
  afterEach(async () => {
    emu.clearFaults()
    for (const core of cores.splice(0)) {
      for (const p of core.services.store.profiles.list()) await core.services.vault.deleteAll(p.id)
      await core.close()
    }
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  it('the limit a throttling answer taught is kept in the store; the next process on the data folder paces at it from its first request', async () => {
    const first = open()
    const profileId = await addProfile(first)
    expect(await learn(first, profileId)).toBeLessThanOrEqual(11)
    const kept = Object.values(remembered(first) ?? {})
    expect(kept).toHaveLength(1)
    expect(kept[0]!.rate).toBeGreaterThan(0)
    expect(kept[0]!.rttMs).toBeGreaterThan(0)
    await first.close()
    cores.splice(0)

    // a new process: no request sent yet, the limiter already paces at the rate taught last time
    const next = open()
    const limiter = await limiterOf(next, profileId)
    expect(limiter.pacing!.rate).toBe(kept[0]!.rate)
    expect(limiter.pacing!.throttles).toBe(0)
  })

  it('a remembered limit older than 7 days, or one that does not parse, is not used; the next one learned replaces it', async () => {
    const first = open()
    const profileId = await addProfile(first)
    await learn(first, profileId)
    const [key] = Object.keys(remembered(first) ?? {})
    expect(key).toBeDefined()

    const old = new Date(Date.now() - PACING_MEMORY_MAX_AGE_MS - 60_000).toISOString()
    first.services.store.settings.set(PACING_KEY, { [key!]: { rate: 42, learnedAt: old } })
    expect((await limiterOf(open(), profileId)).pacing!.rate).toBe(Infinity)

    first.services.store.settings.set(PACING_KEY, { [key!]: { rate: -5, learnedAt: 'yesterday' } })
    const last = open()
    expect((await limiterOf(last, profileId)).pacing!.rate).toBe(Infinity)
    expect(await learn(last, profileId)).toBeLessThanOrEqual(11)
    const replaced = remembered(last)?.[key!]
    expect(replaced?.rate).toBeGreaterThan(0)
    expect(replaced?.rate).toBeLessThanOrEqual(11)
    expect(Date.now() - Date.parse(replaced!.learnedAt)).toBeLessThan(60_000)
  })
})
