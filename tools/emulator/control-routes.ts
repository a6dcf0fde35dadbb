import crypto from 'node:crypto'
import { z } from 'zod'
import { applySeed } from './control'
import { FaultSettingsSchema } from './faults'
import { header, jsonAnswer, type Answer, type Incoming } from './http'
import type { PipelineDeps } from './pipeline'

/** The test-only control routes (`/__emulator/...`), guarded by the x-emulator-token header. */
export function control(d: PipelineDeps, inc: Incoming): Answer {
  const token = header(inc, 'x-emulator-token') ?? ''
  const ok =
    token.length === d.controlToken.length && crypto.timingSafeEqual(Buffer.from(token), Buffer.from(d.controlToken))
  if (!ok) return jsonAnswer(401, { error: 'missing or wrong x-emulator-token' })
  const route = `${inc.method} ${inc.rawPath}`
  let body: unknown = {}
  try {
    if (inc.body.length) body = JSON.parse(inc.body.toString('utf8'))
  } catch {
    return jsonAnswer(400, { error: 'the body is not JSON' })
  }
  try {
    switch (route) {
      case 'GET /__emulator/state':
        return jsonAnswer(200, {
          state: d.core.state,
          faults: {
            latencyMs: d.faults.latencyMs,
            throttleQps: d.faults.throttleQps,
            faultRate: d.faults.faultRate,
            pending: d.faults.pending(),
            held: d.faults.heldCounts(),
          },
        })
      case 'POST /__emulator/reset':
        d.core.reset()
        d.faults.clear()
        d.log.length = 0
        return jsonAnswer(200, { ok: true })
      case 'POST /__emulator/seed':
        return jsonAnswer(200, applySeed(d.core, body))
      case 'POST /__emulator/faults':
        d.faults.set(FaultSettingsSchema.parse(body))
        return jsonAnswer(200, { ok: true, pending: d.faults.pending() })
      case 'POST /__emulator/release': {
        const { action } = z.object({ action: z.string().optional() }).parse(body)
        return jsonAnswer(200, { ok: true, released: d.faults.release(action) })
      }
      case 'DELETE /__emulator/faults':
        d.faults.clear()
        return jsonAnswer(200, { ok: true })
      case 'GET /__emulator/stats': {
        const cpu = process.cpuUsage()
        return jsonAnswer(200, {
          cpuUserMicros: cpu.user,
          cpuSystemMicros: cpu.system,
          served: Object.values(d.core.state.calls).reduce((a, b) => a + b, 0),
        })
      }
      case 'GET /__emulator/requests':
        return jsonAnswer(200, { requests: d.log })
      case 'DELETE /__emulator/requests':
        d.log.length = 0
        return jsonAnswer(200, { ok: true })
      case 'POST /__emulator/save':
        d.core.save()
        return jsonAnswer(200, { ok: true })
      default:
        return jsonAnswer(404, { error: `no control route ${route}` })
    }
  } catch (err) {
    return jsonAnswer(400, { error: err instanceof Error ? err.message : String(err) })
  }
}
