import { z } from 'zod'

/** A seeded PRNG (mulberry32): the same --seed gives the same faults. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export const FAULT_KINDS = [
  'throttle',
  '500',
  '503',
  'drop-before',
  'drop-after',
  'malformed',
  'latency',
  'late',
  'hold',
  'hold-answer',
] as const
export type FaultKind = (typeof FAULT_KINDS)[number]

/** One injected fault: applies to the next `count` matching cloud requests. */
export const InjectSchema = z.object({
  kind: z.enum(FAULT_KINDS),
  /** Match on the action (e.g. CreateWorkspace) and/or the service (pai, eventBridge, sts, sls). */
  action: z.string().optional(),
  service: z.enum(['pai', 'eventBridge', 'sts', 'sls']).optional(),
  count: z.number().int().min(1).default(1),
  retryAfterMs: z.number().int().min(0).optional(),
  /** `latency`: the wait before the request is performed; `late`: after it is performed, before the answer. */
  latencyMs: z.number().int().min(0).optional(),
  /** `hold`, `hold-answer`: the longest a request is held (ms) when nobody releases it. Default 5 minutes. */
  holdMs: z.number().int().min(0).optional(),
})
export type Inject = z.infer<typeof InjectSchema>

export const FaultSettingsSchema = z.object({
  latencyMs: z.number().min(0).optional(),
  throttleQps: z.number().min(0).optional(),
  faultRate: z.number().min(0).max(1).optional(),
  inject: z.array(InjectSchema).optional(),
})
/** What callers pass (count defaults to 1). */
export type FaultSettings = z.input<typeof FaultSettingsSchema>
type ParsedFaultSettings = z.infer<typeof FaultSettingsSchema>

export class Faults {
  latencyMs: number
  throttleQps: number
  faultRate: number
  private readonly rng: () => number
  private injected: Inject[] = []
  private windowStart = 0
  private windowCount = 0
  /** Requests of `hold` faults (not performed yet) and answers of `hold-answer` faults (performed, not sent yet). */
  private readonly held = new Set<{ action: string; release: () => void }>()

  constructor(o: { latencyMs: number; throttleQps: number; faultRate: number; seed: number }) {
    this.latencyMs = o.latencyMs
    this.throttleQps = o.throttleQps
    this.faultRate = o.faultRate
    this.rng = mulberry32(o.seed)
  }

  set(s: ParsedFaultSettings): void {
    if (s.latencyMs !== undefined) this.latencyMs = s.latencyMs
    if (s.throttleQps !== undefined) this.throttleQps = s.throttleQps
    if (s.faultRate !== undefined) this.faultRate = s.faultRate
    if (s.inject) this.injected.push(...s.inject.map((i) => ({ ...i })))
  }

  clear(): void {
    this.latencyMs = 0
    this.throttleQps = 0
    this.faultRate = 0
    this.injected = []
    this.release()
  }

  /** Waits until the held request (or answer) is released, or `holdMs` passes. */
  hold(action: string, holdMs: number): Promise<void> {
    return new Promise((resolve) => {
      const entry = {
        action,
        release: () => {
          clearTimeout(timer)
          this.held.delete(entry)
          resolve()
        },
      }
      const timer = setTimeout(entry.release, holdMs)
      this.held.add(entry)
    })
  }

  /** How many requests or answers are held, per action. */
  heldCounts(): Record<string, number> {
    const out: Record<string, number> = {}
    for (const h of this.held) out[h.action] = (out[h.action] ?? 0) + 1
    return out
  }

  /** Lets the held requests and answers go on (of one action, or all); returns how many. */
  release(action?: string): number {
    let n = 0
    for (const h of [...this.held])
      if (!action || h.action === action) {
        h.release()
        n++
      }
    return n
  }

  pending(): Inject[] {
    return this.injected.map((i) => ({ ...i }))
  }

  /** With --throttle-qps: undefined when allowed, else the milliseconds until the next one-second window. */
  throttle(now: number): number | undefined {
    if (this.throttleQps <= 0) return undefined
    if (now - this.windowStart >= 1000) {
      this.windowStart = now
      this.windowCount = 0
    }
    this.windowCount++
    if (this.windowCount <= this.throttleQps) return undefined
    return Math.max(1, 1000 - (now - this.windowStart))
  }

  /** Takes one injected fault matching the request, if any. */
  take(service: string, action: string): Inject | undefined {
    const i = this.injected.findIndex(
      (f) => (!f.action || f.action === action) && (!f.service || f.service === service),
    )
    if (i < 0) return undefined
    const f = this.injected[i]!
    f.count -= 1
    if (f.count <= 0) this.injected.splice(i, 1)
    return f
  }

  /** With --fault-rate: a random 500 or dropped connection. */
  random(): FaultKind | undefined {
    if (this.faultRate <= 0 || this.rng() >= this.faultRate) return undefined
    return this.rng() < 0.5 ? '500' : 'drop-before'
  }
}
