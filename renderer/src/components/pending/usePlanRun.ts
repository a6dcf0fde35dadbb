import { computed, onBeforeUnmount, onMounted, ref, shallowRef, type Ref } from 'vue'
import type { RunStatus } from '@shared/ipc/channels/sync'
import { call, onEvent } from '../../bridge'

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
  let poll: ReturnType<typeof setInterval> | undefined
  let settledShown: string | null = null

  function follow(): void {
    clearInterval(poll)
    poll = setInterval(() => void pollStatus().catch((err: unknown) => (opts.error.value = err)), 700)
  }

  async function pollStatus(): Promise<void> {
    if (!runId.value) return
    run.value = await call('sync.status', { runId: runId.value })
    if (run.value.finished && run.value.settled) {
      clearInterval(poll)
      poll = undefined
      if (settledShown !== runId.value) {
        settledShown = runId.value
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
    await pollStatus()
    follow()
  }

  function clear(): void {
    run.value = null
    runId.value = null
  }

  const retry = (opId: string): Promise<void> =>
    opts.guard(async () => {
      await call('sync.retry', { opId })
      await pollStatus()
      follow()
    })
  /** Sends every failed op again; one already queued again by an earlier retry (a dependency) is skipped. */
  const retryAll = (opIds: string[]): Promise<void> =>
    opts.guard(async () => {
      for (const opId of opIds) {
        if (run.value?.ops.find((o) => o.opId === opId)?.status !== 'failed') continue
        await call('sync.retry', { opId })
        await pollStatus()
      }
      follow()
    })
  const cancelOp = (opId: string): Promise<void> =>
    opts.guard(async () => {
      await call('sync.cancel', { opId })
      await pollStatus()
    })
  const cancelRun = (runIds: string[]): Promise<void> =>
    opts.guard(async () => {
      for (const id of runIds) await call('sync.cancel', { runId: id })
      await pollStatus()
    })

  let offProgress: (() => void) | undefined
  onMounted(() => {
    offProgress = onEvent('sync.progress', (p) => {
      if (p.runId === runId.value) {
        progress.value = { done: p.done, total: p.total }
        void pollStatus().catch((err: unknown) => (opts.error.value = err))
      }
    })
  })
  onBeforeUnmount(() => {
    offProgress?.()
    clearInterval(poll)
  })
  return { run, progress, running, load, started, clear, retry, retryAll, cancelOp, cancelRun }
}
