import { defineStore } from 'pinia'
import { computed, reactive, ref, shallowRef, watch } from 'vue'
import {
  WorkspaceConfigSchema,
  creationSummary,
  checkWorkspaceName,
  validate,
  type CreationSummary,
  type BuiltinRoleId,
  type Problem,
  type ResourceKind,
  type ValidationContext,
  type WorkspaceConfigInput,
  type WorkspaceMode,
} from '@shared/domain'
import type { ResponseOf } from '@shared/ipc/contract'
import { call } from '../bridge'
import { useAppStore } from './app'

export interface WizardMember {
  userId: string
  userName: string
  roles: BuiltinRoleId[]
}
export interface WizardResource {
  kind: ResourceKind
  envType: 'dev' | 'prod'
  name: string
  gpuCount: number | undefined
  gpuType: string
  /** `Spec.clusterType` of a general, Lingjun or ACS resource (ignored for the other kinds). */
  clusterType: 'share' | 'private'
  isDefault: boolean
}

/** The wizard's steps; each owns the problems whose JSON pointer starts with one of its prefixes. */
export const WIZARD_STEPS = [
  { key: 'basic', pointers: ['/basic'] },
  { key: 'members', pointers: ['/members'] },
  { key: 'storage', pointers: ['/storage'] },
  { key: 'resources', pointers: ['/resources'] },
  { key: 'confirm', pointers: [] },
] as const

function emptyForm() {
  return {
    name: '',
    displayName: '',
    description: '',
    mode: 'simple' as WorkspaceMode,
    members: [] as WizardMember[],
    defaultPath: '',
    resources: [] as WizardResource[],
  }
}

/** How long the name must stay unchanged before it is checked in the cloud (W4 as the user types). */
export const NAME_CHECK_DEBOUNCE_MS = 400

export type NameCheck = ResponseOf<'workspaces.checkName'>

/**
 * The create-workspace wizard [新建工作空间] (W1-W3): the form, the configuration it makes, and the
 * problems the shared validator finds in it with the `workspaces.context` of the active profile (W4 names).
 */
export const useWizardStore = defineStore('wizard', () => {
  const form = reactive(emptyForm())
  const step = ref(0)
  const context = shallowRef<ValidationContext | null>(null)
  const contextError = ref<unknown>(null)

  async function loadContext(): Promise<void> {
    contextError.value = null
    try {
      context.value = await call('workspaces.context', { profileId: useAppStore().settings.activeProfileId })
    } catch (err) {
      contextError.value = err
    }
  }

  const config = computed<WorkspaceConfigInput>(() => ({
    basic: {
      name: form.name.trim(),
      displayName: form.displayName.trim(),
      description: form.description.trim(),
      mode: form.mode,
    },
    members: form.members.map((m) => ({
      userId: m.userId.trim(),
      ...(m.userName.trim() ? { userName: m.userName.trim() } : {}),
      roles: m.roles,
    })),
    storage: form.defaultPath.trim() ? { defaultPath: form.defaultPath.trim() } : {},
    resources: form.resources.map((r) => {
      const spec: { gpuCount?: number; gpuType?: string; clusterType?: 'share' | 'private' } = {}
      if (r.gpuCount !== undefined && r.gpuCount > 0) spec.gpuCount = r.gpuCount
      if (r.gpuType.trim()) spec.gpuType = r.gpuType.trim()
      if (r.kind === 'general' || r.kind === 'lingjun' || r.kind === 'acs') spec.clusterType = r.clusterType
      return {
        kind: r.kind,
        envType: r.envType,
        name: r.name.trim(),
        isDefault: r.isDefault,
        ...(Object.keys(spec).length ? { spec } : {}),
      }
    }),
  }))

  // W4 as the user types: a well-formed name is checked after a pause, online by the cloud's own pre-check,
  // offline against the cache (the core decides which); an answer for an older name is dropped.
  const nameCheck = shallowRef<NameCheck | null>(null)
  const nameChecking = ref(false)
  let nameTimer: ReturnType<typeof setTimeout> | undefined
  let nameSeq = 0
  watch(
    () => form.name.trim(),
    (name) => {
      clearTimeout(nameTimer)
      const mine = ++nameSeq
      nameCheck.value = null
      const profileId = useAppStore().settings.activeProfileId
      nameChecking.value = !!profileId && !checkWorkspaceName(name)
      if (!nameChecking.value || !profileId) return
      nameTimer = setTimeout(() => {
        call('workspaces.checkName', { profileId, name })
          .then((r) => {
            if (mine === nameSeq) nameCheck.value = r
          })
          .catch(() => undefined) // the validator's offline check stays
          .finally(() => {
            if (mine === nameSeq) nameChecking.value = false
          })
      }, NAME_CHECK_DEBOUNCE_MS)
    },
  )

  /** W3: what the confirmation step lists (null while the form does not make a configuration yet). */
  const summary = computed<CreationSummary | null>(() => {
    const parsed = WorkspaceConfigSchema.safeParse(config.value)
    return parsed.success ? creationSummary(parsed.data) : null
  })

  /** Every problem of the configuration, from the same validator the core uses, plus the online name check. */
  const problems = computed<Problem[]>(() => {
    if (!context.value) return []
    const found = validate(config.value, context.value).problems
    const online = nameCheck.value
    if (online?.problem && online.name === config.value.basic.name && !found.some((p) => p.ruleId === 'W4'))
      return [online.problem, ...found]
    return found
  })

  function problemsAt(prefix: string): Problem[] {
    return problems.value.filter((p) => p.pointer === prefix || p.pointer.startsWith(`${prefix}/`))
  }
  function stepProblems(index: number): Problem[] {
    const s = WIZARD_STEPS[index]
    if (!s) return []
    return s.pointers.flatMap((p) => problemsAt(p))
  }
  function stepHasErrors(index: number): boolean {
    return stepProblems(index).some((p) => p.severity === 'error')
  }

  function reset(): void {
    clearTimeout(nameTimer)
    nameCheck.value = null
    Object.assign(form, emptyForm())
    step.value = 0
  }

  // A half-finished form belongs to the profile it was started under: another profile starts from scratch
  // (its names, members and resources are another account's).
  watch(
    () => useAppStore().settings.activeProfileId,
    () => reset(),
  )

  return {
    form,
    step,
    context,
    contextError,
    config,
    summary,
    problems,
    nameCheck,
    nameChecking,
    loadContext,
    problemsAt,
    stepProblems,
    stepHasErrors,
    reset,
  }
})
