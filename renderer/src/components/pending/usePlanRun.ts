import { computed, onBeforeUnmount, onMounted, ref, shallowRef, type Ref } from 'vue'
import type { RunStatus } from '@shared/ipc/channels/sync'
import { call, onEvent } from '../../bridge'
import { keepUnchanged } from './run-rows'

/** The shortest time between two status calls of a followed run. */
const POLL_MS = 1000
/** Progress events are taken at most this often (the bar moves a few times a second, whatever the events' pace). */
const PROGRESS_MS = 500

/**
 * The run of a draft's plan as the pending view follows it: started here (apply) or found (one still going, or one
 * that left ops to look at), polled until it has settled, with retry and cancel. `afterSettle` reloads what is left.
 */
export function usePlanRun(opts: {
  selected: Ref<string | null>
  guard: (fn: () => Promise<void>) => Promise<void>
  error: Ref<unknown>
  afterSettle: () => Promise<void>
}) {
  const run = shallowRef<RunStatus | null>(null)
  const runId = ref<string | null>(null)
  const progress = ref<{ done: number; total: number } | null>(null)
  const running = computed(() => runId.value !== null && !(run.value?.finished ?? false))
  let poll: ReturnType<typeof setTimeout> | undefined
  let following = false
  let settledShown: string | null = null
  /** One status call at a time: a call asked for while one is out is made once after it, never piled up. */
  let inFlight: Promise<void> | null = null
  let again = false
  let lastPoll = 0

  /** Polls the run's status until it has settled: at most one call a second, whatever the events' pace. */
  function follow(): void {
    following = true
    schedule()
  }
  function schedule(): void {
    clearTimeout(poll)
    if (!following) return
    poll = setTimeout(() => void refresh().catch((err: unknown) => (opts.error.value = err)), nextPollIn())
  }
  const nextPollIn = (): number => Math.max(0, lastPoll + POLL_MS - Date.now())
  function stopFollowing(): void {
    following = false
    clearTimeout(poll)
    poll = undefined
  }

  /** The status now (after the call out, if one is). */
  async function refresh(): Promise<void> {
    if (inFlight) {
      again = true
      return inFlight
    }
    inFlight = (async () => {
      try {
        do {
          again = false
          lastPoll = Date.now()
          await pollStatus()
        } while (again)
      } finally {
        inFlight = null
        schedule()
      }
    })()
    return inFlight
  }

  async function pollStatus(): Promise<void> {
    if (!runId.value) return
    const id = runId.value
    const st = await call('sync.status', { runId: id })
    if (runId.value !== id) return
    run.value = keepUnchanged(run.value, st)
    if (st.finished && st.settled) {
      stopFollowing()
      if (settledShown !== id) {
        settledShown = id
        await opts.afterSettle()
      }
    }
  }

  /** The run worth showing when none was started here: one still going, or one that left ops to look at. */
  async function load(): Promise<void> {
    const key = opts.selected.value
    if (!key || running.value) return
    const st = await call('sync.status', { key })
    const open = new Set(st.ops.filter((o) => o.status !== 'done' && o.status !== 'cancelled').map((o) => o.runId))
    const latest = (st.runs ?? [])
      .filter((r) => open.has(r.runId))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0]
    if (!latest) return
    runId.value = latest.runId
    run.value = await call('sync.status', { runId: latest.runId })
    if (!run.value.finished) follow()
  }

  async function started(id: string, queued: number): Promise<void> {
    runId.value = id
    progress.value = { done: 0, total: queued }
    await refresh()
    follow()
  }

  function clear(): void {
    stopFollowing()
    run.value = null
    runId.value = null
  }

  const retry = (opId: string): Promise<void> =>
    opts.guard(async () => {
      await call('sync.retry', { opId })
      await refresh()
      follow()
    })
  /** Sends every failed op again; one already queued again by an earlier retry (a dependency) is skipped. */
  const retryAll = (opIds: string[]): Promise<void> =>
    opts.guard(async () => {
      for (const opId of opIds) {
        if (run.value?.ops.find((o) => o.opId === opId)?.status !== 'failed') continue
        await call('sync.retry', { opId })
        await refresh()
      }
      follow()
    })
  const cancelOp = (opId: string): Promise<void> =>
    opts.guard(async () => {
      await call('sync.cancel', { opId })
      await refresh()
    })
  const cancelRun = (runIds: string[]): Promise<void> =>
    opts.guard(async () => {
      for (const id of runIds) await call('sync.cancel', { runId: id })
      await refresh()
    })

  let offProgress: (() => void) | undefined
  /** The newest counts not shown yet: events are coalesced, the bar updated once per PROGRESS_MS at most. */
  let latest: { done: number; total: number } | null = null
  let showTimer: ReturnType<typeof setTimeout> | undefined
  const show = (): void => {
    showTimer = undefined
    if (latest) progress.value = latest
    latest = null
  }
  onMounted(() => {
    offProgress = onEvent('sync.progress', (p) => {
      // The counts a few times a second; the ops at the poll's pace.
      if (p.runId !== runId.value) return
      latest = { done: p.done, total: p.total }
      showTimer ??= setTimeout(show, PROGRESS_MS)
      if (!following) follow()
    })
  })
  onBeforeUnmount(() => {
    offProgress?.()
    clearTimeout(showTimer)
    stopFollowing()
  })
  return { run, progress, running, load, started, clear, retry, retryAll, cancelOp, cancelRun }
}
