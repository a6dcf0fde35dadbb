import crypto from 'node:crypto'
import type http from 'node:http'
import querystring from 'node:querystring'

/** An answer with an error: the status and the cloud's `Code` / `Message`. */
export class EmuError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message)
  }
}

export const bad = (code: string, message: string): EmuError => new EmuError(400, code, message)
export const notFound = (code: string, message: string): EmuError => new EmuError(404, code, message)
export const conflict = (code: string, message: string): EmuError => new EmuError(409, code, message)
export const forbidden = (code: string, message: string): EmuError => new EmuError(403, code, message)

/** One incoming request, read fully. */
export interface Incoming {
  method: string
  /** The raw path, as sent (still percent-encoded). */
  rawPath: string
  /** The decoded query (last value wins for repeated keys). */
  query: Record<string, string>
  headers: http.IncomingHttpHeaders
  body: Buffer
  requestId: string
}

export function parseIncoming(req: http.IncomingMessage, body: Buffer): Incoming {
  const url = req.url ?? '/'
  const q = url.indexOf('?')
  const rawPath = q === -1 ? url : url.slice(0, q)
  const parsed = q === -1 ? {} : querystring.parse(url.slice(q + 1))
  const query: Record<string, string> = {}
  for (const [k, v] of Object.entries(parsed)) query[k] = Array.isArray(v) ? (v[v.length - 1] ?? '') : (v ?? '')
  return {
    method: (req.method ?? 'GET').toUpperCase(),
    rawPath,
    query,
    headers: req.headers,
    body,
    requestId: crypto.randomUUID().toUpperCase(),
  }
}

export function header(inc: Incoming, name: string): string | undefined {
  const v = inc.headers[name]
  return Array.isArray(v) ? v.join(',') : v
}

/** The JSON body as an object; an empty body is `{}`. */
export function jsonBody(inc: Incoming): Record<string, unknown> {
  if (inc.body.length === 0) return {}
  try {
    const v: unknown = JSON.parse(inc.body.toString('utf8'))
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>
  } catch {
    // fall through
  }
  throw bad('InvalidParameter.Body', 'The request body is not a JSON object.')
}

export interface Answer {
  status: number
  headers: Record<string, string>
  body: string
}

export function jsonAnswer(status: number, body: unknown, headers: Record<string, string> = {}): Answer {
  return {
    status,
    headers: { 'content-type': 'application/json;charset=utf-8', ...headers },
    body: JSON.stringify(body),
  }
}

export function send(res: http.ServerResponse, a: Answer): void {
  res.writeHead(a.status, { ...a.headers, 'content-length': Buffer.byteLength(a.body) })
  res.end(a.body)
}

/** Helpers to read typed parameters from a query or body, with the cloud's error for a bad one. */
export function str(v: unknown, name: string, required: true): string
export function str(v: unknown, name: string, required?: false): string | undefined
export function str(v: unknown, name: string, required = false): string | undefined {
  if (v === undefined || v === null || v === '') {
    if (required)
      throw bad(
        'MissingParameter',
        `The input parameter "${name}" that is mandatory for processing this request is not supplied.`,
      )
    return undefined
  }
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  if (typeof v !== 'string') throw bad('InvalidParameter', `The parameter "${name}" must be a string.`)
  return v
}

export function int(v: unknown, name: string, dflt: number, min = 1, max = Number.MAX_SAFE_INTEGER): number {
  if (v === undefined || v === null || v === '') return dflt
  const n = typeof v === 'number' ? v : Number(v)
  if (!Number.isInteger(n) || n < min || n > max)
    throw bad('InvalidParameter', `The parameter "${name}" is invalid: ${String(v)}.`)
  return n
}

export function bool(v: unknown, name: string): boolean | undefined {
  if (v === undefined || v === null || v === '') return undefined
  if (v === true || v === 'true') return true
  if (v === false || v === 'false') return false
  throw bad('InvalidParameter', `The parameter "${name}" must be true or false.`)
}

export function arr(v: unknown, name: string): unknown[] | undefined {
  if (v === undefined || v === null) return undefined
  if (!Array.isArray(v)) throw bad('InvalidParameter', `The parameter "${name}" must be an array.`)
  return v
}

export function obj(v: unknown, name: string): Record<string, unknown> {
  if (!v || typeof v !== 'object' || Array.isArray(v))
    throw bad('InvalidParameter', `The parameter "${name}" must be an object.`)
  return v as Record<string, unknown>
}

export function csv(v: string | undefined): string[] {
  return v
    ? v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : []
}

/** A page of `items` (1-based PageNumber). */
export function page<T>(items: T[], q: Record<string, unknown>): T[] {
  const n = int(q.PageNumber, 'PageNumber', 1)
  const size = int(q.PageSize, 'PageSize', 20, 1, 100)
  return items.slice((n - 1) * size, n * size)
}
