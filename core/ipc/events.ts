import { events, type EventName, type EventPayload } from '@shared/ipc/events'

type Listener = (event: EventName, payload: unknown) => void

/** Fan-out of core events to whichever transports are attached (Electron windows, SSE clients, CLI). */
export class EventHub {
  private readonly listeners = new Set<Listener>()

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    const checked = events[event].parse(payload)
    for (const l of this.listeners) {
      try {
        l(event, checked)
      } catch {
        // a broken listener must not break the core
      }
    }
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}
