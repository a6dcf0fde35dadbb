import { BRIDGE_GLOBAL, type PaiBridge } from '@shared/ipc/api'
import type { Channel, RequestOf, ResponseOf } from '@shared/ipc/contract'
import type { ErrorPayload } from '@shared/ipc/errors'
import type { EventName, EventPayload } from '@shared/ipc/events'
import { createHttpBridge, invokeKeepalive, takeToken } from './http'

/**
 * The renderer's only way to the core: the preload's `window.paiAdmin` inside Electron,
 * the HTTP bridge in a plain browser. Nothing outside this folder knows which.
 */
function pickBridge(): PaiBridge {
  const fromPreload = (window as unknown as Record<string, PaiBridge | undefined>)[BRIDGE_GLOBAL]
  return fromPreload ?? createHttpBridge(takeToken())
}

export const bridge: PaiBridge = pickBridge()

/** A failed call: the stable code, the rule ID where a rule was broken, a localized message. */
export class CallError extends Error {
  readonly code: string
  readonly ruleId: string | undefined
  readonly details: unknown
  constructor(payload: ErrorPayload) {
    super(payload.message)
    this.name = 'CallError'
    this.code = payload.code
    this.ruleId = payload.ruleId
    this.details = payload.details
  }
}

/** Calls a contract channel; resolves with the value or rejects with a CallError. */
export async function call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  const env = await bridge.invoke(channel, request)
  if (!env.ok) throw new CallError(env.error)
  return env.value
}

/**
 * A call made while the page is being closed (the window closed, a reload): in a browser a keepalive request that
 * outlives the page; in Electron the IPC message is already on its way to the main process.
 */
export async function callOnLeave<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  const env = bridge.kind === 'http' ? await invokeKeepalive(channel, request) : await bridge.invoke(channel, request)
  if (!env.ok) throw new CallError(env.error)
  return env.value as ResponseOf<C>
}

export function onEvent<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  return bridge.on(event, listener)
}
