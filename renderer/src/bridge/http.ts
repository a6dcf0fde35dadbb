import type { Envelope, PaiBridge } from '@shared/ipc/api'
import type { EventName } from '@shared/ipc/events'

const TOKEN_KEY = 'pai-admin-token'

/** Takes `#token=T` from the address the harness printed, keeps it for reloads, and clears it from the URL. */
export function takeToken(): string {
  const m = /(?:^#|&)token=([^&]+)/.exec(window.location.hash)
  if (m?.[1]) {
    const token = decodeURIComponent(m[1])
    sessionStorage.setItem(TOKEN_KEY, token)
    history.replaceState(null, '', window.location.pathname + window.location.search + '#/')
    return token
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? ''
}

/** A keepalive request's body must stay under the browser's 64 KiB limit (a bigger one is sent as a plain request). */
const KEEPALIVE_MAX = 60_000

/**
 * A call sent while the page is being closed (pagehide): a keepalive request, which the browser finishes after the
 * page is gone. Its answer is read when the page is still there.
 */
export async function invokeKeepalive(channel: string, request: unknown): Promise<Envelope<never>> {
  const body = JSON.stringify(request ?? {})
  try {
    const res = await fetch(`/api/invoke/${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Authorization: `Bearer ${sessionStorage.getItem(TOKEN_KEY) ?? ''}`,
      },
      body,
      keepalive: new TextEncoder().encode(body).length < KEEPALIVE_MAX,
    })
    return (await res.json()) as Envelope<never>
  } catch (err) {
    return { ok: false, error: { code: 'NETWORK', message: err instanceof Error ? err.message : String(err) } }
  }
}

/** The same bridge shape as the preload's, over the browser harness's HTTP API and SSE. */
export function createHttpBridge(token: string): PaiBridge {
  let source: EventSource | undefined
  const listeners = new Map<string, Set<(payload: unknown) => void>>()

  function ensureSource(): EventSource {
    if (!source) {
      source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`)
    }
    return source
  }

  return Object.freeze({
    kind: 'http' as const,
    async invoke(channel, request) {
      try {
        const res = await fetch(`/api/invoke/${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: JSON.stringify(request ?? {}),
        })
        return (await res.json()) as Envelope<never>
      } catch (err) {
        return { ok: false, error: { code: 'NETWORK', message: err instanceof Error ? err.message : String(err) } }
      }
    },
    on(event: EventName, listener: (payload: never) => void) {
      const es = ensureSource()
      let set = listeners.get(event)
      if (!set) {
        set = new Set()
        listeners.set(event, set)
        es.addEventListener(event, (e) => {
          const data: unknown = JSON.parse((e as MessageEvent<string>).data)
          for (const l of listeners.get(event) ?? []) l(data)
        })
      }
      const l = listener as (payload: unknown) => void
      set.add(l)
      return () => {
        set.delete(l)
      }
    },
  } satisfies PaiBridge)
}
