import type { Channel, ParsedRequestOf, ResponseOf } from '@shared/ipc/contract'
import type { Locale } from '@shared/locale'
import type { EventName, EventPayload } from '@shared/ipc/events'

/** Who is calling and how to answer: the same for Electron IPC, the HTTP harness, tests and the CLI. */
export interface CallContext {
  /** The language the error messages are rendered in. */
  locale: Locale
  /** Which transport delivered the call (for the activity log). */
  transport: 'electron' | 'http' | 'cli' | 'test'
}

export type Handler<C extends Channel> = (
  request: ParsedRequestOf<C>,
  ctx: CallContext,
) => Promise<ResponseOf<C>> | ResponseOf<C>

/** One handler per contract channel. TypeScript refuses a table that misses a channel. */
export type HandlerTable = { [C in Channel]: Handler<C> }

/** A slice of the table, as each area provides it. */
export type HandlersFor<C extends Channel> = { [K in C]: Handler<K> }

/** Emits an event of the contract to every window (the core's EventHub). */
export type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void
