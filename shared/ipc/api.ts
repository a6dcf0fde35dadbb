import type { Channel, RequestOf, ResponseOf } from './contract'
import type { ErrorPayload } from './errors'
import type { EventName, EventPayload } from './events'

/** What a call returns across a boundary: a value, or an error payload. Never a thrown exception. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorPayload }

/**
 * The object the preload exposes as `window.paiAdmin` (frozen). The renderer's HTTP bridge implements
 * the same shape over the browser harness, so nothing else in the renderer knows which one it has.
 */
export interface PaiBridge {
  invoke<C extends Channel>(channel: C, request: RequestOf<C>): Promise<Envelope<ResponseOf<C>>>
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void
  /** Which transport this is: for diagnostics only. */
  readonly kind: 'electron' | 'http'
}

export const BRIDGE_GLOBAL = 'paiAdmin'
