import { z } from 'zod'
import type { DraftKeyParts } from '../model/draft-key'
import type { Store } from '../store'
import type { ManualOverlay } from './plan/overlay'

/**
 * The per-draft record of manual steps the user did in the console (`sync.markManualDone`), kept in the
 * settings table under `syncManual:<profile>:<workspaceKey>` and laid over the cache when planning.
 */
const ManualOverlaySchema = z.record(z.string(), z.unknown())
const overlayKey = (p: DraftKeyParts): string => `syncManual:${p.profileId ?? 'offline'}:${p.workspaceKey}`

export function readOverlay(store: Store, parts: DraftKeyParts): ManualOverlay {
  const got = store.settings.get(overlayKey(parts), ManualOverlaySchema)
  return got?.ok ? (got.value as ManualOverlay) : {}
}

export function writeOverlay(store: Store, parts: DraftKeyParts, overlay: ManualOverlay): void {
  store.settings.set(overlayKey(parts), overlay)
}

export function deleteOverlay(store: Store, parts: DraftKeyParts): void {
  store.settings.delete(overlayKey(parts))
}

/** A draft moved (a `local-…` key became its WorkspaceId): its overlay, if any, moves with it. */
export function moveOverlay(store: Store, from: DraftKeyParts, to: DraftKeyParts): void {
  const o = store.settings.get(overlayKey(from), ManualOverlaySchema)
  if (o?.ok) {
    store.settings.set(overlayKey(to), o.value)
    store.settings.delete(overlayKey(from))
  }
}
