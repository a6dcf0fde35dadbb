import type { EventPayload } from '@shared/ipc/events'

type Progress = EventPayload<'sync.progress'>

/** The shortest time between two progress events of one run: a few a second, whatever the cloud's pace. */
export const PROGRESS_INTERVAL_MS = 250

/**
 * Coalesces a run's progress events: the first goes at once, later ones at most one per interval, each carrying the
 * latest counts (a burst of completions between two events becomes the one event after it). A run's last event (when
 * nothing of it is pending or in flight) goes at once, so the final counts are never held back. The UI then redraws
 * a few times a second, not per op.
 */
export class ProgressCoalescer {
  private readonly last = new Map<string, number>()
  private readonly held = new Map<string, { p: Progress; timer: NodeJS.Timeout }>()

  constructor(
    private readonly emit: (p: Progress) => void,
    private readonly intervalMs = PROGRESS_INTERVAL_MS,
    private readonly now: () => number = () => Date.now(),
  ) {}

  push(p: Progress, final: boolean): void {
    const waiting = this.held.get(p.runId)
    const due = (this.last.get(p.runId) ?? -Infinity) + this.intervalMs
    if (final || this.now() >= due) {
      if (waiting) clearTimeout(waiting.timer)
      this.held.delete(p.runId)
      return this.send(p, final)
    }
    if (waiting) {
      waiting.p = p
      return
    }
    // unref: a held event never keeps the process alive
    const timer = setTimeout(() => this.release(p.runId), due - this.now()).unref()
    this.held.set(p.runId, { p, timer })
  }

  /** Sends what is held now (the worker stops). */
  flush(): void {
    for (const runId of [...this.held.keys()]) this.release(runId)
  }

  private release(runId: string): void {
    const h = this.held.get(runId)
    if (!h) return
    clearTimeout(h.timer)
    this.held.delete(runId)
    this.send(h.p, false)
  }

  private send(p: Progress, final: boolean): void {
    if (final) this.last.delete(p.runId)
    else this.last.set(p.runId, this.now())
    this.emit(p)
  }
}
