/**
 * The first screen's signal: the landing list says when its first rows (or its empty state) are painted, and
 * only then is the rest of the shell (Element Plus, the sidebar, the header tools, the status bar) loaded, so
 * that none of it is evaluated or rendered before the first rows. A list that never paints (an error, a screen
 * other than the list) is not waited for more than FALLBACK_MS.
 */
const FALLBACK_MS = 2000

let resolveFirst: (() => void) | undefined
/** Settled once the first screen is painted, or FALLBACK_MS after boot at the latest. */
export const firstScreenPainted = new Promise<void>((r) => (resolveFirst = r))

/** Started at boot: the fallback for a first screen that never says it painted. */
export function armFirstScreenFallback(): void {
  setTimeout(() => resolveFirst?.(), FALLBACK_MS)
}

/** The list calls this once its first rows (or its empty state) are in the DOM: settles after the next paint. */
export function markFirstScreen(): void {
  // rAF runs before the frame's paint; the task queued from it runs after that paint.
  requestAnimationFrame(() => setTimeout(() => resolveFirst?.(), 0))
  // A hidden or throttled page may never run rAF: do not wait for it long.
  setTimeout(() => resolveFirst?.(), 100)
}
