import { ref, type Ref } from 'vue'

export interface Busy<K extends string> {
  /** What is running (`true` for an unnamed call), or null when idle. */
  busy: Ref<K | true | null>
  /** What the last call threw (shown by ErrorAlert), cleared when the next one starts. */
  error: Ref<unknown>
  /** Runs `fn` with `busy` set; returns its result, or undefined when it threw (the error is in `error`). */
  run<T>(fn: () => Promise<T>, what?: K): Promise<T | undefined>
}

/** The busy/error wrapper around a call to the core that every screen needs. */
export function useBusy<K extends string = never>(): Busy<K> {
  const busy = ref<K | true | null>(null) as Ref<K | true | null>
  const error = ref<unknown>(null)
  async function run<T>(fn: () => Promise<T>, what?: K): Promise<T | undefined> {
    busy.value = what ?? true
    error.value = null
    try {
      return await fn()
    } catch (err) {
      error.value = err
      return undefined
    } finally {
      busy.value = null
    }
  }
  return { busy, error, run }
}
