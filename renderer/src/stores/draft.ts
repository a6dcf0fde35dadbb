import { defineStore } from 'pinia'
import { computed, ref, shallowRef, toRaw, watch } from 'vue'
import type { ValidationContext, WorkspaceConfig } from '@shared/domain'
import type { DraftView } from '@shared/ipc/channels/workspaces'
import { call, callOnLeave, CallError, onEvent } from '../bridge'
import { idleTask, onPageLeave } from './draft-idle'
import { useDraftProblems } from './draft-problems'
import { useLostEdit } from './draft-lost-edit'
import { plainCopy } from './plain-copy'

/** How the open draft stands against the local store (D1: saved at every edit). */
export type SaveState = 'saved' | 'pending' | 'saving' | 'error'

/** Delay between the last edit and the save: short enough that a crash loses nothing a user would miss. */
export const SAVE_DEBOUNCE_MS = 300
/** The latest an edit's validation waits for the page to be idle. */
const VALIDATE_WITHIN_MS = 150
/** The latest a due save waits for the page to be idle (it serializes the whole draft). */
const SAVE_WITHIN_MS = 200

/** The configuration without its member list, which can hold thousands of members (watched apart). */
const withoutMembers = (c: WorkspaceConfig): Omit<WorkspaceConfig, 'members'> => {
  const { members: _members, ...rest } = c
  return rest
}

/**
 * The open draft of the workspace configuration screen. Components edit `config` in place; every edit is
 * validated with the shared rules (and the context from `workspaces.context`) as soon as the page is idle and saved
 * through `drafts.save` a moment later, revision-checked, or at once when the page is hidden or closed (D1). Edits
 * outside the member list are seen by a watch; an edit inside it (a role removed, a member added) is told with
 * `memberEdited()`: a deep watch over 1,000 members would walk them all at every keystroke (issue 17). A save made elsewhere (another tab or window, the CLI, a
 * bulk change) is taken at once when nothing here is unsaved (`data.changed`; `updatedElsewhere` says so).
 * On DRAFT_CONFLICT the draft is reloaded, `conflict` tells the screen, and the edit that lost the race is kept
 * so the user can apply it again, merged (./draft-lost-edit.ts). The problems come from ./draft-problems.ts.
 */
export const useDraftStore = defineStore('draft', () => {
  const key = ref<string | null>(null)
  const view = shallowRef<DraftView | null>(null)
  const config = ref<WorkspaceConfig | null>(null)
  const context = shallowRef<ValidationContext | null>(null)
  const revision = ref(0)
  const saveState = ref<SaveState>('saved')
  const saveError = ref<CallError | null>(null)
  const loadError = ref<CallError | null>(null)
  const loading = ref(false)
  /** Set when a save made elsewhere was taken while this screen had nothing unsaved. */
  const updatedElsewhere = ref(false)

  let lastSaved = ''
  /** The configuration outside the member list as last seen (the watch below tells an edit from a load). */
  let lastRest = ''
  /** Edits made so far: a save answered after another edit leaves the draft pending. */
  let edits = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  let inFlight: Promise<void> | null = null

  const readOnly = computed(() => view.value?.canModify.allowed === false)
  const isNew = computed(() => view.value !== null && view.value.base === null)

  const { problems, check, errorCount, warningCount, problemsAt } = useDraftProblems(config, context, view)
  const validation = idleTask(check, VALIDATE_WITHIN_MS)
  const idleSave = idleTask(() => void save(), SAVE_WITHIN_MS)
  const lostEdits = useLostEdit(config, (merged) => {
    if (readOnly.value) return false
    config.value = merged
    edited()
    return true
  })
  const { conflict, forgetLost } = lostEdits

  function adopt(v: DraftView): void {
    view.value = v
    revision.value = v.revision
    config.value = plainCopy(v.config)
    lastSaved = JSON.stringify(v.config)
    lastRest = JSON.stringify(withoutMembers(v.config))
    saveState.value = 'saved'
    validation.cancel()
    check()
  }

  async function open(k: string): Promise<void> {
    clearTimeout(timer)
    key.value = k
    loading.value = true
    loadError.value = null
    conflict.value = null
    forgetLost()
    updatedElsewhere.value = false
    try {
      const [v, ctx] = await Promise.all([call('drafts.open', { key: k }), call('workspaces.context', { key: k })])
      if (key.value !== k) return
      context.value = ctx
      adopt(v)
    } catch (err) {
      view.value = null
      config.value = null
      loadError.value =
        err instanceof CallError ? err : new CallError({ code: 'INTERNAL', message: String(err), details: undefined })
    } finally {
      loading.value = false
    }
  }

  async function reload(): Promise<void> {
    if (key.value) await open(key.value)
  }

  /** Saves the draft (with `leaving`, as the page is being closed: a request that outlives the page). */
  async function save(leaving = false): Promise<void> {
    clearTimeout(timer)
    idleSave.cancel()
    if (inFlight) {
      await inFlight
      return save(leaving)
    }
    const k = key.value
    if (!k || !config.value || readOnly.value) return
    const at = edits
    const json = JSON.stringify(toRaw(config.value))
    if (json === lastSaved) {
      saveState.value = 'saved'
      return
    }
    saveState.value = 'saving'
    inFlight = (async () => {
      try {
        const req = { key: k, config: JSON.parse(json) as unknown, revision: revision.value }
        const v = await (leaving ? callOnLeave('drafts.save', req) : call('drafts.save', req))
        if (key.value !== k) return
        view.value = v
        revision.value = v.revision
        lastSaved = json
        saveError.value = null
        saveState.value = edits === at ? 'saved' : 'pending'
      } catch (err) {
        const e =
          err instanceof CallError ? err : new CallError({ code: 'INTERNAL', message: String(err), details: undefined })
        if (e.code === 'DRAFT_CONFLICT') {
          inFlight = null
          // the newest edit here, not only the one sent: nothing typed meanwhile is lost either
          const lost = JSON.parse(JSON.stringify(config.value ?? JSON.parse(json))) as WorkspaceConfig
          const startedFrom = JSON.parse(lastSaved || json) as WorkspaceConfig
          await open(k)
          lostEdits.lose(e, lost, startedFrom)
          return
        }
        saveError.value = e
        saveState.value = 'error'
      } finally {
        inFlight = null
      }
    })()
    await inFlight
    if ((saveState.value as SaveState) === 'pending') schedule()
  }

  function schedule(): void {
    clearTimeout(timer)
    saveState.value = 'pending'
    timer = setTimeout(() => idleSave.schedule(), SAVE_DEBOUNCE_MS)
  }

  /** An edit of the draft: validated when the page is idle, saved a moment later. */
  function edited(): void {
    if (!config.value || readOnly.value) return
    edits++
    validation.schedule()
    schedule()
  }
  /** A member, its roles or the member list changed (the member table, the add form, the CSV import). */
  const memberEdited = edited

  // An edit outside the member list schedules a save (a load or our own save does not): the rest of the
  // configuration is small, so it is watched deeply and compared with what was last seen.
  watch(
    () => (config.value ? withoutMembers(config.value) : null),
    (rest) => {
      if (!rest) return
      const json = JSON.stringify(rest)
      if (json === lastRest) return
      lastRest = json
      edited()
    },
    { deep: true },
  )
  // A member added or removed without telling (the same configuration, its list longer, shorter or replaced).
  watch(
    () => [config.value, config.value?.members, config.value?.members.length] as const,
    ([c, list, n], [was, wasList, wasN]) => {
      if (c && c === was && (list !== wasList || n !== wasN)) edited()
    },
  )
  // Closing the window or reloading a moment after an edit: it is saved now, not lost with the page (D1).
  onPageLeave(() => {
    if (!config.value || readOnly.value) return
    if (validation.pending) validation.flush()
    if (saveState.value === 'pending') void save(true)
  })

  /** A save of this draft made elsewhere: taken when nothing here is unsaved (else our save meets the conflict). */
  async function changedElsewhere(k: string): Promise<void> {
    if (saveState.value !== 'saved' || inFlight || loading.value) return
    let v: DraftView
    try {
      v = await call('drafts.open', { key: k })
    } catch {
      return // gone or unreadable: the next edit or open says why
    }
    if (key.value !== k || saveState.value !== 'saved' || inFlight || v.revision === revision.value) return
    adopt(v)
    updatedElsewhere.value = true
  }
  onEvent('data.changed', (p) => {
    if (p.area === 'drafts' && p.id !== undefined && p.id === key.value) void changedElsewhere(p.id)
  })

  /** Saves now (e.g. before leaving the screen). */
  async function flush(): Promise<void> {
    validation.flush()
    if (saveState.value === 'pending') await save()
    else if (inFlight) await inFlight
  }

  async function discard(): Promise<boolean> {
    const k = key.value
    if (!k) return false
    clearTimeout(timer)
    const res = await call('drafts.discard', { key: k })
    close()
    return res.discarded
  }

  function close(): void {
    clearTimeout(timer)
    idleSave.cancel()
    validation.cancel()
    key.value = null
    view.value = null
    config.value = null
    context.value = null
    lastSaved = ''
    lastRest = ''
    problems.value = []
    saveState.value = 'saved'
    conflict.value = null
    forgetLost()
    updatedElsewhere.value = false
  }

  return {
    key,
    view,
    config,
    context,
    revision,
    saveState,
    saveError,
    loadError,
    loading,
    conflict,
    lostEdit: lostEdits.lostEdit,
    lostMerge: lostEdits.lostMerge,
    lostChoices: lostEdits.lostChoices,
    lostDecided: lostEdits.lostDecided,
    chooseLost: lostEdits.chooseLost,
    updatedElsewhere,
    reapplyLost: lostEdits.reapplyLost,
    dismissLost: lostEdits.dismissLost,
    readOnly,
    isNew,
    problems,
    errorCount,
    warningCount,
    problemsAt,
    memberEdited,
    open,
    reload,
    save,
    flush,
    discard,
    close,
  }
})
