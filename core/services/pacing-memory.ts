import { z } from 'zod'
import type { PacingMemory } from '../cloud/limiter'
import type { SettingsRepo } from '../store/repos/settings'

/** The settings key the learned limits are kept under: one entry per endpoint (`protocol://host`). */
export const PACING_KEY = 'pacing.learned'
/**
 * A limit older than this is not trusted: the process starts cold and learns it again (a quota can be raised or
 * shared meanwhile; a lowered one is also learned at the first throttling answer).
 */
export const PACING_MEMORY_MAX_AGE_MS = 7 * 24 * 3600_000

const Entry = z.object({
  rate: z.number().positive().finite(),
  rttMs: z.number().positive().finite().optional(),
  learnedAt: z.string().datetime(),
})
const Learned = z.record(z.string(), Entry)

/**
 * The limits the endpoints taught, kept in the store's settings table, so that a new process (the next app start,
 * each CLI run of a pipeline) paces at the rate the service accepted last time instead of starting cold: at 300 ms
 * a cold start reaches only 0.85 of the limit over 1,000 requests, a remembered one 0.96 (bench/pacing-sim.bench.ts).
 * An unreadable value is ignored (and replaced by the next limit learned); a failed write loses only the memory.
 */
export function settingsPacingMemory(
  repo: SettingsRepo,
  now: () => Date = () => new Date(),
  onError: (err: unknown) => void = () => {},
): PacingMemory {
  // What was last written per endpoint: a throttling answer that moves the limit by less than 5% writes nothing (the
  // write is on the request path, and a synchronous=FULL commit waits for the disk).
  const written = new Map<string, number>()
  const read = (): z.infer<typeof Learned> => {
    const v = repo.get(PACING_KEY, Learned)
    return v?.ok ? v.value : {}
  }
  return {
    recall(key) {
      try {
        const e = read()[key]
        if (!e) return undefined
        const age = now().getTime() - Date.parse(e.learnedAt)
        if (!(age >= 0 && age <= PACING_MEMORY_MAX_AGE_MS)) return undefined
        return { rate: e.rate, rttMs: e.rttMs }
      } catch (err) {
        onError(err)
        return undefined
      }
    },
    learned(key, limit) {
      const last = written.get(key)
      if (last !== undefined && Math.abs(limit.rate - last) < last * 0.05) return
      try {
        repo.set(PACING_KEY, { ...read(), [key]: { ...limit, learnedAt: now().toISOString() } })
        written.set(key, limit.rate)
      } catch (err) {
        onError(err)
      }
    },
  }
}
