import { computed, ref, shallowRef, type Ref } from 'vue'
import type { WorkspaceConfig } from '@shared/domain'
import { mergeDrafts, type ConflictChoice, type DraftMerge } from '@shared/bundle/merge'
import type { CallError } from '../bridge'
import { plainCopy } from './plain-copy'

/**
 * The edit whose save lost the revision race (the draft store's, on DRAFT_CONFLICT): kept and offered back until
 * applied or dismissed, never dropped silently. Applying it again is a three-way merge (`lostMerge`: base = the
 * revision the edit started from, mine, theirs = what the screen shows now): what either side changed alone is
 * kept, and a field both changed is a conflict the user decides (`chooseLost`) before it applies.
 * `apply(merged)` puts the merged configuration in place as an edit (when the draft may be edited).
 */
export function useLostEdit(config: Ref<WorkspaceConfig | null>, apply: (merged: WorkspaceConfig) => boolean) {
  /** Set when a save found the draft changed elsewhere and it was reloaded (the screen tells the user). */
  const conflict = ref<CallError | null>(null)
  const lostEdit = shallowRef<WorkspaceConfig | null>(null)
  /** The revision the lost edit started from (the merge's base). */
  const lostBase = shallowRef<WorkspaceConfig | null>(null)
  /** The user's decision per conflicting field (by path). */
  const lostChoices = ref<Record<string, ConflictChoice>>({})

  /** The lost edit merged with what the screen shows now (the newest revision and anything typed since). */
  const lostMerge = computed<DraftMerge | null>(() =>
    lostEdit.value && lostBase.value && config.value
      ? mergeDrafts(lostBase.value, lostEdit.value, plainCopy(config.value), lostChoices.value)
      : null,
  )
  /** Whether every conflict of the merge has the user's decision. */
  const lostDecided = computed(() => (lostMerge.value?.conflicts ?? []).every((c) => lostChoices.value[c.path]))

  /** A save lost the race: `lost` is the edit as it is now, `base` the revision it started from. */
  function lose(err: CallError, lost: WorkspaceConfig, base: WorkspaceConfig): void {
    conflict.value = err
    lostEdit.value = lost
    lostBase.value = base
  }
  function chooseLost(path: string, choice: ConflictChoice): void {
    lostChoices.value = { ...lostChoices.value, [path]: choice }
  }
  function forgetLost(): void {
    lostEdit.value = null
    lostBase.value = null
    lostChoices.value = {}
  }
  function dismissLost(): void {
    forgetLost()
    conflict.value = null
  }
  /** Merges the lost edit into the newest revision (once every conflict is decided). */
  function reapplyLost(): void {
    const merged = lostMerge.value
    if (!merged || !lostDecided.value || !apply(merged.config)) return
    dismissLost()
  }
  return {
    conflict,
    lostEdit,
    lostMerge,
    lostChoices,
    lostDecided,
    lose,
    chooseLost,
    forgetLost,
    dismissLost,
    reapplyLost,
  }
}
