/**
 * Work the draft store does after an edit, off the keystroke's path (issue 17): validating and serializing a draft
 * of 1,000 members takes long enough to delay the next frame, so it runs when the page is idle, and at the latest
 * `timeoutMs` after it was asked for. Asked for again before it ran, it runs once.
 */
export interface IdleTask {
  /** Runs `fn` once, when the page is idle (or `timeoutMs` from now at the latest); a pending run stays as it is. */
  schedule(): void
  /** Drops a pending run. */
  cancel(): void
  /** Runs `fn` now if a run is pending (e.g. when the page is being closed). */
  flush(): void
  readonly pending: boolean
}

type Handle = { idle: number } | { timer: ReturnType<typeof setTimeout> }

const hasIdle = typeof window !== 'undefined' && typeof window.requestIdleCallback === 'function'

export function idleTask(fn: () => void, timeoutMs: number): IdleTask {
  let handle: Handle | null = null
  const run = (): void => {
    handle = null
    fn()
  }
  const cancel = (): void => {
    if (!handle) return
    if ('idle' in handle) window.cancelIdleCallback(handle.idle)
    else clearTimeout(handle.timer)
    handle = null
  }
  return {
    schedule() {
      if (handle) return
      handle = hasIdle
        ? { idle: window.requestIdleCallback(run, { timeout: timeoutMs }) }
        : { timer: setTimeout(run, 0) }
    },
    cancel,
    flush() {
      if (!handle) return
      cancel()
      fn()
    },
    get pending() {
      return handle !== null
    },
  }
}

/**
 * Calls `save` when the page is hidden or being closed (the window closed, the app quit, a reload), so an edit made
 * a moment before is not lost waiting for its save (D1: saved at every edit). Answers the listeners' removal.
 */
export function onPageLeave(save: () => void): () => void {
  const hidden = (): void => {
    if (document.visibilityState === 'hidden') save()
  }
  window.addEventListener('pagehide', save)
  document.addEventListener('visibilitychange', hidden)
  return () => {
    window.removeEventListener('pagehide', save)
    document.removeEventListener('visibilitychange', hidden)
  }
}
