import crypto from 'node:crypto'

export interface RequestFacts {
  host: string | undefined
  origin: string | undefined
  authorization: string | undefined
  /** ?token= (EventSource cannot send headers). */
  queryToken: string | null
}

export type Verdict = 'ok' | 'unauthorized' | 'forbidden'

/**
 * The harness's gate, pure so every branch is unit-tested:
 * Host must be exactly 127.0.0.1:PORT (DNS rebinding), Origin absent or http://127.0.0.1:PORT,
 * and API requests must carry the per-run token (Bearer header, or ?token= for the event stream).
 */
export function checkRequest(req: RequestFacts, opts: { port: number; token: string; requireToken: boolean }): Verdict {
  const expectedHost = `127.0.0.1:${opts.port}`
  if (req.host !== expectedHost) return 'forbidden'
  if (req.origin !== undefined && req.origin !== `http://${expectedHost}`) return 'forbidden'
  if (!opts.requireToken) return 'ok'
  const bearer = /^Bearer (.+)$/.exec(req.authorization ?? '')?.[1]
  const given = bearer ?? req.queryToken ?? ''
  return safeEqual(given, opts.token) ? 'ok' : 'unauthorized'
}

function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a)
  const bb = Buffer.from(b)
  return ab.length === bb.length && crypto.timingSafeEqual(ab, bb)
}
