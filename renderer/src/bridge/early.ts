import type { Channel, RequestOf, ResponseOf } from '@shared/ipc/contract'
import { call } from './index'

/**
 * Calls started before the app's own modules are evaluated (../early.ts, the entry's first module): the core answers
 * them while the page still evaluates the app. The app takes each answer once,
 * for the same channel and request; any other call goes to the core as usual.
 */
const started = new Map<string, Promise<unknown>>()
const keyOf = (channel: Channel, request: unknown): string => `${channel} ${JSON.stringify(request)}`

export function startEarly<C extends Channel>(channel: C, request: RequestOf<C>): void {
  const p = call(channel, request)
  // Not taken (another request came first): its failure is nobody's, and must not be reported as unhandled.
  p.catch(() => undefined)
  started.set(keyOf(channel, request), p)
}

/** The answer of a call started early with this very request (once), else a new call. */
export function callEarly<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  const key = keyOf(channel, request)
  const p = started.get(key) as Promise<ResponseOf<C>> | undefined
  started.delete(key)
  return p ?? call(channel, request)
}
