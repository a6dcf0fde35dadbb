import { computed, shallowRef, toRaw, type Ref, type ShallowRef } from 'vue'
import { validate, type Problem, type ValidationContext, type WorkspaceConfig } from '@shared/domain'
import type { DraftView } from '@shared/ipc/channels/workspaces'

/**
 * The open draft's problems (the draft store's): the shared rules run on the draft's plain objects (no reactive
 * reads over every member) with the context from `workspaces.context`, else the core's answer of the last open or
 * save. `check()` runs them now; the store calls it when the page is idle after an edit.
 */
export function useDraftProblems(
  config: Ref<WorkspaceConfig | null>,
  context: ShallowRef<ValidationContext | null>,
  view: ShallowRef<DraftView | null>,
) {
  const problems = shallowRef<Problem[]>([])
  function check(): void {
    const c = config.value
    problems.value = !c
      ? []
      : !context.value
        ? (view.value?.problems ?? [])
        : validate(toRaw(c), context.value).problems
  }
  const errorCount = computed(() => problems.value.filter((p) => p.severity === 'error').length)
  const warningCount = computed(() => problems.value.length - errorCount.value)
  const byPointer = computed(() => {
    const m = new Map<string, Problem[]>()
    for (const p of problems.value) {
      const list = m.get(p.pointer)
      if (list) list.push(p)
      else m.set(p.pointer, [p])
    }
    return m
  })
  /** Problems at exactly `pointer`, or (with `deep`) at it and below it. */
  function problemsAt(pointer: string, deep = false): Problem[] {
    if (!deep) return byPointer.value.get(pointer) ?? []
    return problems.value.filter((p) => p.pointer === pointer || p.pointer.startsWith(pointer + '/'))
  }
  return { problems, check, errorCount, warningCount, problemsAt }
}
